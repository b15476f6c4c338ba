import { renderTemplate, unknownPlaceholders } from '../../src/config/template.js';

describe('message templates', () => {
  test.each([
    [
      '{author}, no activity for {days} days; closing in {close_days}.',
      '@octocat, no activity for 30 days; closing in 7.'
    ],
    ['Waiting at {position} of {limit}: {reason}.', 'Waiting at 73 of 50: changes were requested.'],
    ['No placeholder at all.', 'No placeholder at all.']
  ])('%s', (template, expected) => {
    expect(
      renderTemplate(template, {
        author: 'octocat',
        days: 30,
        closeDays: 7,
        position: 73,
        limit: 50,
        reason: 'changes were requested'
      })
    ).toBe(expected);
  });

  test('a known placeholder without a value renders as n/a', () => {
    expect(renderTemplate('At {position}.', { author: 'octocat' })).toBe('At n/a.');
  });

  test.each([
    ['Hi {autor}', ['autor']],
    ['{author} {days} {close_days} {position} {limit} {reason}', []],
    ['{user} and {when}', ['user', 'when']],
    // Another case or spaces would render as typed: errors, not silent text.
    ['Hi {AUTHOR}', ['AUTHOR']],
    ['Hi { author }', [' author ']],
    ['{Days} and {days}', ['Days']],
    // Braces that cannot be a placeholder are text.
    ['a {} or {"json": 1} or {1}', []]
  ])('unknown placeholders in %p', (template, unknown) => {
    expect(unknownPlaceholders(template)).toEqual(unknown);
  });
});
