// Values GitHub would refuse or misread, and files that are no config: each
// one clear error naming the key (or config-path / the file), the value
// shortened, and what is accepted.
import { buildConfig } from '../../src/config/load.js';
import { ConfigError } from '../../src/config/errors.js';
import { loadConfig, type ConfigSource } from '../../src/config/source.js';

const FILE = '.github/backpressure.yml';

function problemsOf(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).problems;
  }
  throw new Error('expected a ConfigError');
}

describe('inputs out of range or refused by GitHub', () => {
  test.each<[string, string, RegExp]>([
    ['wip-limit', '9'.repeat(400), /^Input "wip-limit" is "9{60}… \(400 characters\)": expected a whole number ≥ 0/],
    ['stale-days', '9007199254740991', /expected a whole number from 0 to 36,500/],
    ['close-days', '36501', /expected a whole number from 0 to 36,500/],
    ['throughput-window-days', '9007199254740991', /expected a whole number from 1 to 36,500/],
    ['target-review-days', '100000', /expected a whole number from 1 to 36,500/],
    ['max-opened-per-author', '5/999999999d', /DAYS from 1 to 36,500/],
    ['max-opened-per-author', '99999999999999999999/7d', /COUNT ≥ 1/],
    ['waiting-label', 'w'.repeat(51), /expected a label name of at most 50 characters on one line/],
    ['stale-label', 's'.repeat(51), /expected a label name of at most 50 characters/],
    ['exempt-labels', `ok, ${'e'.repeat(51)}`, /expected label names of at most 50 characters/],
    ['status-context', 'a\nb', /^Input "status-context" is "a\\nb": expected a non-empty text on one line\.$/],
    ['stale-message', 'm'.repeat(70_000), /\(70,000 characters\)": expected a text of at most 60,000 characters/],
    ['close-message', 'Bye <!-- pr-backpressure:close -->', /without the action's hidden marker/],
    ['stale-message', 'Hi {AUTHOR}', /\(\{AUTHOR\} is not one of them\)/],
    ['stale-message', 'Hi { author } and {Days}', /\(\{ author \}, \{Days\} are not one of them\)/],
    [
      'config-path',
      '../../etc/passwd',
      /^Input "config-path" is "\.\.\/\.\.\/etc\/passwd": expected a file path inside the repository/
    ],
    ['config-path', '/etc/passwd', /no leading \//],
    ['config-path', '.github//x.yml', /no leading \//],
    ['config-path', 'C:/x.yml', /expected a file path inside the repository/]
  ])('%s = %j', (name, value, problem) => {
    const problems = problemsOf(() => buildConfig({ [name]: value }));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(problem);
    expect(problems[0].length).toBeLessThan(2000);
  });

  test('a 50-character label, a 60,000-character message and lower-case placeholders are accepted', () => {
    const config = buildConfig({
      'waiting-label': 'w'.repeat(50),
      'stale-message': `{author} ${'m'.repeat(59_990)}`,
      'config-path': 'config/backpressure.yml'
    });
    expect(config.waitingLabel).toHaveLength(50);
    expect(config.configPath).toBe('config/backpressure.yml');
  });

  test('a huge list names five bad items and counts the rest', () => {
    const items = Array.from({ length: 20 }, (_, i) => `${'z'.repeat(51)}${i}`);
    const [problem] = problemsOf(() => buildConfig({ 'exempt-labels': items.join(',') }));
    expect(problem).toMatch(/and 15 more are not\)\.$/);
    expect(problem.length).toBeLessThan(2000);
  });
});

describe('file values', () => {
  test.each<[string, string]>([
    [
      'wip-limit: .inf\n',
      `${FILE}:1:1: wip-limit is .inf: expected a whole number ≥ 0 (0 turns the limit off) or "auto"`
    ],
    [
      'wip-limit: -.inf\n',
      `${FILE}:1:1: wip-limit is -.inf: expected a whole number ≥ 0 (0 turns the limit off) or "auto"`
    ],
    ['max-changed-lines: .nan\n', `${FILE}:1:1: max-changed-lines is .nan: expected a whole number ≥ 1`],
    ['max-open-per-author: 1e309\n', `${FILE}:1:1: max-open-per-author is 1e309: expected a whole number ≥ 1`],
    [
      'stale-days: 9007199254740991\n',
      `${FILE}:1:1: stale-days is 9007199254740991: expected a whole number from 0 to 36,500 (0 turns the stale lifecycle off)`
    ],
    [
      'rules:\n  - match: { labels: ["a\\nb"] }\n    max-open: 1\n',
      `${FILE}:2:14: rules[0].match.labels is a list ["a\\nb"]: expected label names of at most 50 characters, each on one line ` +
        `("a\\nb" is not)`
    ],
    [
      'a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, ' +
        '*b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n',
      `${FILE}:1:1: too many YAML alias expansions (*name): expected at most 100 (YAML aliases)`
    ]
  ])('%j', (text, problem) => {
    expect(problemsOf(() => buildConfig({}, { path: FILE, text }))).toEqual([problem]);
  });

  test('a few aliases are fine', () => {
    expect(
      buildConfig({}, { path: FILE, text: 'exempt-labels: &l [a, b]\nstale-exempt-labels: *l\n' }).stale.exemptLabels
    ).toEqual(['a', 'b']);
  });
});

describe('what the default branch holds at config-path', () => {
  const explicit = { 'config-path': '.github/backpresure.yml' };
  test.each<[string, Record<string, string>, ConfigSource, string]>([
    [
      'an explicit path that does not exist',
      explicit,
      { kind: 'missing' },
      'Input "config-path" is ".github/backpresure.yml": no such file on the default branch: expected an existing YAML file ' +
        '(leave config-path unset to run without one).'
    ],
    [
      'a directory',
      { 'config-path': '.github' },
      { kind: 'directory' },
      'Input "config-path" is ".github": a directory on the default branch: expected a YAML file, like .github/backpressure.yml.'
    ],
    [
      'a binary blob (UTF-16, NUL bytes)',
      {},
      { kind: 'binary' },
      `${FILE}: not UTF-8 text (GitHub reads it as binary, e.g. UTF-16 or NUL bytes): expected a UTF-8 YAML file.`
    ],
    [
      'text with a replacement character',
      {},
      { kind: 'file', text: 'wip-limit: 5 # caf\uFFFD\n' },
      `${FILE}: not UTF-8 text (it holds NUL bytes or bytes that are not UTF-8): expected a UTF-8 YAML file.`
    ],
    [
      'text with a NUL byte',
      {},
      { kind: 'file', text: 'wip-limit: 5\u0000\n' },
      `${FILE}: not UTF-8 text (it holds NUL bytes or bytes that are not UTF-8): expected a UTF-8 YAML file.`
    ],
    [
      'a blob too large to read whole',
      {},
      { kind: 'truncated', bytes: 12_000_000 },
      `${FILE}: 12,000,000 bytes, too large for GitHub to return whole: expected a config file of a few kilobytes.`
    ]
  ])('%s', (_what, inputs, source, problem) => {
    expect(problemsOf(() => loadConfig(inputs, source))).toEqual([problem]);
  });

  test('the default path may be absent: built-in defaults', () => {
    expect(loadConfig({}, { kind: 'missing' }).wipLimit).toBe(50);
    // The runner passes action.yml's default as if it were set: still the default path.
    expect(loadConfig({ 'config-path': '.github/backpressure.yml' }, { kind: 'missing' }).wipLimit).toBe(50);
  });

  test('a UTF-8 file is read', () => {
    expect(loadConfig(explicit, { kind: 'file', text: 'wip-limit: 7\n' }).wipLimit).toBe(7);
  });
});
