// Counts of issue-search queries, many per request as aliased `search`
// fields: the gate's cost stays constant whatever the queue size. The same
// document can look up labels by name, so checking that the action's labels
// exist costs no request of its own.
import { query } from './graphql.js';
import { searchCountsQuery } from './queries.js';
import type { GitHubSession } from './session.js';

/**
 * GitHub caps a query's complexity; a `first: 0` search costs one node, so 30
 * per document stays well inside it and keeps the history's 26 counts in one request.
 */
const SEARCHES_PER_REQUEST = 30;

export interface SearchResults {
  /** `issueCount` per key of the searches. */
  issueCounts: Record<string, number>;
  /** The names of `labels` that exist in the repository, as the lookup asked for them. */
  existingLabels: string[];
}

type CountsData = Record<string, { issueCount: number }> & { repository?: Record<string, { name: string } | null> };

/**
 * Sends `searches` (`{ key: search query }`) as aliased GraphQL
 * `search(type: ISSUE, first: 0)` fields, SEARCHES_PER_REQUEST per request, and looks up
 * the session repository's `labels` by name (GitHub matches them case-insensitively)
 * with `repository.label(name:)` in the first request.
 */
export async function countSearches(
  session: GitHubSession,
  searches: Record<string, string>,
  labels: string[] = []
): Promise<SearchResults> {
  const keys = Object.keys(searches);
  const result: SearchResults = { issueCounts: {}, existingLabels: [] };
  for (let start = 0; start === 0 || start < keys.length; start += SEARCHES_PER_REQUEST) {
    const batch = keys.slice(start, start + SEARCHES_PER_REQUEST);
    const lookup = start === 0 ? labels : [];
    if (batch.length === 0 && lookup.length === 0) break;
    const aliases = batch.map((_, i) => `c${i}`);
    const variables: Record<string, unknown> = Object.fromEntries(batch.map((key, i) => [`q${i}`, searches[key]]));
    lookup.forEach((name, i) => (variables[`l${i}`] = name));
    if (lookup.length > 0) Object.assign(variables, { owner: session.repo.owner, name: session.repo.name });
    const data = await query<CountsData>(session, searchCountsQuery(aliases, lookup.length), variables);
    batch.forEach((key, i) => (result.issueCounts[key] = data[aliases[i]].issueCount));
    lookup.forEach((name, i) => {
      if (data.repository?.[`l${i}`]) result.existingLabels.push(name);
    });
  }
  return result;
}
