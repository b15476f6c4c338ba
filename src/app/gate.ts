// Gate mode: judge one PR. Constant cost when search counts can express the
// configuration (area rules too, through the labels the action keeps);
// otherwise (glob exemptions, scoped per-author caps) the whole queue.
import * as core from '@actions/core';
import type { Config } from '../config/types.js';
import type { ConfigSource } from '../config/source.js';
import { canGateFromCounts, planGateFromCounts } from '../core/gate.js';
import { claimsIncomplete } from '../core/issue-budgets.js';
import { rulesFor } from '../core/rules.js';
import { plan } from '../core/plan.js';
import { actionLabelNames, isOneOfLabels, ownLabels } from '../core/labels.js';
import { withMergeGroupStatus } from '../core/merge-group.js';
import { isAuthorLimited } from '../core/queue.js';
import { isUnknownLogin } from '../core/logins.js';
import type { Plan, Snapshot } from '../core/types.js';
import { ActionError } from './action-error.js';
import type { Client, RequestCounts } from '../github/client.js';
import { readGate, readGateCounts, subjectPullRequest } from '../github/read-gate.js';
import { readHistory } from '../github/read-history.js';
import { issueReads, readQueueSnapshot } from '../github/read-snapshot.js';
import type { RepoRef } from '../github/repo.js';

/** What the triggering event adds to a gate (see RunScope in src/app/mode.ts). */
export interface GateEvent {
  /** merge_group: the queue's temporary commit, which gets the PR's status too. */
  mergeGroupSha?: string;
  /** labeled / unlabeled: the label; one of the config file's own labels ends the run after the first read. */
  eventLabel?: string;
}

export type GateResult = { plan: Plan; snapshot: Snapshot; config: Config } | { skip: string };

/**
 * Judges PR `number`: one GraphQL read (config, PR, newest PRs) and one of search counts, or the
 * whole queue when search cannot express the config. Throws ActionError when the PR does not exist.
 */
export async function gate(
  client: Client,
  repo: RepoRef,
  configPath: string,
  number: number,
  loadConfig: (source: ConfigSource) => Config,
  now: Date,
  counts: RequestCounts,
  event: GateEvent = {}
): Promise<GateResult> {
  const read = await readGate(client, repo, configPath, number, counts);
  const config = loadConfig(read.facts.config);
  // Label names set in the config file are known only now: stop before any further request.
  if (event.eventLabel !== undefined && isOneOfLabels(event.eventLabel, ownLabels(config))) {
    return {
      skip: `The label "${event.eventLabel}" is one of the action's own (set in ${configPath}; its own label writes trigger this event): nothing to do.`
    };
  }
  const pr = subjectPullRequest(read, config.statusContext);
  if (!pr) throw new ActionError(`Pull request #${number} was not found in ${repo.owner}/${repo.name}.`);
  if (read.issuesForbidden && issueReads(config).withIssues) {
    throw new ActionError(
      "require-issue and one-pr-per-issue read the issues a PR closes, and this token may not: add `issues: read` to the workflow's permissions."
    );
  }
  const repository = { ...repo, defaultBranch: read.facts.defaultBranch };
  const onMergeGroup = (planned: Plan): Plan =>
    event.mergeGroupSha ? withMergeGroupStatus(planned, pr, event.mergeGroupSha, config) : planned;

  const counted = canGateFromCounts(config);
  const check =
    !counted.ok || !claimsIncomplete(pr, rulesFor(pr, config), config, `${repo.owner}/${repo.name}`)
      ? counted
      : { ok: false as const, why: 'an issue this PR closes has more open PRs than the gate read' };
  if (!check.ok) {
    core.info(`Reading the whole queue for this gate: ${check.why}`);
    const snapshot = await readQueueSnapshot(client, repo, read.facts, config, now, counts);
    return { plan: onMergeGroup(plan(snapshot, config, now, { mode: 'gate', number })), snapshot, config };
  }
  const { counts: gateCounts, existingLabels } = await readGateCounts(
    client,
    {
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
    },
    counts
  );
  // `auto` needs the history (one request); otherwise the pace alone, read with the counts.
  const history =
    config.wipLimit === 'auto'
      ? (await readHistory(client, repo, now, config.adaptive.throughputWindowDays, counts)).history
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
