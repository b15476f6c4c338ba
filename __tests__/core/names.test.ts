// Label names and logins are compared as GitHub compares them (README,
// "Decisions"): case-insensitively, in every rule that reads them.
import { decideQueue } from '../../src/core/decide.js';
import { decideFromCounts } from '../../src/core/plan-gate.js';
import { findLabel, hasAnyLabel, hasLabel, sameLabel } from '../../src/core/label-names.js';
import { byLogin, loginKey, sameLogin } from '../../src/core/logins.js';
import { plan } from '../../src/core/plan.js';
import { decideStale } from '../../src/core/stale.js';
import type { Config } from '../../src/config/types.js';
import type { PullRequest, PullRequestEvent } from '../../src/core/types.js';
import { NOW, applyWrites, config, daysAgo, pr, rule, snapshot } from './factories.js';
import { ALONE } from './gate-model.js';

const sweep = { mode: 'sweep' } as const;
const decisionOf = (prs: PullRequest[], c: Config, number: number) => {
  const limit = c.wipLimit === 'auto' ? 0 : c.wipLimit;
  return decideQueue(snapshot(prs), c, limit, NOW).decisions.find((d) => d.number === number);
};

describe('label names', () => {
  test.each([
    ['Stale', 'stale', true],
    ['BACKPRESSURE: Waiting', 'backpressure: waiting', true],
    ['stale', 'stale ', false],
    ['stale', 'stales', false]
  ])('sameLabel(%j, %j) is %s', (a, b, same) => {
    expect(sameLabel(a, b)).toBe(same);
    expect(hasLabel([a], b)).toBe(same);
  });

  test('findLabel gives the name as the PR carries it', () => {
    expect(findLabel(['bug', 'Stale'], 'stale')).toBe('Stale');
    expect(findLabel(['bug'], 'stale')).toBeUndefined();
    expect(hasAnyLabel(['Docs'], ['security', 'docs'])).toBe(true);
    expect(hasAnyLabel(['Docs'], [])).toBe(false);
  });

  // Each label input or rule key, with the PR's label in another case than the config's (and a label that differs).
  test.each<[string, Record<string, string>, Partial<Config>, string, string]>([
    ['exempt-labels', { 'exempt-labels': 'security' }, {}, 'Security', 'exempt'],
    ['priority-labels (first in line)', { 'wip-limit': '1', 'priority-labels': 'urgent' }, {}, 'URGENT', 'admitted'],
    [
      'rule labels:',
      { 'wip-limit': '0' },
      { rules: [rule('big', { selector: { labels: ['needs-split'] }, budgets: { maxChangedLines: 1 } })] },
      'Needs-Split',
      'violation'
    ],
    [
      'agent-labels',
      { 'wip-limit': '0' },
      {
        agentLabels: ['ai-generated'],
        rules: [rule('agents', { selector: { agents: true }, budgets: { requireOwner: true } })]
      },
      'AI-Generated',
      'violation'
    ]
  ])('%s matches the label whatever its case, and only that label', (_key, inputs, overrides, label, state) => {
    const c = config(inputs, overrides);
    const prs = (labels: string[]) => [pr(1), pr(2, { labels })];
    expect(decisionOf(prs([label]), c, 2)?.state).toBe(state);
    expect(decisionOf(prs(['other']), c, 2)?.state).not.toBe(state);
  });

  test('the gate decides a case-variant exempt or priority label as the sweep does', () => {
    const c = config({ 'wip-limit': '1', 'exempt-labels': 'security', 'priority-labels': 'urgent' });
    const exempt = pr(5, { labels: ['SECURITY'] });
    expect(
      decideFromCounts(exempt, { ...ALONE, queueSize: 3 }, snapshot([exempt]), c, {
        wipLimit: 1,
        reviewerLimit: () => 0
      })?.state
    ).toBe('exempt');
    expect(decisionOf([pr(1), pr(2), exempt], c, 5)?.state).toBe('exempt');
  });

  const on = { 'stale-days': '30', 'close-days': '14' };
  const changesRequested = (days: number): PullRequestEvent[] => [
    { kind: 'commit', actor: 'author1', at: daysAgo(days + 1) },
    { kind: 'review', actor: 'maintainer', association: 'MEMBER', at: daysAgo(days), reviewState: 'CHANGES_REQUESTED' }
  ];
  test.each<[string, Record<string, string>, Partial<PullRequest>, string]>([
    [
      'repository label Stale, marked 22 days ago: closed',
      on,
      { labels: ['Stale'], staleMarkedAt: daysAgo(22), events: changesRequested(60) },
      'close'
    ],
    [
      'repository label Stale, marked 10 days ago: kept marked',
      on,
      { labels: ['Stale'], staleMarkedAt: daysAgo(10), events: changesRequested(60) },
      'none'
    ],
    [
      'stale-label Stale, PR label stale: marked already',
      { ...on, 'stale-label': 'Stale' },
      { labels: ['stale'], staleMarkedAt: daysAgo(10), events: changesRequested(60) },
      'none'
    ],
    [
      'a stale-exempt label in another case: not marked',
      { ...on, 'stale-exempt-labels': 'pinned' },
      { labels: ['Pinned'], events: changesRequested(60) },
      'none'
    ],
    [
      'a stale-exempt label in another case unmarks',
      { ...on, 'stale-exempt-labels': 'pinned' },
      { labels: ['Pinned', 'STALE'], staleMarkedAt: daysAgo(3), events: changesRequested(60) },
      'unmark'
    ],
    [
      'another label is no exemption',
      { ...on, 'stale-exempt-labels': 'pinned' },
      { labels: ['pinned-ish'], events: changesRequested(60) },
      'mark'
    ]
  ])('%s', (_name, inputs, fields, action) => {
    expect(
      decideStale(pr(1, { createdAt: daysAgo(100), ...fields }), config(inputs), 'github-actions[bot]', NOW).action
    ).toBe(action);
  });

  test('removing a label uses the name the PR carries; a case-variant label is never re-added', () => {
    const c = config({ 'wip-limit': '1', 'on-waiting': 'fail,label', 'stale-days': '30' });
    const waitingButAdmitted = pr(1, { labels: ['Backpressure: Waiting', 'backpressure: admitted'] });
    const alreadyLabelled = pr(2, { labels: ['BACKPRESSURE: WAITING'] });
    const unmarked = pr(3, { isDraft: true, labels: ['Stale'] });
    const result = plan(snapshot([waitingButAdmitted, alreadyLabelled, unmarked]), c, NOW, sweep);
    const labelOps = result.writes.filter(
      (w) => w.kind === 'add-label' || w.kind === 'remove-label' || w.kind === 'create-label'
    );
    expect(labelOps).toEqual([
      { kind: 'remove-label', number: 1, label: 'Backpressure: Waiting' },
      { kind: 'remove-label', number: 3, label: 'Stale' }
    ]);
  });

  test('a sweep that closes a PR marked under a case-variant label: the next sweep writes nothing', () => {
    const c = config({ 'wip-limit': '0', 'stale-days': '30', 'close-days': '14' });
    const marked = pr(1, {
      createdAt: daysAgo(100),
      labels: ['Stale'],
      staleMarkedAt: daysAgo(22),
      events: changesRequested(60)
    });
    const first = plan(snapshot([marked]), c, NOW, sweep);
    expect(first.writes.map((w) => w.kind)).toEqual(['status', 'comment', 'close']);
    expect(plan(applyWrites(snapshot([marked]), first.writes), c, NOW, sweep).writes).toEqual([]);
  });
});

