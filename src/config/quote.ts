// Values quoted in error messages: shortened, one line. An input can be
// megabytes long (or hold a line break), and the error must stay one
// readable line that names it.
import { count } from '../core/count.js';

/** Characters of a value shown before it is cut. */
const SHOWN = 60;
/** List items named before "and N more". */
const ITEMS_SHOWN = 5;

/** Control characters as escapes (`\n`), so the message stays on one line. */
function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f]/g, (c) => JSON.stringify(c).slice(1, -1));
}

/** The text cut after SHOWN characters (whole code points), with its full length. */
export function shorten(text: string, shown = SHOWN): string {
  const points = [...text];
  if (points.length <= shown + 20) return oneLine(text);
  return `${oneLine(points.slice(0, shown).join(''))}… (${count(points.length)} characters)`;
}

/** `"value"`, shortened: `"aaaa… (1,048,576 characters)"`. */
export function quoteValue(text: string): string {
  return `"${shorten(text)}"`;
}

/** `"a", "b", "c" and 12 more`, each shortened; `quote` '' for items that carry their own braces. */
export function quoteItems(items: readonly string[], quote = '"'): string {
  const shown = items.slice(0, ITEMS_SHOWN).map((item) => `${quote}${shorten(item, 30)}${quote}`);
  return items.length > ITEMS_SHOWN ? `${shown.join(', ')} and ${items.length - ITEMS_SHOWN} more` : shown.join(', ');
}
