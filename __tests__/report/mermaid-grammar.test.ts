// The chart is checked against mermaid's xychart grammar (no browser here to
// run mermaid itself): the statements GitHub's renderer accepts, and data
// series as long as the x-axis.
import { weeklyChart } from '../../src/report/mermaid.js';

const STATEMENTS: [string, RegExp][] = [
  ['title', /^title "[^"]*"$/],
  ['x-axis', /^x-axis \[("[^"]*"(, "[^"]*")*)\]$/],
  ['y-axis', /^y-axis "[^"]*" -?\d+(\.\d+)? --> -?\d+(\.\d+)?$/],
  ['bar', /^bar \[(-?\d+(\.\d+)?(, -?\d+(\.\d+)?)*)\]$/],
  ['line', /^line \[(-?\d+(\.\d+)?(, -?\d+(\.\d+)?)*)\]$/]
];

function parseXyChart(block: string): { categories: number; series: number[][] } {
  const lines = block.split('\n').map((line) => line.trim()).filter(Boolean);
  if (lines[0] !== 'xychart-beta') throw new Error(`expected "xychart-beta", got "${lines[0]}"`);
  let categories = -1;
  const series: number[][] = [];
  for (const line of lines.slice(1)) {
    const statement = STATEMENTS.find(([, pattern]) => pattern.test(line));
    if (!statement) throw new Error(`not xychart syntax: "${line}"`);
    const list = /\[(.*)\]/.exec(line)?.[1] ?? '';
    if (statement[0] === 'x-axis') categories = list.split(', ').length;
    if (statement[0] === 'bar' || statement[0] === 'line') series.push(list.split(', ').map(Number));
  }
  return { categories, series };
}

const MONDAY = Date.parse('2026-10-05T00:00:00Z');
const weeks = Array.from({ length: 8 }, (_, i) => ({
  weekStart: new Date(MONDAY + i * 7 * 86_400_000).toISOString().slice(0, 10),
  opened: 10 * i,
  merged: 7 * i
}));

test('the weekly chart is valid xychart syntax with one value per week in each series', () => {
  const markdown = weeklyChart(weeks);
  const block = /```mermaid\n([\s\S]*?)```/.exec(markdown)?.[1];
  expect(block).toBeDefined();
  const chart = parseXyChart(block as string);
  expect(chart.categories).toBe(8);
  expect(chart.series).toEqual([weeks.map((w) => w.opened), weeks.map((w) => w.merged)]);
});

test('the grammar check itself rejects what mermaid would reject', () => {
  expect(() => parseXyChart('xychart-beta\n  bar [1, 2,]')).toThrow('not xychart syntax');
  expect(() => parseXyChart('xychart\n  bar [1]')).toThrow('expected "xychart-beta"');
  expect(() => parseXyChart('xychart-beta\n  x-axis [Oct 5]')).toThrow('not xychart syntax');
});
