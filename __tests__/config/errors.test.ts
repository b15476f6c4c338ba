// Bad inputs and config values: one clear line each, naming the key, the bad
// value and what is accepted (README "Safety rails"), all of them reported at once.
import { buildConfig } from '../../src/config/load.js';
import { ConfigError } from '../../src/config/errors.js';

function problemsOf(inputs: Record<string, string>, fileText?: string): string[] {
  try {
    buildConfig(inputs, fileText === undefined ? undefined : { path: '.github/backpressure.yml', text: fileText });
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).message).toBe((error as ConfigError).problems.join('\n'));
    return (error as ConfigError).problems;
  }
  throw new Error('expected a ConfigError');
}

const ASSOCIATIONS = 'OWNER, MEMBER, COLLABORATOR, CONTRIBUTOR, FIRST_TIME_CONTRIBUTOR, FIRST_TIMER, NONE, MANNEQUIN';
const PLACEHOLDERS = '{author}, {days}, {close_days}, {position}, {limit}, {reason}';

test.each<[string, string, string]>([
  ['wip-limit', 'fifty', 'expected a whole number ≥ 0 (0 turns the limit off) or "auto".'],
  ['wip-limit', '-1', 'expected a whole number ≥ 0 (0 turns the limit off) or "auto".'],
  ['wip-limit', '2.5', 'expected a whole number ≥ 0 (0 turns the limit off) or "auto".'],
  ['mode', 'advance', 'expected one of auto, gate, sweep.'],
  ['min-wip-limit', '0', 'expected a whole number ≥ 1.'],
  ['max-wip-limit', 'none', 'expected a whole number ≥ 1.'],
  ['throughput-window-days', '4w', 'expected a whole number from 1 to 36,500.'],
  ['target-review-days', '0', 'expected a whole number from 1 to 36,500.'],
  ['count-drafts', 'yes', 'expected true or false.'],
  ['dry-run', '1', 'expected true or false.'],
  ['author-limit-associations', 'CONTRIBUTR', `expected any of ${ASSOCIATIONS} ("CONTRIBUTR" is not).`],
  ['author-limit-associations', 'none, bots', `expected any of ${ASSOCIATIONS} ("none", "bots" are not).`],
  ['trusted-after-merged', 'some', 'expected a whole number ≥ 0 (0 turns it off).'],
  ['max-open-per-author', '0', 'expected a whole number ≥ 1.'],
  [
    'max-opened-per-author',
    '5/week',
    'expected COUNT/DAYSd like 5/7d (at most COUNT PRs opened in DAYS days; COUNT ≥ 1, DAYS from 1 to 36,500).'
  ],
  [
    'max-opened-per-author',
    '5',
    'expected COUNT/DAYSd like 5/7d (at most COUNT PRs opened in DAYS days; COUNT ≥ 1, DAYS from 1 to 36,500).'
  ],
  [
    'max-opened-per-author',
    '0/7d',
    'expected COUNT/DAYSd like 5/7d (at most COUNT PRs opened in DAYS days; COUNT ≥ 1, DAYS from 1 to 36,500).'
  ],
  ['max-changed-lines', '1k', 'expected a whole number ≥ 1.'],
  ['max-changed-files', '-3', 'expected a whole number ≥ 1.'],
  ['require-owner-for-agents', 'always', 'expected true or false.'],
  [
    'exempt-authors',
    'bot[, x',
    'expected login globs: letters, digits, hyphens, underscores, * and ?, optionally ending in [bot] ("bot[" is not).'
  ],
  [
    'agent-authors',
    'copilot agent',
    'expected login globs: letters, digits, hyphens, underscores, * and ?, optionally ending in [bot] ("copilot agent" is not).'
  ],
  ['on-waiting', 'explode', 'expected any of fail, label, comment ("explode" is not).'],
  ['on-violation', 'fail, delete', 'expected any of fail, comment, close ("delete" is not).'],
  ['stale-days', 'never', 'expected a whole number from 0 to 36,500 (0 turns the stale lifecycle off).'],
  ['close-days', '1.5', 'expected a whole number from 0 to 36,500 (0 never closes).'],
  [
    'stale-message',
    'Hi {user}',
    `expected a text using only the placeholders ${PLACEHOLDERS}, lower-case and without spaces ({user} is not one of them).`
  ],
  [
    'close-message',
    'Bye {author} after {dayz}',
    `expected a text using only the placeholders ${PLACEHOLDERS}, lower-case and without spaces ({dayz} is not one of them).`
  ],
  ['stale-when', 'maintainer', 'expected one of author, always.'],
  ['stale-exempt-assigned', 'on', 'expected true or false.'],
  ['stale-exempt-milestones', 'off', 'expected true or false.'],
  ['stale-drafts', 'y', 'expected true or false.'],
  ['max-closes-per-run', 'all', 'expected a whole number ≥ 0.'],
  ['max-writes-per-run', '∞', 'expected a whole number ≥ 0.']
])('input %s = %j', (name, value, accepted) => {
  expect(problemsOf({ [name]: value })).toEqual([`Input "${name}" is "${value}": ${accepted}`]);
});

