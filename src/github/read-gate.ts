// The gate's read in constant cost: one GraphQL document for the config, the
// PR (with its files) and the newest open PRs, then one of aliased search
// counts for the PRs ahead of it in the order (built by core/gate-searches.ts),
// which also looks up the action's labels.
import { gateCounts, gateSearches, type GateSearchCounts, type GateSearchInput } from '../core/gate-searches.js';
import type { QueueFacts } from '../core/queue.js';
import type { PullRequest } from '../core/types.js';
import type { GitHubSession } from './session.js';
import {
  requestedReviewers,
  restLogin,
  toPullRequest,
  type ListConnection,
  type PullRequestNode,
  type RequestedReviewerNode
} from './convert.js';
import { query } from './graphql.js';
import { GATE_QUERY, HELD_QUERY } from './queries.js';
import { dataWithoutIssues } from './issues-forbidden.js';
import { completeNestedLists, noteCappedFiles } from './read-nested.js';
import { repositoryFacts, type RepositoryFacts, type RepositoryFactsNode } from './read-repository.js';
import { countSearches, type HeldPage, type QueueFactsNode } from './search-counts.js';

interface RecentNode {
  number: number;
  createdAt: string;
  isDraft: boolean;
  baseRefName: string;
  author: { __typename?: string; login: string } | null;
  labels: ListConnection<{ name: string }> | null;
  reviewRequests: ListConnection<{ requestedReviewer: RequestedReviewerNode | null }> | null;
}

interface GateData {
  viewer: { __typename?: string; login: string };
  repository: RepositoryFactsNode & {
    pullRequest: PullRequestNode | null;
    recent: { nodes: RecentNode[] };
    held: HeldPage;
  };
}

export interface GateRead {
  facts: RepositoryFacts;
  /** Undefined when the PR does not exist (or is not a PR). */
  subject?: PullRequestNode;
  /** The newest open PRs, oldest first, known by the few facts the queue order needs. */
  recent: QueueFacts[];
  /** The token may not read issues (no `issues: read`): the PR's linked issues are unknown. */
  issuesForbidden?: boolean;
  /**
   * Every open PR carrying the label `label` (the inputs' admitted-label), whole; `facts` undefined
   * when one of them has more labels than were read.
   */
  held: { label: string; facts?: QueueFacts[] };
}

/**
 * The gate's first read (GitHub GraphQL): the config file, the PR `number`
 * with whole nested lists (its files always: a rule may select by paths, and
 * the config arrives in this same answer) and its comments' bodies (one PR: no
 * memory concern), the issues it closes, and the 30 newest open PRs. A PR or
 * recent PR with more than a first page of some list costs one follow-up
 * request (read-nested.ts).
 */
export async function readGate(
  session: GitHubSession,
  configPath: string,
  number: number,
  admittedLabel: string
): Promise<GateRead> {
  let issuesForbidden = false;
  const data = await query<GateData>(session, GATE_QUERY, {
    ...session.repo,
    configPath,
    number,
    withFiles: true,
    withReviewRequests: true,
    withBodies: true,
    admitted: admittedLabel,
    heldCursor: null
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
  const held = allFacts(await allHeld(session, data.repository.held, admittedLabel));
  return {
    ...(issuesForbidden ? { issuesForbidden } : {}),
    held: { label: admittedLabel, ...(held ? { facts: held } : {}) },
    facts: repositoryFacts(data.repository, data.viewer),
    subject: data.repository.pullRequest ?? undefined,
    recent: data.repository.recent.nodes.map((n) => ({
      number: n.number,
      createdAt: n.createdAt,
      isDraft: n.isDraft,
      baseRef: n.baseRefName,
      author: restLogin(n.author),
      labels: (n.labels?.nodes ?? []).map((l) => l.name),
      reviewRequests: requestedReviewers(n.reviewRequests)
    }))
  };
}

/** The gate's PR as the core's PullRequest (undefined when GitHub has no such PR). */
export function subjectPullRequest(read: GateRead, statusContext: string): PullRequest | undefined {
  return read.subject ? toPullRequest(read.subject, read.facts.actor, statusContext) : undefined;
}

/** What the gate's searches need, and the action's label names to look up in the same request. */
export type GateCountInput = GateSearchInput & { labels: string[] };

/** A PR listed by the counts document, as the queue order knows it; undefined when its labels were not all read. */
function queueFacts(node: QueueFactsNode): QueueFacts | undefined {
  if (!node.labels || node.labels.totalCount > node.labels.nodes.length) return undefined;
  if (node.reviewRequests && node.reviewRequests.totalCount > node.reviewRequests.nodes.length) return undefined;
  return {
    reviewRequests: requestedReviewers(node.reviewRequests),
    number: node.number,
    createdAt: node.createdAt,
    isDraft: node.isDraft,
    baseRef: node.baseRefName,
    author: restLogin(node.author),
    labels: node.labels.nodes.map((l) => l.name)
  };
}

/** Every open PR carrying admitted-label: the first page came with a read, the rest (over 100) page by page. */
async function allHeld(
  session: GitHubSession,
  first: HeldPage | undefined,
  admitted: string
): Promise<QueueFactsNode[]> {
  const nodes = [...(first?.nodes ?? [])];
  let page = first;
  while (page?.pageInfo.hasNextPage && page.pageInfo.endCursor) {
    const data = await query<{ repository: { held: HeldPage } }>(session, HELD_QUERY, {
      ...session.repo,
      admitted,
      heldCursor: page.pageInfo.endCursor
    });
    page = data.repository.held;
    nodes.push(...page.nodes);
  }
  return nodes;
}

/** Each node's facts, or undefined when one of them has more labels than were read. */
function allFacts(nodes: QueueFactsNode[]): QueueFacts[] | undefined {
  const facts = nodes.map(queueFacts);
  return facts.includes(undefined) ? undefined : (facts as QueueFacts[]);
}

/** The gate's second read, as the core reads it; `counts` undefined when a listed PR's labels were not all read. */
export interface GateCountsRead {
  counts?: GateSearchCounts;
  existingLabels: string[];
  /** admitted-label's description (the queue state's stamp); null when the label does not exist. */
  stateStamp: string | null;
}

/**
 * The second read: the waiting line ahead, the queue size and the author's
 * counts as aliased GraphQL `search` counts (built by core/gate-searches.ts),
 * the PRs holding a seat (`repository.pullRequests(labels:)`, live), the PRs
 * of the PR's own second when search cannot order them, and which of
 * `labels` exist, with admitted-label's description. One request per 30
 * searches (one for every config a gate can count), plus one per further 100
 * PRs holding a seat. Throws what `query` throws.
 */
export async function readGateCounts(session: GitHubSession, input: GateCountInput): Promise<GateCountsRead> {
  const { counts: searches, ties } = gateSearches(input);
  const admitted = input.config.admittedLabel;
  // The seats held came with the first read, unless the config file names another label.
  const lists = { held: input.held ? undefined : admitted, ties };
  const result = await countSearches(session, searches, input.labels, lists);
  const held = input.held ?? allFacts(await allHeld(session, result.held, admitted));
  const read = result.ties && allFacts(result.ties.nodes.filter((n): n is QueueFactsNode => 'number' in n));
  const stateStamp = result.labelDescriptions[admitted] ?? null;
  const base = { existingLabels: result.existingLabels, stateStamp };
  if (!held || (result.ties && !read)) return base;
  const ownSecond = result.ties && read ? { ties: { read, total: result.ties.issueCount } } : {};
  return { ...base, counts: gateCounts(input, result.issueCounts, { held, ...ownSecond }) };
}
