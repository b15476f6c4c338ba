// The gate's constant-cost path must agree with the whole-queue plan on
// every PR it can decide (README "How the queue works": one admission model),
// counting by the labels a settled queue carries.
import { canGateFromCounts, planGateFromCounts } from '../../src/core/plan-gate.js';
import { plan } from '../../src/core/plan.js';
import { isAreaRule } from '../../src/core/seat-groups.js';
import type { Config } from '../../src/config/types.js';
import type { PullRequest } from '../../src/core/types.js';
import { NOW, applyWrites, config, daysAgo, pr, rule, snapshot } from './factories.js';
import { ALONE, countsFromLabels, gatePlan, stamped } from './gate-model.js';

function busyQueue(): PullRequest[] {
  return Array.from({ length: 80 }, (_, i) => {
    const n = i + 1;
    return pr(n, {
      files: n % 3 === 0 ? ['docs/guide.md'] : n % 4 === 0 ? ['src/api/x.ts', 'docs/api.md'] : ['src/x.ts'],
      author: n % 5 === 0 ? 'prolific' : `author${n}`,
      createdAt: daysAgo(((n * 37) % 50) + 1),
      isDraft: n % 11 === 0,
      labels: n % 13 === 0 ? ['urgent'] : n % 17 === 0 ? ['security'] : [],
      additions: n % 19 === 0 ? 4000 : 20
    });
  });
}

const docsArea = rule('docs', { selector: { paths: ['docs/**'] }, budgets: { maxOpen: 4 } });
const apiArea = rule('api', { selector: { paths: ['src/api/**'] }, budgets: { maxOpen: 2 } });

test.each([
  ['the WIP limit alone', { 'wip-limit': '25' }, {}],
  [
    'with priority and exempt labels',
    { 'wip-limit': '25', 'priority-labels': 'urgent', 'exempt-labels': 'security' },
    {}
  ],
  [
    'with per-author and size budgets',
    { 'wip-limit': '20', 'max-open-per-author': '3', 'max-changed-lines': '1000' },
    {}
  ],
  ['with an opening rate', { 'wip-limit': '20', 'max-opened-per-author': '4/20d' }, {}],
  ['with drafts counted and no limit', { 'wip-limit': '0', 'count-drafts': 'true' }, {}],
  ['with an area rule', { 'wip-limit': '25' }, { rules: [docsArea] }],
  [
    'with two area rules, priority and per-author budgets',
    { 'wip-limit': '30', 'priority-labels': 'urgent', 'max-open-per-author': '3' },
    { rules: [docsArea, apiArea] }
  ],
  ['with area rules and no WIP limit', { 'wip-limit': '0' }, { rules: [docsArea, apiArea] }],
  [
    'with a size budget scoped by path',
    { 'wip-limit': '25' },
    { rules: [rule('lock', { selector: { paths: ['docs/**'] }, budgets: { maxChangedLines: 10 } })] }
  ]
])('the gate agrees with the whole-queue plan: %s', (_name, inputs, overrides: Partial<Config>) => {
  const base = config(inputs);
  const c = { ...base, ...overrides, rules: [...base.rules, ...(overrides.rules ?? [])] };
  expect(canGateFromCounts(c)).toEqual({ ok: true });
  const prs = busyQueue();
  // What the reader gives the sweep for opening rates: every PR's creation time, by author.
  const authors: Record<string, { openedAt: string[] }> = {};
  for (const p of prs) (authors[p.author] ??= { openedAt: [] }).openedAt.push(p.createdAt);
  // A first sweep labels the queue; the gate counts by those labels.
  const first = plan(snapshot(prs, { authors }), c, NOW, { mode: 'sweep' });
  const settled = applyWrites(snapshot(prs, { authors }), first.writes).pullRequests;
  const full = plan(snapshot(settled, { authors }), c, NOW, { mode: 'sweep' });
  if (c.rules.some(isAreaRule)) expect(full.decisions.some((d) => d.waitingOnRule !== undefined)).toBe(true);
  let counted = 0;
  for (const subject of settled) {
    const answer = planGateFromCounts(
      subject,
      countsFromLabels(subject, settled, c),
      stamped(snapshot([subject]), c),
      c,
      NOW
    );
    // Only a PR ahead in two areas while seats are free leaves the counts unable to tell.
    if ('needsQueue' in answer) {
      expect(answer.needsQueue).toMatch(/two area rules/);
      continue;
    }
    counted++;
    const expected = full.decisions.find((d) => d.number === subject.number);
    expect({
      number: subject.number,
      state: answer.plan.subject?.state,
      position: answer.plan.subject?.position
    }).toEqual({
      number: subject.number,
      state: expected?.state,
      position: expected?.position
    });
  }
  expect(counted).toBeGreaterThan(settled.length / 2);
});

