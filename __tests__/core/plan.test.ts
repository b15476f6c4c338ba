// The writes a plan makes (README "How the queue works" and README "What people see" and README "Safety rails"):
// what each mode writes, only where the state changed, and nothing on a second run.
import { plan } from '../../src/core/plan.js';
import type { PullRequest, Snapshot, WriteOp } from '../../src/core/types.js';
import { NOW, STICKY_MARKER, applyWrites, config, daysAgo, pr, rule, snapshot } from './factories.js';

const sweep = { mode: 'sweep' } as const;
const kinds = (writes: WriteOp[]) => writes.map((w) => `${w.kind}${'number' in w ? ` #${w.number}` : ''}`);

function queue(n: number, fields: (i: number) => Partial<PullRequest> = () => ({})): PullRequest[] {
  return Array.from({ length: n }, (_, i) => pr(i + 1, fields(i + 1)));
}

describe('statuses', () => {
  test('a sweep gives every open PR a status: success for admitted, exempt and drafts; failure for waiting', () => {
    const result = plan(snapshot([pr(1), pr(2), pr(3, { isDraft: true })]), config({ 'wip-limit': '1' }), NOW, sweep);
    const statuses = result.writes.filter((w) => w.kind === 'status');
    expect(statuses).toEqual([
      { kind: 'status', number: 1, sha: 'sha1', state: 'success', description: 'Admitted: position 1 of 2 (limit 1)' },
      {
        kind: 'status',
        number: 2,
        sha: 'sha2',
        state: 'failure',
        description: 'Waiting: position 2, 1 PRs ahead beyond the limit of 1'
      },
      { kind: 'status', number: 3, sha: 'sha3', state: 'success', description: 'Draft: not counted' }
    ]);
  });

  test('without `fail` in on-waiting the status of a waiting PR is success, and says it waits', () => {
    const result = plan(snapshot([pr(1), pr(2)]), config({ 'wip-limit': '1', 'on-waiting': 'label' }), NOW, sweep);
    expect(result.writes).toContainEqual(
      expect.objectContaining({
        kind: 'status',
        number: 2,
        state: 'success',
        description: expect.stringMatching(/^Waiting/)
      })
    );
    expect(result.writes).toContainEqual({ kind: 'add-label', number: 2, label: 'backpressure: waiting' });
  });

  test('a second run on an unchanged repository writes nothing', () => {
    const prs = queue(30, (i) => ({
      author: i % 3 === 0 ? 'prolific' : `author${i}`,
      additions: i === 7 ? 5000 : 10,
      isDraft: i === 11,
      events: [],
      createdAt: daysAgo(60 - i)
    }));
    const c = config({
      'wip-limit': '10',
      'max-open-per-author': '3',
      'max-changed-lines': '1000',
      'on-waiting': 'fail,label,comment',
      'on-violation': 'fail,comment',
      'stale-days': '30'
    });
    const first = plan(snapshot(prs), c, NOW, sweep);
    expect(first.writes.length).toBeGreaterThan(30);
    const second = plan(applyWrites(snapshot(prs), first.writes), c, NOW, sweep);
    expect(second.writes).toEqual([]);
  });

  test('a small move in line is not rewritten; a large move or a state change is', () => {
    const c = config({ 'wip-limit': '5' });
    const prs = queue(60);
    const settled = applyWrites(snapshot(prs), plan(snapshot(prs), c, NOW, sweep).writes);
    // Three PRs ahead leave: everyone behind moves up by 3, #6..#8 are admitted now.
    const after = { ...settled, pullRequests: settled.pullRequests.filter((p) => ![1, 2, 3].includes(p.number)) };
    const result = plan(after, c, NOW, sweep);
    // #4, #5 and the waiting PRs moved up 3 places: not worth a write. #6..#8 take the free seats.
    expect(kinds(result.writes)).toEqual([
      'add-label #6',
      'add-label #7',
      'add-label #8',
      'status #6',
      'status #7',
      'status #8'
    ]);
    // Twelve more leave: the waiting PRs move 12 places and are rewritten.
    const later = {
      ...after,
      pullRequests: applyWrites(after, result.writes).pullRequests.filter((p) => p.number > 20)
    };
    const statuses = plan(later, c, NOW, sweep).writes.filter((w) => w.kind === 'status');
    expect(statuses.length).toBe(later.pullRequests.length);
  });
});

describe('labels and the sticky comment', () => {
  test('the violation label is kept on exactly the PRs in violation, whatever on-violation says', () => {
    const s = snapshot([pr(1, { additions: 5000 }), pr(2, { labels: ['backpressure: violation'] })]);
    const result = plan(s, config({ 'max-changed-lines': '1000', 'on-violation': 'comment' }), NOW, sweep);
    expect(result.writes).toEqual(
      expect.arrayContaining([
        { kind: 'add-label', number: 1, label: 'backpressure: violation' },
        { kind: 'remove-label', number: 2, label: 'backpressure: violation' }
      ])
    );
    expect(result.writes.find((w) => w.kind === 'create-label' && w.name === 'backpressure: violation')).toMatchObject({
      kind: 'create-label',
      name: 'backpressure: violation',
      color: expect.stringMatching(/^[0-9a-f]{6}$/)
    });
  });

  test('one sticky comment: created once, edited in place when the state changes, settled when admitted', () => {
    const c = config({ 'wip-limit': '1', 'on-waiting': 'comment' });
    const start = snapshot([pr(1), pr(2)]);
    const first = plan(start, c, NOW, sweep);
    const sticky = first.writes.find((w) => w.kind === 'sticky-comment');
    expect(sticky).toMatchObject({ number: 2 });
    expect(sticky && 'commentId' in sticky ? sticky.commentId : undefined).toBeUndefined();
    expect(sticky && 'body' in sticky && sticky.body).toContain(STICKY_MARKER);
    expect(sticky && 'body' in sticky && sticky.body).toContain('Waiting: position 2');

    const waited = applyWrites(start, first.writes);
    const admitted = { ...waited, pullRequests: waited.pullRequests.filter((p) => p.number !== 1) };
    const next = plan(admitted, c, NOW, sweep);
    const update = next.writes.find((w) => w.kind === 'sticky-comment');
    expect(update).toMatchObject({ number: 2, commentId: 1000 });
    expect(update && 'body' in update && update.body).toContain('Admitted to the review queue');
    expect(plan(applyWrites(admitted, next.writes), c, NOW, sweep).writes).toEqual([]);
  });

  test('no comment is posted on admitted PRs that never had one', () => {
    const result = plan(snapshot(queue(3)), config({ 'on-waiting': 'comment' }), NOW, sweep);
    expect(result.writes.filter((w) => w.kind === 'sticky-comment')).toEqual([]);
  });
});

describe('scope', () => {
  test('a whole-queue gate on a settled repository writes only to its PR', () => {
    const c = config({ 'wip-limit': '2' });
    const settled = applyWrites(snapshot(queue(5)), plan(snapshot(queue(5)), c, NOW, sweep).writes);
    const pushed = {
      ...settled,
      pullRequests: settled.pullRequests.map((p) => (p.number === 4 ? { ...p, status: undefined } : p))
    };
    const result = plan(pushed, c, NOW, { mode: 'gate', number: 4 });
    expect(kinds(result.writes)).toEqual(['status #4']);
    expect(result.subject).toMatchObject({ number: 4, state: 'waiting', position: 4 });
  });

  test('a whole-queue gate leaves the other PRs to a sweep when no run has reconciled the queue', () => {
    const result = plan(snapshot(queue(5)), config({ 'wip-limit': '2' }), NOW, { mode: 'gate', number: 4 });
    expect(kinds(result.writes)).toEqual(['status #4']);
  });

  test('a whole-queue gate on a reconciled queue advances the PRs its own PR moves', () => {
    const c = config({ 'wip-limit': '2' });
    // A fresh install: admitted-label does not exist; the sweep creates it with the stamp.
    const fresh = snapshot(queue(5), { stateStamp: null });
    const settled = applyWrites(fresh, plan(fresh, c, NOW, sweep).writes);
    expect(settled.stateStamp).toMatch(/state [0-9a-f]{12}/);
    // #1 holds a seat and turns draft: #3, first in line, takes it.
    const drafted = {
      ...settled,
      pullRequests: settled.pullRequests.map((p) => (p.number === 1 ? { ...p, isDraft: true } : p))
    };
    const result = plan(drafted, c, NOW, { mode: 'gate', number: 1 });
    expect(kinds(result.writes)).toEqual(['add-label #3', 'remove-label #1', 'status #3', 'status #1']);
  });

  test('advance flips the PR that moves into admission, and only it', () => {
    const c = config({ 'wip-limit': '2' });
    const settled = applyWrites(snapshot(queue(5)), plan(snapshot(queue(5)), c, NOW, sweep).writes);
    const after: Snapshot = { ...settled, pullRequests: settled.pullRequests.filter((p) => p.number !== 1) };
    const result = plan(after, c, NOW, { mode: 'advance', closedNumber: 1, closedAuthor: 'author1' });
    expect(result.writes).toEqual([
      { kind: 'add-label', number: 3, label: 'backpressure: admitted' },
      { kind: 'status', number: 3, sha: 'sha3', state: 'success', description: 'Admitted: position 2 of 4 (limit 2)' }
    ]);
  });

  test('advance re-evaluates the closed PR author’s other PRs: a per-author violation may have ended', () => {
    const c = config({ 'wip-limit': '3', 'max-open-per-author': '1' });
    const prs = [pr(1, { author: 'ann' }), pr(2), pr(3, { author: 'ann' }), pr(4), pr(5)];
    const settled = applyWrites(snapshot(prs), plan(snapshot(prs), c, NOW, sweep).writes);
    expect(settled.pullRequests.find((p) => p.number === 3)?.labels).toEqual(['backpressure: violation']);
    const after: Snapshot = { ...settled, pullRequests: settled.pullRequests.filter((p) => p.number !== 1) };
    const result = plan(after, c, NOW, { mode: 'advance', closedNumber: 1, closedAuthor: 'ann' });
    expect(kinds(result.writes)).toEqual(['remove-label #3', 'add-label #3', 'status #3']);
    expect(result.writes[2]).toMatchObject({ state: 'success', description: 'Admitted: position 2 of 4 (limit 3)' });
  });
});

test('advance after a prolific author closes one PR rewrites only the PR that leaves violation', () => {
  const c = config({ 'wip-limit': '50', 'max-open-per-author': '2' });
  const prs = Array.from({ length: 8 }, (_, i) => pr(i + 1, { author: 'prolific' }));
  const settled = applyWrites(snapshot(prs), plan(snapshot(prs), c, NOW, sweep).writes);
  const after: Snapshot = { ...settled, pullRequests: settled.pullRequests.filter((p) => p.number !== 1) };
  const result = plan(after, c, NOW, { mode: 'advance', closedNumber: 1, closedAuthor: 'prolific' });
  expect(kinds(result.writes)).toEqual(['remove-label #3', 'add-label #3', 'status #3']);
});

describe('closing', () => {
  const huge = (n: number, association: PullRequest['authorAssociation'] = 'NONE') =>
    pr(n, { additions: 9000, authorAssociation: association });

  test('on-violation close closes with a comment, at most max-closes-per-run, the rest deferred', () => {
    const result = plan(
      snapshot([huge(1), huge(2), huge(3)]),
      config({ 'max-changed-lines': '100', 'on-violation': 'close', 'max-closes-per-run': '2' }),
      NOW,
      sweep
    );
    expect(kinds(result.writes.filter((w) => w.kind === 'close' || w.kind === 'comment'))).toEqual([
      'comment #1',
      'close #1',
      'comment #2',
      'close #2'
    ]);
    expect(result.deferredCloses).toEqual([3]);
  });

  test('never closes the PR of an author with write access unless a rule itself says close', () => {
    const inputs = { 'max-changed-lines': '100', 'on-violation': 'close' };
    const byMember = plan(
      snapshot([huge(1, 'MEMBER')]),
      config({ ...inputs, 'author-limit-associations': 'MEMBER' }),
      NOW,
      sweep
    );
    expect(byMember.writes.some((w) => w.kind === 'close')).toBe(false);
  });

  test.each([
    ['a rule that names the association and says close', { associations: ['MEMBER' as const] }, true],
    ['a rule that says close but selects everyone', {}, false]
  ])('a maintainer’s PR is closed only by %s', (_name, selector, closes) => {
    const sizeRule = rule('huge', { selector, budgets: { maxChangedLines: 100 }, onViolation: ['close'] });
    const result = plan(snapshot([huge(1, 'MEMBER')]), config({}, { rules: [sizeRule] }), NOW, sweep);
    expect(result.writes.some((w) => w.kind === 'close')).toBe(closes);
  });
});

describe('stale lifecycle in a sweep', () => {
  const idle = (n: number, days: number, fields: Partial<PullRequest> = {}) =>
    pr(n, {
      createdAt: daysAgo(days + 1),
      mergeable: 'CONFLICTING',
      events: [{ kind: 'commit', actor: `author${n}`, at: daysAgo(days) }],
      ...fields
    });

  test('marks once with a message, then closes after close-days, never both in one run', () => {
    const c = config({ 'stale-days': '30', 'close-days': '7', 'wip-limit': '0' });
    const start = snapshot([idle(1, 40), idle(2, 5)]);
    const first = plan(start, c, NOW, sweep);
    // The comment is the mark: it goes first, and the label goes with it as one unit.
    expect(kinds(first.writes.filter((w) => w.kind !== 'status'))).toEqual([
      'create-label',
      'comment #1',
      'add-label #1'
    ]);
    expect(first.writes.filter((w) => w.unit).map((w) => w.unit)).toEqual(['stale #1', 'stale #1']);
    const comment = first.writes.find((w) => w.kind === 'comment');
    expect(comment && 'body' in comment && comment.body).toContain('@author1');
    const marked = applyWrites(start, first.writes, daysAgo(8));
    const later = plan(marked, c, NOW, sweep);
    expect(kinds(later.writes)).toEqual(['comment #1', 'close #1']);
    expect(later.writes[1]).toMatchObject({ reason: 'stale', unit: 'close #1' });
    expect(later.writes[0]).toMatchObject({ purpose: 'close', unit: 'close #1' });
  });

  test('a PR waiting on the maintainers is never marked', () => {
    const waitingOnUs = pr(1, {
      labels: ['backpressure: admitted'],
      createdAt: daysAgo(90),
      events: [{ kind: 'commit', actor: 'author1', at: daysAgo(80) }]
    });
    const result = plan(snapshot([waitingOnUs]), config({ 'stale-days': '30', 'close-days': '7' }), NOW, sweep);
    expect(result.writes.filter((w) => w.kind !== 'status')).toEqual([]);
    expect(result.decisions[0].stale).toMatchObject({ whoseMove: 'maintainers', neglected: true, action: 'none' });
  });

  test('stale never closes a PR of an author with write access', () => {
    const c = config({ 'stale-days': '30', 'close-days': '7' });
    const member = idle(1, 60, { authorAssociation: 'MEMBER', labels: ['stale'], staleMarkedAt: daysAgo(20) });
    const outsider = idle(2, 60, { authorAssociation: 'NONE', labels: ['stale'], staleMarkedAt: daysAgo(20) });
    const result = plan(snapshot([member, outsider]), c, NOW, sweep);
    expect(result.writes.filter((w) => w.kind === 'close').map((w) => w.number)).toEqual([2]);
    // The plan says which stale PRs stay open, so the report never decides it again.
    expect(result.keptOpen).toEqual([1]);
  });
});

describe('closing is crash-safe', () => {
  const on = { 'stale-days': '30', 'close-days': '7', 'wip-limit': '0' };
  const silent = (n: number, fields: Partial<PullRequest> = {}) =>
    pr(n, {
      createdAt: daysAgo(100),
      events: [
        { kind: 'commit', actor: `author${n}`, at: daysAgo(61) },
        {
          kind: 'review',
          actor: 'maintainer',
          association: 'MEMBER',
          at: daysAgo(60),
          reviewState: 'CHANGES_REQUESTED'
        }
      ],
      ...fields
    });
  const lifecycleKinds = (writes: WriteOp[]) =>
    kinds(writes.filter((w) => w.kind !== 'status' && w.kind !== 'create-label'));

  test.each<[string, Partial<PullRequest>, string[]]>([
    [
      'the label without the stale comment: only the comment is posted, nothing closed',
      { labels: ['stale'] },
      ['comment #1']
    ],
    ['the stale comment without the label: only the label is added', { staleMarkedAt: daysAgo(2) }, ['add-label #1']],
    [
      'marked 20 days ago: the close comment and the close, as one unit',
      { labels: ['stale'], staleMarkedAt: daysAgo(20) },
      ['comment #1', 'close #1']
    ],
    [
      'the close comment is already there (a close failed after it): only the close',
      { labels: ['stale'], staleMarkedAt: daysAgo(20), closeCommentedAt: daysAgo(1) },
      ['close #1']
    ],
    [
      'a close comment from before the stale mark does not count',
      { labels: ['stale'], staleMarkedAt: daysAgo(20), closeCommentedAt: daysAgo(90) },
      ['comment #1', 'close #1']
    ],
    ['locked: nothing at all', { locked: true, labels: ['stale'], staleMarkedAt: daysAgo(20) }, []]
  ])('%s', (_name, fields, expected) => {
    expect(lifecycleKinds(plan(snapshot([silent(1, fields)]), config(on), NOW, sweep).writes)).toEqual(expected);
  });

  test('a violation close whose comment is already there (after the PR was opened) sends only the close', () => {
    const c = config({ 'max-changed-lines': '100', 'on-violation': 'close' });
    const big = (fields: Partial<PullRequest>) => pr(1, { additions: 9000, authorAssociation: 'NONE', ...fields });
    expect(lifecycleKinds(plan(snapshot([big({ closeCommentedAt: daysAgo(1) })]), c, NOW, sweep).writes)).toEqual([
      'add-label #1',
      'close #1'
    ]);
    // Reopened after that close comment: a new close needs a new comment.
    const reopened = big({
      closeCommentedAt: daysAgo(3),
      events: [{ kind: 'reopened', actor: 'author1', at: daysAgo(2) }]
    });
    expect(lifecycleKinds(plan(snapshot([reopened]), c, NOW, sweep).writes)).toEqual([
      'add-label #1',
      'comment #1',
      'close #1'
    ]);
  });

  test('a locked PR in violation with on-violation close is not closed: it would take no close comment', () => {
    const c = config({ 'max-changed-lines': '100', 'on-violation': 'close' });
    const writes = plan(
      snapshot([pr(1, { additions: 9000, authorAssociation: 'NONE', locked: true })]),
      c,
      NOW,
      sweep
    ).writes;
    expect(writes.some((w) => w.kind === 'close' || w.kind === 'comment')).toBe(false);
    expect(writes).toContainEqual(
      expect.objectContaining({ kind: 'status', number: 1, description: expect.stringMatching(/^Violation: /) })
    );
  });

  test.each<[string, Partial<PullRequest>]>([
    ['no sticky comment is posted on a locked PR', {}],
    [
      'an existing sticky comment on a locked PR is not edited',
      { sticky: { id: 7, body: `${STICKY_MARKER}\n**Admitted to the review queue.**\n` } }
    ]
  ])('%s; its status is still set', (_name, fields) => {
    const result = plan(
      snapshot([pr(1, { labels: ['backpressure: admitted'] }), pr(2, { locked: true, ...fields })]),
      config({ 'wip-limit': '1', 'on-waiting': 'fail,comment' }),
      NOW,
      sweep
    );
    expect(kinds(result.writes)).toEqual(['status #1', 'status #2']);
    expect(result.writes[1]).toMatchObject({ state: 'failure', description: expect.stringMatching(/^Waiting/) });
    const unlocked = plan(
      snapshot([pr(1), pr(2, fields)]),
      config({ 'wip-limit': '1', 'on-waiting': 'fail,comment' }),
      NOW,
      sweep
    );
    expect(kinds(unlocked.writes)).toContain('sticky-comment #2');
  });

  test('a PR the run closes for staleness gets no other comment edit; a deferred one still does', () => {
    const c = config({ ...on, 'on-waiting': 'comment', 'max-closes-per-run': '1' });
    const sticky = (n: number) => ({ id: 100 + n, body: `${STICKY_MARKER}\n**Waiting: position 9, 1 PRs ahead**\n` });
    const result = plan(
      snapshot([
        silent(1, { labels: ['stale'], staleMarkedAt: daysAgo(20), sticky: sticky(1) }),
        silent(2, { labels: ['stale'], staleMarkedAt: daysAgo(20), sticky: sticky(2) })
      ]),
      c,
      NOW,
      sweep
    );
    expect(lifecycleKinds(result.writes)).toEqual(['sticky-comment #2', 'comment #1', 'close #1']);
    expect(result.deferredCloses).toEqual([2]);
  });

  test('three PRs by deleted accounts are never one author over max-open-per-author', () => {
    const c = config({ 'max-open-per-author': '1', 'on-violation': 'close' });
    const result = plan(
      snapshot([1, 2, 3].map((n) => pr(n, { author: 'ghost', authorAssociation: 'NONE' }))),
      c,
      NOW,
      sweep
    );
    expect(result.decisions.map((d) => d.state)).toEqual(['admitted', 'admitted', 'admitted']);
    expect(result.writes.some((w) => w.kind === 'close')).toBe(false);
    // A known author with three PRs still is.
    const known = plan(
      snapshot([1, 2, 3].map((n) => pr(n, { author: 'octocat', authorAssociation: 'NONE' }))),
      c,
      NOW,
      sweep
    );
    expect(known.decisions.map((d) => d.state)).toEqual(['admitted', 'violation', 'violation']);
  });
});

describe('the action removes only labels it is responsible for', () => {
  test.each<[string, Record<string, string>, string[], string[]]>([
    ['stale off: a stale label another tool set stays', { 'stale-days': '0' }, ['stale'], []],
    ['stale on: a stale label on a PR not due is removed', { 'stale-days': '30' }, ['stale'], ['remove-label #1']],
    ['on-waiting without label: a waiting label stays', { 'on-waiting': 'fail' }, ['backpressure: waiting'], []],
    [
      'on-waiting with label: a waiting label on an admitted PR is removed',
      { 'on-waiting': 'fail,label' },
      ['backpressure: waiting'],
      ['remove-label #1']
    ],
    ['the violation label is always the action’s', {}, ['backpressure: violation'], ['remove-label #1']]
  ])('%s', (_name, inputs, prLabels, expected) => {
    const result = plan(
      snapshot([
        pr(1, {
          labels: ['backpressure: admitted', ...prLabels],
          createdAt: daysAgo(2),
          events: [{ kind: 'commit', actor: 'author1', at: daysAgo(2) }]
        })
      ]),
      config(inputs),
      NOW,
      sweep
    );
    expect(kinds(result.writes.filter((w) => w.kind !== 'status'))).toEqual(expected);
  });
});

describe('one whose-move view for gate and sweep', () => {
  test('a gate shows the same stale view as a sweep, and writes none of the lifecycle', () => {
    const c = config({ 'stale-days': '30', 'close-days': '7', 'wip-limit': '0' });
    const idle = pr(1, {
      createdAt: daysAgo(100),
      mergeable: 'CONFLICTING',
      labels: ['stale'],
      staleMarkedAt: daysAgo(20),
      events: [{ kind: 'commit', actor: 'author1', at: daysAgo(60) }]
    });
    const swept = plan(snapshot([idle]), c, NOW, sweep);
    const gated = plan(snapshot([idle]), c, NOW, { mode: 'gate', number: 1 });
    expect(gated.subject?.stale).toEqual(swept.decisions[0].stale);
    expect(gated.subject?.stale).toMatchObject({ whoseMove: 'author', reason: 'merge conflict', action: 'close' });
    expect(kinds(swept.writes)).toContain('close #1');
    expect(kinds(gated.writes)).toEqual(['status #1']);
  });
});
