import { whoseMove } from '../../src/core/whose-move.js';
import type { HeadCheck, PullRequest, PullRequestEvent } from '../../src/core/types.js';
import { NOW, config, daysAgo, pr } from './factories.js';

const ACTOR = 'github-actions[bot]';
const push = (days: number): PullRequestEvent => ({ kind: 'commit', actor: 'author1', at: daysAgo(days) });
const authorComment = (days: number): PullRequestEvent => ({
  kind: 'comment',
  actor: 'author1',
  association: 'CONTRIBUTOR',
  at: daysAgo(days)
});
const maintainerComment = (days: number): PullRequestEvent => ({
  kind: 'comment',
  actor: 'maintainer',
  association: 'MEMBER',
  at: daysAgo(days)
});
const review = (
  days: number,
  reviewState: PullRequestEvent['reviewState'],
  actor = 'maintainer',
  association: PullRequestEvent['association'] = 'MEMBER'
): PullRequestEvent => ({
  kind: 'review',
  actor,
  association,
  at: daysAgo(days),
  reviewState
});
const reRequest = (days: number, actor = 'author1'): PullRequestEvent => ({
  kind: 'review_requested',
  actor,
  at: daysAgo(days)
});
const ownComment = (days: number): PullRequestEvent => ({
  kind: 'comment',
  actor: 'github-actions',
  association: 'NONE',
  at: daysAgo(days)
});
const strangerComment = (days: number): PullRequestEvent => ({
  kind: 'comment',
  actor: 'passerby',
  association: 'NONE',
  at: daysAgo(days)
});
const check = (name: string, state: string, days: number): HeadCheck => ({ name, state, at: daysAgo(days) });
const day = (days: number) => daysAgo(days).slice(0, 10);

const labels = { 'maintainer-move-labels': 'waiting-on-review', 'author-move-labels': 'waiting-on-author, needs-info' };
const failingCi = { checks: [check('ci/build', 'failure', 20)] };

