// One sticky comment and one stale message per mark, also after runs raced
// (README, "Decisions"): the oldest copy is kept, newer copies are deleted.
import { duplicateCommentWrites } from '../../src/core/duplicates.js';
import { plan } from '../../src/core/plan.js';
import { stickyBody } from '../../src/core/comments.js';
import type { PullRequest, PullRequestEvent } from '../../src/core/types.js';
import { NOW, applyWrites, config, daysAgo, pr, snapshot } from './factories.js';

const ACTOR = 'github-actions[bot]';
const comment = (actor: string, days: number): PullRequestEvent => ({
  kind: 'comment',
  actor,
  association: 'CONTRIBUTOR',
  at: daysAgo(days)
});

describe('duplicate comments a race left', () => {
  test.each<[string, Partial<PullRequest>, number[]]>([
    ['one sticky comment: nothing to delete', { sticky: { id: 1, body: 'x' }, extraStickyIds: [] }, []],
    [
      'three sticky comments: the two newer ones are deleted',
      { sticky: { id: 1, body: 'x' }, extraStickyIds: [5, 9] },
      [5, 9]
    ],
    ['one stale message: nothing to delete', { staleComments: [{ id: 1, at: daysAgo(3) }] }, []],
    [
      'two stale messages seconds apart, no activity between: the newer is deleted',
      {
        staleComments: [
          { id: 1, at: daysAgo(3) },
          { id: 2, at: daysAgo(2.9999) }
        ]
      },
      [2]
    ],
    [
      'two stale messages with activity between: two marks, both kept',
      {
        staleComments: [
          { id: 1, at: daysAgo(40) },
          { id: 2, at: daysAgo(3) }
        ],
        events: [comment('author1', 20)]
      },
      []
    ],
    [
      "the action's own comment between two stale messages is no activity",
      {
        staleComments: [
          { id: 1, at: daysAgo(40) },
          { id: 2, at: daysAgo(3) }
        ],
        events: [comment('github-actions', 20)]
      },
      [2]
    ]
  ])('%s', (_name, fields, deleted) => {
    const ids = duplicateCommentWrites(pr(1, fields), ACTOR).map((w) =>
      w.kind === 'delete-comment' ? w.commentId : undefined
    );
    expect(ids).toEqual(deleted);
  });

  test('a sweep keeps the oldest sticky comment, makes it current and deletes the copies; the next sweep writes nothing', () => {
    const c = config({ 'wip-limit': '1', 'on-waiting': 'fail,comment' });
    const staleWaiting = stickyBody(
      {
        number: 2,
        state: 'waiting',
        position: 2,
        ahead: 1,
        violations: [],
        summary: 'Waiting: position 2, 1 PRs ahead beyond the limit of 1',
        feedback: ['fail', 'comment']
      },
      1
    );
    // #1 is admitted now, but both copies still say it waits.
    const prs = [
      pr(1, { labels: ['backpressure: admitted'], sticky: { id: 10, body: staleWaiting }, extraStickyIds: [11] }),
      pr(2)
    ];
    const first = plan(snapshot(prs), c, NOW, { mode: 'sweep' });
    const onOne = first.writes.filter((w) => 'number' in w && w.number === 1 && w.kind !== 'status');
    expect(onOne).toEqual([
      { kind: 'delete-comment', number: 1, commentId: 11, purpose: 'sticky' },
      expect.objectContaining({
        kind: 'sticky-comment',
        number: 1,
        commentId: 10,
        body: expect.stringContaining('Admitted to the review queue')
      })
    ]);
    expect(plan(applyWrites(snapshot(prs), first.writes), c, NOW, { mode: 'sweep' }).writes).toEqual([]);
  });

  test('a gate removes copies on its own PR only', () => {
    const c = config({ 'wip-limit': '5' });
    const prs = [
      pr(1, { sticky: { id: 10, body: 'x' }, extraStickyIds: [11] }),
      pr(2, { sticky: { id: 20, body: 'x' }, extraStickyIds: [21] })
    ];
    const gated = plan(snapshot(prs), c, NOW, { mode: 'gate', number: 2 });
    expect(gated.writes.filter((w) => w.kind === 'delete-comment')).toEqual([
      { kind: 'delete-comment', number: 2, commentId: 21, purpose: 'sticky' }
    ]);
  });

  test('the stale message the plan posts tells the writer since when another copy would be a race', () => {
    const c = config({ 'wip-limit': '0', 'stale-days': '30' });
    const events: PullRequestEvent[] = [
      { kind: 'commit', actor: 'author1', at: daysAgo(41) },
      { kind: 'review', actor: 'maintainer', association: 'MEMBER', at: daysAgo(40), reviewState: 'CHANGES_REQUESTED' }
    ];
    const result = plan(snapshot([pr(1, { createdAt: daysAgo(50), events })]), c, NOW, { mode: 'sweep' });
    expect(result.writes).toContainEqual(
      expect.objectContaining({ kind: 'comment', number: 1, purpose: 'stale', postedSince: daysAgo(40) })
    );
  });
});
