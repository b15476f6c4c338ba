// The history searches (README "`wip-limit: auto`" and the report's chart):
// merges in the throughput window, the open count now, and 8 weeks of
// opened, merged and closed PRs, as issue-search strings.
import { repoPullRequests, timeRange } from './search-terms.js';
import type { History } from './types.js';
import { DAY_MS } from './time.js';

const HISTORY_WEEKS = 8;

/** Monday 00:00 UTC of the week holding `date`. */
function weekStart(date: Date): Date {
  const day = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  const sinceMonday = (day.getUTCDay() + 6) % 7;
  return new Date(day.getTime() - sinceMonday * DAY_MS);
}

/** The starts of the 8 weeks the history covers, oldest first; the last one is the current (partial) week. */
function historyWeeks(now: Date): Date[] {
  const thisWeek = weekStart(now);
  return Array.from(
    { length: HISTORY_WEEKS },
    (_, i) => new Date(thisWeek.getTime() - (HISTORY_WEEKS - 1 - i) * 7 * DAY_MS)
  );
}

/** The search for PRs merged in the `windowDays` days before `now`: the merge pace. */
export function mergedInWindowSearch(repo: { owner: string; name: string }, now: Date, windowDays: number): string {
  return `${repoPullRequests(repo)} is:merged merged:${timeRange(new Date(now.getTime() - windowDays * DAY_MS), now)}`;
}

/** `{ key: search }` for the history: `mergedInWindow`, `openNow`, and `opened<i>`, `merged<i>`, `closed<i>` per week. */
export function historySearches(
  repo: { owner: string; name: string },
  now: Date,
  windowDays: number
): Record<string, string> {
  const base = repoPullRequests(repo);
  const searches: Record<string, string> = {
    mergedInWindow: mergedInWindowSearch(repo, now, windowDays),
    openNow: `${base} is:open`
  };
  historyWeeks(now).forEach((start, i) => {
    const end = i === HISTORY_WEEKS - 1 ? now : new Date(start.getTime() + 7 * DAY_MS);
    // The current week, when it began less than a second ago, is empty: no search (a reversed range
    // is not one GitHub need answer with 0), and it counts 0.
    if (end.getTime() - start.getTime() < 1000) return;
    searches[`opened${i}`] = `${base} created:${timeRange(start, end)}`;
    searches[`merged${i}`] = `${base} is:merged merged:${timeRange(start, end)}`;
    searches[`closed${i}`] = `${base} is:closed closed:${timeRange(start, end)}`;
  });
  return searches;
}

/** The History from the answers to `historySearches`. */
export function historyFrom(result: Record<string, number>, now: Date): History {
  return {
    mergedInWindow: result.mergedInWindow,
    openNow: result.openNow,
    weeks: historyWeeks(now).map((start, i) => ({
      weekStart: start.toISOString().slice(0, 10),
      opened: result[`opened${i}`] ?? 0,
      merged: result[`merged${i}`] ?? 0,
      closed: result[`closed${i}`] ?? 0
    }))
  };
}
