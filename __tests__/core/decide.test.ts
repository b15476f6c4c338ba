// The queue (README "How the queue works") and the rules (README "Rules"), table by table.
import { decideQueue } from '../../src/core/decide.js';
import type { Decision, PullRequest } from '../../src/core/types.js';
import { NOW, config, daysAgo, pr, rule, snapshot } from './factories.js';

function decide(
  prs: PullRequest[],
  inputs: Record<string, string> = {},
  overrides = {},
  authors = {},
  perDay?: number
) {
  const c = config(inputs, overrides);
  const limit = c.wipLimit === 'auto' ? 0 : c.wipLimit;
  return decideQueue(snapshot(prs, { authors }), c, limit, NOW, perDay);
}

const byNumber = (decisions: Decision[]) => Object.fromEntries(decisions.map((d) => [d.number, d]));
const states = (decisions: Decision[]) => Object.fromEntries(decisions.map((d) => [d.number, d.state]));

describe('the queue', () => {
  test('admits the first wip-limit PRs by creation time and makes the rest wait', () => {
    const result = decide([pr(3), pr(1), pr(4), pr(2)], { 'wip-limit': '2' });
    expect(result.decisions.map((d) => [d.number, d.state, d.position])).toEqual([
      [1, 'admitted', 1],
      [2, 'admitted', 2],
      [3, 'waiting', 3],
      [4, 'waiting', 4]
    ]);
    expect(result.queueSize).toBe(4);
    expect(byNumber(result.decisions)[1].summary).toBe('Admitted: position 1 of 4 (limit 2)');
    expect(byNumber(result.decisions)[4].summary).toBe('Waiting: position 4, 2 PRs ahead beyond the limit of 2');
  });

  test('orders by creation time, not by number, and breaks ties by number', () => {
    const same = daysAgo(3);
    const result = decide([
      pr(10, { createdAt: daysAgo(1) }),
      pr(12, { createdAt: same }),
      pr(11, { createdAt: same }),
      pr(20, { createdAt: daysAgo(9) })
    ]);
    expect(result.decisions.map((d) => d.number)).toEqual([20, 11, 12, 10]);
  });

  test('positions are a pure function of the open set, whatever order the reader returns', () => {
    const prs = Array.from({ length: 40 }, (_, i) => pr(i + 1, { createdAt: daysAgo((i * 7919) % 37) }));
    const shuffled = [...prs].sort((a, b) => ((a.number * 31) % 17) - ((b.number * 31) % 17));
    const positions = (list: PullRequest[]) =>
      decide(list, { 'wip-limit': '10' }).decisions.map((d) => [d.number, d.position, d.state]);
    expect(positions(shuffled)).toEqual(positions(prs));
  });

  test.each([
    ['a draft', pr(2, { isDraft: true }), {}, 'draft', 'Draft: not counted'],
    [
      'an exempt label',
      pr(2, { labels: ['security'] }),
      { 'exempt-labels': 'security' },
      'label',
      'Exempt by label: not counted'
    ],
    [
      'an exempt author glob',
      pr(2, { author: 'dependabot[bot]' }),
      { 'exempt-authors': '*[bot]' },
      'author',
      'Exempt author: not counted'
    ],
    [
      'another base branch',
      pr(2, { baseRef: 'release/1.x' }),
      { 'base-branches': 'main' },
      'base-branch',
      'Base branch not governed: not counted'
    ]
  ])('%s is exempt and takes no place', (_name, subject, inputs, reason, summary) => {
    const result = decide([pr(1), subject, pr(3)], { 'wip-limit': '1', ...inputs });
    const decisions = byNumber(result.decisions);
    expect(decisions[2]).toMatchObject({ state: 'exempt', exemptReason: reason, summary });
    expect(decisions[3].position).toBe(2);
    expect(result.queueSize).toBe(2);
  });

  test('count-drafts puts drafts in line by creation time', () => {
    const result = decide([pr(1), pr(2, { isDraft: true }), pr(3)], { 'wip-limit': '2', 'count-drafts': 'true' });
    expect(states(result.decisions)).toEqual({ 1: 'admitted', 2: 'admitted', 3: 'waiting' });
  });

  test('a login glob bracket is literal: *[bot] does not match logins ending in b, o or t', () => {
    const result = decide([pr(1, { author: 'robot' }), pr(2, { author: 'renovate[bot]' })], {
      'exempt-authors': '*[bot]'
    });
    expect(states(result.decisions)).toEqual({ 1: 'admitted', 2: 'exempt' });
  });

  test('priority labels go first, then creation time', () => {
    const result = decide([pr(1), pr(2), pr(3, { labels: ['urgent'] })], {
      'wip-limit': '1',
      'priority-labels': 'urgent'
    });
    expect(result.decisions.map((d) => [d.number, d.state])).toEqual([
      [3, 'admitted'],
      [1, 'waiting'],
      [2, 'waiting']
    ]);
  });

  test('wip-limit 0 admits everyone, in order', () => {
    const result = decide([pr(1), pr(2), pr(3)], { 'wip-limit': '0' });
    expect(result.decisions.every((d) => d.state === 'admitted')).toBe(true);
    expect(result.decisions[2].summary).toBe('Admitted: position 3 of 3 (no WIP limit)');
  });
});

