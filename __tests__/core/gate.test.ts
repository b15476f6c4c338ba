// The gate's constant-cost path must agree with the whole-queue plan on
// every PR it can decide (spec §3: positions are a function of the open set).
import { canGateFromCounts, planGateFromCounts } from '../../src/core/gate.js';
import { plan } from '../../src/core/plan.js';
import { createdBefore, isCountable, queueOrder } from '../../src/core/queue.js';
import type { Config } from '../../src/config/types.js';
import type { GateCounts, PullRequest } from '../../src/core/types.js';
import { NOW, config, daysAgo, pr, rule, snapshot } from './factories.js';

/** The counts a search would return, taken from the whole queue and the plan's violations. */
function countsFor(subject: PullRequest, prs: PullRequest[], c: Config, violations: Set<number>): GateCounts {
  const countable = prs.filter((p) => isCountable(p, c));
  const order = queueOrder(c);
  return {
    ahead: countable.filter((p) => !violations.has(p.number) && order(p, subject) < 0).length,
    queueSize: countable.length,
    authorOpenBefore: countable.filter((p) => p.author === subject.author && createdBefore(p, subject) < 0).length,
    authorOpenedBefore: {}
  };
}

function busyQueue(): PullRequest[] {
  return Array.from({ length: 80 }, (_, i) => {
    const n = i + 1;
    return pr(n, {
      author: n % 5 === 0 ? 'prolific' : `author${n}`,
      createdAt: daysAgo(((n * 37) % 50) + 1),
      isDraft: n % 11 === 0,
      labels: n % 13 === 0 ? ['urgent'] : n % 17 === 0 ? ['security'] : [],
      additions: n % 19 === 0 ? 4000 : 20
    });
  });
}

test.each([
  ['the WIP limit alone', { 'wip-limit': '25' }],
  ['with priority and exempt labels', { 'wip-limit': '25', 'priority-labels': 'urgent', 'exempt-labels': 'security' }],
  ['with per-author and size budgets', { 'wip-limit': '20', 'max-open-per-author': '3', 'max-changed-lines': '1000' }],
  ['with drafts counted and no limit', { 'wip-limit': '0', 'count-drafts': 'true' }]
])('the gate agrees with the whole-queue plan: %s', (_name, inputs) => {
  const c = config(inputs);
  expect(canGateFromCounts(c)).toEqual({ ok: true });
  const prs = busyQueue();
  const full = plan(snapshot(prs), c, NOW, { mode: 'sweep' });
  const violations = new Set(full.decisions.filter((d) => d.state === 'violation').map((d) => d.number));
  for (const subject of prs) {
    const gated = planGateFromCounts(subject, countsFor(subject, prs, c, violations), snapshot([subject]), c, NOW);
    const expected = full.decisions.find((d) => d.number === subject.number);
    expect({ number: subject.number, state: gated.subject?.state, position: gated.subject?.position }).toEqual({
      number: subject.number,
      state: expected?.state,
      position: expected?.position
    });
  }
});

test.each([
  ['an area rule', {}, { rules: [rule('docs', { selector: { labels: ['docs'] }, budgets: { maxOpen: 3 } })] }, /max-open/],
  ['a path selector', {}, { rules: [rule('lock', { selector: { paths: ['*.lock'] }, budgets: { maxChangedLines: 10 } })] }, /paths/],
  ['a wildcard exempt author', { 'exempt-authors': '*[bot]' }, {}, /exempt-authors/],
  ['several base branches', { 'base-branches': 'main,develop' }, {}, /base-branches/],
  ['a per-author cap scoped by label', {}, { rules: [rule('x', { selector: { labels: ['x'] }, budgets: { maxOpenPerAuthor: 1 } })] }, /max-open-per-author/]
])('the gate reads the whole queue with %s', (_name, inputs, overrides, why) => {
  const check = canGateFromCounts(config(inputs, overrides));
  expect(check.ok).toBe(false);
  expect(!check.ok && check.why).toMatch(why);
});

test('the gate writes only its own status and labels', () => {
  const c = config({ 'wip-limit': '2', 'max-changed-lines': '100', 'on-violation': 'fail,comment' });
  const subject = pr(9, { additions: 500 });
  const gated = planGateFromCounts(subject, { ahead: 0, queueSize: 5, authorOpenBefore: 0, authorOpenedBefore: {} }, snapshot([subject]), c, NOW);
  expect(gated.writes.map((w) => w.kind)).toEqual(['create-label', 'status', 'add-label', 'sticky-comment']);
  expect(gated.subject?.summary).toBe('Violation: 502 changed lines; the limit is 100');
});
