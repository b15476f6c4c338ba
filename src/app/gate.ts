// Gate mode: judge one PR. Constant cost when search counts can express the
// configuration (area rules too, through the labels the action keeps);
// otherwise (glob exemptions, scoped per-author caps) the whole queue.
import * as core from '@actions/core';
import type { Config } from '../config/types.js';
import { canGateFromCounts, planGateFromCounts } from '../core/gate.js';
import { claimsIncomplete } from '../core/issue-budgets.js';
import { rulesFor } from '../core/rules.js';
import { plan } from '../core/plan.js';
import { actionLabelNames } from '../core/labels.js';
import { withMergeGroupStatus } from '../core/merge-group.js';
import { isAuthorLimited } from '../core/queue.js';
import { isUnknownLogin } from '../core/logins.js';
import type { Plan, Snapshot } from '../core/types.js';
import { ActionError } from './action-error.js';
import { readGateCounts, subjectPullRequest, type GateRead } from '../github/read-gate.js';
import { readHistory } from '../github/read-history.js';
import { issueReads, readQueueSnapshot } from '../github/read-snapshot.js';
import type { GitHubSession } from '../github/session.js';
import type { GateScope } from './mode.js';
import type { PlannedRun } from './planned.js';

/**
 * Judges PR `scope.number` after its first read (`read`, see readGate): one more GraphQL request of
 * search counts, or the whole queue when search cannot express the config. Throws ActionError when
 * the PR does not exist.
 */
export async function gate(
  session: GitHubSession,
  read: GateRead,
  config: Config,
  now: Date,
  scope: GateScope
): Promise<PlannedRun> {
  const { repo } = session;
  const { number } = scope;
  const pr = subjectPullRequest(read, config.statusContext);
  if (!pr) throw new ActionError(`Pull request #${number} was not found in ${repo.owner}/${repo.name}.`);
  if (read.issuesForbidden && issueReads(config).withIssues) {
    throw new ActionError(
      "require-issue and one-pr-per-issue read the issues a PR closes, and this token may not: add `issues: read` to the workflow's permissions."
    );
  }
  const repository = { ...repo, defaultBranch: read.facts.defaultBranch };
  const onMergeGroup = (planned: Plan): Plan =>
    scope.mergeGroupSha ? withMergeGroupStatus(planned, pr, scope.mergeGroupSha, config) : planned;

  const counted = canGateFromCounts(config);
  const check =
    !counted.ok || !claimsIncomplete(pr, rulesFor(pr, config), config, `${repo.owner}/${repo.name}`)
      ? counted
      : { ok: false as const, why: 'an issue this PR closes has more open PRs than the gate read' };
  if (!check.ok) {
    core.info(`Reading the whole queue for this gate: ${check.why}`);
    const snapshot = await readQueueSnapshot(session, read.facts, config, now);
    return { plan: onMergeGroup(plan(snapshot, config, now, { mode: 'gate', number })), snapshot, config };
  }
  const { counts: gateCounts, existingLabels } = await readGateCounts(session, {
    repo,
    config,
    pr,
    recent: read.recent,
    // A deleted account (`ghost`) is never under per-author budgets: nothing to count.
    authorLimited: isAuthorLimited(pr, config) && !isUnknownLogin(pr.author),
    now,
    labels: actionLabelNames(config),
    // The merge pace for the expected wait rides along in the counts request: no extra request.
    paceWindowDays: config.wipLimit === 'auto' ? undefined : config.adaptive.throughputWindowDays
  });
  // `auto` needs the history (one request); otherwise the pace alone, read with the counts.
  const history =
    config.wipLimit === 'auto'
      ? (await readHistory(session, now, config.adaptive.throughputWindowDays)).history
      : gateCounts.mergedInWindow === undefined
        ? undefined
        : { mergedInWindow: gateCounts.mergedInWindow, weeks: [] };
  const snapshot: Snapshot = {
    repository,
    actor: read.facts.actor,
    pullRequests: [pr],
    authors: gateCounts.merged === undefined ? {} : { [pr.author]: { merged: gateCounts.merged } },
    history,
    existingLabels
  };
  return { plan: onMergeGroup(planGateFromCounts(pr, gateCounts, snapshot, config, now)), snapshot, config };
}
