// The effective settings in a reader's words, and the one notice for inputs
// that override the config file.
import { buildConfig } from '../../src/config/load.js';
import { overrideNotice, settingValueText } from '../../src/config/settings.js';

const FILE = { path: '.github/backpressure.yml', text: 'wip-limit: auto\nstale-days: 30\nexempt-labels: [a, b]\n' };

test.each<[unknown, string]>([
  [50, '50'],
  ['auto', 'auto'],
  [true, 'true'],
  [undefined, 'none'],
  [[], 'none'],
  [['dependabot[bot]', 'renovate[bot]'], 'dependabot[bot], renovate[bot]'],
  [{ count: 5, days: 7 }, '5/7d'],
  ['linked', 'true'],
  ['a message\nover two lines', 'a message over two lines'],
  ['x'.repeat(100), `${'x'.repeat(59)}…`]
])('%j is shown as %s', (value, text) => {
  expect(settingValueText(value)).toBe(text);
});

test('no notice when no input is set, or when an input says what the file says', () => {
  expect(overrideNotice(buildConfig({}, FILE))).toBeUndefined();
  expect(overrideNotice(buildConfig({ 'wip-limit': 'auto', 'max-changed-lines': '10' }, FILE))).toBeUndefined();
});

test('one notice names every input that overrides a different value of the file', () => {
  expect(overrideNotice(buildConfig({ 'wip-limit': '50', 'stale-days': '0', 'exempt-labels': 'a,b' }, FILE))).toBe(
    '2 inputs override .github/backpressure.yml: wip-limit (input 50, file auto); stale-days (input 0, file 30). ' +
      "An input that is set wins over the file: remove it from the workflow's with: to use the file's value."
  );
  expect(overrideNotice(buildConfig({ 'wip-limit': '50' }, FILE))).toMatch(
    /^An input overrides \.github\/backpressure\.yml: wip-limit \(input 50, file auto\)\. /
  );
});