test.each([
  ['a wildcard exempt author', { 'exempt-authors': '*[bot]' }, {}, /exempt-authors/],
  ['several base branches', { 'base-branches': 'main,develop' }, {}, /base-branches/],
  [
    'a per-author cap scoped by label',
    {},
    { rules: [rule('x', { selector: { labels: ['x'] }, budgets: { maxOpenPerAuthor: 1 } })] },
    /max-open-per-author/
  ]
])('the gate reads the whole queue with %s', (_name, inputs, overrides, why) => {
  const check = canGateFromCounts(config(inputs, overrides));
  expect(check.ok).toBe(false);
  expect(!check.ok && check.why).toMatch(why);
});

test('the gate writes only its own status and labels', () => {
  const c = config({ 'wip-limit': '2', 'max-changed-lines': '100', 'on-violation': 'fail,comment' });
  const subject = pr(9, { additions: 500 });
  const gated = gatePlan(subject, { ...ALONE, queueSize: 5 }, snapshot([subject]), c);
  expect(gated.writes.map((w) => w.kind)).toEqual(['create-label', 'add-label', 'status', 'sticky-comment']);
  expect(gated.subject?.summary).toBe('Violation: 502 changed lines; the limit is 100');
});

describe('admission is sticky: a PR that entered later never pushes an admitted PR back', () => {
  const c = config({ 'wip-limit': '2', 'priority-labels': 'urgent' });
  const held = (n: number, fields: Partial<PullRequest> = {}) =>
    pr(n, { labels: ['backpressure: admitted'], ...fields });

  test.each<[string, PullRequest]>([
    ['an old draft marked ready', pr(1)],
    ['a PR with a priority label', pr(9, { labels: ['urgent'] })],
    ['an old PR reopened', pr(1)]
  ])('%s waits for a free seat', (_name, subject) => {
    const prs = [held(2), held(3), subject];
    const gated = gatePlan(subject, countsFromLabels(subject, prs, c), snapshot([subject]), c);
    expect(gated.subject).toMatchObject({ state: 'waiting', position: 3 });
    const sweep = plan(snapshot(prs), c, NOW, { mode: 'sweep' });
    expect(sweep.decisions.map((d) => [d.number, d.state])).toEqual([
      [2, 'admitted'],
      [3, 'admitted'],
      [subject.number, 'waiting']
    ]);
  });

  test('the first PR of the waiting line takes a free seat; a priority PR is first in line', () => {
    const prs = [held(2), pr(3), pr(9, { labels: ['urgent'] })];
    const sweep = plan(snapshot(prs), c, NOW, { mode: 'sweep' });
    expect(sweep.decisions.map((d) => [d.number, d.state, d.position])).toEqual([
      // Admitted PRs rank in queue order among themselves: the priority PR first.
      [9, 'admitted', 1],
      [2, 'admitted', 2],
      [3, 'waiting', 3]
    ]);
    for (const subject of prs.slice(1)) {
      const gated = gatePlan(subject, countsFromLabels(subject, prs, c), snapshot([subject]), c);
      expect([subject.number, gated.subject?.state]).toEqual([
        subject.number,
        subject.number === 9 ? 'admitted' : 'waiting'
      ]);
    }
  });

  test('a limit lowered below the seats held admits nobody new until the queue drains below it', () => {
    const prs = [held(1), held(2), held(3), pr(4)];
    const sweep = plan(snapshot(prs), c, NOW, { mode: 'sweep' });
    expect(sweep.decisions.map((d) => d.state)).toEqual(['admitted', 'admitted', 'admitted', 'waiting']);
    const drained = prs.filter((p) => p.number !== 1);
    expect(plan(snapshot(drained), c, NOW, { mode: 'sweep' }).decisions.map((d) => d.state)).toEqual([
      'admitted',
      'admitted',
      'waiting'
    ]);
  });

  test('two PRs created in the same second: ties go by number, in the gate as in the sweep', () => {
    const second = daysAgo(3);
    const prs = [held(1), pr(7, { createdAt: second }), pr(5, { createdAt: second })];
    const sweep = plan(snapshot(prs), config({ 'wip-limit': '2' }), NOW, { mode: 'sweep' });
    expect(sweep.decisions.map((d) => [d.number, d.state, d.position])).toEqual([
      [1, 'admitted', 1],
      [5, 'admitted', 2],
      [7, 'waiting', 3]
    ]);
  });
});

