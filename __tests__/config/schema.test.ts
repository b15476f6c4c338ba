// schema/backpressure.schema.json is what editors check the file with: it must
// accept what buildConfig accepts and reject the values buildConfig rejects.
import AjvModule from 'ajv';
import { parse } from 'yaml';
import schema from '../../schema/backpressure.schema.json' with { type: 'json' };
import { buildConfig } from '../../src/config/load.js';
import { ASSOCIATIONS, STALE_WHEN, VIOLATION_FEEDBACK, WAITING_FEEDBACK } from '../../src/config/types.js';

const validate = new AjvModule.default({ allErrors: true }).compile(schema);
const schemaAccepts = (text: string): boolean => validate(parse(text) ?? {});
const loadAccepts = (text: string): boolean => {
  try {
    buildConfig({}, { path: 'x.yml', text });
    return true;
  } catch {
    return false;
  }
};

const FULL = `
wip-limit: auto
min-wip-limit: 10
max-wip-limit: 200
throughput-window-days: 28
target-review-days: 7
count-drafts: false
base-branches: [main, "release/*"]
exempt-labels: dependencies, security
exempt-authors: ["*[bot]"]
priority-labels: [hotfix]
author-limit-associations: [CONTRIBUTOR, NONE]
trusted-after-merged: 3
agent-authors: [Copilot]
agent-labels: [ai-generated]
max-open-per-author: 5
max-opened-per-author: 10/7d
max-changed-lines: 2000
max-changed-files: 100
require-owner-for-agents: true
on-waiting: [fail, label]
on-violation: [fail, comment]
fail-job: false
waiting-label: "queue: waiting"
violation-label: "queue: violation"
status-context: queue
stale-days: 30
close-days: 14
stale-label: stale
stale-message: "{author}: no activity for {days} days; closing in {close_days} days."
close-message: "Closed after {days} days. {reason}"
stale-when: author
stale-exempt-labels: [pinned]
stale-exempt-assigned: true
stale-exempt-milestones: true
stale-drafts: false
maintainer-move-labels: [waiting-on-review]
author-move-labels: [waiting-on-author, needs-info]
max-closes-per-run: 10
max-writes-per-run: 300
rules:
  - name: docs
    match: { paths: ["docs/**"], base-branches: [main], labels: [docs], associations: [NONE], authors: ["*"], agents: false }
    max-open: 5
    on-violation: comment
  - match: { agents: true }
    require-owner: true
    max-changed-files: 20
    max-open-per-author: 1
    max-opened-per-author: 2/1d
    max-changed-lines: 300
`;

test('a file that sets every key is valid for the schema and for buildConfig', () => {
  expect(schemaAccepts(FULL)).toBe(true);
  expect(validate.errors ?? []).toEqual([]);
  expect(loadAccepts(FULL)).toBe(true);
});

test.each([
  'wip-limit: fifty',
  'wip-limit: -1',
  'wip-limit: 2.5',
  'min-wip-limit: 0',
  'count-drafts: "yes"',
  'exempt-labels: [1, 2]',
  'author-limit-associations: [CONTRIBUTER]',
  'trusted-after-merged: -1',
  'max-opened-per-author: 5/week',
  'max-changed-lines: lots',
  'on-waiting: [explode]',
  'on-violation: [delete]',
  'waiting-label: ""',
  'stale-days:',
  'stale-when: maintainer',
  'max-closes-per-run: "5"',
  'dry-run: true',
  'wip-limt: 5',
  'rules: {max-open: 1}',
  'rules: [docs]',
  'rules: [{match: {paths: ["docs/**"]}}]',
  'rules: [{match: {team: core}, max-open: 1}]',
  'rules: [{match: docs, max-open: 1}]',
  'rules: [{max-open: 0}]',
  'rules: [{require-owner: false}]',
  'rules: [{max-open: 1, match: {agents: "yes"}}]',
  'rules: [{max-open: 1, on-violation: [explode]}]'
])('schema and buildConfig both reject %s', (text) => {
  expect([schemaAccepts(text), loadAccepts(text)]).toEqual([false, false]);
});

// What a JSON Schema cannot express; buildConfig checks these.
test.each([
  'stale-message: "Hi {user}"',
  'min-wip-limit: 20\nmax-wip-limit: 10',
  'rules: [{name: a, max-open: 1}, {name: a, max-open: 2}]'
])('buildConfig alone rejects %s', (text) => {
  expect([schemaAccepts(text), loadAccepts(text)]).toEqual([true, false]);
});

test('the enums in the schema are the ones the code accepts', () => {
  const items = (name: keyof typeof schema.definitions) =>
    (schema.definitions[name] as unknown as { oneOf: [{ items: { enum: string[] } }] }).oneOf[0].items.enum;
  expect(items('associationList')).toEqual([...ASSOCIATIONS]);
  expect(items('waitingFeedbackList')).toEqual([...WAITING_FEEDBACK]);
  expect(items('violationFeedbackList')).toEqual([...VIOLATION_FEEDBACK]);
  expect(schema.properties['stale-when'].enum).toEqual([...STALE_WHEN]);
});

test('every key in the schema has a description for editors', () => {
  const described = (properties: Record<string, { description?: string }>) =>
    Object.entries(properties)
      .filter(([, spec]) => !spec.description)
      .map(([key]) => key);
  expect(described(schema.properties)).toEqual([]);
  expect(described(schema.definitions.rule.properties)).toEqual([]);
  expect(described(schema.definitions.rule.properties.match.properties)).toEqual([]);
});
