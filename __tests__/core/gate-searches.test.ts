// The gate's search strings are derived from the queue's definitions: one
// row per term that a configuration adds; and how the counts combine with
// what the gate reads live (the newest PRs, its own second, the seats held).
import { gateCounts, gateSearches, SEARCH_LAG_MS, type GateSearchInput } from '../../src/core/gate-searches.js';
import type { QueueFacts } from '../../src/core/queue.js';
import type { Config } from '../../src/config/types.js';
import { reviewerLimits } from '../../src/core/review-capacity.js';
import { NOW, config, pr, rule } from './factories.js';

const REPO = 'repo:acme/widgets is:pr';
const LINE = `${REPO} is:open draft:false -label:"backpressure: violation" -label:"backpressure: admitted"`;
const subject = pr(7, { createdAt: '2026-11-01T10:00:00.000Z', author: 'alice', files: ['docs/a.md'] });

function input(c: Config, extra: Partial<GateSearchInput> = {}): GateSearchInput {
  return {
    repo: { owner: 'acme', name: 'widgets' },
    config: c,
    pr: subject,
    recent: [],
    authorLimited: false,
    now: NOW,
    reviewerLimit: reviewerLimits(c),
    ...extra
  };
}

const withRules = (inputs: Record<string, string>, ...rules: ReturnType<typeof rule>[]) => {
  const base = config(inputs);
  return { ...base, rules: [...base.rules, ...rules] };
};

const facts = (number: number, fields: Partial<QueueFacts> = {}): QueueFacts => ({
  number,
  createdAt: '2026-10-01T00:00:00Z',
  isDraft: false,
  baseRef: 'main',
  author: `u${number}`,
  labels: [],
  ...fields
});

const docs = rule('docs', { selector: { paths: ['docs/**'] }, budgets: { maxOpen: 2 } });
const api = rule('api', { selector: { paths: ['src/api/**'] }, budgets: { maxOpen: 3 } });

test.each([
  [
    'the default queue',
    config(),
    {
      queue: `${REPO} is:open draft:false created:<2026-11-23T11:55:00Z`,
      'line:ahead': `${LINE} created:<2026-11-01T10:00:00Z`
    }
  ],
  [
    'drafts counted, a base branch, exempt labels and authors',
    config({
      'count-drafts': 'true',
      'base-branches': 'main',
      'exempt-labels': 'on hold',
      'exempt-authors': 'dependabot[bot]'
    }),
    {
      'line:ahead':
        `${REPO} is:open base:main -label:"on hold" -author:app/dependabot -label:"backpressure: violation" ` +
        `-label:"backpressure: admitted" created:<2026-11-01T10:00:00Z`
    }
  ],
  [
    'priority labels: a PR without one counts both groups',
    config({ 'priority-labels': 'urgent,p0' }),
    {
      'line:ahead': `${LINE} -label:urgent -label:p0 created:<2026-11-01T10:00:00Z`,
      // Every priority PR is ahead, also those opened after this one (up to the search lag; the live list after it).
      'line:priorityAhead': `${LINE} label:urgent,p0 created:<2026-11-23T11:55:00Z`
    }
  ],
  [
    'an area rule: the waiting line ahead outside every area and in each',
    withRules({}, docs),
    {
      'lineOutside:ahead': `${LINE} -label:"backpressure: area docs" created:<2026-11-01T10:00:00Z`,
      'lineArea0:ahead': `${LINE} label:"backpressure: area docs" created:<2026-11-01T10:00:00Z`
    }
  ]
])('%s', (_name, c, expected) => {
  expect(gateSearches(input(c)).counts).toMatchObject(expected);
});

test('an area full before the walk: the PRs ahead in it are left out of the line that may take a seat', () => {
  const c = withRules({}, docs, api);
  const held = [1, 2].map((n) => facts(n, { labels: ['backpressure: admitted', 'backpressure: area docs'] }));
  const { counts } = gateSearches(input(c, { held, pr: pr(7, { createdAt: subject.createdAt, files: ['src/x.ts'] }) }));
  expect(counts['lineOpen:ahead']).toBe(`${LINE} -label:"backpressure: area docs" created:<2026-11-01T10:00:00Z`);
  expect(counts['lineArea0:ahead']).toBeUndefined();
  expect(counts['lineArea1:ahead']).toBe(
    `${LINE} label:"backpressure: area api" -label:"backpressure: area docs" created:<2026-11-01T10:00:00Z`
  );
});

