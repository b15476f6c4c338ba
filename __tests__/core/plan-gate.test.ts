// The gate's constant-cost path must agree with the whole-queue plan on
// every PR it can decide (README "How the queue works": positions are a function of the open set).
import { canGateFromCounts, planGateFromCounts } from '../../src/core/plan-gate.js';
import { plan } from '../../src/core/plan.js';
import { areaRules } from '../../src/core/areas.js';
import { createdBefore, isCountable, queueOrder } from '../../src/core/queue.js';
import { rateWindows } from '../../src/core/rate-windows.js';
import { selectorMatches } from '../../src/core/rules.js';
import type { Config } from '../../src/config/types.js';
import type { GateCounts, PullRequest } from '../../src/core/types.js';
import { NOW, config, daysAgo, pr, rule, snapshot } from './factories.js';
import { DAY_MS } from '../../src/core/time.js';

/**
 * The counts a search would return, taken from the whole queue and the
 * plan's states (what the labels the action keeps say after a sweep).
 */
function countsFor(subject: PullRequest, prs: PullRequest[], c: Config, states: Map<number, string>): GateCounts {
  const countable = prs.filter((p) => isCountable(p, c));
  const order = queueOrder(c);
  const ahead = countable.filter((p) => states.get(p.number) !== 'violation' && order(p, subject) < 0);
  const admitted = ahead.filter((p) => states.get(p.number) === 'admitted');
  const areas = areaRules(c);
  return {
    ahead: ahead.length,
    queueSize: countable.length,
    authorOpenBefore: countable.filter((p) => p.author === subject.author && createdBefore(p, subject) < 0).length,
    authorOpenedBefore: Object.fromEntries(
      rateWindows(c).map((days) => [
        days,
        prs.filter(
          (p) =>
            p.author === subject.author &&
            Date.parse(p.createdAt) < Date.parse(subject.createdAt) &&
            Date.parse(p.createdAt) >= NOW.getTime() - days * DAY_MS
        ).length
      ])
    ),
    ...(areas.length > 0
      ? {
          admittedAhead: admitted.length,
          areaAdmittedAhead: Object.fromEntries(
            areas.map((r) => [r.name, admitted.filter((p) => selectorMatches(r.selector, p, c)).length])
          )
        }
      : {})
  };
}

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
  const full = plan(snapshot(prs, { authors }), c, NOW, { mode: 'sweep' });
  const states = new Map(full.decisions.map((d) => [d.number, d.state]));
  if (areaRules(c).length > 0) expect(full.decisions.some((d) => d.waitingOnRule !== undefined)).toBe(true);
  for (const subject of prs) {
    const gated = planGateFromCounts(subject, countsFor(subject, prs, c, states), snapshot([subject]), c, NOW);
    const expected = full.decisions.find((d) => d.number === subject.number);
    expect({ number: subject.number, state: gated.subject?.state, position: gated.subject?.position }).toEqual({
      number: subject.number,
      state: expected?.state,
      position: expected?.position
    });
  }
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
  const gated = planGateFromCounts(
    subject,
    { ahead: 0, queueSize: 5, authorOpenBefore: 0, authorOpenedBefore: {} },
    snapshot([subject]),
    c,
    NOW
  );
  expect(gated.writes.map((w) => w.kind)).toEqual(['create-label', 'status', 'add-label', 'sticky-comment']);
  expect(gated.subject?.summary).toBe('Violation: 502 changed lines; the limit is 100');
});
