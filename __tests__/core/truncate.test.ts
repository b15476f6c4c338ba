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