test('per-author budgets add the author counts, opening windows and the merged count', () => {
  const c = config({ 'max-open-per-author': '2', 'max-opened-per-author': '5/30d', 'trusted-after-merged': '3' });
  const { counts } = gateSearches(input(c, { authorLimited: true }));
  expect(counts).toMatchObject({
    authorOpen: `${REPO} is:open draft:false author:alice created:<2026-11-01T10:00:00Z`,
    authorOpenAfter: `${REPO} is:open draft:false author:alice created:2026-11-01T10:00:01Z..2026-11-23T11:54:59Z`,
    opened30: `${REPO} author:alice created:2026-10-24T12:00:00Z..2026-11-01T09:59:59Z`,
    merged: `${REPO} is:merged author:alice`
  });
  expect(Object.keys(gateSearches(input(c, { authorLimited: false })).counts)).toEqual(['queue', 'line:ahead']);
});

test('a PR older than the live window reads the PRs of its own second: search compares by the second', () => {
  expect(gateSearches(input(config())).ties).toBe(`${REPO} is:open created:2026-11-01T10:00:00Z..2026-11-01T10:00:00Z`);
  const fresh = pr(50, { createdAt: new Date(NOW.getTime() - 1000).toISOString() });
  expect(gateSearches(input(config(), { pr: fresh })).ties).toBeUndefined();
});

test('ties go by number: a PR of the same second with a lower number is ahead, one with a higher number is not', () => {
  const second = subject.createdAt;
  const read = [
    facts(5, { createdAt: second }),
    facts(9, { createdAt: second }),
    facts(6, { createdAt: second, author: 'alice' })
  ];
  const counts = gateCounts(
    input(config(), { authorLimited: true }),
    { queue: 20, 'line:ahead': 4, authorOpen: 1 },
    {
      held: [],
      ties: { read, total: 3 }
    }
  );
  expect(counts.line.ahead).toBe(4 + 2);
  expect(counts.authorOpenBefore).toBe(1 + 1);
  expect(counts.unreadTies).toBeUndefined();
  const more = gateCounts(input(config()), { queue: 20, 'line:ahead': 4 }, { held: [], ties: { read, total: 14 } });
  expect(more.unreadTies).toBe(11);
});

test('the seats held come from the live list of admitted PRs: in line only, overall, per area and ahead', () => {
  const c = withRules({ 'wip-limit': '10' }, docs);
  const admitted = (n: number, extra: string[] = [], fields: Partial<QueueFacts> = {}) =>
    facts(n, { labels: ['backpressure: admitted', ...extra], ...fields });
  const held = [
    admitted(1, ['backpressure: area docs']),
    admitted(2),
    admitted(3, ['backpressure: violation']),
    admitted(4, [], { isDraft: true }),
    admitted(8, ['BACKPRESSURE: AREA DOCS'], { createdAt: '2026-11-02T00:00:00Z' }),
    admitted(7)
  ];
  const counts = gateCounts(
    input(c),
    { queue: 20, 'line:ahead': 3, 'lineOutside:ahead': 2, 'lineArea0:ahead': 1 },
    { held }
  );
  expect(counts.line).toMatchObject({ held: 3, heldByGroup: { 'area:docs': 2 }, heldAhead: 2, ahead: 3, aheadOpen: 3 });
});

test('PRs newer than the search lag come from the live list, with their labels', () => {
  const c = withRules({ 'wip-limit': '10' }, docs);
  const fresh = new Date(NOW.getTime() - SEARCH_LAG_MS / 2).toISOString();
  const newSubject = pr(50, { createdAt: new Date(NOW.getTime() - 1000).toISOString(), files: ['docs/a.md'] });
  const live = (number: number, labels: string[]) => facts(number, { createdAt: fresh, labels });
  const recent = [
    live(40, []),
    live(41, ['backpressure: admitted']),
    live(42, ['backpressure: area docs']),
    live(43, ['backpressure: violation']),
    live(44, ['BACKPRESSURE: AREA DOCS'])
  ];
  const counts = gateCounts(
    input(c, { pr: newSubject, recent }),
    { queue: 20, 'line:ahead': 9, 'lineOutside:ahead': 6, 'lineArea0:ahead': 3 },
    { held: [] }
  );
  expect(counts.line).toMatchObject({ ahead: 12, aheadOutsideGroups: 7, aheadByGroup: { 'area:docs': 5 } });
  expect(counts.queueSize).toBe(26);
});

test('a PR older than a rate window sends no search for it: nothing in the window was opened before it', () => {
  // The PR was created on 2026-11-01, before the 7-day window starts (2026-11-16): no range, not a reversed one.
  const c = config({ 'max-opened-per-author': '5/7d' });
  const { counts: searches } = gateSearches(input(c, { authorLimited: true }));
  expect(Object.keys(searches)).toEqual(['queue', 'line:ahead', 'authorOpen', 'authorOpenAfter']);
  // The gate counts none for that window, as the sweep does.
  expect(
    gateCounts(input(c, { authorLimited: true }), { queue: 3, 'line:ahead': 0, authorOpen: 0 }, { held: [] })
  ).toMatchObject({ authorOpenedBefore: { 7: 0 } });
});
