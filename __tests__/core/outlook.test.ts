// The queue in one look: its trend over the full weeks and a new PR's expected wait.
import { flowOf } from '../../src/core/flow.js';
import { queueOutlook } from '../../src/core/outlook.js';
import { decision, NOW, plan } from '../report/fixtures.js';

const weeks = (opened: number, closed: number) => ({
  mergedInWindow: 40,
  openNow: 500,
  weeks: ['2026-11-02', '2026-11-09', '2026-11-16'].map((weekStart) => ({ weekStart, opened, merged: 10, closed }))
});
const flow = (opened: number, closed: number) => flowOf(weeks(opened, closed), new Date(NOW));
const pace = (perDay: number) => ({ mergedInWindow: perDay * 28, windowDays: 28, perDay });
const inLine = [decision(1, 'admitted', { position: 1 }), decision(2, 'admitted', { position: 2 })];

test.each([
  [30, 20, 'growing', 10],
  [20, 30, 'shrinking', -10],
  [20, 20.5, 'steady', -0.5]
])('%d opened and %d closed a week: %s', (opened, closed, direction, perWeek) => {
  expect(queueOutlook(plan(inLine, { flow: flow(opened, closed) })).trend).toEqual({
    direction,
    perWeek,
    fullWeeks: 3
  });
});

test('a new PR joins after the last PR in line: admitted at once while the limit has room', () => {
  expect(queueOutlook(plan(inLine, { wipLimit: 5, pace: pace(2) })).newPullRequest).toEqual({
    position: 3,
    perDay: 2,
    waitDays: 0
  });
  const full = [...inLine, decision(9, 'waiting', { position: 12 }), decision(4, 'violation')];
  // Position 13, 8 beyond the limit of 5, at 2 merges a day: 4 days.
  expect(queueOutlook(plan(full, { wipLimit: 5, pace: pace(2) })).newPullRequest?.waitDays).toBe(4);
});

test('no estimate without merges; no new-PR line without a limit, a pace, or the whole queue', () => {
  expect(queueOutlook(plan(inLine, { wipLimit: 1, pace: pace(0) })).newPullRequest).toEqual({ position: 3, perDay: 0 });
  expect(queueOutlook(plan(inLine, { wipLimit: 0, pace: pace(2) })).newPullRequest).toBeUndefined();
  expect(queueOutlook(plan(inLine, { wipLimit: 5 })).newPullRequest).toBeUndefined();
  // A gate that counted with search knows its own place, not the end of the line.
  expect(queueOutlook(plan(inLine, { mode: 'gate', wipLimit: 5, pace: pace(2) })).newPullRequest).toBeUndefined();
  expect(queueOutlook(plan(inLine)).trend).toBeUndefined();
});
