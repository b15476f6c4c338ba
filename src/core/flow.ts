// Inflow versus throughput (README "What people see"): the merge pace behind
// every expected wait, and the weekly picture with the open backlog at each
// week's end, derived from counts the history read already has.
import type { Flow, History, MergePace, WeekFlow } from './types.js';
import { DAY_MS } from './time.js';

const WEEK_DAYS = 7;

/** Merges per day over the throughput window of `windowDays` days. */
export function mergePace(history: History, windowDays: number): MergePace {
  return {
    mergedInWindow: history.mergedInWindow,
    windowDays,
    perDay: windowDays > 0 ? history.mergedInWindow / windowDays : 0
  };
}

/**
 * The open backlog at the end of week k, from the open count now and what
 * happened since: open(end_k) = open now − opened after end_k + closed after
 * end_k. (A PR open at end_k is either open now or closed after end_k; a PR
 * opened after end_k and open now is counted now but not then; one opened and
 * closed after end_k cancels out.) A PR closed and later reopened has no close
 * time, so it counts as open throughout: search cannot tell.
 * Undefined when the history has no open count or no weekly closes.
 */
export function backlogAtWeekEnds(history: History): (number | undefined)[] {
  const { weeks, openNow } = history;
  if (openNow === undefined || weeks.some((w) => w.closed === undefined)) return weeks.map(() => undefined);
  let openedAfter = 0;
  let closedAfter = 0;
  const backlog: number[] = [];
  for (let k = weeks.length - 1; k >= 0; k--) {
    backlog[k] = Math.max(0, openNow - openedAfter + closedAfter);
    openedAfter += weeks[k].opened;
    closedAfter += weeks[k].closed ?? 0;
  }
  return backlog;
}

/**
 * The weekly flow: each week with its backlog and whether it is the current,
 * partial one; averages over the full weeks only (a week of two days would
 * drag them down). Undefined when the history holds no weeks.
 */
export function flowOf(history: History, now: Date): Flow | undefined {
  if (history.weeks.length === 0) return undefined;
  const backlog = backlogAtWeekEnds(history);
  const weeks: WeekFlow[] = history.weeks.map((week, i) => {
    const days = Math.min(WEEK_DAYS, Math.max(0, (now.getTime() - Date.parse(`${week.weekStart}T00:00:00Z`)) / DAY_MS));
    return { ...week, openAtEnd: backlog[i], partial: days < WEEK_DAYS, days: Math.round(days * 10) / 10 };
  });
  const full = weeks.filter((w) => !w.partial);
  const mean = (pick: (w: WeekFlow) => number) =>
    full.length === 0 ? 0 : full.reduce((sum, w) => sum + pick(w), 0) / full.length;
  const closesKnown = full.every((w) => w.closed !== undefined);
  const openedPerWeek = mean((w) => w.opened);
  const mergedPerWeek = mean((w) => w.merged);
  const closedPerWeek = closesKnown ? mean((w) => w.closed ?? 0) : mergedPerWeek;
  return {
    weeks,
    fullWeeks: full.length,
    openedPerWeek,
    mergedPerWeek,
    closedUnmergedPerWeek: closesKnown ? Math.max(0, closedPerWeek - mergedPerWeek) : undefined,
    growthPerWeek: openedPerWeek - closedPerWeek
  };
}
