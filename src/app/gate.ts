// Gate mode: judge one PR. Constant cost when search counts can express the
// configuration (area rules too, through the labels the action keeps);
// otherwise (glob exemptions, scoped per-author caps) the whole queue.
import * as core from '@actions/core';
import type { Config } from '../config/types.js';
import { needsAuthorCounts } from '../core/author-budgets.js';
import { paceHistory, planGateFromCounts, wholeQueueReason } from '../core/plan-gate.js';
import { plan } from '../core/plan.js';
import { actionLabelNames } from '../core/labels.js';
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
 * The constant-cost gate: the PRs ahead, the queue size and the author's counts as one request of
 * search counts (with the merge pace; `wip-limit: auto` reads the history too), planned by the core.
 */
async function gateFromCounts(
  session: GitHubSession,
  read: GateRead,
  pr: PullRequest,
  config: Config,
  now: Date
): Promise<{ plan: Plan; snapshot: Snapshot }> {
  const { counts, existingLabels } = await readGateCounts(session, {
    repo: session.repo,
    config,
    pr,
    recent: read.recent,
    authorLimited: needsAuthorCounts(pr, config),
    now,
    labels: actionLabelNames(config),
    // The merge pace for the expected wait rides along in the counts request: no extra request.
    paceWindowDays: config.wipLimit === 'auto' ? undefined : config.adaptive.throughputWindowDays
  });
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
    existingLabels
  };
  return { plan: planGateFromCounts(pr, counts, snapshot, config, now), snapshot };
}

/**
 * Judges PR `scope.number` after its first read (`read`, see readGate): one more GraphQL request of
 * search counts, or the whole queue when search cannot express the config. A merge group's commit
 * gets the PR's status too. Throws ActionError when the PR does not exist or the token may not read
 * the issues a rule needs.
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
  let planned: { plan: Plan; snapshot: Snapshot };
  if (why) {
    core.info(`Reading the whole queue for this gate: ${why}`);
    const snapshot = await readQueueSnapshot(session, read.facts, config, now);
    planned = { plan: plan(snapshot, config, now, { mode: 'gate', number: scope.number }), snapshot };
  } else planned = await gateFromCounts(session, read, pr, config, now);
  const merged = scope.mergeGroupSha ? withMergeGroupStatus(planned.plan, pr, scope.mergeGroupSha) : planned.plan;
  return { plan: merged, snapshot: planned.snapshot, config };
}
