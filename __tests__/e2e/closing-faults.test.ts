// Closing is crash-safe, end to end on the bundled action (issue 14, part 1):
// a PR is never closed without its stale warning and its close comment,
// whatever fails in between; a retry posts no comment twice; deleted
// accounts are not one author; a comment refused on a locked conversation
// does not fail the run.
import { scheduleEvent } from '../../test-support/events.js';
import { createStore, FAULTS, type FakeStore } from '../../test-support/fake-github/index.js';
import type { FakePullRequest } from '../../test-support/fake-github/store.js';
import { CLOSE_MARKER, STALE_MARKER } from '../../src/core/markers.js';
import { markdownToTerminal } from '../../src/report/terminal.js';
import { changesRequested, daysAgo, staleMark } from './activity.js';
import { openPullRequests } from './harness.js';
import { faultSession, type FaultSession, type Interference } from './fault-session.js';
import { CLOSING_ROWS } from './reliability-catalogue.js';
import { daysPass } from './time-travel.js';

/** Silent for 60 days since changes were requested: the author's move, long past stale-days. */
const silent = (fields: Partial<FakePullRequest> = {}): Partial<FakePullRequest> => ({
  createdAt: daysAgo(90),
  lastCommittedAt: daysAgo(61),
  reviews: [changesRequested(60)],
  ...fields
});
const STALE = { 'wip-limit': '0', 'stale-days': '30', 'close-days': '7' };
const COMMENT_POSTS = /\/issues\/\d+\/comments$/;
const LOCKED_403 = {
  status: 403,
  body: {
    message: 'Unable to create comment because issue is locked.',
    documentation_url: 'https://help.github.com/articles/locking-conversations/'
  }
};

const count = (pr: FakePullRequest, marker: string) => pr.comments.filter((c) => c.body.includes(marker)).length;
const storeWith = (prs: FakePullRequest[]): FakeStore =>
  createStore({ pullRequests: prs, labels: [{ name: 'stale', color: 'ededed', description: null }] });

async function withSession(store: FakeStore, body: (github: FaultSession) => Promise<void>): Promise<void> {
  const github = await faultSession(store);
  try {
    await body(github);
  } finally {
    await github.close();
  }
}

function sweep(github: FaultSession, inputs: Record<string, string>) {
  return github.run({ eventName: 'schedule', event: scheduleEvent(), inputs });
}

/** A fault that lasts until the test ends it. */
function lasting(github: FaultSession, fault: Omit<Interference, 'times'>): { end(): void } {
  const interference: Interference = { ...fault, times: 10_000 };
  github.interfere(interference);
  return { end: () => void (interference.times = 0) };
}

