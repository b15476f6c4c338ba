import { truncateText } from '../../src/core/truncate.js';

describe('truncateText cuts on whole grapheme clusters', () => {
  test('short text is unchanged', () => {
    expect(truncateText('Fix the build', 140)).toBe('Fix the build');
  });

  test.each([
    ['an emoji of two code units', `${'a'.repeat(8)}😀tail`, 10, `${'a'.repeat(8)}…`],
    ['a family emoji joined with ZWJ', `ab👨‍👩‍👧‍👦cd`, 8, 'ab…'],
    ['a letter with a combining accent', `abcde\u0301fgh`, 6, 'abcd…'],
    ['a flag (two regional indicators)', 'x🇩🇪🇫🇷', 6, 'x🇩🇪…']
  ])('%s is kept whole or dropped whole', (_what, text, max, expected) => {
    const cut = truncateText(text, max);
    expect(cut).toBe(expected);
    expect(cut.length).toBeLessThanOrEqual(max);
    expect(cut).not.toContain('\uFFFD');
    expect(cut).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/); // no lone high surrogate
  });
});

describe('truncateText on plain ASCII (no Intl needed)', () => {
  test.each([
    ['a cut in the middle', 'abcdefghij', 5, 'abcd…'],
    ['CR LF is one cluster: dropped whole', 'abc\r\ndef', 5, 'abc…'],
    ['CR LF before the cut is kept', 'ab\r\ndefg', 6, 'ab\r\nd…'],
    ['a lone CR is its own cluster', 'abc\rdefg', 5, 'abc\r…']
  ])('%s', (_what, text, max, expected) => {
    expect(truncateText(text, max)).toBe(expected);
  });

  test('ASCII text is cut where the grapheme segmenter would cut it', () => {
    const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
    const bySegments = (text: string, max: number) => {
      let kept = '';
      for (const { segment } of segmenter.segment(text)) {
        if (kept.length + segment.length > max - 1) break;
        kept += segment;
      }
      return `${kept}…`;
    };
    const text = 'line one\r\nline two\r\n\r\nthree\rfour\n\nfive';
    for (let max = 2; max < text.length; max++) expect(truncateText(text, max)).toBe(bySegments(text, max));
  });
});
