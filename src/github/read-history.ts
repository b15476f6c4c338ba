// Inflow and throughput in one request of aliased search counts (the
// searches come from core/history-searches.ts); the core derives the pace,
// the expected waits and the backlog at each week's end from them.
import { historyFrom, historySearches } from '../core/history-searches.js';
import type { History } from '../core/types.js';
import type { GitHubSession } from './session.js';
import { countSearches } from './search-counts.js';

/**
 * One request (GraphQL `search` counts): merged PRs in the `windowDays`
 * throughput window, the open count, and 8 weeks of opened, merged and
 * closed. With `labels`, the same request looks them up (`existingLabels`, with their descriptions).
 */
export async function readHistory(
  session: GitHubSession,
  now: Date,
  windowDays: number,
  labels: string[] = []
): Promise<{ history: History; existingLabels: string[]; labelDescriptions: Record<string, string | null> }> {
  const { issueCounts, existingLabels, labelDescriptions } = await countSearches(
    session,
    historySearches(session.repo, now, windowDays),
    labels
  );
  return { history: historyFrom(issueCounts, now), existingLabels, labelDescriptions };
}
