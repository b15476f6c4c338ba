import { decideStale } from '../../src/core/stale.js';
import type { PullRequest, PullRequestEvent, StaleDecision } from '../../src/core/types.js';
import { NOW, config, daysAgo, pr } from './factories.js';

const ACTOR = 'github-actions[bot]';
const changesRequested = (days: number): PullRequestEvent[] => [
  { kind: 'commit', actor: 'author1', at: daysAgo(days + 1) },
  { kind: 'review', actor: 'maintainer', association: 'MEMBER', at: daysAgo(days), reviewState: 'CHANGES_REQUESTED' }
];
const awaitingReview = (days: number): PullRequestEvent[] => [{ kind: 'commit', actor: 'author1', at: daysAgo(days) }];
const on = { 'stale-days': '30', 'close-days': '7' };

describe('the stale lifecycle of one PR', () => {
  test.each<[string, Record<string, string>, Partial<PullRequest>, string, boolean]>([
    ['awaiting review for 90 days: neglected, never marked', on, { events: awaitingReview(90) }, 'none', true],
    ['changes requested, 30 days of silence: marked', on, { events: changesRequested(30) }, 'mark', false],
    ['changes requested, 29 days of silence: not yet', on, { events: changesRequested(29) }, 'none', false],
    ['stale off: never marked', { 'stale-days': '0' }, { events: changesRequested(300) }, 'none', false],
    [
      'stale off: a PR left 14 days by the maintainers is still neglected',
      { 'stale-days': '0' },
      { events: awaitingReview(14) },
      'none',
      true
    ],
    [
      'stale-when always: marked although waiting on the maintainers',
      { ...on, 'stale-when': 'always' },
      { events: awaitingReview(40) },
      'mark',
      true
    ],
    ['a draft is exempt by default', on, { isDraft: true, events: awaitingReview(40) }, 'none', false],
    [
      'a draft with stale-drafts',
      { ...on, 'stale-drafts': 'true' },
      { isDraft: true, events: awaitingReview(40) },
      'mark',
      false
    ],
    [
      'an exempt label',
      { ...on, 'stale-exempt-labels': 'pinned' },
      { labels: ['pinned'], events: changesRequested(40) },
      'none',
      false
    ],
    [
      'assigned, with stale-exempt-assigned',
      { ...on, 'stale-exempt-assigned': 'true' },
      { assignees: ['maintainer'], events: changesRequested(40) },
      'none',
      false
    ],
    ['assigned, without the exemption', on, { assignees: ['maintainer'], events: changesRequested(40) }, 'mark', false],
    [
      'in a milestone, with stale-exempt-milestones',
      { ...on, 'stale-exempt-milestones': 'true' },
      { hasMilestone: true, events: changesRequested(40) },
      'none',
      false
    ],
    [
      'marked 7 days ago, still silent: closed',
      on,
      { labels: ['stale'], staleMarkedAt: daysAgo(7), events: changesRequested(37) },
      'close',
      false
    ],
    [
      'marked 6 days ago: not yet closed',
      on,
      { labels: ['stale'], staleMarkedAt: daysAgo(6), events: changesRequested(36) },
      'none',
      false
    ],
    [
      'marked, close-days 0: never closed',
      { 'stale-days': '30', 'close-days': '0' },
      { labels: ['stale'], staleMarkedAt: daysAgo(70), events: changesRequested(100) },
      'none',
      false
    ],
    [
      'the author commented after marking: unmarked',
      on,
      {
        labels: ['stale'],
        staleMarkedAt: daysAgo(5),
        events: [
          ...changesRequested(40),
          { kind: 'comment', actor: 'author1', association: 'CONTRIBUTOR', at: daysAgo(1) }
        ]
      },
      'unmark',
      false
    ],
    [
      "the action's own comment after marking does not reset the clock",
      on,
      {
        labels: ['stale'],
        staleMarkedAt: daysAgo(8),
        events: [
          ...changesRequested(40),
          { kind: 'comment', actor: 'github-actions', association: 'NONE', at: daysAgo(8) }
        ]
      },
      'close',
      false
    ],
    [
      'marked by hand on a PR that is now waiting on the maintainers: unmarked',
      on,
      { labels: ['stale'], events: awaitingReview(40) },
      'unmark',
      true
    ],
    // A PR counts as marked only when the action's own stale comment exists.
    [
      'the label without the stale comment, long overdue: the mark is completed, not closed',
      on,
      { labels: ['stale'], events: changesRequested(60) },
      'mark',
      false
    ],
    [
      'the label with a stale comment older than the last activity: marked anew, not closed',
      on,
      { labels: ['stale'], staleMarkedAt: daysAgo(50), events: changesRequested(45) },
      'mark',
      false
    ],
    [
      'the stale comment without the label: the label is repaired',
      on,
      { staleMarkedAt: daysAgo(3), events: changesRequested(40) },
      'mark',
      false
    ],
    [
      'the label without the comment on a PR not yet due: unmarked',
      on,
      { labels: ['stale'], events: changesRequested(10) },
      'unmark',
      false
    ],
    // Stale off: the action is responsible for no stale label.
    [
      'stale off: a stale label another tool set is left alone',
      { 'stale-days': '0' },
      { labels: ['stale'], events: awaitingReview(40) },
      'none',
      true
    ],
    [
      'stale off: a stale label on an idle PR waiting on its author is left alone',
      { 'stale-days': '0' },
      { labels: ['stale'], staleMarkedAt: daysAgo(20), events: changesRequested(60) },
      'none',
      false
    ],
    // Locked conversations are skipped.
    ['locked, due to be marked: skipped', on, { locked: true, events: changesRequested(60) }, 'none', false],
    [
      'locked, due to be closed: skipped',
      on,
      { locked: true, labels: ['stale'], staleMarkedAt: daysAgo(20), events: changesRequested(60) },
      'none',
      false
    ],
    [
      'locked, marked, active again: left alone',
      on,
      {
        locked: true,
        labels: ['stale'],
        staleMarkedAt: daysAgo(20),
        events: [...changesRequested(60), { kind: 'commit', actor: 'author1', at: daysAgo(1) }]
      },
      'none',
      false
    ],
    [
      'locked, waiting on the maintainers: still listed as neglected',
      on,
      { locked: true, events: awaitingReview(60) },
      'none',
      true
    ],
    // The explicit labels decide whose move it is.
    [
      'an author-move label on a PR waiting for review: marked',
      { ...on, 'author-move-labels': 'needs-info' },
      { labels: ['needs-info'], events: awaitingReview(40) },
      'mark',
      false
    ],
    [
      'a maintainer-move label on a PR with changes requested: never marked',
      { ...on, 'maintainer-move-labels': 'waiting-on-review' },
      { labels: ['waiting-on-review'], events: changesRequested(40) },
      'none',
      true
    ],
    [
      'approved 100 days ago, never merged: neglected, never marked',
      on,
      {
        events: [
          ...awaitingReview(101),
          { kind: 'review', actor: 'maintainer', association: 'MEMBER', at: daysAgo(100), reviewState: 'APPROVED' }
        ]
      },
      'none',
      true
    ]
  ])('%s', (_name, inputs, fields, action, neglected) => {
    const decision = decideStale(pr(1, { createdAt: daysAgo(400), ...fields }), config(inputs), ACTOR, NOW);
    expect(decision).toMatchObject({ action, neglected });
  });

  test.each<[string, Partial<PullRequest>, StaleDecision['lockedSkip']]>([
    ['due to be marked', { events: changesRequested(60) }, 'mark'],
    ['due to be closed', { labels: ['stale'], staleMarkedAt: daysAgo(20), events: changesRequested(60) }, 'close'],
    ['not due', { events: changesRequested(5) }, undefined],
    ['unlocked', { locked: false, events: changesRequested(60) }, undefined]
  ])('a locked PR %s says what the lifecycle skipped', (_name, fields, skipped) => {
    const decision = decideStale(pr(1, { createdAt: daysAgo(400), locked: true, ...fields }), config(on), ACTOR, NOW);
    expect(decision.lockedSkip).toBe(skipped);
  });

  test('the decision names the signal', () => {
    expect(
      decideStale(pr(1, { createdAt: daysAgo(400), events: changesRequested(33) }), config(on), ACTOR, NOW).reason
    ).toBe(`changes requested by @maintainer on ${daysAgo(33).slice(0, 10)}`);
  });

  test('reports the idle days since the last activity', () => {
    expect(
      decideStale(pr(1, { createdAt: daysAgo(400), events: changesRequested(33) }), config(on), ACTOR, NOW).idleDays
    ).toBe(33);
  });
});
