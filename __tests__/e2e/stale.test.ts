// Issue 5 end to end: a sweep over a mixed repository marks, unmarks and
// closes exactly the PRs whose move it is, and a second sweep writes nothing.
import { scheduleEvent } from '../../test-support/events.js';
import { createStore, type FakePullRequest } from '../../test-support/fake-github/store.js';
import { changesRequested, comment, daysAgo, staleMark } from './activity.js';
import { openPullRequests, session } from './harness.js';

const scenario: Record<number, Partial<FakePullRequest>> = {
  // Changes requested 40 days ago, silence since: marked.
  1: { lastCommittedAt: daysAgo(41), reviews: [changesRequested(40)] },
  // Awaiting review for 90 days: neglected, never marked.
  2: { lastCommittedAt: daysAgo(90) },
  // Marked 10 days ago and still silent: closed.
  3: {
    lastCommittedAt: daysAgo(51),
    reviews: [changesRequested(50)],
    labels: ['stale'],
    comments: [staleMark(11, 10)]
  },
  // Marked, then the author answered: unmarked, not closed.
  4: {
    lastCommittedAt: daysAgo(51),
    reviews: [changesRequested(50)],
    labels: ['stale'],
    comments: [staleMark(12, 10), comment(13, 'author4', 2, 'Will do!')]
  },
  // A maintainer's own PR with conflicts, marked long ago: stays marked, never closed.
  5: {
    lastCommittedAt: daysAgo(60),
    mergeable: 'CONFLICTING',
    authorAssociation: 'MEMBER',
    labels: ['stale'],
    comments: [staleMark(14, 20)]
  },
  // Recent work: nothing.
  6: { lastCommittedAt: daysAgo(2), reviews: [changesRequested(3)] }
};

test('a sweep marks, unmarks and closes exactly the expected PRs; a second sweep writes nothing', async () => {
  const prs = openPullRequests(6, (n) => ({ createdAt: daysAgo(120 - n), ...scenario[n] }));
  const store = createStore({ pullRequests: prs, labels: [{ name: 'stale', color: 'ededed', description: null }] });
  const github = await session(store);
  const byNumber = (n: number) => store.pullRequests.find((p) => p.number === n) as FakePullRequest;
  try {
    const inputs = { 'wip-limit': '0', 'stale-days': '30', 'close-days': '7' };
    const first = await github.run({ eventName: 'schedule', event: scheduleEvent(), inputs });
    expect(first.exitCode).toBe(0);
    expect(JSON.parse(first.outputs.staled)).toEqual([1]);
    expect(JSON.parse(first.outputs.closed)).toEqual([3]);

    expect(byNumber(1).labels).toEqual(['stale']);
    expect(byNumber(1).comments.at(-1)?.body).toContain('@author1');
    expect(byNumber(2).labels).toEqual([]);
    expect(byNumber(3).state).toBe('CLOSED');
    expect(byNumber(4)).toMatchObject({ state: 'OPEN', labels: [] });
    expect(byNumber(5)).toMatchObject({ state: 'OPEN', labels: ['stale'] });
    expect(byNumber(6).labels).toEqual([]);
    expect(first.summary).toContain('Neglected');
    expect(first.summary).toContain('[#2]');

    const second = await github.run({ eventName: 'schedule', event: scheduleEvent(), inputs });
    expect(second.exitCode).toBe(0);
    expect(second.writes).toBe(0);
  } finally {
    await github.close();
  }
});
