// Text that comes from PRs (titles, logins, labels) is written by anyone who
// can open a PR. Before it goes into a comment or the job summary it must
// render as the literal text: no markdown, no HTML, no table breakouts, no
// @mention pings and no #123 cross-references (README "Safety rails").
import { truncateText } from './truncate.js';

/** Characters with a markdown meaning anywhere in a line; `|` ends a table cell, `$` starts math. */
const MARKDOWN_PUNCTUATION = new Set(['\\', '`', '*', '_', '[', ']', '(', ')', '{', '}', '#', '!', '|', '~', '$', ':']);
const HTML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
/** A zero-width space GitHub renders as nothing but which stops @login and #123 from linking. */
const BREAK = '&#8203;';

/** One line of inline markdown that shows `text` literally. */
export function escapeMarkdown(text: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
  const line = text.replace(/[\r\n\t]+/g, ' ').replace(/[\u0000-\u001f\u007f]/g, '');
  let out = '';
  for (let i = 0; i < line.length; i++) {
    const char = line[i]!;
    const next = line[i + 1] ?? '';
    if (char in HTML_ENTITIES) out += HTML_ENTITIES[char];
    else if (char === '@' && /[A-Za-z0-9]/.test(next)) out += `@${BREAK}`;
    else if (char === '#' && /[0-9]/.test(next)) out += `\\#${BREAK}`;
    else if (MARKDOWN_PUNCTUATION.has(char)) out += `\\${char}`;
    else out += char;
  }
  // At the start of a line these open a list or a thematic break.
  return out.replace(/^([-+=])/, '\\$1').replace(/^(\d+)\./, '$1\\.');
}

/** Shortens `text` to `max` characters (before escaping, so no entity is cut in half). */
export function truncate(text: string, max: number): string {
  return truncateText(text, max);
}
