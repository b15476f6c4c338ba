// Counts of issue-search queries, many per request as aliased `search`
// fields: the gate's cost stays constant whatever the queue size.
import type { Client, RequestCounts } from './client.js';
import { query } from './graphql.js';
import { searchCountsQuery } from './queries.js';

/**
 * GitHub caps a query's complexity; a `first: 0` search costs one node, so 30
 * per document stays well inside it and keeps the history's 26 counts in one request.
 */
const SEARCHES_PER_REQUEST = 30;

export async function countSearches(client: Client, searches: Record<string, string>, counts: RequestCounts): Promise<Record<string, number>> {
  const keys = Object.keys(searches);
  const result: Record<string, number> = {};
  for (let start = 0; start < keys.length; start += SEARCHES_PER_REQUEST) {
    const batch = keys.slice(start, start + SEARCHES_PER_REQUEST);
    const aliases = batch.map((_, i) => `c${i}`);
    const variables = Object.fromEntries(batch.map((key, i) => [`q${i}`, searches[key]]));
    const data = await query<Record<string, { issueCount: number }>>(client, searchCountsQuery(aliases), variables, counts);
    batch.forEach((key, i) => (result[key] = data[aliases[i]].issueCount));
  }
  return result;
}

/** A search qualifier value: quoted when it holds spaces or commas. */
export function quote(value: string): string {
  return /^[^\s,"]+$/.test(value) ? value : `"${value}"`;
}

/** Search writes bots as `app/name`; REST as `name[bot]`. */
export function searchLogin(login: string): string {
  const bot = /^(.+)\[bot\]$/.exec(login);
  return bot ? `app/${bot[1]}` : login;
}

/** Second-precision UTC time as search's `created:` qualifier takes it. */
export function searchTime(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
