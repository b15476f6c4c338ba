// Counts of issue-search queries, many per request as aliased `search`
// fields: the gate's cost stays constant whatever the queue size. The same
// document can look up labels by name, list the PRs holding a seat and one
// search's results, so the gate's second read is one request.
import { query } from './graphql.js';
import { searchCountsQuery } from './queries.js';
import type { RequestedReviewerNode } from './convert.js';
import type { GitHubSession } from './session.js';

/**
 * GitHub caps a query's complexity; a `first: 0` search costs one node, so 30
 * per document stays well inside it and keeps the history's 26 counts in one request.
 */
const SEARCHES_PER_REQUEST = 30;

/** An open PR as the counts document lists it (queries.ts QUEUE_FACTS). */
export interface QueueFactsNode {
  number: number;
  createdAt: string;
  isDraft: boolean;
  baseRefName: string;
  author: { __typename?: string; login: string } | null;
  labels: { totalCount: number; nodes: { name: string }[] } | null;
  reviewRequests?: { totalCount: number; nodes: ({ requestedReviewer: RequestedReviewerNode | null } | null)[] } | null;
}

export interface HeldPage {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  nodes: QueueFactsNode[];
}

export interface SearchResults {
  /** `issueCount` per key of the searches. */
  issueCounts: Record<string, number>;
  /** The names of `labels` that exist in the repository, as the lookup asked for them. */
  existingLabels: string[];
  /** Each looked-up label's description by the name asked for; null when the label does not exist. */
  labelDescriptions: Record<string, string | null>;
  /** The first page of the PRs carrying `lists.held`, when asked for. */
  held?: HeldPage;
  /** The results of `lists.ties`, when asked for. */
  ties?: { issueCount: number; nodes: (QueueFactsNode | Record<string, never>)[] };
}

/** What the first request also reads: the PRs carrying a label, and one search's results. */
export interface CountsLists {
  /** A label name: list the open PRs carrying it. */
  held?: string;
  /** A search query: list its results. */
  ties?: string;
}

type LabelNode = { name: string; description: string | null } | null;
type CountsData = Record<string, { issueCount: number }> & {
  repository?: Record<string, LabelNode> & { held?: HeldPage };
  ties?: SearchResults['ties'];
};

/**
 * Sends `searches` (`{ key: search query }`) as aliased GraphQL
 * `search(type: ISSUE, first: 0)` fields, SEARCHES_PER_REQUEST per request; in
 * the first request also looks up the session repository's `labels` by name
 * (GitHub matches them case-insensitively) with `repository.label(name:)`, and
 * reads `lists`. Throws what `query` throws.
 */
export async function countSearches(
  session: GitHubSession,
  searches: Record<string, string>,
  labels: string[] = [],
  lists: CountsLists = {}
): Promise<SearchResults> {
  const keys = Object.keys(searches);
  const result: SearchResults = { issueCounts: {}, existingLabels: [], labelDescriptions: {} };
  for (let start = 0; start === 0 || start < keys.length; start += SEARCHES_PER_REQUEST) {
    const batch = keys.slice(start, start + SEARCHES_PER_REQUEST);
    const first = start === 0;
    const lookup = first ? labels : [];
    const extras = first
      ? { labels: lookup.length, held: lists.held !== undefined, ties: lists.ties !== undefined }
      : {};
    if (batch.length === 0 && !extras.labels && !extras.held && !extras.ties) break;
    const aliases = batch.map((_, i) => `c${i}`);
    const variables: Record<string, unknown> = Object.fromEntries(batch.map((key, i) => [`q${i}`, searches[key]]));
    lookup.forEach((name, i) => (variables[`l${i}`] = name));
    if (extras.labels || extras.held) Object.assign(variables, { owner: session.repo.owner, name: session.repo.name });
    if (extras.held) Object.assign(variables, { admitted: lists.held, heldCursor: null });
    if (extras.ties) variables.ties = lists.ties;
    const data = await query<CountsData>(session, searchCountsQuery(aliases, extras), variables);
    batch.forEach((key, i) => (result.issueCounts[key] = data[aliases[i]].issueCount));
    lookup.forEach((name, i) => {
      const found = data.repository?.[`l${i}`] as LabelNode | undefined;
      result.labelDescriptions[name] = found ? (found.description ?? '') : null;
      if (found) result.existingLabels.push(name);
    });
    if (extras.held) result.held = data.repository?.held;
    if (extras.ties) result.ties = data.ties;
  }
  return result;
}
