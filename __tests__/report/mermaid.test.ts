import { flowOf } from '../../src/core/flow.js';
import type { History } from '../../src/core/types.js';
import { weeklyChart } from '../../src/report/mermaid.js';

const WEDNESDAY = new Date('2026-10-14T12:00:00Z'); // the week of Oct 12 is 2.5 days old
const history: History = {
  mergedInWindow: 20,
  openNow: 100,
  weeks: [
    { weekStart: '2026-09-28', opened: 40, merged: 12, closed: 15 },
    { weekStart: '2026-10-05', opened: 55, merged: 9, closed: 10 },
    { weekStart: '2026-10-12', opened: 6, merged: 1, closed: 1 }
  ]
};

describe('weeklyChart', () => {
  const chart = weeklyChart(flowOf(history, WEDNESDAY)!);

  test('draws full weeks only: opened as bars, merged as a line, and the open backlog at each week end', () => {
    expect(chart).toContain(
      '```mermaid\n%%{init: {"themeVariables":{"xyChart":{"plotColorPalette":"#2da44e, #a371f7"}}}}%%\nxychart-beta\n' +
        '  title "PRs opened (bars) and merged (line) per full week"\n  x-axis ["Sep 28", "Oct 5"]'
    );
    expect(chart).toContain('bar [40, 55]');
    expect(chart).toContain('line [12, 9]');
    expect(chart).toContain('y-axis "PRs" 0 --> 55');
    // Backlog: 100 now; end of Oct 5 = 100 − 6 + 1 = 95; end of Sep 28 = 95 − 55 + 10 = 50.
    expect(chart).toContain(
      '%%{init: {"themeVariables":{"xyChart":{"plotColorPalette":"#218bff"}}}}%%\nxychart-beta\n' +
        '  title "Open PRs at each week\'s end"\n  x-axis ["Sep 28", "Oct 5"]\n  y-axis "PRs" 0 --> 95\n  line [50, 95]'
    );
  });

  test('says the partial week is left out, and keeps its numbers in the table', () => {
    expect(chart).toContain(
      'The current week (from Oct 12, 2.5 of 7 days so far) is left out of the charts; the table keeps its numbers.'
    );
    expect(chart).toContain("| week of | opened | merged | closed unmerged | open at week's end |");
    expect(chart).toContain(
      '| 2026-09-28 | 40 | 12 | 3 | 50 |\n| 2026-10-05 | 55 | 9 | 1 | 95 |\n| 2026-10-12 (so far) | 6 | 1 | 0 | 100 |'
    );
    expect(chart).toContain('Over 3 weeks: 101 opened, 22 merged.');
    expect(chart).not.toContain('"Oct 12"');
  });

  test('without closes or an open count: no backlog chart or column', () => {
    const plain = weeklyChart(
      flowOf(
        {
          mergedInWindow: 1,
          weeks: history.weeks.map(({ weekStart, opened, merged }) => ({ weekStart, opened, merged }))
        },
        WEDNESDAY
      )!
    );
    expect(plain.match(/```mermaid/g)).toHaveLength(1);
    expect(plain).toContain('| week of | opened | merged |\n|---|---:|---:|\n| 2026-09-28 | 40 | 12 |');
  });

  test('says so when there is no history', () => {
    expect(weeklyChart({ weeks: [], fullWeeks: 0, openedPerWeek: 0, mergedPerWeek: 0, growthPerWeek: 0 })).toBe(
      '_No weekly history was read._'
    );
  });
});
