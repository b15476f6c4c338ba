// Shortening text for GitHub's length limits (status descriptions) and the
// report's tables, without cutting a character in half: a cut inside an
// emoji or a letter with its accent would show a replacement character.

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * `text` when it has at most `max` UTF-16 code units, else its longest
 * prefix of whole grapheme clusters that leaves room for a closing `…`.
 */
export function truncateText(text: string, max: number): string {
  if (text.length <= max) return text;
  let kept = '';
  for (const { segment } of graphemes.segment(text)) {
    if (kept.length + segment.length > max - 1) break;
    kept += segment;
  }
  return `${kept}…`;
}
