// The expected wait a contributor sees (README "What people see"): when the
// merge history is known, a waiting PR's comment and status say when its turn
// comes, by Little's law; the pace moving alone rewrites nothing.
import { pullRequestEvent, scheduleEvent } from '../../test-support/events.js';
import { createStore, makePullRequest } from '../../test-support/fake-github/store.js';
import { openPullRequests, session, type Session } from './harness.js';
import { DAY_MS } from '../../src/core/time.js';

const inputs = { 'wip-limit': '5', 'on-waiting': 'fail,comment' };

/** `count` PRs merged over the last days, numbered from 1000. */
function merged(count: number, from = 1000) {
  return Array.from({ length: count }, (_, i) => {
    const at = new Date(Date.now() - (i + 1) * (DAY_MS / 2)).toISOString();
    return makePullRequest({
      number: from + i,
      state: 'MERGED',
      createdAt: new Date(Date.parse(at) - DAY_MS).toISOString(),
      closedAt: at,
      mergedAt: at,
      author: `merger${i}`
    });
  });
}

function sticky(github: Session, number: number): string | undefined {
  return github.store.pullRequests
    .find((p) => p.number === number)
    ?.comments.find((c) => c.body.includes('pr-backpressure:sticky'))?.body;
}

describe('expected wait', () => {
  let github: Session;
  beforeAll(async () => {
    // 56 merges in the 28-day window: 2 a day. #8 is at position 8, 3 beyond the limit of 5: 1.5 days → "about 2 days".
    github = await session(createStore({ pullRequests: [...openPullRequests(8), ...merged(56)] }));
  });
  afterAll(() => github.close());

  test("a sweep gives a waiting PR's comment and status the expected wait at the recent pace", async () => {
    const result = await github.run({ eventName: 'schedule', event: scheduleEvent(), inputs });
    expect(result.exitCode).toBe(0);
    expect(sticky(github, 8)).toContain('Expected in about 2 days, at the recent pace of 2 merges a day.');
    expect(sticky(github, 6)).toContain('Expected within a day, at the recent pace of 2 merges a day.');
    expect(github.status(8)?.description).toBe(
      'Waiting: position 8, 3 PRs ahead beyond the limit of 5; expected in about 2 days'
    );
    expect(result.summary).toContain('| 8 | [#8]');
    expect(result.summary).toMatch(/\| beyond the limit \| ~2 days \|/);
  });

  test('the gate reads the pace with its counts, in no extra request, and agrees with the sweep', async () => {
    const result = await github.run({
      eventName: 'pull_request',
      event: pullRequestEvent(github.store, 8, 'synchronize'),
      inputs
    });
    expect(result.exitCode).toBe(0);
    expect(result.notices.join('\n')).toContain(
      'Waiting: position 8, 3 PRs ahead beyond the limit of 5; expected in about 2 days'
    );
    expect(result.graphql).toBe(2); // the PR and repository, then one request of search counts (the pace among them)
    expect(result.writes).toBe(0);
  });

  test('when only the pace moves, nothing is rewritten', async () => {
    github.store.pullRequests.push(...merged(40, 2000)); // now 96 in the window: about 3.4 a day
    const result = await github.run({ eventName: 'schedule', event: scheduleEvent(), inputs });
    expect(result.exitCode).toBe(0);
    expect(result.writes).toBe(0);
    expect(sticky(github, 8)).toContain('Expected in about 2 days');
  });
});

test('without merges in the window the comment gives no expected wait', async () => {
  const github = await session(createStore({ pullRequests: openPullRequests(8) }));
  try {
    await github.run({ eventName: 'schedule', event: scheduleEvent(), inputs });
    expect(sticky(github, 8)).toContain('Waiting: position 8');
    expect(sticky(github, 8)).not.toMatch(/xpected/);
    expect(github.status(8)?.description).toBe('Waiting: position 8, 3 PRs ahead beyond the limit of 5');
  } finally {
    await github.close();
  }
});
