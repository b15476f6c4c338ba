// Time in the plan: one day is 24 hours of UTC milliseconds (GitHub's
// timestamps are UTC, and so are the README's "days").

/** Milliseconds in one day. */
export const DAY_MS = 86_400_000;

/** Whole days from the ISO-8601 time `from` to `now`, rounded down; negative when `from` is later. */
export function daysBetween(from: string, now: Date): number {
  return Math.floor((now.getTime() - Date.parse(from)) / DAY_MS);
}
