// Concurrency rows of the reliability catalogue: runs that overlap on the
// same repository never both take the last slot and never duplicate a write.
import { pullRequestEvent, scheduleEvent } from '../../test-support/events.js';
import {
  createStore,
  makePullRequest,
  TOKEN_BOT_REST_LOGIN,
  type FakeComment,
  type FakePullRequest
} from '../../test-support/fake-github/index.js';
import { STALE_MARKER, STICKY_MARKER } from '../../src/core/markers.js';
import { openPullRequests, session } from './harness.js';
import { CONCURRENCY_ROWS } from './reliability-catalogue.js';
import { DAY_MS } from '../../src/core/time.js';

const CHECKS: Record<string, () => Promise<void>> = {
  async 'last-slot-race'() {
    const seconds = (s: number) => new Date(Date.now() - s * 1000).toISOString();
    const prs = [
      ...openPullRequests(49),
      makePullRequest({ number: 50, createdAt: seconds(20), author: 'older' }),
      makePullRequest({ number: 51, createdAt: seconds(10), author: 'newer' })
    ];
    const github = await session(createStore({ pullRequests: prs }));
    try {
      const gate = (number: number) =>
        github.run({
          eventName: 'pull_request',
          event: pullRequestEvent(github.store, number),
          inputs: { 'wip-limit': '50' }
        });
      const [older, newer] = await Promise.all([gate(50), gate(51)]);
      expect([older.outputs.result, newer.outputs.result]).toEqual(['admitted', 'waiting']);
      expect(older.exitCode).toBe(0);
      // (A fresh repository: each gate also says it read the whole queue.)
      expect(newer.notices).toContain('Waiting: position 51, 1 PRs ahead beyond the limit of 50');
      expect(github.status(50)).toMatchObject({
        state: 'success',
        description: 'Admitted: position 50 of 51 (limit 50)'
      });
      expect(github.status(51)).toMatchObject({ state: 'failure' });
    } finally {
      await github.close();
    }
  },

  async 'gate-and-sweep-race'() {
    const github = await session(createStore({ pullRequests: openPullRequests(60) }));
    try {
      const inputs = { 'wip-limit': '50', 'on-waiting': 'fail,label,comment' };
      const [gate, sweep] = await Promise.all([
        github.run({ eventName: 'pull_request', event: pullRequestEvent(github.store, 60, 'synchronize'), inputs }),
        github.run({ eventName: 'schedule', event: scheduleEvent(), inputs })
      ]);
      expect(gate.outputs.result).toBe('waiting');
      expect(JSON.parse(sweep.outputs.waiting)).toContain(60);
      expect(sweep.exitCode).toBe(0);
      for (const pr of github.store.pullRequests) {
        expect(pr.comments.filter((c) => c.body.includes(STICKY_MARKER)).length).toBeLessThanOrEqual(1);
        expect(new Set(pr.labels).size).toBe(pr.labels.length);
      }
      expect(github.status(60)).toMatchObject({ state: 'failure' });
      // Whatever the overlap did, the next sweep finds nothing left to fix.
      const settle = await github.run({ eventName: 'schedule', event: scheduleEvent(), inputs });
      expect(settle.writes).toBe(0);
    } finally {
      await github.close();
    }
  },

  async 'sticky-race'() {
    const inputs = { 'wip-limit': '1', 'on-waiting': 'fail,comment' };
    const rounds = 3;
    for (let round = 1; round <= rounds; round++) {
      const github = await session(createStore({ pullRequests: openPullRequests(3) }));
      try {
        await Promise.all([
          github.run({ eventName: 'pull_request', event: pullRequestEvent(github.store, 3, 'synchronize'), inputs }),
          github.run({ eventName: 'schedule', event: scheduleEvent(), inputs })
        ]);
        for (const pr of github.store.pullRequests.slice(1)) {
          const stickies = pr.comments.filter((c) => c.body.includes(STICKY_MARKER));
          expect([round, pr.number, stickies.length]).toEqual([round, pr.number, 1]);
          expect(stickies[0].body).toContain(`Waiting: position ${pr.number}`);
        }
        if (round === rounds) {
          const settle = await github.run({ eventName: 'schedule', event: scheduleEvent(), inputs });
          expect(settle.writes).toBe(0);
        }
      } finally {
        await github.close();
      }
    }
  },

  async 'duplicate-stickies'() {
    const sticky = (id: number, minutesAgo: number): FakeComment => ({
      id,
      body: `${STICKY_MARKER}\n**Waiting: position 2, 1 PRs ahead beyond the limit of 1**\n`,
      author: TOKEN_BOT_REST_LOGIN,
      authorType: 'Bot',
      association: 'NONE',
      createdAt: new Date(Date.now() - minutesAgo * 60_000).toISOString()
    });
    const github = await session(
      createStore({ pullRequests: openPullRequests(1, () => ({ comments: [sticky(11, 30), sticky(12, 29)] })) })
    );
    try {
      const inputs = { 'wip-limit': '1', 'on-waiting': 'fail,comment' };
      const sweep = await github.run({ eventName: 'schedule', event: scheduleEvent(), inputs });
      expect(sweep.exitCode).toBe(0);
      const [only, ...rest] = github.store.pullRequests[0].comments;
      expect(rest).toEqual([]);
      expect(only).toMatchObject({ id: 11, body: expect.stringContaining('Admitted to the review queue') });
      expect(sweep.summary).toContain('duplicate comments deleted: 1');
      const settle = await github.run({ eventName: 'schedule', event: scheduleEvent(), inputs });
      expect(settle.writes).toBe(0);
    } finally {
      await github.close();
    }
  },

  async 'stale-race'() {
    const days = (n: number) => new Date(Date.now() - n * DAY_MS).toISOString();
    const idle: Partial<FakePullRequest> = {
      createdAt: days(50),
      lastCommittedAt: days(41),
      reviews: [{ state: 'CHANGES_REQUESTED', author: 'maintainer', association: 'MEMBER', submittedAt: days(40) }]
    };
    const github = await session(createStore({ pullRequests: openPullRequests(1, () => idle) }));
    try {
      const inputs = { 'wip-limit': '0', 'stale-days': '30' };
      await Promise.all([0, 1].map(() => github.run({ eventName: 'schedule', event: scheduleEvent(), inputs })));
      const pr = github.store.pullRequests[0];
      expect(pr.labels).toEqual(['stale']);
      expect(pr.comments.filter((c) => c.body.includes(STALE_MARKER))).toHaveLength(1);
      const settle = await github.run({ eventName: 'schedule', event: scheduleEvent(), inputs });
      expect(settle.writes).toBe(0);
    } finally {
      await github.close();
    }
  }
};

test('every concurrency row in the catalogue has a check here', () => {
  expect(Object.keys(CHECKS).sort()).toEqual(CONCURRENCY_ROWS.map((row) => row.id).sort());
});

test.each(CONCURRENCY_ROWS.map((row) => [row.id, row.scenario] as const))(
  '%s: %s',
  async (id) => {
    await CHECKS[id]();
  },
  180_000
);