describe('the gate reads the whole queue when its labels cannot be trusted or its PR moves others', () => {
  const c = config({ 'wip-limit': '2', 'max-open-per-author': '1', 'max-changed-lines': '1000' });
  const subject = pr(4);

  test.each<[string, string | null | undefined, RegExp]>([
    ['no run reconciled the labels (a fresh install)', null, /does not exist yet/],
    [
      'the labels were reconciled under another configuration',
      'PR Backpressure: holds a seat; state 000000000000 since 2026-12-01',
      /another configuration/
    ],
    ['the label has no stamp (edited by hand)', 'admitted PRs', /another configuration/]
  ])('%s', (_name, stateStamp, why) => {
    const answer = planGateFromCounts(subject, ALONE, { ...snapshot([subject]), stateStamp }, c, NOW);
    expect('needsQueue' in answer && answer.needsQueue).toMatch(why);
  });

  test('a stamp of this configuration is trusted', () => {
    const answer = planGateFromCounts(subject, ALONE, stamped(snapshot([subject]), c), c, NOW);
    expect('plan' in answer && answer.plan.subject?.state).toBe('admitted');
  });

  test.each<[string, PullRequest, Partial<typeof ALONE>, RegExp | undefined]>([
    [
      'an admitted PR turned draft gives up its seat',
      pr(4, { isDraft: true, labels: ['backpressure: admitted'] }),
      {},
      /gives up its seat/
    ],
    [
      'an admitted PR that breaks a rule gives up its seat',
      pr(4, { additions: 9000, labels: ['backpressure: admitted'] }),
      {},
      /gives up its seat/
    ],
    [
      'a PR that stops counting while its author has newer PRs',
      pr(4, {
        isDraft: true,
        status: { state: 'failure', description: 'Waiting: position 3, 1 PRs ahead beyond the limit of 2' }
      }),
      { authorOpenAfter: 1 },
      /no longer counts toward its author's newer PRs/
    ],
    [
      'a PR that stops counting, its author has no newer PR',
      pr(4, {
        isDraft: true,
        status: { state: 'failure', description: 'Waiting: position 3, 1 PRs ahead beyond the limit of 2' }
      }),
      {},
      undefined
    ],
    ['a push to a waiting PR moves nobody', pr(4), { authorOpenAfter: 2 }, undefined]
  ])('%s', (_name, subject, counts, why) => {
    const answer = planGateFromCounts(subject, { ...ALONE, ...counts }, stamped(snapshot([subject]), c), c, NOW);
    if (why) expect('needsQueue' in answer && answer.needsQueue).toMatch(why);
    else expect('plan' in answer).toBe(true);
  });
});
