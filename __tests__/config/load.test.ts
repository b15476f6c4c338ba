// buildConfig: built-in defaults, input parsing, precedence (input > file > default)
// and the rules the inputs and the file make.
import { buildConfig, DEFAULT_STALE_MESSAGE, DEFAULT_CLOSE_MESSAGE } from '../../src/config/load.js';
import { INPUT_NAMES } from '../../src/config/inputs.js';
import type { Config } from '../../src/config/types.js';

const PATH = '.github/backpressure.yml';
const withFile = (text: string, inputs: Record<string, string> = {}): Config =>
  buildConfig(inputs, { path: PATH, text });

test('no inputs and no file: the built-in defaults', () => {
  expect(buildConfig({})).toEqual({
    mode: 'auto',
    wipLimit: 50,
    adaptive: { minWipLimit: 10, maxWipLimit: null, throughputWindowDays: 28, targetReviewDays: 7 },
    reviewers: { minRequests: 1, maxRequestsCap: null, yieldDays: 0, assign: 'off', pool: [] },
    countDrafts: false,
    baseBranches: [],
    exemptLabels: [],
    exemptAuthors: [],
    priorityLabels: [],
    authorLimitAssociations: ['CONTRIBUTOR', 'FIRST_TIME_CONTRIBUTOR', 'FIRST_TIMER', 'NONE', 'MANNEQUIN'],
    trustedAfterMerged: 0,
    agentAuthors: ['Copilot', 'copilot-swe-agent[bot]', 'devin-ai-integration[bot]'],
    agentLabels: [],
    rules: [],
    onWaiting: ['fail'],
    onViolation: ['fail'],
    failJob: false,
    waitingLabel: 'backpressure: waiting',
    violationLabel: 'backpressure: violation',
    admittedLabel: 'backpressure: admitted',
    statusContext: 'backpressure',
    stale: {
      days: 0,
      closeDays: 0,
      label: 'stale',
      message: DEFAULT_STALE_MESSAGE,
      closeMessage: DEFAULT_CLOSE_MESSAGE,
      when: 'author',
      exemptLabels: [],
      exemptAssigned: false,
      exemptMilestones: false,
      drafts: false,
      maintainerMoveLabels: [],
      authorMoveLabels: []
    },
    dryRun: false,
    maxClosesPerRun: 10,
    maxWritesPerRun: 300,
    configPath: '.github/backpressure.yml',
    settings: expect.any(Object)
  });
});

test('each setting says where its value came from: an input over the file, the file, or the built-in default', () => {
  const text =
    'wip-limit: auto\nstale-days: 30\nrules:\n  - name: docs\n    match: { paths: [docs/**] }\n    max-open: 5\n';
  const { settings } = buildConfig(
    { 'wip-limit': '50', 'max-changed-lines': '900', 'dry-run': 'true' },
    { path: 'x.yml', text }
  );
  expect(settings['wip-limit']).toEqual({ source: 'input', value: 50, overrides: 'auto' });
  expect(settings['max-changed-lines']).toEqual({ source: 'input', value: 900 });
  expect(settings['dry-run']).toEqual({ source: 'input', value: true });
  expect(settings['stale-days']).toEqual({ source: 'file', value: 30 });
  expect(settings.rules).toEqual({ source: 'file', value: ['docs'] });
  expect(settings['min-wip-limit']).toEqual({ source: 'default', value: 10 });
  expect(settings['max-wip-limit']).toEqual({ source: 'default', value: undefined });
  expect(settings.mode).toEqual({ source: 'default', value: 'auto' });
  // Every input but the token, and the file's rules, has a source.
  expect(Object.keys(settings).sort()).toEqual(
    [...INPUT_NAMES.filter((name) => name !== 'github-token'), 'rules'].sort()
  );
});

test('an empty file, a comment-only file and empty inputs are all the defaults', () => {
  const empty = Object.fromEntries(['wip-limit', 'mode', 'exempt-labels', 'dry-run'].map((name) => [name, '']));
  expect(withFile('')).toEqual(buildConfig({}));
  expect(withFile('# nothing yet\n')).toEqual(buildConfig({}));
  expect(buildConfig(empty)).toEqual(buildConfig({}));
});