test('max-wip-limit below min-wip-limit is an error', () => {
  expect(problemsOf({ 'max-wip-limit': '5' })).toEqual([
    '"max-wip-limit" is 5, below "min-wip-limit" 10: expected max-wip-limit ≥ min-wip-limit.'
  ]);
});

test('every bad input is reported at once', () => {
  const problems = problemsOf({ 'wip-limit': 'fifty', 'on-waiting': 'explode', 'dry-run': 'maybe' });
  expect(problems).toHaveLength(3);
  expect(problems.join('\n')).toMatch(
    /"wip-limit" is "fifty"[\s\S]*"on-waiting" is "explode"[\s\S]*"dry-run" is "maybe"/
  );
});

test.each<[string, string, string[]]>([
  [
    'the example from the brief',
    'wip-limit: 20\nrules:\n- match: {}\n  max-changed-lines: lots\n',
    ['.github/backpressure.yml:4:3: rules[0].max-changed-lines is "lots": expected a whole number ≥ 1']
  ],
  [
    'a top-level number',
    'wip-limit: fifty\n',
    [
      '.github/backpressure.yml:1:1: wip-limit is "fifty": expected a whole number ≥ 0 (0 turns the limit off) or "auto"'
    ]
  ],
  [
    'a quoted number is text',
    'max-closes-per-run: "5"\n',
    ['.github/backpressure.yml:1:1: max-closes-per-run is "5": expected a whole number ≥ 0']
  ],
  [
    'an empty value',
    'stale-days:\n',
    [
      '.github/backpressure.yml:1:1: stale-days is empty: expected a whole number from 0 to 36,500 (0 turns the stale lifecycle off)'
    ]
  ],
  [
    'a boolean as text',
    'count-drafts: "yes"\n',
    ['.github/backpressure.yml:1:1: count-drafts is "yes": expected true or false']
  ],
  [
    'a list item',
    'on-waiting:\n  - fail\n  - explode\n',
    [
      '.github/backpressure.yml:1:1: on-waiting is a list ["fail","explode"]: expected any of fail, label, comment ("explode" is not)'
    ]
  ],
  [
    'an association typo in a selector',
    'rules:\n  - match:\n      associations: [CONTRIBUTER]\n    max-open: 3\n',
    [
      `.github/backpressure.yml:3:7: rules[0].match.associations is a list ["CONTRIBUTER"]: expected any of ${ASSOCIATIONS} ` +
        `("CONTRIBUTER" is not)`
    ]
  ],
  [
    'a list of numbers',
    'exempt-labels: [1, 2]\n',
    [
      '.github/backpressure.yml:1:1: exempt-labels is a list [1,2]: expected a list of texts (a YAML sequence or a comma-separated text)'
    ]
  ],
  [
    'a rate in a rule',
    'rules:\n  - max-opened-per-author: 5/week\n',
    [
      '.github/backpressure.yml:2:5: rules[0].max-opened-per-author is "5/week": expected COUNT/DAYSd like 5/7d (at most COUNT ' +
        'PRs opened in DAYS days; COUNT ≥ 1, DAYS from 1 to 36,500)'
    ]
  ],
  [
    'a rule on-violation',
    'rules:\n  - max-open: 2\n    on-violation: explode\n',
    [
      '.github/backpressure.yml:3:5: rules[0].on-violation is "explode": expected any of fail, comment, close ("explode" is not)'
    ]
  ],
  [
    'a path glob with a leading slash',
    'rules:\n  - match: {paths: ["/docs/**"]}\n    max-open: 2\n',
    [
      '.github/backpressure.yml:2:13: rules[0].match.paths is a list ["/docs/**"]: expected path globs from the repository root, ' +
        'like docs/** (no leading / or ./; no extglobs or brace ranges; braces up to 64 patterns; at most 2 * in a segment) ' +
        '("/docs/**" is not)'
    ]
  ],
  [
    'a login glob with a space',
    'rules:\n  - match: {authors: ["dependa bot"]}\n    max-open: 2\n',
    [
      '.github/backpressure.yml:2:13: rules[0].match.authors is a list ["dependa bot"]: expected login globs: letters, digits, ' +
        'hyphens, underscores, * and ?, optionally ending in [bot] ("dependa bot" is not)'
    ]
  ],
  [
    'agents not a boolean',
    'rules:\n  - match: {agents: yes}\n    max-open: 2\n',
    ['.github/backpressure.yml:2:13: rules[0].match.agents is "yes": expected true or false']
  ],
  [
    'a template placeholder',
    'stale-message: "Ping {autor}"\n',
    [
      `.github/backpressure.yml:1:1: stale-message is "Ping {autor}": expected a text using only the placeholders ` +
        `${PLACEHOLDERS}, lower-case and without spaces ({autor} is not one of them)`
    ]
  ],
  [
    'a misspelt key',
    'wip-limt: 20\n',
    ['.github/backpressure.yml:1:1: unknown key "wip-limt": did you mean "wip-limit"?']
  ],
  [
    'a camelCase key',
    'staleDays: 20\n',
    ['.github/backpressure.yml:1:1: unknown key "staleDays": did you mean "stale-days"?']
  ],
  [
    'a misspelt rule key',
    'rules:\n  - max-changed-line: 20\n',
    [
      '.github/backpressure.yml:2:5: rules[0] has no budget: expected at least one of max-open, max-open-per-author, ' +
        'max-opened-per-author, max-changed-lines, max-changed-files, or require-owner: true, require-issue: true or assigned, ' +
        'one-pr-per-issue: true',
      '.github/backpressure.yml:2:5: unknown key "max-changed-line" in rules[0]: did you mean "max-changed-lines"?'
    ]
  ],
  [
    'a misspelt selector key',
    'rules:\n  - match: {autors: [x]}\n    max-open: 1\n',
    ['.github/backpressure.yml:2:13: unknown key "autors" in rules[0].match: did you mean "authors"?']
  ],
  [
    'an unknown selector key',
    'rules:\n  - match: {team: core}\n    max-open: 1\n',
    [
      '.github/backpressure.yml:2:13: unknown key "team" in rules[0].match: expected one of authors, associations, labels, ' +
        'paths, base-branches, agents'
    ]
  ],
  [
    'an input-only key',
    'dry-run: true\n',
    ['.github/backpressure.yml:1:1: dry-run is an action input only (with: in the workflow), not a config file key']
  ],
  [
    'a rule without a budget',
    'rules:\n  - name: docs\n    match: {paths: ["docs/**"]}\n    require-owner: false\n',
    [
      '.github/backpressure.yml:2:5: rules[0] has no budget: expected at least one of max-open, max-open-per-author, ' +
        'max-opened-per-author, max-changed-lines, max-changed-files, or require-owner: true, require-issue: true or assigned, ' +
        'one-pr-per-issue: true'
    ]
  ],
  [
    'rules not a list',
    'rules: {max-open: 1}\n',
    [
      '.github/backpressure.yml:1:1: rules is a mapping {"max-open":1}: expected a list of rules, each a mapping with match: and ' +
        'at least one budget'
    ]
  ],
  [
    'a rule not a mapping',
    'rules:\n  - docs\n',
    ['.github/backpressure.yml:2:5: rules[0] is "docs": expected a rule, a mapping with match: and at least one budget']
  ],
  [
    'match not a mapping',
    'rules:\n  - match: docs\n    max-open: 1\n',
    [
      '.github/backpressure.yml:2:5: rules[0].match is "docs": expected a mapping of selector keys (authors, associations, ' +
        'labels, paths, base-branches, agents)'
    ]
  ],
  [
    'the file is a list',
    '- wip-limit: 5\n',
    [
      '.github/backpressure.yml:1:1: the file holds a list [{"wip-limit":5}]: expected a mapping of keys, e.g. "wip-limit: 50"'
    ]
  ],
  [
    'a duplicate key',
    'wip-limit: 5\nwip-limit: 6\n',
    ['.github/backpressure.yml:2:1: Map keys must be unique (YAML syntax)']
  ],
  [
    'a rule named like another',
    'max-changed-lines: 9\nrules:\n  - name: inputs\n    max-open: 1\n',
    [
      'Rule name "inputs" is used more than once: expected a unique name per rule (inputs and agents are taken by the rules the ' +
        'inputs make).'
    ]
  ]
])('config file: %s', (_name, text, expected) => {
  expect(problemsOf({}, text)).toEqual(expected);
});

