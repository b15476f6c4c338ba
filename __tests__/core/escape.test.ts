import { escapeMarkdown } from '../../src/core/escape.js';

describe('escapeMarkdown', () => {
  test.each([
    ['plain text stays as it is', 'Fix the parser', 'Fix the parser'],
    ['HTML is neutralised', '<img src=x onerror=alert(1)>', '&lt;img src=x onerror=alert\\(1\\)&gt;'],
    ['a table cell cannot be broken out of', 'a | b', 'a \\| b'],
    ['emphasis and code do not render', '**bold** _it_ `code`', '\\*\\*bold\\*\\* \\_it\\_ \\`code\\`'],
    ['links and images do not render', '![x](http://e.vil)', '\\!\\[x\\]\\(http\\://e.vil\\)'],
    ['@mentions do not ping', '@octocat', '@&#8203;octocat'],
    ['issue references do not link', 'fixes #12', 'fixes \\#&#8203;12'],
    ['entities are not decoded', '&lt;b&gt;', '&amp;lt;b&amp;gt;'],
    [
      'newlines and control characters do not end the line',
      'one\n## two\r\nthree\u001b[31m',
      'one \\#\\# two three\\[31m'
    ],
    ['a leading dash does not start a list', '- item', '\\- item'],
    ['a leading number does not start a list', '1. item', '1\\. item'],
    ['a bot login keeps its brackets as text', 'dependabot[bot]', 'dependabot\\[bot\\]']
  ])('%s', (_, input, expected) => {
    expect(escapeMarkdown(input)).toBe(expected);
  });

  test('an e-mail address is not a mention either', () => {
    expect(escapeMarkdown('me@example.com')).toBe('me@&#8203;example.com');
  });
});
