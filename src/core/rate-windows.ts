// The trailing windows of `max-opened-per-author` budgets, in days.
import type { Config } from '../config/types.js';

/** Each distinct window of a `max-opened-per-author` budget, shortest first. */
export function rateWindows(config: Config): number[] {
  const days = config.rules.flatMap((rule) =>
    rule.budgets.maxOpenedPerAuthor ? [rule.budgets.maxOpenedPerAuthor.days] : []
  );
  return [...new Set(days)].sort((a, b) => a - b);
}