describe('priority and expected waits', () => {
  test('priority PRs are flagged, admitted or waiting; others are not', () => {
    const result = decide([pr(1), pr(2, { labels: ['urgent'] }), pr(3, { labels: ['urgent'] })], {
      'wip-limit': '1',
      'priority-labels': 'urgent'
    });
    expect(result.decisions.map((d) => [d.number, d.state, d.priority ?? false])).toEqual([
      [2, 'admitted', true],
      [3, 'waiting', true],
      [1, 'waiting', false]
    ]);
  });

  test.each([
    // [position, limit, merges per day, expected wait]
    ['3 ahead beyond the limit at 1.5 a day', 5, 2, 1.5, { days: 2, perDay: 1.5 }],
    ['no merges in the window', 5, 2, 0, undefined],
    ['pace unknown (no history read)', 5, 2, undefined, undefined]
  ])('%s', (_name, count, limit, perDay, eta) => {
    const prs = Array.from({ length: count }, (_, i) => pr(i + 1));
    const last = decide(prs, { 'wip-limit': String(limit) }, {}, {}, perDay).decisions.at(-1)!;
    expect(last.state).toBe('waiting');
    expect(last.eta).toEqual(eta);
    expect(last.summary).toBe(
      `Waiting: position 5, 3 PRs ahead beyond the limit of 2${eta ? '; expected in about 2 days' : ''}`
    );
  });

  test('admitted PRs and PRs waiting on an area have no expected wait', () => {
    const docs = rule('docs', { selector: { paths: ['docs/**'] }, budgets: { maxOpen: 1 } });
    const result = decide(
      [pr(1, { files: ['docs/a.md'] }), pr(2, { files: ['docs/b.md'] })],
      { 'wip-limit': '5' },
      { rules: [docs] },
      {},
      2
    );
    expect(result.decisions.map((d) => d.eta)).toEqual([undefined, undefined]);
  });
});

