// The gate's read in constant cost: one GraphQL document for the config, the
// PR (with its files) and the newest open PRs, then one of aliased search
// counts for the PRs ahead of it in the order (built by core/gate-searches.ts),
// which also looks up the action's labels.
import { gateCounts, gateSearches, type GateSearchCounts, type GateSearchInput } from '../core/gate-searches.js';
import type { QueueFacts } from '../core/queue.js';
import type { PullRequest } from '../core/types.js';
import type { GitHubSession } from './session.js';
import { restLogin, toPullRequest, type ListConnection, type PullRequestNode } from './convert.js';
import { query } from './graphql.js';
import { GATE_QUERY } from './queries.js';
import { dataWithoutIssues } from './issues-forbidden.js';
import { completeNestedLists, noteCappedFiles } from './read-nested.js';
import { repositoryFacts, type RepositoryFacts, type RepositoryFactsNode } from './read-repository.js';
import { countSearches } from './search-counts.js';

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

export interface GateRead {
  facts: RepositoryFacts;
  /** Undefined when the PR does not exist (or is not a PR). */
  subject?: PullRequestNode;
  /** The newest open PRs, oldest first, known by the few facts the queue order needs. */
  recent: QueueFacts[];
  /** The token may not read issues (no `issues: read`): the PR's linked issues are unknown. */
  issuesForbidden?: boolean;
}

/**
 * The gate's first read (GitHub GraphQL): the config file, the PR `number`
 * with whole nested lists (its files always: a rule may select by paths, and
 * the config arrives in this same answer) and its comments' bodies (one PR: no
 * memory concern), the issues it closes, and the 30 newest open PRs. A PR or
 * recent PR with more than a first page of some list costs one follow-up
 * request (read-nested.ts).
 */
export async function readGate(session: GitHubSession, configPath: string, number: number): Promise<GateRead> {
  let issuesForbidden = false;
  const data = await query<GateData>(session, GATE_QUERY, {
    ...session.repo,
    configPath,
    number,
    withFiles: true,
    withBodies: true
  }).catch((error: unknown) => {
    const rest = dataWithoutIssues<GateData>(error);
    if (!rest) throw error;
    issuesForbidden = true;
    if (rest.repository.pullRequest) delete rest.repository.pullRequest.closingIssuesReferences;
    return rest;
  });
  const subject = data.repository.pullRequest;
  await completeNestedLists(session, [...(subject ? [subject] : []), ...data.repository.recent.nodes], true);
  if (subject) noteCappedFiles(subject, session.counts);
  return {
    ...(issuesForbidden ? { issuesForbidden } : {}),
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

/** The gate's PR as the core's PullRequest (undefined when GitHub has no such PR). */
export function subjectPullRequest(read: GateRead, statusContext: string): PullRequest | undefined {
  return read.subject ? toPullRequest(read.subject, read.facts.actor, statusContext) : undefined;
}

/** What the gate's searches need, and the action's label names to look up in the same request. */
export type GateCountInput = GateSearchInput & { labels: string[] };

/**
 * The second read: the PRs ahead, the queue size and the author's counts as
 * aliased GraphQL `search` counts (built by core/gate-searches.ts), plus which
 * of `labels` exist. One request per 30 searches (one for every config a gate
 * can count). Throws what `query` throws.
 */
export async function readGateCounts(
  session: GitHubSession,
  input: GateCountInput
): Promise<{ counts: GateSearchCounts; existingLabels: string[] }> {
  const result = await countSearches(session, gateSearches(input), input.labels);
  return { counts: gateCounts(input, result.issueCounts), existingLabels: result.existingLabels };
}
