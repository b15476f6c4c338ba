// The CLI prints the job summary in a terminal: the same markdown, read as
// plain text. Handles only what renderSummary writes: headings, tables, lists,
// bold, links, HTML comments and small tags, mermaid blocks (their numbers are
// in the table that follows each chart), escapes and entities.

/** Backslash escapes become private-use characters so markup stripping cannot see them. */
const PRIVATE_BASE = 0xe000;
const hide = (text: string) =>
  text.replace(/\\([!-/:-@[-`{-~])/g, (_, char: string) => String.fromCharCode(PRIVATE_BASE + char.charCodeAt(0)));
const reveal = (text: string) =>
  text.replace(/[\ue000-\ue07f]/g, (char) => String.fromCharCode(char.charCodeAt(0) - PRIVATE_BASE));

const ENTITIES: Record<string, string> = {
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#8203;': '',
  '&nbsp;': ' ',
  '&amp;': '&'
};

/** Inline markup to plain text; `hidden` already has its escapes hidden. */
function plainHidden(hidden: string): string {
  const plain = hidden
    .replace(/\[([^\]]*)\]\(([^)]*)\)/g, (_, label: string, url: string) =>
      label.startsWith('#') ? label : `${label} (${url})`
    )
    .replace(/\*\*([^*]+)\*\*/g, '$1')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/<\/?(sub|sup|b|strong|em|i|br)\s*\/?>/gi, '');
  return reveal(plain).replace(/&(lt|gt|quot|#8203|nbsp|amp);/g, (entity) => ENTITIES[entity] ?? entity);
}

const inline = (text: string) => plainHidden(hide(text));

/** Splits a table row on the pipes that are not escaped. */
function cells(row: string): string[] {
  return hide(row.trim().replace(/^\|/, '').replace(/\|$/, ''))
    .split('|')
    .map((cell) => plainHidden(cell.trim()));
}

/** A last column this long, shared by at least two rows on average, is printed once per group. */
const GROUPED_TEXT_MIN = 30;

function aligned(body: string[][]): (r: string[]) => string {
  const widths = body[0]!.map((_, i) => Math.max(...body.map((r) => (r[i] ?? '').length)));
  return (r: string[]) =>
    r
      .map((cell, i) => cell.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
}

/**
 * Rows grouped by their last column (a reason, an outcome) when it repeats a
 * long sentence: the sentence once with its count, then its rows, instead of
 * the same sentence on every line of a terminal.
 */
function groupedByLastColumn(body: string[][]): string[] | undefined {
  const [header, ...rows] = body;
  const last = header!.length - 1;
  if (last < 1 || rows.length < 4) return undefined;
  const groups = new Map<string, string[][]>();
  for (const row of rows) groups.set(row[last] ?? '', [...(groups.get(row[last] ?? '') ?? []), row.slice(0, last)]);
  const longest = Math.max(...[...groups.keys()].map((text) => text.length));
  if (groups.size > rows.length / 2 || longest < GROUPED_TEXT_MIN) return undefined;
  const line = aligned([header!.slice(0, last), ...rows.map((r) => r.slice(0, last))]);
  const out = [line(header!.slice(0, last))];
  for (const [text, group] of groups)
    out.push('', `${header![last]}: ${text} (${group.length})`, ...group.map((r) => `  ${line(r)}`));
  return out;
}

function renderTable(rows: string[]): string[] {
  const body = rows.filter((row) => !/^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?$/.test(row.trim())).map(cells);
  const grouped = groupedByLastColumn(body);
  if (grouped) return grouped;
  const line = aligned(body);
  const widths = body[0]!.map((_, i) => Math.max(...body.map((r) => (r[i] ?? '').length)));
  const [header, ...rest] = body;
  return [line(header!), widths.map((w) => '-'.repeat(w)).join('  '), ...rest.map(line)];
}

export function markdownToTerminal(markdown: string): string {
  const lines = markdown.replace(/<!--[\s\S]*?-->/g, '').split('\n');
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.startsWith('```mermaid')) {
      while (i < lines.length - 1 && !lines[i + 1]!.startsWith('```')) i++;
      i++; // the closing fence
      continue;
    }
    if (line.trim().startsWith('|')) {
      const rows: string[] = [];
      while (i < lines.length && lines[i]!.trim().startsWith('|')) rows.push(lines[i++]!);
      i--;
      out.push(...renderTable(rows));
      continue;
    }
    if (/^\s*<\/?details>\s*$/i.test(line)) continue;
    const summaryTag = /^\s*<summary>(.*)<\/summary>\s*$/i.exec(line);
    if (summaryTag) {
      out.push(inline(summaryTag[1]!));
      continue;
    }
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    if (heading) {
      const text = inline(heading[2]!);
      out.push(
        heading[1]!.length <= 2 ? text.toUpperCase() : text,
        (heading[1]!.length <= 2 ? '=' : '-').repeat(text.length)
      );
      continue;
    }
    if (/^>\s*\[!(NOTE|TIP|IMPORTANT|WARNING|CAUTION)\]\s*$/.test(line)) continue;
    out.push(inline(line.replace(/^>\s?/, '')));
  }
  return out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
