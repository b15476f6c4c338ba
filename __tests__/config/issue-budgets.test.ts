// require-issue, issue-labels and one-pr-per-issue: as inputs, as top-level
// file keys and as rule keys, with one clear error for each bad value.
import { buildConfig } from '../../src/config/load.js';
import { ConfigError } from '../../src/config/errors.js';

const PATH = '.github/backpressure.yml';
const withFile = (text: string, inputs: Record<string, string> = {}) => buildConfig(inputs, { path: PATH, text });

function problems(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

test.each([
  [{ 'require-issue': 'true' }, { requireIssue: 'linked' }],
  [{ 'require-issue': 'Assigned' }, { requireIssue: 'assigned' }],
  [
    { 'require-issue': 'assigned', 'issue-labels': 'accepted, help wanted' },
    { requireIssue: 'assigned', issueLabels: ['accepted', 'help wanted'] }
  ],
  [{ 'one-pr-per-issue': 'true' }, { onePrPerIssue: true }]
])('inputs %j make the inputs rule %j', (inputs, budgets) => {
  expect(buildConfig(inputs).rules).toEqual([{ name: 'inputs', selector: {}, budgets }]);
});

test.each<Record<string, string>>([
  { 'require-issue': 'false' },
  { 'one-pr-per-issue': 'false' },
  { 'require-issue': '' }
])('%j makes no rule', (inputs) => {
  expect(buildConfig(inputs).rules).toEqual([]);
});

test('top-level file keys and rule keys, with the recipe "agents may only work on assigned issues"', () => {
  const file = [
    'require-issue: true',
    'issue-labels: [accepted]',
    'rules:',
    '  - name: agents on assigned issues',
    '    match: { agents: true }',
    '    require-issue: assigned',
    '  - one-pr-per-issue: true',
    ''
  ].join('\n');
  expect(withFile(file).rules).toEqual([
    { name: 'inputs', selector: {}, budgets: { requireIssue: 'linked', issueLabels: ['accepted'] } },
    { name: 'agents on assigned issues', selector: { agents: true }, budgets: { requireIssue: 'assigned' } },
    { name: 'rules[1]', selector: {}, budgets: { onePrPerIssue: true } }
  ]);
  // An input that is set wins over the file: `false` turns the top-level budget (and its issue-labels) off.
  expect(withFile(file, { 'require-issue': 'false' }).rules.map((r) => r.name)).toEqual([
    'agents on assigned issues',
    'rules[1]'
  ]);
});

test.each([
  [{ 'require-issue': 'yes' }, 'Input "require-issue" is "yes": expected true, false or assigned.'],
  [{ 'one-pr-per-issue': 'maybe' }, 'Input "one-pr-per-issue" is "maybe": expected true or false.'],
  [
    { 'issue-labels': 'accepted' },
    '"issue-labels" is set but "require-issue" is not: expected require-issue true or assigned with issue-labels.'
  ]
])('bad inputs %j: one clear error', (inputs, message) => {
  expect(problems(() => buildConfig(inputs))).toContain(message);
});

test.each([
  [
    'rules:\n  - require-issue: sometimes\n',
    `${PATH}:2:5: rules[0].require-issue is "sometimes": expected true, false or assigned`
  ],
  ['rules:\n  - require-issue: false\n', `${PATH}:2:5: rules[0] has no budget: expected at least one of`],
  [
    'rules:\n  - one-pr-per-issue: true\n    issue-labels: [accepted]\n',
    `${PATH}:3:5: rules[0].issue-labels is set but rules[0].require-issue is not`
  ],
  [
    'rules:\n  - require-isue: true\n',
    `${PATH}:2:5: unknown key "require-isue" in rules[0]: did you mean "require-issue"?`
  ]
])('a bad rule names the key, line and column: %j', (text, message) => {
  expect(problems(() => withFile(text))).toContain(message);
});
