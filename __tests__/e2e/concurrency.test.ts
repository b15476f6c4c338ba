// Concurrency rows of the reliability catalogue: runs that overlap on the
// same repository never both take the last slot and never duplicate a write.
import { pullRequestEvent, scheduleEvent } from '../../test-support/events.js';
import { createStore, makePullRequest } from '../../test-support/fake-github/index.js';
import { STICKY_MARKER } from '../../src/core/markers.js';
import { openPullRequests, session } from './harness.js';
import { CONCURRENCY_ROWS } from './reliability-catalogue.js';

const CHECKS: Record<string, () => Promise<void>> = {
  async 'last-slot-race'() {
    const seconds = (s: number) => new Date(Date.now() - s * 1000).toISOString();
    const prs = [...openPullRequests(49), makePullRequest({ number: 50, createdAt: seconds(20), author: 'older' }), makePullRequest({ number: 51, createdAt: seconds(10), author: 'newer' })];
    const github = await session(createStore({ pullRequests: prs }));
    try {
      const gate = (number: number) => github.run({ eventName: 'pull_request', event: pullRequestEvent(github.store, number), inputs: { 'wip-limit': '50' } });
      const [older, newer] = await Promise.all([gate(50), gate(51)]);
      expect([older.outputs.result, newer.outputs.result]).toEqual(['admitted', 'waiting']);
      expect(older.exitCode).toBe(0);
      expect(newer.errors).toEqual(['Waiting: position 51, 1 PRs ahead beyond the limit of 50']);
      expect(github.status(50)).toMatchObject({ state: 'success', description: 'Admitted: position 50 of 51 (limit 50)' });
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
  }
};

test('every concurrency row in the catalogue has a check here', () => {
  expect(Object.keys(CHECKS).sort()).toEqual(CONCURRENCY_ROWS.map((row) => row.id).sort());
});

test.each(CONCURRENCY_ROWS.map((row) => [row.id, row.scenario] as const))('%s: %s', async (id) => {
  await CHECKS[id]();
});
