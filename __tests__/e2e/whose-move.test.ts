// Whose move it is, end to end on the bundled action: only explicit signals
// make a PR its author's move (issue 12), and a locked conversation is left
// to the maintainers (issue 22). Days pass between sweeps by moving every
// time in the fake's store back.
import { scheduleEvent } from '../../test-support/events.js';
import {
  createStore,
  TOKEN_BOT_REST_LOGIN,
  type FakeComment,
  type FakePullRequest
} from '../../test-support/fake-github/store.js';
import { daysAgo, review } from './activity.js';
import { openPullRequests, session } from './harness.js';
import { daysPass } from './time-travel.js';

const maintainerSays = (id: number, days: number, body: string): FakeComment => ({
  id,
  body,
  author: 'maintainer',
  authorType: 'User',
  association: 'MEMBER',
  createdAt: daysAgo(days)
});
const byNumber = (prs: FakePullRequest[], n: number) => prs.find((p) => p.number === n) as FakePullRequest;
const ownComments = (pr: FakePullRequest) => pr.comments.filter((c) => c.author === TOKEN_BOT_REST_LOGIN);

test('an approved PR is never marked or closed and is listed as neglected with its approval; author-move signals go stale', async () => {
  const scenario: Record<number, Partial<FakePullRequest>> = {
    // Approved 100 days ago, never merged: the maintainers' move.
    1: { createdAt: daysAgo(111), lastCommittedAt: daysAgo(101), reviews: [review('APPROVED', 100)] },
    // Nobody reviewed; a maintainer's promise is no request to the author.
    2: {
      createdAt: daysAgo(100),
      lastCommittedAt: daysAgo(95),
      comments: [maintainerSays(21, 90, 'I will review this after the release.')]
    },
    // Changes requested, silence since.
    3: { createdAt: daysAgo(90), lastCommittedAt: daysAgo(41), reviews: [review('CHANGES_REQUESTED', 40)] },
    // CI failed on the head commit, no push since.
    4: { createdAt: daysAgo(89), lastCommittedAt: daysAgo(41) },
    // A maintainer asked a question and put `needs-info` on it.
    5: {
      createdAt: daysAgo(88),
      lastCommittedAt: daysAgo(45),
      labels: ['needs-info'],
      comments: [maintainerSays(22, 40, 'Which platform is this for?')]
    }
  };
  const prs = openPullRequests(5, (n) => scenario[n]);
  const store = createStore({ pullRequests: prs, labels: [{ name: 'stale', color: 'ededed', description: null }] });
  store.checkRuns = {
    [byNumber(prs, 4).headSha]: [{ name: 'ci/build', conclusion: 'FAILURE', completedAt: daysAgo(40) }]
  };
  const github = await session(store);
  // wip-limit 1: PRs 2..5 wait, so the action's own `backpressure` failure sits on their head commits.
  const inputs = {
    'wip-limit': '1',
    'stale-days': '30',
    'close-days': '14',
    'author-move-labels': 'needs-info',
    'stale-message': 'Marked stale, {author}: {reason}.'
  };
  try {
    const first = await github.run({ eventName: 'schedule', event: scheduleEvent(), inputs });
    expect(first.exitCode).toBe(0);
    expect(JSON.parse(first.outputs.staled)).toEqual([3, 4, 5]);
    expect(byNumber(prs, 1)).toMatchObject({ state: 'OPEN', labels: ['backpressure: admitted'] });
    expect(byNumber(prs, 2)).toMatchObject({ state: 'OPEN', labels: [] });
    expect(ownComments(byNumber(prs, 1))).toEqual([]);
    expect(ownComments(byNumber(prs, 2))).toEqual([]);
    // The stale comment names the signal (a reviewer is shown, never pinged).
    const changesOn = daysAgo(40).slice(0, 10);
    expect(ownComments(byNumber(prs, 3)).map((c) => c.body)).toEqual([
      expect.stringContaining(`Marked stale, @author3: changes requested by @&#8203;maintainer on ${changesOn}.`)
    ]);
    expect(ownComments(byNumber(prs, 4)).map((c) => c.body)).toEqual([
      expect.stringContaining('Marked stale, @author4: checks failing\\: ci/build.')
    ]);
    expect(ownComments(byNumber(prs, 5)).map((c) => c.body)).toEqual([
      expect.stringContaining('Marked stale, @author5: label needs-info.')
    ]);
    for (const n of [3, 4, 5]) expect(byNumber(prs, n).labels).toContain('stale');
    expect(first.summary).toContain('### Neglected (2)');
    expect(first.summary).toContain(
      '| Change 1 | author1 | 100 | approved by @&#8203;maintainer 100 days ago, not merged |'
    );
    expect(first.summary).toContain('| Change 2 | author2 | 90 | no review yet |');

    const again = await github.run({ eventName: 'schedule', event: scheduleEvent(), inputs });
    expect(again.exitCode).toBe(0);
    expect(again.writes).toBe(0);

    daysPass(store, 15);
    const later = await github.run({ eventName: 'schedule', event: scheduleEvent(), inputs });
    expect(later.exitCode).toBe(0);
    expect(JSON.parse(later.outputs.closed)).toEqual([3, 4, 5]);
    expect(byNumber(prs, 1)).toMatchObject({ state: 'OPEN', labels: ['backpressure: admitted'] });
    expect(byNumber(prs, 2)).toMatchObject({ state: 'OPEN', labels: [] });
    expect(ownComments(byNumber(prs, 1))).toEqual([]);
    expect(ownComments(byNumber(prs, 2))).toEqual([]);
    expect(later.summary).toContain(
      '| Change 1 | author1 | 115 | approved by @&#8203;maintainer 115 days ago, not merged |'
    );

    const settled = await github.run({ eventName: 'schedule', event: scheduleEvent(), inputs });
    expect(settled.exitCode).toBe(0);
    expect(settled.writes).toBe(0);
  } finally {
    await github.close();
  }
});

test('a locked PR is never marked, labelled, commented or closed, still gets its status, and both sweeps pass', async () => {
  const prs = openPullRequests(2, (n) =>
    n === 2
      ? {
          createdAt: daysAgo(90),
          lastCommittedAt: daysAgo(61),
          reviews: [review('CHANGES_REQUESTED', 60)],
          locked: true
        }
      : { createdAt: daysAgo(100) }
  );
  const store = createStore({ pullRequests: prs });
  const github = await session(store);
  // #2 waits (limit 1) with comment feedback: without the lock it would get the sticky comment, a stale mark, then a close.
  const inputs = { 'wip-limit': '1', 'on-waiting': 'fail,comment', 'stale-days': '30', 'close-days': '7' };
  try {
    for (const days of [0, 8]) {
      daysPass(store, days);
      const run = await github.run({ eventName: 'schedule', event: scheduleEvent(), inputs });
      expect(run.exitCode).toBe(0);
      expect(run.errors).toEqual([]);
      expect(byNumber(prs, 2)).toMatchObject({ state: 'OPEN', labels: [], comments: [] });
      expect(github.status(2)).toMatchObject({
        state: 'failure',
        description: expect.stringMatching(/^Waiting: position 2/)
      });
      expect(JSON.parse(run.outputs.staled)).toEqual([]);
      expect(JSON.parse(run.outputs.closed)).toEqual([]);
      expect(run.summary).toContain('### Locked (1)');
      expect(run.summary).toMatch(
        /\| \[#2\]\([^)]*\) \| Change 2 \| author2 \| \d+ \| marked stale \(changes requested by @&#8203;maintainer on [\d-]+\) \|/
      );
    }
  } finally {
    await github.close();
  }
});
