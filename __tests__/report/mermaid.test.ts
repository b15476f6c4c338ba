import { weeklyChart } from '../../src/report/mermaid.js';

const weeks = [
  { weekStart: '2026-09-28', opened: 40, merged: 12 },
  { weekStart: '2026-10-05', opened: 55, merged: 9 }
];

describe('weeklyChart', () => {
  test('draws opened as bars and merged as a line, one tick per week', () => {
    const chart = weeklyChart(weeks);
    expect(chart).toContain('```mermaid\nxychart-beta');
    expect(chart).toContain('x-axis ["Sep 28", "Oct 5"]');
    expect(chart).toContain('bar [40, 55]');
    expect(chart).toContain('line [12, 9]');
    expect(chart).toContain('y-axis "PRs" 0 --> 55');
  });

  test('repeats the numbers in a table for readers without mermaid', () => {
    const chart = weeklyChart(weeks);
    expect(chart).toContain('| 2026-09-28 | 40 | 12 |');
    expect(chart).toContain('| 2026-10-05 | 55 | 9 |');
    expect(chart).toContain('Over 2 weeks: 95 opened, 21 merged.');
  });

  test('says so when there is no history', () => {
    expect(weeklyChart([])).toBe('_No weekly history was read._');
  });
});
