// The gate's read in constant cost: one GraphQL document for the config, the
// PR and the newest open PRs, then one of aliased search counts for the PRs
// ahead of it in the order. Search can lag behind PRs opened moments ago, so
// PRs opened within SEARCH_LAG_MS are counted from the live read instead.
import type { Config } from '../config/types.js';
import type { GateCounts, PullRequest } from '../core/types.js';
import type { Client, RequestCounts } from './client.js';
import { restLogin, toPullRequest, type ListConnection, type PullRequestNode } from './convert.js';
import { query } from './graphql.js';
import { GATE_QUERY } from './queries.js';
import { completeNestedLists, noteCappedFiles } from './read-nested.js';
import { repositoryFacts, type RepositoryFacts, type RepositoryFactsNode } from './read-repository.js';
import type { RepoRef } from './repo.js';
import { countSearches, quote, searchLogin, searchTime } from './search-counts.js';
import type { QueueFacts } from '../core/queue.js';

/** How far behind live data the search index is assumed to be. */
export const SEARCH_LAG_MS = 5 * 60_000;
const DAY_MS = 86_400_000;

interface RecentNode {
  number: number;
  createdAt: string;
  isDraft: boolean;
  baseRefName: string;
  author: { __typename?: string; login: string } | null;
  labels: ListConnection<{ name: string }> | null;
}

interface GateData {
  viewer: { __typename?: string; login: string };
  repository: RepositoryFactsNode & { pullRequest: PullRequestNode | null; recent: { nodes: RecentNode[] } };
}

/** An open PR known only by the few facts the queue order needs. */
export type RecentPullRequest = QueueFacts;

export interface GateRead {
  facts: RepositoryFacts;
  /** Undefined when the PR does not exist (or is not a PR). */
  subject?: PullRequestNode;
  recent: RecentPullRequest[];
}

/**
 * The gate's first read (GitHub GraphQL): the config file, the PR `number`
 * with whole nested lists and its comments' bodies (one PR: no memory
 * concern), and the 30 newest open PRs. A PR or recent PR with more than a
 * first page of some list costs one follow-up request (read-nested.ts).
 */
export async function readGate(client: Client, repo: RepoRef, configPath: string, number: number, counts: RequestCounts): Promise<GateRead> {
  const data = await query<GateData>(client, GATE_QUERY, { ...repo, configPath, number, withFiles: false, withBodies: true }, counts);
  const subject = data.repository.pullRequest;
  await completeNestedLists(client, repo, [...(subject ? [subject] : []), ...data.repository.recent.nodes], true, counts);
  if (subject) noteCappedFiles(subject, counts);
  return {
    facts: repositoryFacts(data.repository, data.viewer),
    subject: data.repository.pullRequest ?? undefined,
    recent: data.repository.recent.nodes.map((n) => ({
      number: n.number,
      createdAt: n.createdAt,
      isDraft: n.isDraft,
      baseRef: n.baseRefName,
      author: restLogin(n.author),
      labels: (n.labels?.nodes ?? []).map((l) => l.name)
    }))
  };
}

export function subjectPullRequest(read: GateRead, statusContext: string): PullRequest | undefined {
  return read.subject ? toPullRequest(read.subject, read.facts.actor, statusContext) : undefined;
}

interface GateCountInput {
  repo: RepoRef;
  config: Config;
  pr: PullRequest;
  recent: RecentPullRequest[];
  /** Whether a recent PR counts in the queue: the core's own test, on partial facts. */
  countable: (pr: RecentPullRequest) => boolean;
  /** Does the PR's author fall under per-author budgets (association, not yet trust)? */
  authorLimited: boolean;
  now: Date;
}