test.each<[string, Record<string, string>, (c: Config) => unknown, unknown]>([
  ['wip-limit number', { 'wip-limit': '12' }, (c) => c.wipLimit, 12],
  ['wip-limit 0 is off', { 'wip-limit': '0' }, (c) => c.wipLimit, 0],
  ['wip-limit auto', { 'wip-limit': 'auto' }, (c) => c.wipLimit, 'auto'],
  ['wip-limit AUTO', { 'wip-limit': 'AUTO' }, (c) => c.wipLimit, 'auto'],
  ['mode', { mode: 'sweep' }, (c) => c.mode, 'sweep'],
  ['boolean any case', { 'count-drafts': 'TRUE', 'dry-run': 'True' }, (c) => [c.countDrafts, c.dryRun], [true, true]],
  ['comma list trimmed, empties dropped', { 'exempt-labels': ' a , b,, c ,' }, (c) => c.exemptLabels, ['a', 'b', 'c']],
  ['newline list', { 'base-branches': 'main\nrelease/*\n\n' }, (c) => c.baseBranches, ['main', 'release/*']],
  [
    'associations',
    { 'author-limit-associations': 'NONE, FIRST_TIMER' },
    (c) => c.authorLimitAssociations,
    ['NONE', 'FIRST_TIMER']
  ],
  [
    'feedback lists',
    { 'on-waiting': 'label,comment', 'on-violation': 'comment\nclose' },
    (c) => [c.onWaiting, c.onViolation],
    [
      ['label', 'comment'],
      ['comment', 'close']
    ]
  ],
  [
    'adaptive',
    { 'min-wip-limit': '5', 'max-wip-limit': '80', 'throughput-window-days': '14', 'target-review-days': '3' },
    (c) => c.adaptive,
    { minWipLimit: 5, maxWipLimit: 80, throughputWindowDays: 14, targetReviewDays: 3 }
  ],
  ['max-wip-limit equal to min', { 'min-wip-limit': '20', 'max-wip-limit': '20' }, (c) => c.adaptive.maxWipLimit, 20],
  [
    'stale settings',
    { 'stale-days': '30', 'close-days': '7', 'stale-when': 'always', 'stale-drafts': 'true' },
    (c) => [c.stale.days, c.stale.closeDays, c.stale.when, c.stale.drafts],
    [30, 7, 'always', true]
  ],
  [
    'whose-move labels',
    { 'maintainer-move-labels': 'waiting-on-review', 'author-move-labels': 'waiting-on-author\nneeds-info' },
    (c) => [c.stale.maintainerMoveLabels, c.stale.authorMoveLabels],
    [['waiting-on-review'], ['waiting-on-author', 'needs-info']]
  ],
  [
    'template with every placeholder',
    { 'stale-message': '{author} {days} {close_days} {position} {limit} {reason}' },
    (c) => c.stale.message,
    '{author} {days} {close_days} {position} {limit} {reason}'
  ],
  ['config-path', { 'config-path': 'ci/queue.yml' }, (c) => c.configPath, 'ci/queue.yml'],
  [
    'run limits',
    { 'max-closes-per-run': '0', 'max-writes-per-run': '50' },
    (c) => [c.maxClosesPerRun, c.maxWritesPerRun],
    [0, 50]
  ]
])('input: %s', (_name, inputs, pick, expected) => {
  expect(pick(buildConfig(inputs))).toEqual(expected);
});

describe('precedence: an input that is set > the file > the built-in default', () => {
  const file = [
    'wip-limit: 20',
    'exempt-labels: [dependencies, "help wanted"]',
    'on-waiting: label, comment',
    'count-drafts: true',
    'stale-days: 30',
    'max-changed-lines: 1000',
    'min-wip-limit: 4'
  ].join('\n');

  test.each<[string, Record<string, string>, (c: Config) => unknown, unknown]>([
    ['file over default', {}, (c) => c.wipLimit, 20],
    ['input over file', { 'wip-limit': '7' }, (c) => c.wipLimit, 7],
    ['empty input is unset: file wins', { 'wip-limit': '' }, (c) => c.wipLimit, 20],
    ['file list as YAML sequence', {}, (c) => c.exemptLabels, ['dependencies', 'help wanted']],
    ['file list as comma text', {}, (c) => c.onWaiting, ['label', 'comment']],
    ['input list replaces the file list', { 'exempt-labels': 'wip' }, (c) => c.exemptLabels, ['wip']],
    ['file boolean', {}, (c) => c.countDrafts, true],
    ['input false over file true', { 'count-drafts': 'false' }, (c) => c.countDrafts, false],
    ['key in neither: default', {}, (c) => c.statusContext, 'backpressure'],
    ['input over file for a rule budget', { 'max-changed-lines': '50' }, (c) => c.rules[0].budgets.maxChangedLines, 50],
    [
      'file min-wip-limit checks an input max-wip-limit',
      { 'max-wip-limit': '4' },
      (c) => c.adaptive,
      { minWipLimit: 4, maxWipLimit: 4, throughputWindowDays: 28, targetReviewDays: 7 }
    ]
  ])('%s', (_name, inputs, pick, expected) => {
    expect(pick(withFile(file, inputs))).toEqual(expected);
  });
});

