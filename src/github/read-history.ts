// Inflow and throughput from search counts, one request: merged PRs in the
// throughput window (for `wip-limit: auto`) and 8 weeks of opened vs merged.
import type { History } from '../core/types.js';
import type { Client, RequestCounts } from './client.js';
import type { RepoRef } from './repo.js';
import { searchTime } from '../core/gate-searches.js';
import { countSearches } from './search-counts.js';

const DAY_MS = 86_400_000;
export const HISTORY_WEEKS = 8;

/** Monday 00:00 UTC of the week holding `date`. */
export function weekStart(date: Date): Date {
  const day = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  const sinceMonday = (day.getUTCDay() + 6) % 7;
  return new Date(day.getTime() - sinceMonday * DAY_MS);
}

function range(from: Date, to: Date): string {
  return `${searchTime(from)}..${searchTime(new Date(to.getTime() - 1000))}`;
}

/**
 * One request of aliased search counts (GraphQL `search`): merged PRs in the
 * throughput window and 8 weeks of opened and merged. With `labels`, the same
 * request looks them up (`existingLabels` in the answer).
 */
export async function readHistory(
  client: Client,
  repo: RepoRef,
  now: Date,
  windowDays: number,
  counts: RequestCounts,
  labels: string[] = []
): Promise<{ history: History; existingLabels: string[] }> {
  const base = `repo:${repo.owner}/${repo.name} is:pr`;
  const thisWeek = weekStart(now);
  const weeks = Array.from({ length: HISTORY_WEEKS }, (_, i) => new Date(thisWeek.getTime() - (HISTORY_WEEKS - 1 - i) * 7 * DAY_MS));
  const searches: Record<string, string> = {
    mergedInWindow: `${base} is:merged merged:${range(new Date(now.getTime() - windowDays * DAY_MS), now)}`
  };
  weeks.forEach((start, i) => {
    const end = i === HISTORY_WEEKS - 1 ? now : new Date(start.getTime() + 7 * DAY_MS);
    searches[`opened${i}`] = `${base} created:${range(start, end)}`;
    searches[`merged${i}`] = `${base} is:merged merged:${range(start, end)}`;
  });
  const { counts: result, existingLabels } = await countSearches(client, searches, counts, { repo, names: labels });
  return {
    existingLabels,
    history: {
      mergedInWindow: result.mergedInWindow,
      weeks: weeks.map((start, i) => ({ weekStart: start.toISOString().slice(0, 10), opened: result[`opened${i}`], merged: result[`merged${i}`] }))
    }
  };
}
