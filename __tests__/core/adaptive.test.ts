import { adaptiveLimit, expectedWaitDays } from '../../src/core/adaptive.js';
import type { AdaptiveConfig } from '../../src/config/types.js';

const settings = (overrides: Partial<AdaptiveConfig> = {}): AdaptiveConfig => ({
  minWipLimit: 10,
  maxWipLimit: null,
  throughputWindowDays: 28,
  targetReviewDays: 7,
  ...overrides
});
const history = (mergedInWindow: number) => ({ mergedInWindow, weeks: [] });

describe("wip-limit auto (Little's law)", () => {
  test.each([
    ['280 merged in 28 days, 7 target days', 280, {}, 70, 70],
    ['a fraction rounds up', 100, {}, 25, 25],
    ['an exact product does not round up', 112, {}, 28, 28],
    ['a slow month is held at min-wip-limit', 12, {}, 3, 10],
    ['nothing merged: min-wip-limit', 0, {}, 0, 10],
    ['a fast month is capped by max-wip-limit', 2800, { maxWipLimit: 200 }, 700, 200],
    ['a shorter window and target', 70, { throughputWindowDays: 7, targetReviewDays: 3 }, 30, 30]
  ])('%s', (_name, merged, overrides, raw, limit) => {
    expect(adaptiveLimit(history(merged), settings(overrides))).toMatchObject({ raw, limit, mergedInWindow: merged });
  });

  test.each([
    [60, 50, 2, 5],
    [50, 50, 2, 0],
    [10, 50, 2, 0],
    [60, 50, 0, null]
  ])('position %i with limit %i at %f merged/day waits %p days', (position, limit, perDay, days) => {
    expect(expectedWaitDays(position, limit, perDay)).toBe(days);
  });
});
