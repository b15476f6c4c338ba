// The gate's search strings are derived from the queue's definitions: one
// row per term that a configuration adds, and the live list's part.
import { gateCounts, gateSearches, SEARCH_LAG_MS, type GateSearchInput } from '../../src/core/gate-searches.js';
import type { Config } from '../../src/config/types.js';
import { NOW, config, pr, rule } from './factories.js';

const REPO = 'repo:acme/widgets is:pr';
const subject = pr(7, { createdAt: '2026-11-01T10:00:00.000Z', author: 'alice', files: ['docs/a.md'] });

function input(c: Config, extra: Partial<GateSearchInput> = {}): GateSearchInput {
  return {
    repo: { owner: 'acme', name: 'widgets' },
    config: c,
    pr: subject,
    recent: [],
    authorLimited: false,
    now: NOW,
    ...extra
  };
}

const withRules = (inputs: Record<string, string>, ...rules: ReturnType<typeof rule>[]) => {
  const base = config(inputs);
  return { ...base, rules: [...base.rules, ...rules] };
};

test.each([
  [
    'the default queue',
    config(),
    {
      queue: `${REPO} is:open draft:false created:<2026-11-23T11:55:00Z`,
      ahead: `${REPO} is:open draft:false -label:"backpressure: violation" created:<2026-11-01T10:00:00Z`
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
      ahead:
        `${REPO} is:open base:main -label:"on hold" -author:app/dependabot -label:"backpressure: violation" ` +
        `created:<2026-11-01T10:00:00Z`
    }
  ],
  [
    'priority labels: a PR without one counts both groups',
    config({ 'priority-labels': 'urgent,p0' }),
    {
      ahead: `${REPO} is:open draft:false -label:"backpressure: violation" -label:urgent -label:p0 created:<2026-11-01T10:00:00Z`,
      // Every priority PR is ahead, also those opened after this one (up to the search lag; the live list after it).
      priorityAhead: `${REPO} is:open draft:false -label:"backpressure: violation" label:urgent,p0 created:<2026-11-23T11:55:00Z`
    }
  ],
  [
    'an area rule: admitted PRs ahead, overall and in the area',
    withRules({}, rule('docs', { selector: { paths: ['docs/**'] }, budgets: { maxOpen: 3 } })),
    {
      'admitted:ahead':
        `${REPO} is:open draft:false -label:"backpressure: violation" -label:"backpressure: waiting" ` +
        `created:<2026-11-01T10:00:00Z`,
      'area0:ahead':
        `${REPO} is:open draft:false -label:"backpressure: violation" -label:"backpressure: waiting" ` +
        `label:"backpressure: area docs" created:<2026-11-01T10:00:00Z`
    }
  ]
])('%s', (_name, c, expected) => {
  expect(gateSearches(input(c))).toMatchObject(expected);
});

test('per-author budgets add the author counts, opening windows and the merged count', () => {
  const c = config({ 'max-open-per-author': '2', 'max-opened-per-author': '5/30d', 'trusted-after-merged': '3' });
  const searches = gateSearches(input(c, { authorLimited: true }));
  expect(searches).toMatchObject({
    authorOpen: `${REPO} is:open draft:false author:alice created:<2026-11-01T10:00:00Z`,
    opened30: `${REPO} author:alice created:2026-10-24T12:00:00Z..2026-11-01T09:59:59Z`,
    merged: `${REPO} is:merged author:alice`
  });
  expect(Object.keys(gateSearches(input(c, { authorLimited: false })))).toEqual(['queue', 'ahead']);
});

test('PRs newer than the search lag come from the live list, with their labels', () => {
  const c = withRules(
    { 'wip-limit': '10' },
    rule('docs', { selector: { paths: ['docs/**'] }, budgets: { maxOpen: 3 } })
  );
  const fresh = new Date(NOW.getTime() - SEARCH_LAG_MS / 2).toISOString();
  const newSubject = pr(50, { createdAt: new Date(NOW.getTime() - 1000).toISOString(), files: ['docs/a.md'] });
  const live = (number: number, labels: string[]) => ({
    number,
    createdAt: fresh,
    isDraft: false,
    baseRef: 'main',
    author: `u${number}`,
    labels
  });
  const recent = [
    live(40, []),
    live(41, ['backpressure: waiting']),
    live(42, ['backpressure: area docs']),
    live(43, ['backpressure: violation']),
    live(44, ['BACKPRESSURE: AREA DOCS'])
  ];
  const counts = gateCounts(input(c, { pr: newSubject, recent }), {
    queue: 20,
    ahead: 9,
    'admitted:ahead': 8,
    'area0:ahead': 2
  });
  expect(counts).toMatchObject({ ahead: 13, admittedAhead: 11, areaAdmittedAhead: { docs: 4 }, queueSize: 26 });
});

test('a PR older than a rate window sends no search for it: nothing in the window was opened before it', () => {
  // The PR was created on 2026-11-01, before the 7-day window starts (2026-11-16): no range, not a reversed one.
  const c = config({ 'max-opened-per-author': '5/7d' });
  const searches = gateSearches(input(c, { authorLimited: true }));
  expect(Object.keys(searches)).toEqual(['queue', 'ahead', 'authorOpen']);
  // The gate counts none for that window, as the sweep does.
  expect(gateCounts(input(c, { authorLimited: true }), { queue: 3, ahead: 0, authorOpen: 0 })).toMatchObject({
    authorOpenedBefore: { 7: 0 }
  });
});
