// The whole-queue read for sweep, advance and the gate's fallback:
// ⌈N/100⌉ pages of open PRs plus a constant (repository, history, authors).
import * as core from '@actions/core';
import type { Config } from '../config/types.js';
import type { ConfigSource } from '../config/source.js';
import type { Snapshot } from '../core/types.js';
import type { Client, RequestCounts } from './client.js';
import { readAuthorStats } from './read-author-stats.js';
import { readHistory } from './read-history.js';
import { readOpenPullRequests } from './read-queue.js';
import { readRepository, type RepositoryFacts } from './read-repository.js';
import type { RepoRef } from './repo.js';

export function needsFiles(config: Config): boolean {
  return config.rules.some((rule) => rule.selector.paths !== undefined);
}

/** Everything but the repository facts, for a caller that already has them. */
export async function readQueueSnapshot(
  client: Client,
  repo: RepoRef,
  facts: RepositoryFacts,
  config: Config,
  withHistory: boolean,
  now: Date,
  counts: RequestCounts,
  onProgress: (read: number, total: number) => void = (read, total) => core.debug(`Read ${read} of ${total} open pull requests`)
): Promise<Snapshot> {
  const pullRequests = await readOpenPullRequests(
    client,
    repo,
    {
      withFiles: needsFiles(config),
      statusContext: config.statusContext,
      actor: facts.actor,
      onProgress
    },
    counts
  );
  const authors = await readAuthorStats(client, repo, config, pullRequests, now, counts);
  const history = withHistory || config.wipLimit === 'auto' ? await readHistory(client, repo, now, config.adaptive.throughputWindowDays, counts) : undefined;
  return { repository: { ...repo, defaultBranch: facts.defaultBranch }, actor: facts.actor, pullRequests, authors, history };
}

export async function readSnapshot(
  client: Client,
  repo: RepoRef,
  configPath: string,
  loadConfig: (source: ConfigSource) => Config,
  mode: 'sweep' | 'advance',
  now: Date,
  counts: RequestCounts,
  onProgress?: (read: number, total: number) => void
): Promise<{ snapshot: Snapshot; config: Config }> {
  const facts = await readRepository(client, repo, configPath, counts);
  const config = loadConfig(facts.config);
  // The sweep's report charts inflow against throughput; advance only needs it for `auto`.
  const snapshot = await readQueueSnapshot(client, repo, facts, config, mode === 'sweep', now, counts, onProgress);
  return { snapshot, config };
}
