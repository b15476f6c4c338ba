// The summary's charts rendered by mermaid itself (the `mermaid` package, in a
// jsdom window: the renderer GitHub runs in the browser). A chart mermaid
// cannot parse or draw fails here; mermaid's own parse of the chart data is
// checked against the numbers the core computed.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { flowOf } from '../../src/core/flow.js';
import type { History } from '../../src/core/types.js';
import { renderSummary } from '../../src/report/summary.js';
import { REPO_ROOT } from '../../test-support/run-action.js';
import { config, decision, execution, plan, pr, snapshot } from './fixtures.js';

interface Rendered {
  svg?: string;
  data?: { xAxis: { categories: string[] }; plots: { type: string; data: [string, number][] }[] };
  error?: string;
}

/** Each source rendered by mermaid in a child process (see test-support/render-mermaid.mjs). */
function render(sources: string[]): Rendered[] {
  const out = execFileSync(process.execPath, [path.join(REPO_ROOT, 'test-support', 'render-mermaid.mjs')], {
    input: JSON.stringify(sources),
    encoding: 'utf8',
    cwd: REPO_ROOT
  });
  return JSON.parse(out) as Rendered[];
}

const NOW = new Date('2026-11-25T12:00:00Z'); // a Wednesday: the current week is partial
const history: History = {
  mergedInWindow: 84,
  openNow: 900,
  weeks: [
    '2026-10-05',
    '2026-10-12',
    '2026-10-19',
    '2026-10-26',
    '2026-11-02',
    '2026-11-09',
    '2026-11-16',
    '2026-11-23'
  ].map((weekStart, i) => ({
    weekStart,
    opened: 400 + 10 * i,
    merged: 200 - i,
    closed: 230 - i
  }))
};

function mermaidBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/```mermaid\n([\s\S]*?)```/g)].map((m) => m[1]);
}

test("the summary's charts render with mermaid, one point per full week in every series", () => {
  const flow = flowOf(history, NOW)!;
  const markdown = renderSummary({
    plan: plan([decision(1, 'admitted', { position: 1 })], { flow }),
    snapshot: snapshot([pr(1)], { history }),
    config,
    execution: execution()
  });
  const blocks = mermaidBlocks(markdown);
  expect(blocks).toHaveLength(2);
  const [flowChart, backlogChart] = render(blocks);
  for (const chart of [flowChart, backlogChart]) {
    expect(chart.error).toBeUndefined();
    expect(chart.svg).toMatch(/^<svg[\s\S]*<\/svg>$/);
    // Seven full weeks: the current one is left out of the charts.
    expect(chart.data?.xAxis.categories).toEqual(['Oct 5', 'Oct 12', 'Oct 19', 'Oct 26', 'Nov 2', 'Nov 9', 'Nov 16']);
    for (const plot of chart.data?.plots ?? []) expect(plot.data).toHaveLength(7);
  }
  const values = (chart: Rendered) => chart.data?.plots.map((p) => [p.type, p.data.map(([, v]) => v)]);
  expect(values(flowChart)).toEqual([
    ['bar', [400, 410, 420, 430, 440, 450, 460]],
    ['line', [200, 199, 198, 197, 196, 195, 194]]
  ]);
  expect(values(backlogChart)).toEqual([['line', flow.weeks.filter((w) => !w.partial).map((w) => w.openAtEnd)]]);
});

test('a chart mermaid cannot parse comes back as an error, not an SVG', () => {
  const [broken] = render(['xychart-beta\n  x-axis ["a", "b"]\n  bar [1, 2,]\n']);
  expect(broken.svg).toBeUndefined();
  expect(broken.error).toMatch(/Parse error/);
});
