// Gate mode: judge one PR. Constant cost when search counts can express the
// configuration; otherwise (path rules, glob exemptions) the whole queue.
import * as core from '@actions/core';
import type { Config } from './config/types.js';
import type { ConfigSource } from './config/source.js';
import { canGateFromCounts, planGateFromCounts } from './core/gate.js';
import { plan as decide } from './core/plan.js';
import { isCountable, isAuthorLimited } from './core/queue.js';
import type { Plan, Snapshot } from './core/types.js';
import { ActionError } from './action-error.js';
import type { Client, RequestCounts } from './github/client.js';
import { readGate, readGateCounts, subjectPullRequest } from './github/read-gate.js';
import { readHistory } from './github/read-history.js';
import { readQueueSnapshot } from './github/read-snapshot.js';
import type { RepoRef } from './github/repo.js';

export async function gate(
  client: Client,
  repo: RepoRef,
  configPath: string,
  number: number,
  loadConfig: (source: ConfigSource) => Config,
  now: Date,
  counts: RequestCounts
): Promise<{ plan: Plan; snapshot: Snapshot; config: Config }> {
  const read = await readGate(client, repo, configPath, number, counts);
  const config = loadConfig(read.facts.config);
  const pr = subjectPullRequest(read, config.statusContext);
  if (!pr) throw new ActionError(`Pull request #${number} was not found in ${repo.owner}/${repo.name}.`);
  const repository = { ...repo, defaultBranch: read.facts.defaultBranch };

  const check = canGateFromCounts(config);
  if (!check.ok) {
    core.info(`Reading the whole queue for this gate: ${check.why}`);
    const snapshot = await readQueueSnapshot(client, repo, read.facts, config, false, now, counts);
    return { plan: decide(snapshot, config, now, { mode: 'gate', number }), snapshot, config };
  }
  const gateCounts = await readGateCounts(
    client,
    {
      repo,
      config,
      pr,
      recent: read.recent,
      countable: (recent) => isCountable(recent, config),
      authorLimited: isAuthorLimited(pr, config),
      now
    },
    counts
  );
  const history = config.wipLimit === 'auto' ? await readHistory(client, repo, now, config.adaptive.throughputWindowDays, counts) : undefined;
  const snapshot: Snapshot = {
    repository,
    actor: read.facts.actor,
    pullRequests: [pr],
    authors: gateCounts.merged === undefined ? {} : { [pr.author]: { merged: gateCounts.merged } },
    history
  };
  return { plan: planGateFromCounts(pr, gateCounts, snapshot, config, now), snapshot, config };
}