describe('whose move it is: each signal, both directions', () => {
  test.each<[string, Record<string, string>, Partial<PullRequest>, 'author' | 'maintainers', string]>([
    // 1. explicit labels win over every heuristic
    [
      'an author-move label on a PR waiting for review',
      labels,
      { labels: ['needs-info'], events: [push(10)] },
      'author',
      'label needs-info'
    ],
    [
      'an author-move label, compared as GitHub compares labels',
      labels,
      { labels: ['Needs-Info'], events: [push(10)] },
      'author',
      'label Needs-Info'
    ],
    [
      'a maintainer-move label on a draft with conflicts and failing checks',
      labels,
      { labels: ['waiting-on-review'], isDraft: true, mergeable: 'CONFLICTING', ...failingCi, events: [push(30)] },
      'maintainers',
      'label waiting-on-review'
    ],
    [
      'a maintainer-move label beats changes requested',
      labels,
      { labels: ['waiting-on-review'], events: [push(20), review(15, 'CHANGES_REQUESTED')] },
      'maintainers',
      'label waiting-on-review'
    ],
    [
      'a maintainer-move label beats an author-move label',
      labels,
      { labels: ['needs-info', 'waiting-on-review'], events: [push(10)] },
      'maintainers',
      'label waiting-on-review'
    ],
    [
      'an author-move label beats an approval',
      labels,
      { labels: ['waiting-on-author'], events: [push(20), review(15, 'APPROVED')] },
      'author',
      'label waiting-on-author'
    ],
    [
      'a label not configured means nothing',
      {},
      { labels: ['needs-info'], events: [push(10)] },
      'maintainers',
      'no review yet'
    ],
    // 2. draft
    ['a draft', {}, { isDraft: true, events: [push(10)] }, 'author', 'draft'],
    ['ready for review', {}, { isDraft: false, events: [push(10)] }, 'maintainers', 'no review yet'],
    // 3. merge conflict
    ['merge conflicts', {}, { mergeable: 'CONFLICTING', events: [push(10)] }, 'author', 'merge conflict'],
    ['mergeability unknown', {}, { mergeable: 'UNKNOWN', events: [push(10)] }, 'maintainers', 'no review yet'],
    // 4. failing checks on the head commit, no push since
    [
      'failing checks without a push since',
      {},
      { ...failingCi, events: [push(30)] },
      'author',
      'checks failing: ci/build'
    ],
    [
      'an erroring status context',
      {},
      { checks: [check('lint', 'error', 20), check('ci/build', 'failure', 19)], events: [push(30)] },
      'author',
      'checks failing: lint, ci/build'
    ],
    ['failing checks and a push after them', {}, { ...failingCi, events: [push(10)] }, 'maintainers', 'no review yet'],
    [
      'passing and pending checks',
      {},
      { checks: [check('ci/build', 'success', 20), { name: 'e2e', state: 'pending' }], events: [push(30)] },
      'maintainers',
      'no review yet'
    ],
    [
      "the action's own failing status (a waiting PR)",
      {},
      { checks: [check('backpressure', 'failure', 20)], events: [push(30)] },
      'maintainers',
      'no review yet'
    ],
    [
      "the action's own context under another name",
      { 'status-context': 'queue' },
      { checks: [check('Queue', 'failure', 20)], events: [push(30)] },
      'maintainers',
      'no review yet'
    ],
    [
      'a cancelled check run',
      {},
      { checks: [check('ci/build', 'cancelled', 20)], events: [push(30)] },
      'maintainers',
      'no review yet'
    ],
    [
      'a failing check without a time',
      {},
      { checks: [{ name: 'ci/build', state: 'failure' }], events: [push(30)] },
      'maintainers',
      'no review yet'
    ],
    // 5. the latest verdict of someone with write access requested changes, the author silent since
    [
      'changes requested, author silent since',
      {},
      { events: [push(20), review(15, 'CHANGES_REQUESTED')] },
      'author',
      `changes requested by @maintainer on ${day(15)}`
    ],
    [
      'changes requested, author pushed since',
      {},
      { events: [review(15, 'CHANGES_REQUESTED'), push(10)] },
      'maintainers',
      `changes requested by @maintainer on ${day(15)}, answered by the author`
    ],
    [
      'changes requested, author commented since',
      {},
      { events: [push(20), review(15, 'CHANGES_REQUESTED'), authorComment(10)] },
      'maintainers',
      `changes requested by @maintainer on ${day(15)}, answered by the author`
    ],
    [
      'changes requested, author re-requested review since',
      {},
      { events: [push(20), review(15, 'CHANGES_REQUESTED'), reRequest(10)] },
      'maintainers',
      `changes requested by @maintainer on ${day(15)}, answered by the author`
    ],
    [
      'changes requested, someone else requested a review since',
      {},
      { events: [push(20), review(15, 'CHANGES_REQUESTED'), reRequest(10, 'maintainer')] },
      'author',
      `changes requested by @maintainer on ${day(15)}`
    ],
    [
      'changes requested, then a maintainer commented',
      {},
      { events: [push(20), review(15, 'CHANGES_REQUESTED'), maintainerComment(10)] },
      'author',
      `changes requested by @maintainer on ${day(15)}`
    ],
    [
      'changes requested by someone without write access',
      {},
      { events: [push(20), review(15, 'CHANGES_REQUESTED', 'passerby', 'CONTRIBUTOR')] },
      'maintainers',
      'no review yet'
    ],
    [
      'approval, then changes requested by another maintainer',
      {},
      { events: [push(30), review(20, 'APPROVED'), review(15, 'CHANGES_REQUESTED', 'second')] },
      'author',
      `changes requested by @second on ${day(15)}`
    ],
    [
      'changes requested, then approved by another maintainer',
      {},
      { events: [push(30), review(20, 'CHANGES_REQUESTED'), review(15, 'APPROVED', 'second')] },
      'maintainers',
      'approved by @second 15 days ago, not merged'
    ],
    [
      'changes requested, then a COMMENTED review by the same maintainer',
      {},
      { events: [push(30), review(20, 'CHANGES_REQUESTED'), review(15, 'COMMENTED')] },
      'author',
      `changes requested by @maintainer on ${day(20)}`
    ],
    [
      'a dismissed change request',
      {},
      { events: [push(30), review(20, 'DISMISSED')] },
      'maintainers',
      'reviewed, no approval or change request yet'
    ],
    // 6. everything else is the maintainers' move
    ['a fresh PR nobody looked at', {}, { events: [push(10)] }, 'maintainers', 'no review yet'],
    [
      'approved and idle for 100 days',
      {},
      { events: [push(101), review(100, 'APPROVED')] },
      'maintainers',
      'approved by @maintainer 100 days ago, not merged'
    ],
    [
      'a COMMENTED review',
      {},
      { events: [push(20), review(15, 'COMMENTED')] },
      'maintainers',
      'reviewed, no approval or change request yet'
    ],
    [
      'a plain maintainer comment ("will review after the release")',
      {},
      { events: [push(20), maintainerComment(10)] },
      'maintainers',
      'no review yet'
    ],
    [
      'the author answered a maintainer',
      {},
      { events: [maintainerComment(20), authorComment(10)] },
      'maintainers',
      'no review yet'
    ],
    ['a pending review request', {}, { events: [push(20), reRequest(19)] }, 'maintainers', 'no review yet'],
    ['a passer-by commented', {}, { events: [push(20), strangerComment(10)] }, 'maintainers', 'no review yet'],
    [
      "the action's own comment",
      {},
      { events: [push(20), { ...ownComment(5), association: 'MEMBER' as const }] },
      'maintainers',
      'no review yet'
    ]
  ])('%s', (_name, inputs, fields, expected, reason) => {
    const verdict = whoseMove(pr(1, fields), config(inputs), ACTOR, NOW);
    expect(verdict).toMatchObject({ whoseMove: expected, reason });
  });

  test.each([
    ['a push', [push(12)], 12],
    ['a comment by anyone', [push(30), strangerComment(12)], 12],
    ['a review', [push(30), review(12, 'COMMENTED')], 12],
    ['reopening', [push(30), { kind: 'reopened' as const, actor: 'author1', at: daysAgo(12) }], 12],
    ['ready for review', [push(30), { kind: 'ready_for_review' as const, actor: 'author1', at: daysAgo(12) }], 12],
    ['not a review request', [push(30), reRequest(12)], 30],
    ["not the action's own comment", [push(30), ownComment(2)], 30]
  ])('last activity counts %s', (_name, events, days) => {
    expect(whoseMove(pr(1, { createdAt: daysAgo(400), events }), config(), ACTOR, NOW).lastActivity).toBe(
      daysAgo(days)
    );
  });

  test('without any event the last activity is the creation time', () => {
    const created = daysAgo(40);
    expect(whoseMove(pr(1, { createdAt: created }), config(), ACTOR, NOW).lastActivity).toBe(created);
  });
});
