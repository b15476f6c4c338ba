// Text that comes from PRs (titles, logins, labels) is written by anyone who
// can open a PR. Before it goes into a comment or the job summary it must
// render as the literal text: no markdown, no HTML, no table breakouts, no
// @mention pings and no #123 cross-references (README "Safety rails").
import { truncateText } from './truncate.js';

const HTML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
/** A zero-width space GitHub renders as nothing but which stops @login and #123 from linking. */
const BREAK = '&#8203;';
/**
 * One character each: an HTML special; `@` before a login (a ping); `#` before
 * a number (a cross-reference); a character with a markdown meaning anywhere
 * in a line (`|` ends a table cell, `$` starts math). One pass of `replace`:
 * a text with nothing to escape is returned as it is, without a copy.
 */
const SPECIAL = /([&<>"])|(@)(?=[A-Za-z0-9])|(#)(?=[0-9])|([\\`*_[\](){}#!|~$:])/g;

function escapeChar(_: string, html?: string, at?: string, reference?: string, markdown?: string): string {
  if (html) return HTML_ENTITIES[html]!;
  if (at) return `@${BREAK}`;
  if (reference) return `\\#${BREAK}`;
  return `\\${markdown}`;
}

/** One line of inline markdown that shows `text` literally. */
export function escapeMarkdown(text: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
  const line = text.replace(/[\r\n\t]+/g, ' ').replace(/[\u0000-\u001f\u007f]/g, '');
  // At the start of a line these open a list or a thematic break.
  return line
    .replace(SPECIAL, escapeChar)
    .replace(/^([-+=])/, '\\$1')
    .replace(/^(\d+)\./, '$1\\.');
}

/** Shortens `text` to `max` characters (before escaping, so no entity is cut in half). */
export function truncate(text: string, max: number): string {
  return truncateText(text, max);
}