describe('rules', () => {
  test('a violation takes no place in line and is counted in the queue size', () => {
    const big = pr(1, { additions: 12000, deletions: 400 });
    const result = decide([big, pr(2), pr(3)], { 'wip-limit': '1', 'max-changed-lines': '1000' });
    const decisions = byNumber(result.decisions);
    expect(decisions[1].state).toBe('violation');
    expect(decisions[1].position).toBeUndefined();
    expect(decisions[1].summary).toBe('Violation: 12,400 changed lines; the limit is 1,000');
    expect(decisions[2]).toMatchObject({ state: 'admitted', position: 1 });
    expect(decisions[3]).toMatchObject({ state: 'waiting', position: 2 });
    expect(result.queueSize).toBe(3);
  });

  test.each([
    ['max-changed-files', { 'max-changed-files': '50' }, { changedFiles: 51 }, '51 changed files; the limit is 50'],
    [
      'max-changed-lines at the limit is fine',
      { 'max-changed-lines': '12' },
      { additions: 10, deletions: 2 },
      undefined
    ],
    [
      'max-changed-lines',
      { 'max-changed-lines': '11' },
      { additions: 10, deletions: 2 },
      '12 changed lines; the limit is 11'
    ]
  ])('%s', (_name, inputs, fields, reason) => {
    const [decision] = decide([pr(1, fields)], inputs).decisions;
    expect(decision.violations.map((v) => v.reason)).toEqual(reason ? [reason] : []);
  });

  test('max-open-per-author: the newest PRs beyond N are violations; others keep their place', () => {
    const prolific = [1, 2, 3, 4].map((n) => pr(n, { author: 'prolific' }));
    const result = decide([...prolific, pr(5)], { 'wip-limit': '10', 'max-open-per-author': '2' });
    expect(states(result.decisions)).toEqual({
      1: 'admitted',
      2: 'admitted',
      3: 'violation',
      4: 'violation',
      5: 'admitted'
    });
    expect(byNumber(result.decisions)[5].position).toBe(3);
    expect(byNumber(result.decisions)[4].violations[0]).toMatchObject({
      budget: 'max-open-per-author',
      rule: 'inputs'
    });
  });

  test.each([
    ['MEMBER', false],
    ['OWNER', false],
    ['COLLABORATOR', false],
    ['CONTRIBUTOR', true],
    ['FIRST_TIME_CONTRIBUTOR', true],
    ['NONE', true]
  ] as const)('per-author budgets apply to %s: %s', (association, limited) => {
    const prs = [1, 2].map((n) => pr(n, { author: 'someone', authorAssociation: association }));
    const result = decide(prs, { 'max-open-per-author': '1' });
    expect(byNumber(result.decisions)[2].state).toBe(limited ? 'violation' : 'admitted');
  });

  test('trusted-after-merged lifts per-author budgets for authors with enough merged PRs', () => {
    const prs = [1, 2].map((n) => pr(n, { author: 'regular' }));
    const trusted = decide(
      prs,
      { 'max-open-per-author': '1', 'trusted-after-merged': '3' },
      {},
      { regular: { merged: 3 } }
    );
    const notYet = decide(
      prs,
      { 'max-open-per-author': '1', 'trusted-after-merged': '3' },
      {},
      { regular: { merged: 2 } }
    );
    expect(byNumber(trusted.decisions)[2].state).toBe('admitted');
    expect(byNumber(notYet.decisions)[2].state).toBe('violation');
  });

  test('max-opened-per-author counts PRs of any state opened in the window before this one', () => {
    // The author opened 3 PRs in the last 7 days (two since closed) before PR 9, and PR 9 itself.
    const openedAt = [daysAgo(6), daysAgo(5), daysAgo(4), daysAgo(1), daysAgo(20)];
    const prs = [pr(8, { author: 'fast', createdAt: daysAgo(4) }), pr(9, { author: 'fast', createdAt: daysAgo(1) })];
    const result = decide(prs, { 'max-opened-per-author': '3/7d' }, {}, { fast: { openedAt } });
    const decisions = byNumber(result.decisions);
    expect(decisions[8].state).toBe('admitted');
    expect(decisions[9]).toMatchObject({ state: 'violation' });
    expect(decisions[9].summary).toBe(
      'Violation: fast opened more than 3 PRs in 7 days and this is one of the newest; the limit is 3 per 7 days'
    );
  });

  test('require-owner for agents: an assignee or a maintainer approval answers for the PR', () => {
    const agent = (n: number, fields = {}) =>
      pr(n, { author: 'copilot-swe-agent[bot]', authorAssociation: 'NONE', ...fields });
    const approved = agent(3, {
      events: [{ kind: 'review', actor: 'maintainer', association: 'MEMBER', at: daysAgo(1), reviewState: 'APPROVED' }]
    });
    const contributorApproval = agent(4, {
      events: [{ kind: 'review', actor: 'friend', association: 'CONTRIBUTOR', at: daysAgo(1), reviewState: 'APPROVED' }]
    });
    const result = decide([agent(1), agent(2, { assignees: ['maintainer'] }), approved, contributorApproval, pr(5)], {
      'require-owner-for-agents': 'true'
    });
    expect(states(result.decisions)).toEqual({
      1: 'violation',
      2: 'admitted',
      3: 'admitted',
      4: 'violation',
      5: 'admitted'
    });
    expect(byNumber(result.decisions)[1].violations[0]).toMatchObject({ rule: 'agents', budget: 'require-owner' });
  });

  test('agent-labels make a PR an agent PR', () => {
    const result = decide([pr(1, { labels: ['ai-generated'] })], {
      'require-owner-for-agents': 'true',
      'agent-labels': 'ai-generated'
    });
    expect(result.decisions[0].state).toBe('violation');
  });

  test('a max-open area rule admits at most N of its PRs; the rest wait on the rule while others pass', () => {
    const docs = rule('docs', { selector: { paths: ['docs/**'] }, budgets: { maxOpen: 1 } });
    const prs = [
      pr(1, { files: ['docs/a.md'] }),
      pr(2, { files: ['docs/b.md', 'src/x.ts'] }),
      pr(3, { files: ['src/y.ts'] })
    ];
    const result = decide(prs, { 'wip-limit': '10' }, { rules: [docs] });
    const decisions = byNumber(result.decisions);
    expect(states(result.decisions)).toEqual({ 1: 'admitted', 2: 'waiting', 3: 'admitted' });
    expect(decisions[2].waitingOnRule).toBe('docs');
    expect(decisions[2].waitingOnArea).toEqual({ rule: 'docs', admitted: 1, maxOpen: 1 });
    // After every admitted PR (#3 passed it by): admitted PRs first, then the waiting line.
    expect(decisions[2].summary).toBe('Waiting: position 3; rule "docs" admits 1 open PRs at a time and is full');
  });

  test('a PR whose area is full at its turn waits on the area, also when the limit is full', () => {
    // The same reason whether the seats ahead were taken in this walk or held from an earlier run,
    // so a second sweep has nothing to rewrite.
    const docs = rule('docs', { selector: { paths: ['docs/**'] }, budgets: { maxOpen: 1 } });
    const prs = [pr(1, { files: ['docs/a.md'] }), pr(2, { files: ['docs/b.md'] }), pr(3, { files: ['src/x.ts'] })];
    const fresh = decide(prs, { 'wip-limit': '1' }, { rules: [docs] }, {}, 1);
    expect(byNumber(fresh.decisions)[2]).toMatchObject({ state: 'waiting', waitingOnRule: 'docs' });
    // A PR outside the full area waits on the limit, with its expected wait.
    expect(byNumber(fresh.decisions)[3]).toMatchObject({ state: 'waiting', eta: { days: 2, perDay: 1 } });
    expect(byNumber(fresh.decisions)[3].waitingOnArea).toBeUndefined();
    const held = prs.map((p) => (p.number === 1 ? { ...p, labels: ['backpressure: admitted'] } : p));
    const settled = decide(held, { 'wip-limit': '1' }, { rules: [docs] }, {}, 1);
    expect(settled.decisions.map((d) => d.summary)).toEqual(fresh.decisions.map((d) => d.summary));
  });

  test.each([
    ['authors', { authors: ['*[bot]'] }, pr(1, { author: 'renovate[bot]' }), true],
    ['authors miss', { authors: ['*[bot]'] }, pr(1, { author: 'alice' }), false],
    ['associations', { associations: ['NONE' as const] }, pr(1, { authorAssociation: 'NONE' }), true],
    ['labels any of', { labels: ['x', 'y'] }, pr(1, { labels: ['y'] }), true],
    ['base-branches', { baseBranches: ['release/*'] }, pr(1, { baseRef: 'release/2' }), true],
    ['base-branches miss', { baseBranches: ['release/*'] }, pr(1), false],
    ['paths any file', { paths: ['**/*.lock'] }, pr(1, { files: ['src/a.ts', 'deep/yarn.lock'] }), true],
    ['all keys must match', { labels: ['x'], authors: ['alice'] }, pr(1, { labels: ['x'], author: 'bob' }), false]
  ])('selector %s', (_name, selector, subject, matches) => {
    const sized = rule('scoped', { selector, budgets: { maxChangedLines: 1 } });
    const [decision] = decide([subject], {}, { rules: [sized] }).decisions;
    expect(decision.state === 'violation').toBe(matches);
  });

  test(
    'a rule can cap authors with write access when it selects them explicitly... per-author budgets still follow ' +
      'author-limit-associations',
    () => {
      const prs = [1, 2].map((n) => pr(n, { author: 'member', authorAssociation: 'MEMBER' }));
      const scoped = rule('members', { selector: { associations: ['MEMBER'] }, budgets: { maxOpenPerAuthor: 1 } });
      expect(states(decide(prs, {}, { rules: [scoped] }).decisions)).toEqual({ 1: 'admitted', 2: 'admitted' });
      expect(states(decide(prs, { 'author-limit-associations': 'MEMBER' }, { rules: [scoped] }).decisions)).toEqual({
        1: 'admitted',
        2: 'violation'
      });
    }
  );
});
