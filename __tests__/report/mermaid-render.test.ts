// The summary's charts rendered by mermaid itself (the `mermaid` package, in a
// jsdom window: the renderer GitHub runs in the browser). A chart mermaid
// cannot parse or draw fails here; mermaid's own parse of the chart data is
// checked against the numbers the core computed, and the colours it draws
// against both of GitHub's themes.
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
  colors?: { background?: string; plots: { kind?: string; color?: string }[] };
  error?: string;
}

/** Each source rendered by mermaid in one child process (see test-support/render-mermaid.mjs). */
function render(sources: { source: string; theme: string }[]): Rendered[] {
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
const flow = flowOf(history, NOW)!;
const blocks = [
  ...renderSummary({
    plan: plan([decision(1, 'admitted', { position: 1 })], { flow }),
    snapshot: snapshot([pr(1)], { history }),
    config,
    execution: execution()
  }).matchAll(/```mermaid\n([\s\S]*?)```/g)
].map((m) => m[1]);

/** GitHub's page backgrounds in its light and dark modes, and the mermaid theme it renders with in each. */
const THEMES = [
  { github: 'light', mermaid: 'default', page: '#ffffff' },
  { github: 'dark', mermaid: 'dark', page: '#0d1117' }
] as const;
const BROKEN = 'xychart-beta\n  x-axis ["a", "b"]\n  bar [1, 2,]\n';
// A chart without a palette of its own: mermaid's first plot colour in the light theme.
const UNCOLOURED = 'xychart-beta\n  x-axis ["a", "b"]\n  y-axis 0 --> 2\n  line [1, 2]\n';

let byTheme: Record<string, Rendered[]>;
let broken: Rendered;
let uncoloured: Rendered;
beforeAll(() => {
  const sources = [
    ...THEMES.flatMap(({ mermaid: theme }) => blocks.map((source) => ({ source, theme }))),
    { source: BROKEN, theme: 'default' },
    { source: UNCOLOURED, theme: 'default' }
  ];
  const rendered = render(sources);
  byTheme = Object.fromEntries(
    THEMES.map(({ mermaid: theme }, i) => [theme, rendered.slice(i * blocks.length, (i + 1) * blocks.length)])
  );
  [broken, uncoloured] = rendered.slice(-2);
});

test("the summary's charts render with mermaid, one point per full week in every series", () => {
  expect(blocks).toHaveLength(2);
  const [flowChart, backlogChart] = byTheme.default;
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
  expect(broken.svg).toBeUndefined();
  expect(broken.error).toMatch(/Parse error/);
});

/** WCAG relative luminance of `#rgb`, `#rrggbb` or `white`. */
function luminance(color: string): number {
  const hex = color === 'white' ? 'ffffff' : color.replace(/^#/, '');
  const full = hex.length === 3 ? [...hex].map((c) => c + c).join('') : hex;
  const [r, g, b] = [0, 2, 4].map((i) => {
    const c = parseInt(full.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio, from 1 to 21. */
function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

test.each(THEMES)(
  'in GitHub $github mode every plot contrasts at least 3:1 with the chart and the page, and the two series differ',
  ({ mermaid: theme, page }) => {
    const charts = byTheme[theme];
    expect(charts.map((c) => c.colors?.plots.map((p) => p.kind))).toEqual([['bar', 'line'], ['line']]);
    for (const chart of charts) {
      const background = chart.colors?.background ?? '';
      expect(background).toMatch(/^(#|white$)/);
      for (const { color } of chart.colors?.plots ?? []) {
        expect(color).toMatch(/^#[0-9a-f]{6}$/i);
        // WCAG 2.1 SC 1.4.11: graphical objects need 3:1 against what is next to them.
        expect([color, contrast(color!, background) >= 3, contrast(color!, page) >= 3]).toEqual([color, true, true]);
      }
    }
    // The bars and the line of the first chart differ in colour, not only in shape.
    const [bar, line] = charts[0].colors!.plots.map((p) => p.color!.toLowerCase());
    expect(bar).not.toBe(line);
  }
);

test("mermaid's own first plot colour, which the charts used before, fails the light theme: the check can fail", () => {
  const { background, plots } = uncoloured.colors!;
  expect(contrast(plots[0].color!, background!)).toBeLessThan(1.5);
});
