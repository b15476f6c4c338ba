// Inflow versus throughput over the last weeks (spec §7): a mermaid chart for
// GitHub, and the same numbers as a table for readers without mermaid (the
// terminal, mail notifications, screen readers).
import type { WeekCounts } from '../core/types.js';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "Sep 29" from "2026-09-29": short enough for an x-axis tick. */
function weekLabel(weekStart: string): string {
  const [, month, day] = weekStart.slice(0, 10).split('-').map(Number);
  return month && day ? `${MONTHS[month - 1]} ${day}` : weekStart;
}

export function weeklyChart(weeks: WeekCounts[]): string {
  if (weeks.length === 0) return '_No weekly history was read._';
  const labels = weeks.map((w) => `"${weekLabel(w.weekStart)}"`).join(', ');
  const top = Math.max(1, ...weeks.flatMap((w) => [w.opened, w.merged]));
  const chart = [
    '```mermaid',
    'xychart-beta',
    '  title "PRs opened (bars) and merged (line) per week"',
    `  x-axis [${labels}]`,
    `  y-axis "PRs" 0 --> ${top}`,
    `  bar [${weeks.map((w) => w.opened).join(', ')}]`,
    `  line [${weeks.map((w) => w.merged).join(', ')}]`,
    '```'
  ];
  const table = ['| week of | opened | merged |', '|---|---:|---:|', ...weeks.map((w) => `| ${w.weekStart.slice(0, 10)} | ${w.opened} | ${w.merged} |`)];
  const opened = weeks.reduce((sum, w) => sum + w.opened, 0);
  const merged = weeks.reduce((sum, w) => sum + w.merged, 0);
  const balance = `Over ${weeks.length} weeks: ${opened} opened, ${merged} merged.`;
  return [...chart, '', table.join('\n'), '', balance].join('\n');
}
