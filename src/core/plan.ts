// The pure core: plan(snapshot, config, now, scope) decides every PR's state
// and the writes that show it. No network, no clock of its own.
import type { Config } from '../config/types.js';
import { adaptiveLimit } from './adaptive.js';
import { decideQueue } from './decide.js';
import { sharedIssues } from './issue-budgets.js';
import { hasLabel } from './label-names.js';
import { sameLogin } from './logins.js';
import { decideStale } from './stale.js';
import { flowOf, mergePace } from './flow.js';
import type { AdaptiveLimit, Flow, MergePace, Plan, PlanScope, PullRequest, Snapshot } from './types.js';
import { planWrites, type Evaluated } from './writes.js';

/** The WIP limit (and how `auto` got it), with the merge pace and weekly flow when the history was read. */
export function effectiveLimit(
  snapshot: Snapshot,
  config: Config,
  now: Date
): { wipLimit: number; adaptive?: AdaptiveLimit; pace?: MergePace; flow?: Flow } {
  const { history } = snapshot;
  const known = history
    ? { pace: mergePace(history, config.adaptive.throughputWindowDays), flow: flowOf(history, now) }
    : {};
  if (config.wipLimit !== 'auto') return { wipLimit: config.wipLimit, ...known };
  if (!history) throw new Error('wip-limit "auto" needs the merge history, and the snapshot has none');
  const adaptive = adaptiveLimit(history, config.adaptive);
  return { wipLimit: adaptive.limit, adaptive, ...known };
}

/** Which PRs a run writes to: the subject (gate), what a close can change (advance), or all (sweep). */
function inScope(scope: PlanScope, evaluated: Evaluated, config: Config): boolean {
  if (scope.mode === 'sweep') return true;
  if (scope.mode === 'gate') return evaluated.pr.number === scope.number;
  const { pr, decision } = evaluated;
  const nowAdmitted = decision.state === 'admitted' && pr.status?.state !== 'success';
  return (
    nowAdmitted ||
    (scope.closedAuthor !== undefined && sameLogin(pr.author, scope.closedAuthor)) ||
    mayHaveHeldBack(pr, config)
  );
}

/**
 * A PR that closes an issue and carries the violation label may have been a
 * duplicate of the PR that just closed, whose linked issues this run cannot
 * read: re-judging it lets the next PR take the issue over
 * (README "Linked issues"). A PR whose state did not change gets no write.
 */
function mayHaveHeldBack(pr: PullRequest, config: Config): boolean {
  return (pr.closingIssues?.issues.length ?? 0) > 0 && hasLabel(pr.labels, config.violationLabel);
}

export function plan(snapshot: Snapshot, config: Config, now: Date, scope: PlanScope): Plan {
  const { wipLimit, adaptive, pace, flow } = effectiveLimit(snapshot, config, now);
  const { decisions, queueSize } = decideQueue(snapshot, config, wipLimit, now, pace?.perDay);
  const byNumber = new Map<number, PullRequest>(snapshot.pullRequests.map((pr) => [pr.number, pr]));
  const evaluated: Evaluated[] = decisions.map((decision) => ({
    pr: byNumber.get(decision.number) as PullRequest,
    decision
  }));
  // Every mode shows whose move each PR is; only a sweep runs the lifecycle's writes.
  for (const { pr, decision } of evaluated) decision.stale = decideStale(pr, config, snapshot.actor, now);
  const planned = planWrites(
    evaluated.filter((e) => inScope(scope, e, config)),
    config,
    { wipLimit, lifecycle: scope.mode === 'sweep', actor: snapshot.actor, existingLabels: snapshot.existingLabels }
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
    sharedIssues: sharedIssues(snapshot, config)
  };
}
