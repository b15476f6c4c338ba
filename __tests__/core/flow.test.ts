import { backlogAtWeekEnds, flowOf, mergePace } from '../../src/core/flow.js';
import type { History } from '../../src/core/types.js';
import { DAY_MS } from '../../src/core/time.js';

const NOW = new Date('2026-11-25T12:00:00Z'); // Wednesday
const MONDAYS = Array.from({ length: 8 }, (_, i) => new Date(Date.parse('2026-10-05T00:00:00Z') + i * 7 * DAY_MS));

interface Fake {
  created: number;
  closed: number | null;
  merged: boolean;
}

/** A deterministic set of PRs over the last months, some closed (merged or not) at any later time, some still open. */
function fakes(seed: number): Fake[] {
  let state = seed;
  const random = () => (state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  return Array.from({ length: 600 }, () => {
    const created = NOW.getTime() - random() * 120 * DAY_MS;
    const closed = random() < 0.6 ? created + random() * (NOW.getTime() - created) : null;
    return { created, closed, merged: closed !== null && random() < 0.7 };
  });
}

/** What the history read's searches count, week by week (the last week ends now). */
function historyOf(prs: Fake[]): History {
  const end = (i: number) => (i === MONDAYS.length - 1 ? NOW.getTime() : MONDAYS[i + 1].getTime());
  const within = (t: number | null, i: number) => t !== null && t >= MONDAYS[i].getTime() && t < end(i);
  return {
    mergedInWindow: prs.filter((p) => p.merged && p.closed! >= NOW.getTime() - 28 * DAY_MS).length,
    openNow: prs.filter((p) => p.closed === null).length,
    weeks: MONDAYS.map((monday, i) => ({
      weekStart: monday.toISOString().slice(0, 10),
      opened: prs.filter((p) => within(p.created, i)).length,
      merged: prs.filter((p) => p.merged && within(p.closed, i)).length,
      closed: prs.filter((p) => within(p.closed, i)).length
    }))
  };
}

describe('backlogAtWeekEnds', () => {
  test.each([1, 2, 3, 42])('equals the PRs open at each week end, counted directly (seed %i)', (seed) => {
    const prs = fakes(seed);
    const ends = MONDAYS.map((m, i) => (i === MONDAYS.length - 1 ? NOW.getTime() : m.getTime() + 7 * DAY_MS));
    const direct = ends.map((t) => prs.filter((p) => p.created < t && (p.closed === null || p.closed >= t)).length);
    expect(backlogAtWeekEnds(historyOf(prs))).toEqual(direct);
  });

  test.each([
    ['no open count', { mergedInWindow: 0, weeks: [{ weekStart: '2026-11-23', opened: 1, merged: 0, closed: 0 }] }],
    ['no weekly closes', { mergedInWindow: 0, openNow: 5, weeks: [{ weekStart: '2026-11-23', opened: 1, merged: 0 }] }]
  ])('unknown with %s', (_, history: History) => {
    expect(backlogAtWeekEnds(history)).toEqual([undefined]);
  });
});

describe('flowOf', () => {
  const history: History = {
    mergedInWindow: 56,
    openNow: 300,
    weeks: MONDAYS.map((m, i) => ({
      weekStart: m.toISOString().slice(0, 10),
      opened: i === 7 ? 10 : 100,
      merged: i === 7 ? 1 : 40,
      closed: i === 7 ? 2 : 60
    }))
  };

  test('marks only the current week partial, with its days so far, and averages the full weeks', () => {
    const flow = flowOf(history, NOW)!;
    expect(flow.weeks.map((w) => w.partial)).toEqual([false, false, false, false, false, false, false, true]);
    expect(flow.weeks[7].days).toBe(2.5);
    expect(flow).toMatchObject({
      fullWeeks: 7,
      openedPerWeek: 100,
      mergedPerWeek: 40,
      closedUnmergedPerWeek: 20,
      growthPerWeek: 40
    });
  });

  test('a shrinking queue has a negative growth', () => {
    const shrinking = { ...history, weeks: history.weeks.map((w) => ({ ...w, opened: 30 })) };
    expect(flowOf(shrinking, NOW)!.growthPerWeek).toBe(-30);
  });

  test('without closes, growth is inflow minus merges', () => {
    const noCloses = {
      mergedInWindow: 1,
      weeks: history.weeks.map(({ weekStart, opened, merged }) => ({ weekStart, opened, merged }))
    };
    expect(flowOf(noCloses, NOW)).toMatchObject({ growthPerWeek: 60, closedUnmergedPerWeek: undefined });
  });

  test('no weeks (a gate that read only the pace): no flow', () => {
    expect(flowOf({ mergedInWindow: 3, weeks: [] }, NOW)).toBeUndefined();
  });
});

test('mergePace: merges per day over the window', () => {
  expect(mergePace({ mergedInWindow: 42, weeks: [] }, 28)).toEqual({ mergedInWindow: 42, windowDays: 28, perDay: 1.5 });
});
