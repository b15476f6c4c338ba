// Shortening text for GitHub's length limits (status descriptions) and the
// report's tables, without cutting a character in half: a cut inside an
// emoji or a letter with its accent would show a replacement character.

/**
 * Made on first use, and only for text that is not plain ASCII: Intl pages
 * in ICU data (about 3 MB) that ASCII text, where every character but a
 * CR LF pair is its own grapheme cluster, does not need.
 */
let graphemes: Intl.Segmenter | undefined;

/**
 * `text` when it has at most `max` UTF-16 code units, else its longest
 * prefix of whole grapheme clusters that leaves room for a closing `…`.
 */
export function truncateText(text: string, max: number): string {
  if (text.length <= max) return text;
  if (!/[\u0080-\uffff]/.test(text)) {
    const kept = text.slice(0, max - 1);
    // CR LF is one cluster: kept whole or dropped whole.
    return `${kept.endsWith('\r') && text[max - 1] === '\n' ? kept.slice(0, -1) : kept}…`;
  }
  graphemes ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  let kept = '';
  for (const { segment } of graphemes.segment(text)) {
    if (kept.length + segment.length > max - 1) break;
    kept += segment;
  }
  return `${kept}…`;
}
