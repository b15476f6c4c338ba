// The whole-queue read for sweep, advance and the gate's fallback:
// ⌈N/100⌉ pages of open PRs plus a constant (repository, history, authors).
// Every whole-queue read includes the history (one request): the expected
// waits in statuses and comments need the merge pace in every mode.
import * as core from '@actions/core';
import type { Config } from '../config/types.js';
import { actionLabelNames } from '../core/labels.js';
import type { ConfigSource } from '../config/source.js';
import type { Snapshot } from '../core/types.js';
import type { Client, RequestCounts } from './client.js';
import { readAuthorStats } from './read-author-stats.js';
import { readHistory } from './read-history.js';
import { readOpenPullRequests } from './read-queue.js';
import { readRepository, type RepositoryFacts } from './read-repository.js';
import type { RepoRef } from './repo.js';

function needsFiles(config: Config): boolean {
  return config.rules.some((rule) => rule.selector.paths !== undefined);
}

/** The linked-issue facts the rules need: issue numbers for either budget; assignees and labels for require-issue. */
export function issueReads(config: Config): { withIssues: boolean; withIssueFacts: boolean } {
  const budgets = config.rules.map((rule) => rule.budgets);
  return {
    withIssues: budgets.some((b) => b.requireIssue !== undefined || b.onePrPerIssue),
    withIssueFacts: budgets.some((b) => b.requireIssue === 'assigned' || (b.issueLabels?.length ?? 0) > 0)
  };
}

/** Everything but the repository facts, for a caller that already has them. */
export async function readQueueSnapshot(
  client: Client,
  repo: RepoRef,
  facts: RepositoryFacts,
  config: Config,
  now: Date,
  counts: RequestCounts,
  onProgress: (read: number, total: number) => void = (read, total) =>
    core.debug(`Read ${read} of ${total} open pull requests`)
): Promise<Snapshot> {
  const pullRequests = await readOpenPullRequests(
    client,
    repo,
    {
      withFiles: needsFiles(config),
      ...issueReads(config),
      statusContext: config.statusContext,
      actor: facts.actor,
      onProgress
    },
    counts
  );
  const authors = await readAuthorStats(client, repo, config, pullRequests, now, counts);
  // The history request also looks up the action's labels.
  const { history, existingLabels } = await readHistory(
    client,
    repo,
    now,
    config.adaptive.throughputWindowDays,
    counts,
    actionLabelNames(config)
  );
  return {
    repository: { ...repo, defaultBranch: facts.defaultBranch },
    actor: facts.actor,
    pullRequests,
    authors,
    history,
    existingLabels
  };
}

export async function readSnapshot(
  client: Client,
  repo: RepoRef,
  configPath: string,
  loadConfig: (source: ConfigSource) => Config,
  now: Date,
  counts: RequestCounts,
  onProgress?: (read: number, total: number) => void
): Promise<{ snapshot: Snapshot; config: Config }> {
  const facts = await readRepository(client, repo, configPath, counts);
  const config = loadConfig(facts.config);
  const snapshot = await readQueueSnapshot(client, repo, facts, config, now, counts, onProgress);
  return { snapshot, config };
}
