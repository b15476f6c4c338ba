// The pure core: plan(snapshot, config, now, scope) decides every PR's state
// and the writes that show it. No network, no clock of its own.
import type { Config } from '../config/types.js';
import { adaptiveLimit } from './adaptive.js';
import { decideQueue } from './decide.js';
import { sharedIssues } from './issue-budgets.js';
import { stampedDescription, stampMatches } from './state-stamp.js';
import { decideStale } from './stale.js';
import { flowOf, mergePace } from './flow.js';
import { reviewerKey, reviewerLimitOf, reviewPace } from './review-capacity.js';
import { chooseReviewer, poolLimit, reviewerLoads } from './assign-reviewers.js';
import { rulesFor } from './rules.js';
import { reviewerRows, type ReviewerRow } from './reviewer-report.js';

const reviewersOf = (rows: ReviewerRow[]) => (rows.length > 0 ? { reviewers: rows } : {});
import type { ReviewerLimit } from './seat-groups.js';
import type { AdaptiveLimit, Flow, MergePace, Plan, PlanScope, PullRequest, Snapshot } from './types.js';
import { planWrites, type Evaluated } from './writes.js';

/** The limits in effect: the WIP limit, each reviewer's, and what the history tells. */
export interface Limits {
  wipLimit: number;
  adaptive?: AdaptiveLimit;
  pace?: MergePace;
  flow?: Flow;
  /** Each reviewer's limit (review-capacity.ts). */
  reviewerLimit: ReviewerLimit;
  /** Reviews per day by reviewer, when the review history was read. */
  reviewPace?: Map<string, number>;
}

/**
 * The WIP limit (and how `auto` got it) and each reviewer's, with the merge pace and weekly flow
 * when the history was read. Throws when `auto` has no history to work from.
 */
export function effectiveLimit(snapshot: Snapshot, config: Config, now: Date): Limits {
  const { history } = snapshot;
  const reviewPaces = snapshot.reviewHistory ? reviewPace(snapshot.reviewHistory, now) : undefined;
  const known = {
    ...(history ? { pace: mergePace(history, config.adaptive.throughputWindowDays), flow: flowOf(history, now) } : {}),
    reviewerLimit: reviewerLimitOf(config, snapshot.reviewHistory, now),
    ...(reviewPaces ? { reviewPace: reviewPaces } : {})
  };
  if (config.wipLimit !== 'auto') return { wipLimit: config.wipLimit, ...known };
  if (!history) throw new Error('wip-limit "auto" needs the merge history, and the snapshot has none');
  const adaptive = adaptiveLimit(history, config.adaptive);
  return { wipLimit: adaptive.limit, adaptive, ...known };
}

/**
 * What a run shows on each PR (README "How the queue works"): a sweep
 * reconciles everything; an advance, and a whole-queue gate for the PRs
 * other than its own, write every PR whose decision changed kind (the PRs a
 * close or the gate's PR moved: a free seat, an author's budget, an issue's
 * holder), derived from the model, not from a list of cases. A gate leaves
 * the others alone on a queue no run has reconciled for this configuration
 * (what they show is not news then; a sweep or an advance writes it).
 */
function shows(scope: PlanScope, pr: PullRequest, reconciled: boolean): Evaluated['shows'] {
  if (scope.mode === 'sweep') return 'all';
  if (scope.mode === 'gate') return pr.number === scope.number ? 'all' : reconciled ? 'changes' : 'none';
  return 'changes';
}

/**
 * assign-reviewers: each admitted PR this run writes to that waits on nobody's review gets one, in
 * position order, each request counted in the next one's loads.
 */
function assignAll(evaluated: Evaluated[], config: Config, limit: ReviewerLimit, scope: PlanScope): void {
  if (config.reviewers.assign === 'off') return;
  const admitted = evaluated.filter((e) => e.decision.state === 'admitted');
  const loads = reviewerLoads(admitted.map((e) => e.pr));
  for (const { pr, decision } of admitted) {
    if (scope.mode === 'gate' && pr.number !== scope.number) continue;
    const assigned = chooseReviewer(pr, decision, config, loads, poolLimit(rulesFor(pr, config), limit));
    if (!assigned) continue;
    decision.assigned = assigned;
    loads.set(reviewerKey(assigned.reviewer), assigned.load + 1);
  }
}

export function plan(snapshot: Snapshot, config: Config, now: Date, scope: PlanScope): Plan {
  const { wipLimit, adaptive, pace, flow, reviewerLimit, reviewPace: paces } = effectiveLimit(snapshot, config, now);
  const { decisions, queueSize } = decideQueue(snapshot, config, wipLimit, now, pace?.perDay, reviewerLimit);
  const byNumber = new Map<number, PullRequest>(snapshot.pullRequests.map((pr) => [pr.number, pr]));
  const evaluated: Evaluated[] = decisions.map((decision) => ({
    pr: byNumber.get(decision.number) as PullRequest,
    decision
  }));
  // Every mode shows whose move each PR is; only a sweep runs the lifecycle's writes.
  for (const { pr, decision } of evaluated) decision.stale = decideStale(pr, config, snapshot.actor, now);
  assignAll(evaluated, config, reviewerLimit, scope);
  // Every PR's state labels are reconciled here, so the stamp can vouch for them (state-stamp.ts).
  const reconciled = stampMatches(snapshot.stateStamp, config);
  // A run that writes every PR's state labels records that in the stamp: a sweep or an advance.
  const stamps = scope.mode !== 'gate' && snapshot.stateStamp !== undefined && !reconciled;
  const stamp = stamps ? stampedDescription(config, now) : undefined;
  const planned = planWrites(
    evaluated.map((e) => ({ ...e, shows: shows(scope, e.pr, reconciled) })),
    config,
    {
      wipLimit,
      lifecycle: scope.mode === 'sweep',
      actor: snapshot.actor,
      existingLabels: snapshot.existingLabels,
      stamp
    }
  );
  return {
    mode: scope.mode,
    read: 'queue',
    now: now.toISOString(),
    wipLimit,
    adaptive,
    pace,
    flow,
    queueSize,
    decisions,
    subject: scope.mode === 'gate' ? decisions.find((d) => d.number === scope.number) : undefined,
    ...planned,
    sharedIssues: sharedIssues(snapshot, config),
    ...reviewersOf(reviewerRows(evaluated, config, reviewerLimit, now, paces))
  };
}
