// Glob matching: login globs in linear time, path globs with the limits the
// config enforces (extglobs, brace ranges and bombs, many * in a segment).
import { loginMatches, pathGlobProblem, pathMatches } from '../../src/core/globs.js';

describe('login globs: * and ?, brackets literal, case-insensitive', () => {
  test.each<[string, string, boolean]>([
    ['dependabot[bot]', '*[bot]', true],
    ['Dependabot[BOT]', '*[bot]', true],
    ['dependabot', '*[bot]', false],
    ['b', '*[bot]', false],
    ['octocat', 'octo?at', true],
    ['octocat', 'octo?', false],
    ['octocat', '*', true],
    ['', '*', true],
    ['a-b_c', 'a*c', true],
    ['ac', 'a*?c', false],
    ['abc', 'a*?c', true],
    ['aXbYc', 'a*b*c', true],
    ['aXbYd', 'a*b*c', false]
  ])('%s against %s: %s', (login, glob, expected) => {
    expect(loginMatches(login, [glob])).toBe(expected);
  });

  test('25 stars before a literal end neither hang nor change the answer (no regex to backtrack)', () => {
    const glob = `${'*'.repeat(25)}zz`;
    expect(loginMatches('a'.repeat(39), [glob])).toBe(false);
    expect(loginMatches(`${'a'.repeat(37)}zz`, [glob])).toBe(true);
  });
});

describe('path globs: minimatch, dotfiles included, extglobs off', () => {
  test.each<[string, string, boolean]>([
    ['docs/a.md', 'docs/**', true],
    ['.github/workflows/ci.yml', '**/*.yml', true],
    ['src/x.ts', '{src,lib}/**', true],
    ['test/x.ts', '{src,lib}/**', false],
    ['main', 'main', true],
    ['release/1.2', 'release/*', true]
  ])('%s against %s: %s', (path, glob, expected) => {
    expect(pathMatches(path, [glob])).toBe(expected);
  });

  test('an extglob is not run against a file name a contributor chose', () => {
    // With extglobs on, `*(*.)` takes exponential time on this name.
    expect(pathMatches(`${'a.'.repeat(3000)}x`, ['*(*.)'])).toBe(false);
  });

  test.each<[string, string | undefined]>([
    ['docs/**', undefined],
    ['**/*.md', undefined],
    ['{src,lib}/**/*.ts', undefined],
    ['src/*test*', undefined],
    ['*(*.)', 'extglobs like *(…) or @(…) are not supported'],
    ['docs/@(a|b).md', 'extglobs like *(…) or @(…) are not supported'],
    ['docs/{1..1000000}.md', 'brace ranges like {1..9} are not supported'],
    ['{a,b}{c,d}{e,f}{g,h}{i,j}{k,l}{m,n}', 'its braces expand to more than 64 patterns'],
    ['*a*b*c*', 'at most 2 * in one path segment (** as a whole segment aside)'],
    ['**/a*b*/**', undefined]
  ])('pathGlobProblem(%j) = %j', (glob, problem) => {
    expect(pathGlobProblem(glob)).toBe(problem);
  });
});
