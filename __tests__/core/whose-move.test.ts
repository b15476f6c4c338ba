import { whoseMove } from '../../src/core/whose-move.js';
import type { PullRequestEvent } from '../../src/core/types.js';
import { daysAgo, pr } from './factories.js';

const ACTOR = 'github-actions[bot]';
const push = (days: number): PullRequestEvent => ({ kind: 'commit', actor: 'author1', at: daysAgo(days) });
const authorComment = (days: number): PullRequestEvent => ({ kind: 'comment', actor: 'author1', association: 'CONTRIBUTOR', at: daysAgo(days) });
const maintainerComment = (days: number): PullRequestEvent => ({ kind: 'comment', actor: 'maintainer', association: 'MEMBER', at: daysAgo(days) });
const review = (days: number, reviewState: PullRequestEvent['reviewState']): PullRequestEvent => ({
  kind: 'review',
  actor: 'maintainer',
  association: 'MEMBER',
  at: daysAgo(days),
  reviewState
});
const ownComment = (days: number): PullRequestEvent => ({ kind: 'comment', actor: 'github-actions', association: 'NONE', at: daysAgo(days) });
const strangerComment = (days: number): PullRequestEvent => ({ kind: 'comment', actor: 'passerby', association: 'NONE', at: daysAgo(days) });

describe('whose move it is', () => {
  test.each([
    ['a fresh PR nobody looked at', {}, [push(10)], 'maintainers', 'it waits for review'],
    ['a draft', { isDraft: true }, [push(10)], 'author', 'it is a draft'],
    ['merge conflicts', { mergeable: 'CONFLICTING' as const }, [push(10)], 'author', 'it has merge conflicts'],
    ['changes requested, author silent since', {}, [push(20), review(15, 'CHANGES_REQUESTED')], 'author', 'changes were requested'],
    ['changes requested, author pushed since', {}, [review(15, 'CHANGES_REQUESTED'), push(10)], 'maintainers', 'it waits for review'],
    ['changes requested, author commented since', {}, [review(15, 'CHANGES_REQUESTED'), authorComment(10)], 'maintainers', 'it waits for review'],
    ['a maintainer commented after the author', {}, [push(20), maintainerComment(10)], 'author', 'a maintainer replied'],
    ['the author answered the maintainer', {}, [maintainerComment(20), authorComment(10)], 'maintainers', 'it waits for review'],
    ['approved after changes were requested', {}, [review(20, 'CHANGES_REQUESTED'), push(15), review(10, 'APPROVED')], 'author', 'a maintainer replied'],
    ['a passer-by without write access commented', {}, [push(20), strangerComment(10)], 'maintainers', 'it waits for review'],
    ["the action's own comment", {}, [push(20), { ...ownComment(5), association: 'MEMBER' as const }], 'maintainers', 'it waits for review']
  ])('%s', (_name, fields, events, expected, reason) => {
    const verdict = whoseMove(pr(1, { ...fields, events }), ACTOR);
    expect(verdict).toMatchObject({ whoseMove: expected, reason });
  });

  test.each([
    ['a push', [push(12)], 12],
    ['a comment by anyone', [push(30), strangerComment(12)], 12],
    ['a review', [push(30), review(12, 'COMMENTED')], 12],
    ['reopening', [push(30), { kind: 'reopened' as const, actor: 'author1', at: daysAgo(12) }], 12],
    ['ready for review', [push(30), { kind: 'ready_for_review' as const, actor: 'author1', at: daysAgo(12) }], 12],
    ["not the action's own comment", [push(30), ownComment(2)], 30]
  ])('last activity counts %s', (_name, events, days) => {
    expect(whoseMove(pr(1, { createdAt: daysAgo(400), events }), ACTOR).lastActivity).toBe(daysAgo(days));
  });

  test('without any event the last activity is the creation time', () => {
    const created = daysAgo(40);
    expect(whoseMove(pr(1, { createdAt: created }), ACTOR).lastActivity).toBe(created);
  });
});
