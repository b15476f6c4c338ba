// Gate mode: judge one PR. Constant cost when search counts can express the
// configuration and the queue labels the action keeps are reconciled for it
// (area rules too); otherwise (glob exemptions, scoped per-author caps, a
// fresh install, a decision that moves other PRs) the whole queue.
import * as core from '@actions/core';
import type { Config } from '../config/types.js';
import { needsAuthorCounts } from '../core/author-budgets.js';
import { paceHistory, planGateFromCounts, wholeQueueReason } from '../core/plan-gate.js';
import { plan } from '../core/plan.js';
import { actionLabelNames } from '../core/labels.js';
import { sameLabel } from '../core/label-names.js';
import { needsReviewHistory, reviewerLimitOf } from '../core/review-capacity.js';
import { readReviewHistory } from '../github/read-review-history.js';
import { withMergeGroupStatus } from '../core/merge-group.js';
import type { Plan, PullRequest, Snapshot } from '../core/types.js';
import { ActionError } from './action-error.js';
import { readGateCounts, subjectPullRequest, type GateRead } from '../github/read-gate.js';
import { readHistory } from '../github/read-history.js';
import { issueReads, readQueueSnapshot } from '../github/read-snapshot.js';
import type { GitHubSession } from '../github/session.js';
import type { GateScope } from './mode.js';
import type { PlannedRun } from './planned.js';

/**
 * The constant-cost gate: the waiting line ahead, the seats held, the queue size and the author's
 * counts in one request (with the merge pace; `wip-limit: auto` reads the history too), planned by
 * the core; or why the core needs the whole queue instead.
 */
async function gateFromCounts(
  session: GitHubSession,
  read: GateRead,
  pr: PullRequest,
  config: Config,
  now: Date,
  scope: GateScope
): Promise<{ plan: Plan; snapshot: Snapshot } | { needsQueue: string; unreconciled?: true }> {
  // The seats held came with the first read when the file did not rename admitted-label.
  const held = sameLabel(read.held.label, config.admittedLabel) ? read.held.facts : undefined;
  // Reviewers' limits under `auto` come from their pace, which the counts need (full reviewers).
  const reviewHistory = needsReviewHistory(config)
    ? await readReviewHistory(session, now, config.adaptive.throughputWindowDays)
    : undefined;
  const { counts, existingLabels, stateStamp } = await readGateCounts(session, {
    reviewerLimit: reviewerLimitOf(config, reviewHistory, now),
    repo: session.repo,
    config,
    pr,
    recent: read.recent,
    ...(held ? { held } : {}),
    authorLimited: needsAuthorCounts(pr, config),
    now,
    labels: actionLabelNames(config),
    // The merge pace for the expected wait rides along in the counts request: no extra request.
    paceWindowDays: config.wipLimit === 'auto' ? undefined : config.adaptive.throughputWindowDays
  });
  if (!counts) return { needsQueue: 'a PR holding a seat, or created in the same second, has more than 100 labels' };
  // `auto` needs the history (one request); otherwise the pace alone, read with the counts.
  const history =
    config.wipLimit === 'auto'
      ? (await readHistory(session, now, config.adaptive.throughputWindowDays)).history
      : paceHistory(counts.mergedInWindow);
  const snapshot: Snapshot = {
    repository: { ...session.repo, defaultBranch: read.facts.defaultBranch },
    actor: read.facts.actor,
    pullRequests: [pr],
    authors: counts.merged === undefined ? {} : { [pr.author]: { merged: counts.merged } },
    history,
    existingLabels,
    stateStamp,
    ...(reviewHistory ? { reviewHistory } : {})
  };
  const event = {
    reopened: scope.reopened === true,
    ...(scope.leftReviewer ? { leftReviewer: scope.leftReviewer } : {})
  };
  const planned = planGateFromCounts(pr, counts, snapshot, config, now, event);
  return 'plan' in planned ? { plan: planned.plan, snapshot } : planned;
}

/**
 * Judges PR `scope.number` after its first read (`read`, see readGate): one more GraphQL request of
 * search counts, or the whole queue when the counts cannot decide (the config, a queue state not
 * yet reconciled, or a decision that moves other PRs: then this run advances them too, as a close
 * does). A merge group's commit gets the PR's status too. Throws ActionError when the PR does not
 * exist or the token may not read the issues a rule needs.
 */
export async function gate(
  session: GitHubSession,
  read: GateRead,
  config: Config,
  now: Date,
  scope: GateScope
): Promise<PlannedRun> {
  const { repo } = session;
  const pr = subjectPullRequest(read, config.statusContext);
  if (!pr) throw new ActionError(`Pull request #${scope.number} was not found in ${repo.owner}/${repo.name}.`);
  if (read.issuesForbidden && issueReads(config).withIssues) {
    throw new ActionError(
      'require-issue and one-pr-per-issue read the issues a PR closes, and this token may not: ' +
        "add `issues: read` to the workflow's permissions."
    );
  }
  const why = wholeQueueReason(pr, config, `${repo.owner}/${repo.name}`);
  const counted = why ? { needsQueue: why } : await gateFromCounts(session, read, pr, config, now, scope);
  let planned: { plan: Plan; snapshot: Snapshot };
  if ('needsQueue' in counted) {
    if ('unreconciled' in counted)
      core.notice(
        `This gate read the whole queue: ${counted.needsQueue}. ` +
          'The next sweep (or a close) writes them, and gates then decide in two reads again.'
      );
    else core.info(`Reading the whole queue for this gate: ${counted.needsQueue}`);
    const snapshot = await readQueueSnapshot(session, read.facts, config, now);
    const whole = plan(snapshot, config, now, { mode: 'gate', number: scope.number });
    planned = { plan: { ...whole, wholeQueueReason: counted.needsQueue }, snapshot };
  } else planned = counted;
  const merged = scope.mergeGroupSha ? withMergeGroupStatus(planned.plan, pr, scope.mergeGroupSha) : planned.plan;
  return { plan: merged, snapshot: planned.snapshot, config };
}