test('bad YAML syntax: the first error only, since the later ones are usually its echoes', () => {
  expect(problemsOf({}, 'rules:\n  - match: {}\n    max-changed-lines: 10\n- x')).toEqual([
    '.github/backpressure.yml:4:1: A block sequence may not be used as an implicit map key (YAML syntax)'
  ]);
});

test('bad YAML syntax says line and column', () => {
  expect(problemsOf({}, 'wip-limit: 5\nexempt-labels: [a, b\nstale-days: 3\n')).toEqual([
    expect.stringMatching(/^\.github\/backpressure\.yml:3:1: .*\(YAML syntax\)$/)
  ]);
});

test('input and file problems are reported together', () => {
  const problems = problemsOf({ 'wip-limit': 'fifty' }, 'stale-dayz: 3\nrules:\n  - max-open: none\n');
  expect(problems).toEqual(
    expect.arrayContaining([
      'Input "wip-limit" is "fifty": expected a whole number ≥ 0 (0 turns the limit off) or "auto".',
      '.github/backpressure.yml:1:1: unknown key "stale-dayz": did you mean "stale-days"?',
      '.github/backpressure.yml:3:5: rules[0].max-open is "none": expected a whole number ≥ 1'
    ])
  );
  expect(problems).toHaveLength(3);
});

test('a bad file value overridden by a good input is still reported: the file must stay valid', () => {
  expect(problemsOf({ 'wip-limit': '5' }, 'wip-limit: fifty\n')).toHaveLength(1);
});

test('the file problems come after the input problems, from the top of the file down', () => {
  const problems = problemsOf({ 'stale-days': 'x' }, 'rules:\n  - max-open: none\nwip-limit: fifty\nstale-dayz: 3\n');
  expect(problems.map((problem) => problem.split(': ')[0])).toEqual([
    'Input "stale-days" is "x"',
    '.github/backpressure.yml:2:5',
    '.github/backpressure.yml:3:1',
    '.github/backpressure.yml:4:1'
  ]);
});