describe('logins', () => {
  test.each([
    ['octocat', 'Octocat', true],
    ['jdoe_acme', 'JDoe_Acme', true],
    ['github-actions[bot]', 'github-actions', true],
    ['octocat', 'octocat2', false]
  ])('sameLogin(%j, %j) is %s, and loginKey agrees', (a, b, same) => {
    expect(sameLogin(a, b)).toBe(same);
    expect(loginKey(a) === loginKey(b)).toBe(same);
  });

  test('byLogin finds an author whatever the spelling of the key', () => {
    const find = byLogin({ Octocat: { merged: 3 } });
    expect(find('octocat')).toEqual({ merged: 3 });
    expect(find('other')).toBeUndefined();
  });

  test('max-open-per-author counts two spellings of one login as one author', () => {
    const c = config({ 'wip-limit': '0', 'max-open-per-author': '1' });
    const prs = [pr(1, { author: 'jdoe_acme' }), pr(2, { author: 'JDoe_Acme' }), pr(3, { author: 'jdoe-acme' })];
    const decisions = decideQueue(snapshot(prs), c, 0, NOW).decisions;
    expect(Object.fromEntries(decisions.map((d) => [d.number, d.state]))).toEqual({
      1: 'admitted',
      2: 'violation',
      3: 'admitted'
    });
  });

  test('exempt-authors and rule authors match an EMU login in any case', () => {
    const c = config({ 'wip-limit': '0', 'exempt-authors': 'jdoe_acme' }, {});
    expect(decisionOf([pr(1, { author: 'JDOE_ACME' })], c, 1)?.state).toBe('exempt');
    expect(decisionOf([pr(1, { author: 'jdoe_acme2' })], c, 1)?.state).toBe('admitted');
  });

  test('trusted-after-merged finds the stats of an author spelled differently', () => {
    const c = config({ 'wip-limit': '0', 'max-open-per-author': '1', 'trusted-after-merged': '2' });
    const prs = [pr(1, { author: 'Octocat' }), pr(2, { author: 'Octocat' })];
    const decisions = decideQueue(snapshot(prs, { authors: { octocat: { merged: 5 } } }), c, 0, NOW).decisions;
    expect(decisions.map((d) => d.state)).toEqual(['admitted', 'admitted']);
  });

  test("advance re-judges the closed PR's author's other PRs whatever the payload's spelling", () => {
    const c = config({ 'wip-limit': '0', 'max-open-per-author': '1' });
    const prs = [pr(2, { author: 'octocat', status: { state: 'failure', description: 'Violation: x' } })];
    const result = plan(snapshot(prs), c, NOW, { mode: 'advance', closedNumber: 1, closedAuthor: 'OctoCat' });
    expect(result.writes).toContainEqual(expect.objectContaining({ kind: 'status', number: 2, state: 'success' }));
  });
});
