// `wip-limit: auto` by Little's law (README "`wip-limit: auto`"): the queue the team can clear
// within the target time at the pace it has been merging.
import type { AdaptiveConfig } from '../config/types.js';
import type { AdaptiveLimit, History } from './types.js';

export function adaptiveLimit(history: History, adaptive: AdaptiveConfig): AdaptiveLimit {
  const perDay = history.mergedInWindow / adaptive.throughputWindowDays;
  // Rounded first so float noise (e.g. 7.000000001) never adds a PR.
  const raw = Math.ceil(Number((perDay * adaptive.targetReviewDays).toFixed(6)));
  const floored = Math.max(adaptive.minWipLimit, raw);
  const limit = adaptive.maxWipLimit === null ? floored : Math.min(adaptive.maxWipLimit, floored);
  return {
    mergedInWindow: history.mergedInWindow,
    windowDays: adaptive.throughputWindowDays,
    perDay,
    targetReviewDays: adaptive.targetReviewDays,
    raw,
    min: adaptive.minWipLimit,
    max: adaptive.maxWipLimit,
    limit
  };
}

/** Days until a waiting PR at `position` is admitted at the current merge pace; null when nothing merges. */
export function expectedWaitDays(position: number, limit: number, perDay: number): number | null {
  if (position <= limit) return 0;
  if (perDay <= 0) return null;
  return (position - limit) / perDay;
}