const CHECKS: Record<string, () => Promise<void>> = {
  'stale-comments-fail': async () => {
    // #4 carries a stale label without the action's comment (a run cut short before it): not a mark.
    const prs = openPullRequests(4, (n) => silent(n === 4 ? { labels: ['stale'] } : {}));
    await withSession(storeWith(prs), async (github) => {
      const fault = lasting(github, { method: 'POST', path: COMMENT_POSTS, act: { respond: FAULTS.badGateway } });
      const failing = await sweep(github, STALE);
      expect(failing.exitCode).toBe(1);
      expect(prs.map((p) => p.labels)).toEqual([[], [], [], ['stale']]);
      expect(prs.every((p) => p.comments.length === 0 && p.state === 'OPEN')).toBe(true);
      expect(JSON.parse(failing.outputs.staled)).toEqual([]);

      fault.end();
      daysPass(github.store, 10);
      const clean = await sweep(github, STALE);
      expect(clean.exitCode).toBe(0);
      expect(JSON.parse(clean.outputs.closed)).toEqual([]);
      expect(JSON.parse(clean.outputs.staled)).toEqual([1, 2, 3, 4]);
      for (const pr of prs) {
        expect(pr).toMatchObject({ state: 'OPEN', labels: ['stale'] });
        expect(count(pr, STALE_MARKER)).toBe(1);
      }
    });
  },

  'close-comment-fails': async () => {
    const prs = openPullRequests(2, () => ({ additions: 5000 }));
    const inputs = { 'max-changed-lines': '1000', 'on-violation': 'close' };
    await withSession(storeWith(prs), async (github) => {
      const fault = lasting(github, { method: 'POST', path: COMMENT_POSTS, act: { respond: FAULTS.badGateway } });
      const failing = await sweep(github, inputs);
      expect(failing.exitCode).toBe(1);
      expect(JSON.parse(failing.outputs.closed)).toEqual([]);
      expect(prs.map((p) => [p.state, count(p, CLOSE_MARKER)])).toEqual([
        ['OPEN', 0],
        ['OPEN', 0]
      ]);

      fault.end();
      const clean = await sweep(github, inputs);
      expect(clean.exitCode).toBe(0);
      expect(prs.map((p) => [p.state, count(p, CLOSE_MARKER)])).toEqual([
        ['CLOSED', 1],
        ['CLOSED', 1]
      ]);
    });
  },

  'close-fails-after-comment': async () => {
    const prs = openPullRequests(1, () => silent({ labels: ['stale'], comments: [staleMark(11, 20)] }));
    await withSession(storeWith(prs), async (github) => {
      const fault = lasting(github, { method: 'PATCH', path: /\/pulls\/1$/, act: { respond: FAULTS.badGateway } });
      const failing = await sweep(github, STALE);
      expect(failing.exitCode).toBe(1);
      expect(prs[0].state).toBe('OPEN');
      expect(count(prs[0], CLOSE_MARKER)).toBe(1);

      fault.end();
      const clean = await sweep(github, STALE);
      expect(clean.exitCode).toBe(0);
      expect(JSON.parse(clean.outputs.closed)).toEqual([1]);
      expect(prs[0].state).toBe('CLOSED');
      expect(count(prs[0], CLOSE_MARKER)).toBe(1);
    });
  },

  'max-writes-keeps-mark-whole': async () => {
    const prs = openPullRequests(1, () => silent());
    await withSession(storeWith(prs), async (github) => {
      // The queue state's stamp (no WIP limit: no seat to label) and the status take the first two
      // writes; the mark needs two more.
      const inputs = { ...STALE, 'max-writes-per-run': '2' };
      const cut = await sweep(github, inputs);
      expect(cut.exitCode).toBe(0);
      expect(cut.writes).toBe(2);
      expect(prs[0]).toMatchObject({ labels: [], comments: [] });
      expect(cut.warnings).toContainEqual(expect.stringContaining('max-writes-per-run (2) reached'));

      const next = await sweep(github, inputs);
      expect(next.writes).toBe(2);
      expect(prs[0].labels).toEqual(['stale']);
      expect(count(prs[0], STALE_MARKER)).toBe(1);
    });
  },

  'deleted-accounts-not-one-author': async () => {
    const prs = openPullRequests(3, () => ({ author: 'ghost', authorAssociation: 'NONE' }));
    await withSession(storeWith(prs), async (github) => {
      const run = await sweep(github, { 'max-open-per-author': '1', 'on-violation': 'close' });
      expect(run.exitCode).toBe(0);
      expect(JSON.parse(run.outputs.violations)).toEqual([]);
      expect(JSON.parse(run.outputs.closed)).toEqual([]);
      for (const pr of prs) {
        expect(pr).toMatchObject({ state: 'OPEN', labels: ['backpressure: admitted'], comments: [] });
        expect(github.fake.store.statuses[pr.headSha]?.at(-1)).toMatchObject({
          state: 'success',
          description: expect.stringMatching(/^Admitted/)
        });
      }
    });
  },

  'comment-refused-locked': async () => {
    const prs = openPullRequests(1, () => silent());
    await withSession(storeWith(prs), async (github) => {
      lasting(github, { method: 'POST', path: COMMENT_POSTS, act: { respond: LOCKED_403 } });
      const run = await sweep(github, STALE);
      expect(run.exitCode).toBe(0);
      expect(run.errors).toEqual([]);
      // The mark is one unit: no label without its comment.
      expect(prs[0]).toMatchObject({ state: 'OPEN', labels: [], comments: [] });
      const summary = markdownToTerminal(run.summary);
      expect(summary).toContain('not applicable: the conversation is locked, so GitHub refuses comments on it');
      expect(summary).toContain('not applicable: goes with posting the stale comment on #1');
      expect(summary).not.toContain('Left for the next run');
    });
  }
};

test('every crash-safe closing row in the catalogue has a check here', () => {
  expect(Object.keys(CHECKS).sort()).toEqual(CLOSING_ROWS.map((row) => row.id).sort());
});

test.each(CLOSING_ROWS.map((row) => [row.id, row.scenario] as const))('%s: %s', async (id) => {
  await CHECKS[id]();
});
