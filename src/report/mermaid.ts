// Inflow versus throughput over the last weeks (README "What people see"):
// mermaid charts for GitHub, and the same numbers as a table for readers
// without mermaid (the terminal, mail notifications, screen readers). The
// current week is partial: the charts leave it out (two days of merges drawn
// as a week would look like a collapse); the table keeps it, marked.
import type { Flow, WeekFlow } from '../core/types.js';
import { count } from '../core/count.js';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * Plot colours readable in both of GitHub's themes: mermaid's own palette
 * starts with a pale lavender that vanishes on white. Each has a relative
 * luminance between 0.2 and 0.3, so it contrasts at least 3:1 (WCAG's
 * measure for graphics) with a white page and with the dark theme's chart
 * background (#333) and page (#0d1117); the render test checks it.
 * Opened and open PRs green, merged PRs purple: GitHub's own colours for them.
 */
export const CHART_COLORS = { opened: '#2da44e', merged: '#a371f7', open: '#218bff' } as const;

/** "Sep 29" from "2026-09-29": short enough for an x-axis tick. */
function weekLabel(weekStart: string): string {
  const [, month, day] = weekStart.slice(0, 10).split('-').map(Number);
  return month && day ? `${MONTHS[month - 1]} ${day}` : weekStart;
}

/** `series` are drawn in `colors`' order (mermaid gives each plot the next colour of the palette). */
function xyChart(title: string, weeks: WeekFlow[], series: string[], colors: string[], top: number): string[] {
  const palette = JSON.stringify({ themeVariables: { xyChart: { plotColorPalette: colors.join(', ') } } });
  return [
    '```mermaid',
    `%%{init: ${palette}}%%`,
    'xychart-beta',
    `  title "${title}"`,
    `  x-axis [${weeks.map((w) => `"${weekLabel(w.weekStart)}"`).join(', ')}]`,
    `  y-axis "PRs" 0 --> ${Math.max(1, top)}`,
    ...series.map((s) => `  ${s}`),
    '```'
  ];
}

export function weeklyChart(flow: Flow): string {
  const { weeks } = flow;
  if (weeks.length === 0) return '_No weekly history was read._';
  const full = weeks.filter((w) => !w.partial);
  const backlog = full.every((w) => w.openAtEnd !== undefined) ? full.map((w) => w.openAtEnd ?? 0) : undefined;
  const charts: string[] = [];
  if (full.length > 0) {
    charts.push(
      ...xyChart(
        'PRs opened (bars) and merged (line) per full week',
        full,
        [`bar [${full.map((w) => w.opened).join(', ')}]`, `line [${full.map((w) => w.merged).join(', ')}]`],
        [CHART_COLORS.opened, CHART_COLORS.merged],
        Math.max(...full.flatMap((w) => [w.opened, w.merged]))
      )
    );
    if (backlog)
      charts.push(
        '',
        ...xyChart(
          "Open PRs at each week's end",
          full,
          [`line [${backlog.join(', ')}]`],
          [CHART_COLORS.open],
          Math.max(...backlog)
        )
      );
  }
  const partial = weeks.find((w) => w.partial);
  const partialNote = partial
    ? [
        `The current week (from ${weekLabel(partial.weekStart)}, ${count(partial.days)} of 7 days so far) ` +
          `is left out of the charts; the table keeps its numbers.`
      ]
    : [];

  const withCloses = weeks.every((w) => w.closed !== undefined);
  const withBacklog = weeks.every((w) => w.openAtEnd !== undefined);
  const header = [
    'week of',
    'opened',
    'merged',
    ...(withCloses ? ['closed unmerged'] : []),
    ...(withBacklog ? ["open at week's end"] : [])
  ];
  const row = (w: WeekFlow) => [
    w.partial ? `${w.weekStart.slice(0, 10)} (so far)` : w.weekStart.slice(0, 10),
    count(w.opened),
    count(w.merged),
    ...(withCloses ? [count(Math.max(0, (w.closed ?? 0) - w.merged))] : []),
    ...(withBacklog ? [count(w.openAtEnd ?? 0)] : [])
  ];
  const table = [
    `| ${header.join(' | ')} |`,
    `|---|${header
      .slice(1)
      .map(() => '---:')
      .join('|')}|`,
    ...weeks.map((w) => `| ${row(w).join(' | ')} |`)
  ];
  const opened = weeks.reduce((sum, w) => sum + w.opened, 0);
  const merged = weeks.reduce((sum, w) => sum + w.merged, 0);
  const balance = `Over ${weeks.length} weeks: ${count(opened)} opened, ${count(merged)} merged.`;
  return [
    ...charts,
    ...(charts.length > 0 ? [''] : []),
    ...partialNote,
    ...(partialNote.length > 0 ? [''] : []),
    table.join('\n'),
    '',
    balance
  ].join('\n');
}
