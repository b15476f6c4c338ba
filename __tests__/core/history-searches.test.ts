// The history's issue searches: the merge pace, the open count and 8 weeks of
// opened, merged and closed PRs, as GitHub search strings (half-open ranges).
import { historyFrom, historySearches, mergedInWindowSearch } from '../../src/core/history-searches.js';

const REPO = { owner: 'acme', name: 'widgets' };
const BASE = 'repo:acme/widgets is:pr';

test.each([
  ['a Wednesday noon', '2026-11-25T12:00:00Z', 28, 'merged:2026-10-28T12:00:00Z..2026-11-25T11:59:59Z'],
  ['a one-day window', '2026-11-25T12:00:00Z', 1, 'merged:2026-11-24T12:00:00Z..2026-11-25T11:59:59Z'],
  ['a 90-day window across a year end', '2027-01-10T00:00:00Z', 90, 'merged:2026-10-12T00:00:00Z..2027-01-09T23:59:59Z']
])('the merge pace over %s', (_name, now, days, range) => {
  expect(mergedInWindowSearch(REPO, new Date(now), days)).toBe(`${BASE} is:merged ${range}`);
});

test('8 weeks from Monday 00:00 UTC, oldest first; the current week ends now', () => {
  const searches = historySearches(REPO, new Date('2026-11-25T12:00:00Z'), 28);
  expect(Object.keys(searches)).toHaveLength(2 + 8 * 3);
  expect(searches.openNow).toBe(`${BASE} is:open`);
  expect(searches.opened0).toBe(`${BASE} created:2026-10-05T00:00:00Z..2026-10-11T23:59:59Z`);
  expect(searches.merged6).toBe(`${BASE} is:merged merged:2026-11-16T00:00:00Z..2026-11-22T23:59:59Z`);
  expect(searches.closed7).toBe(`${BASE} is:closed closed:2026-11-23T00:00:00Z..2026-11-25T11:59:59Z`);
});

test.each([
  ['Sunday 23:59:59, the last second of a week', '2026-11-22T23:59:59Z', '2026-11-16', true],
  [
    'Monday 00:00:00 exactly: the current week is empty, so it is not searched',
    '2026-11-23T00:00:00Z',
    '2026-11-23',
    false
  ],
  ['Monday 00:00:01', '2026-11-23T00:00:01Z', '2026-11-23', true]
])('week edges: %s', (_name, now, currentWeek, searched) => {
  const searches = historySearches(REPO, new Date(now), 28);
  expect(searches.opened7 !== undefined).toBe(searched);
  // No range runs backwards.
  for (const search of Object.values(searches)) {
    const range = /(\d{4}-[\d:T-]+Z)\.\.(\d{4}-[\d:T-]+Z)/.exec(search);
    if (range) expect(range[1] <= range[2]).toBe(true);
  }
  const answers = Object.fromEntries(Object.keys(searches).map((key) => [key, 1]));
  const history = historyFrom(answers, new Date(now));
  expect(history.weeks.map((w) => w.weekStart).at(-1)).toBe(currentWeek);
  expect(history.weeks.at(-1)).toMatchObject(searched ? { opened: 1, merged: 1 } : { opened: 0, merged: 0 });
});
