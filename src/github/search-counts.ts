// Counts of issue-search queries, many per request as aliased `search`
// fields: the gate's cost stays constant whatever the queue size. The same
// document can look up labels by name, so checking that the action's labels
// exist costs no request of its own.
import type { Client, RequestCounts } from './client.js';
import { query } from './graphql.js';
import { searchCountsQuery } from './queries.js';
import type { RepoRef } from './repo.js';

/**
 * GitHub caps a query's complexity; a `first: 0` search costs one node, so 30
 * per document stays well inside it and keeps the history's 26 counts in one request.
 */
const SEARCHES_PER_REQUEST = 30;

export interface LabelLookup {
  repo: RepoRef;
  /** Label names; GitHub finds a label by name case-insensitively. */
  names: string[];
}

export interface SearchCounts {
  /** `issueCount` per key of the searches. */
  counts: Record<string, number>;
  /** The names of `labels` that exist in the repository, as the lookup asked for them. */
  existingLabels: string[];
}

type CountsData = Record<string, { issueCount: number }> & { repository?: Record<string, { name: string } | null> };

/**
 * Sends `searches` (`{ key: search query }`) as aliased GraphQL
 * `search(type: ISSUE, first: 0)` fields, 20 per request, and looks up
 * `labels` with `repository.label(name:)` in the first request.
 */
export async function countSearches(
  client: Client,
  searches: Record<string, string>,
  counts: RequestCounts,
  labels?: LabelLookup
): Promise<SearchCounts> {
  const keys = Object.keys(searches);
  const result: SearchCounts = { counts: {}, existingLabels: [] };
  const names = labels?.names ?? [];
  for (let start = 0; start === 0 || start < keys.length; start += SEARCHES_PER_REQUEST) {
    const batch = keys.slice(start, start + SEARCHES_PER_REQUEST);
    const lookup = start === 0 ? names : [];
    if (batch.length === 0 && lookup.length === 0) break;
    const aliases = batch.map((_, i) => `c${i}`);
    const variables: Record<string, unknown> = Object.fromEntries(batch.map((key, i) => [`q${i}`, searches[key]]));
    lookup.forEach((name, i) => (variables[`l${i}`] = name));
    if (lookup.length > 0 && labels) Object.assign(variables, { owner: labels.repo.owner, name: labels.repo.name });
    const data = await query<CountsData>(client, searchCountsQuery(aliases, lookup.length), variables, counts);
    batch.forEach((key, i) => (result.counts[key] = data[aliases[i]].issueCount));
    lookup.forEach((name, i) => {
      if (data.repository?.[`l${i}`]) result.existingLabels.push(name);
    });
  }
  return result;
}