/** The PRs ahead, the queue size and the author's counts, from search plus the live recent list. */
export async function readGateCounts(client: Client, input: GateCountInput, counts: RequestCounts): Promise<GateCounts & { merged?: number }> {
  const { repo, config, pr, recent, now } = input;
  const created = new Date(pr.createdAt);
  const oldestRecent = recent.length >= 30 ? new Date(recent[0].createdAt) : new Date(0);
  // Search answers for PRs created before liveCutoff; the live list for the rest.
  const liveCutoff = new Date(Math.max(now.getTime() - SEARCH_LAG_MS, oldestRecent.getTime()));
  const cutoff = new Date(Math.min(created.getTime(), liveCutoff.getTime()));
  const isPriority = (labels: string[]) => labels.some((l) => config.priorityLabels.includes(l));
  const subjectPriority = isPriority(pr.labels);

  const queue = [
    `repo:${repo.owner}/${repo.name}`,
    'is:pr',
    'is:open',
    config.countDrafts ? '' : 'draft:false',
    ...config.baseBranches.map((b) => `base:${quote(b)}`),
    ...config.exemptLabels.map((l) => `-label:${quote(l)}`),
    ...config.exemptAuthors.map((a) => `-author:${searchLogin(a)}`)
  ].filter(Boolean);
  const notViolation = `-label:${quote(config.violationLabel)}`;
  const before = (t: Date) => `created:<${searchTime(t)}`;
  const priority = config.priorityLabels.length > 0 ? `label:${config.priorityLabels.map(quote).join(',')}` : '';
  const notPriority = config.priorityLabels.map((l) => `-label:${quote(l)}`);

  const searches: Record<string, string> = { queue: [...queue, before(liveCutoff)].join(' ') };
  if (subjectPriority) {
    searches.ahead = [...queue, notViolation, priority, before(cutoff)].join(' ');
  } else {
    searches.ahead = [...queue, notViolation, ...notPriority, before(cutoff)].join(' ');
    if (priority) searches.priorityAhead = [...queue, notViolation, priority, before(cutoff)].join(' ');
  }
  const author = `author:${searchLogin(pr.author)}`;
  const windows = [...new Set(config.rules.flatMap((r) => (r.budgets.maxOpenedPerAuthor ? [r.budgets.maxOpenedPerAuthor.days] : [])))];
  if (input.authorLimited) {
    searches.authorOpen = [...queue, author, before(cutoff)].join(' ');
    for (const days of windows) {
      const start = new Date(now.getTime() - days * DAY_MS);
      searches[`opened${days}`] = `repo:${repo.owner}/${repo.name} is:pr ${author} created:${searchTime(start)}..${searchTime(new Date(cutoff.getTime() - 1000))}`;
    }
    if (config.trustedAfterMerged > 0) searches.merged = `repo:${repo.owner}/${repo.name} is:pr is:merged ${author}`;
  }
  const result = await countSearches(client, searches, counts);

  const others = recent.filter((r) => r.number !== pr.number);
  const live = others.filter((r) => new Date(r.createdAt) >= cutoff);
  const liveCountable = live.filter(input.countable);
  const newerThanLiveCutoff = (t: string) => new Date(t) >= liveCutoff;
  const olderThanSubject = (r: RecentPullRequest) => new Date(r.createdAt) < created || (r.createdAt === pr.createdAt && r.number < pr.number);
  const liveAhead = liveCountable.filter(
    (r) => !r.labels.includes(config.violationLabel) && (isPriority(r.labels) ? !subjectPriority || olderThanSubject(r) : !subjectPriority && olderThanSubject(r))
  ).length;
  const liveAuthor = liveCountable.filter((r) => r.author === pr.author && olderThanSubject(r)).length;

  const ahead = result.ahead + (result.priorityAhead ?? 0) + liveAhead;
  return {
    ahead,
    queueSize: Math.max(
      result.queue + liveCountable.filter((r) => newerThanLiveCutoff(r.createdAt)).length + (newerThanLiveCutoff(pr.createdAt) && input.countable(pr) ? 1 : 0),
      ahead + 1
    ),
    authorOpenBefore: (result.authorOpen ?? 0) + liveAuthor,
    authorOpenedBefore: Object.fromEntries(
      windows.map((days) => [days, (result[`opened${days}`] ?? 0) + live.filter((r) => r.author === pr.author && olderThanSubject(r)).length])
    ),
    merged: result.merged
  };
}