describe('rules', () => {
  test('the plain per-PR inputs make one rule named inputs with an empty selector', () => {
    const config = buildConfig({
      'max-open-per-author': '3',
      'max-opened-per-author': '5/7d',
      'max-changed-lines': '800',
      'max-changed-files': '40'
    });
    expect(config.rules).toEqual([
      {
        name: 'inputs',
        selector: {},
        budgets: {
          maxOpenPerAuthor: 3,
          maxOpenedPerAuthor: { count: 5, days: 7 },
          maxChangedLines: 800,
          maxChangedFiles: 40
        }
      }
    ]);
  });

  test('one per-PR input is enough for the inputs rule', () => {
    expect(buildConfig({ 'max-changed-files': '10' }).rules).toEqual([
      { name: 'inputs', selector: {}, budgets: { maxChangedFiles: 10 } }
    ]);
  });

  test('require-owner-for-agents adds the agents rule; false adds none', () => {
    expect(buildConfig({ 'require-owner-for-agents': 'true' }).rules).toEqual([
      { name: 'agents', selector: { agents: true }, budgets: { requireOwner: true } }
    ]);
    expect(buildConfig({ 'require-owner-for-agents': 'false' }).rules).toEqual([]);
  });

  test('order: inputs rule, agents rule, then the file rules; names default to rules[i]', () => {
    const config = withFile(
      [
        'max-opened-per-author: 10/30d',
        'require-owner-for-agents: true',
        'rules:',
        '  - name: docs',
        '    match:',
        '      paths: ["docs/**"]',
        '      base-branches: main',
        '    max-open: 5',
        '  - match:',
        '      authors: ["*[bot]"]',
        '      associations: [NONE, FIRST_TIMER]',
        '      labels: dependencies, security',
        '      agents: false',
        '    max-changed-files: 20',
        '    max-changed-lines: 500',
        '    max-open-per-author: 2',
        '    max-opened-per-author: 3/1d',
        '    require-owner: true',
        '    on-violation: [comment, close]',
        '  - max-open: 1'
      ].join('\n')
    );
    expect(config.rules).toEqual([
      { name: 'inputs', selector: {}, budgets: { maxOpenedPerAuthor: { count: 10, days: 30 } } },
      { name: 'agents', selector: { agents: true }, budgets: { requireOwner: true } },
      { name: 'docs', selector: { paths: ['docs/**'], baseBranches: ['main'] }, budgets: { maxOpen: 5 } },
      {
        name: 'rules[1]',
        selector: {
          authors: ['*[bot]'],
          associations: ['NONE', 'FIRST_TIMER'],
          labels: ['dependencies', 'security'],
          agents: false
        },
        budgets: {
          maxChangedFiles: 20,
          maxChangedLines: 500,
          maxOpenPerAuthor: 2,
          maxOpenedPerAuthor: { count: 3, days: 1 },
          requireOwner: true
        },
        onViolation: ['comment', 'close']
      },
      { name: 'rules[2]', selector: {}, budgets: { maxOpen: 1 } }
    ]);
  });

  test('a list of feedback values keeps each value once', () => {
    expect(buildConfig({ 'on-violation': 'fail, comment, fail' }).onViolation).toEqual(['fail', 'comment']);
  });
});

describe('logins as GitHub writes them', () => {
  test('Enterprise Managed Users logins (with an underscore) are valid in every login glob', () => {
    expect(buildConfig({ 'exempt-authors': 'jdoe_acme, *_acme', 'agent-authors': 'bot_acme[bot]' })).toMatchObject({
      exemptAuthors: ['jdoe_acme', '*_acme'],
      agentAuthors: ['bot_acme[bot]']
    });
    expect(
      withFile('rules:\n  - match: { authors: [jdoe_acme] }\n    max-open-per-author: 1\n').rules[0].selector
    ).toEqual({ authors: ['jdoe_acme'] });
  });

  test('a login glob with other punctuation is still refused, naming the key', () => {
    expect(() => buildConfig({ 'exempt-authors': 'jdoe.acme' })).toThrow(
      'Input "exempt-authors" is "jdoe.acme": expected login globs: letters, digits, hyphens, underscores, * and ?, optionally ' +
        'ending in [bot] ("jdoe.acme" is not).'
    );
  });
});
