// Inflow and throughput from search counts, one request: merged PRs in the
// throughput window (for `wip-limit: auto` and expected waits), 8 weeks of
// opened, merged and closed, and the open count now (the core derives the
// backlog at each week's end from them).
import type { History } from '../core/types.js';
import type { Client, RequestCounts } from './client.js';
import type { RepoRef } from './repo.js';
import { countSearches, searchTime } from './search-counts.js';

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

export async function readHistory(client: Client, repo: RepoRef, now: Date, windowDays: number, counts: RequestCounts): Promise<History> {
  const base = `repo:${repo.owner}/${repo.name} is:pr`;
  const thisWeek = weekStart(now);
  const weeks = Array.from({ length: HISTORY_WEEKS }, (_, i) => new Date(thisWeek.getTime() - (HISTORY_WEEKS - 1 - i) * 7 * DAY_MS));
  const searches: Record<string, string> = {
    mergedInWindow: mergedInWindowSearch(repo, now, windowDays),
    openNow: `${base} is:open`
  };
  weeks.forEach((start, i) => {
    const end = i === HISTORY_WEEKS - 1 ? now : new Date(start.getTime() + 7 * DAY_MS);
    searches[`opened${i}`] = `${base} created:${range(start, end)}`;
    searches[`merged${i}`] = `${base} is:merged merged:${range(start, end)}`;
    searches[`closed${i}`] = `${base} is:closed closed:${range(start, end)}`;
  });
  const result = await countSearches(client, searches, counts);
  return {
    mergedInWindow: result.mergedInWindow,
    openNow: result.openNow,
    weeks: weeks.map((start, i) => ({
      weekStart: start.toISOString().slice(0, 10),
      opened: result[`opened${i}`],
      merged: result[`merged${i}`],
      closed: result[`closed${i}`]
    }))
  };
}

/** The search for PRs merged in the `windowDays` days before `now`: the merge pace. */
export function mergedInWindowSearch(repo: RepoRef, now: Date, windowDays: number): string {
  return `repo:${repo.owner}/${repo.name} is:pr is:merged merged:${range(new Date(now.getTime() - windowDays * DAY_MS), now)}`;
}
