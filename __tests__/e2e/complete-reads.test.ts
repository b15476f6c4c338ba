// Decisions rest on whole lists and on reads GitHub can
// answer (issue 18): files, labels and comments past their first page, and
// pages that shrink when GitHub fails them as too heavy.
import { STICKY_MARKER } from '../../src/core/markers.js';
import { closedEvent, pullRequestEvent, scheduleEvent } from '../../test-support/events.js';
import { createStore } from '../../test-support/fake-github/store.js';
import { openPullRequests, session } from './harness.js';

const DOCS_RULE = 'rules:\n  - name: docs\n    match: { paths: ["docs/**"] }\n    max-open: 1\n';

describe('a docs area rule (max-open: 1, already full) and a PR with 150 changed files, the 150th docs/guide.md', () => {
  test('the PR waits, in the gate and in the sweep', async () => {
    const files = [...Array.from({ length: 149 }, (_, i) => `src/module${i}.ts`), 'docs/guide.md'];
    const prs = openPullRequests(2, (n) =>
      n === 1 ? { files: ['docs/intro.md'] } : { files, changedFiles: files.length }
    );
    const github = await session(
      createStore({ pullRequests: prs, repository: { files: { '.github/backpressure.yml': DOCS_RULE } } })
    );
    try {
      const inputs = { 'wip-limit': '10' };
      // #1's own gate (when it was opened) put the area label on it: the docs area is full.
      const first = await github.run({
        eventName: 'pull_request',
        event: pullRequestEvent(github.store, 1, 'opened'),
        inputs
      });
      expect(first.outputs.result).toBe('admitted');
      const gate = await github.run({
        eventName: 'pull_request',
        event: pullRequestEvent(github.store, 2, 'synchronize'),
        inputs
      });
      expect(gate.outputs.result).toBe('waiting');
      expect(gate.exitCode).toBe(0);

      const sweep = await github.run({ eventName: 'schedule', event: scheduleEvent(), inputs });
      expect(sweep.exitCode).toBe(0);
      expect(JSON.parse(sweep.outputs.waiting)).toEqual([2]);
      expect(github.status(2)?.state).toBe('failure');
      expect(github.status(1)?.state).toBe('success');
    } finally {
      await github.close();
    }
  });
});

describe('a PR with 30 labels, the exempt one last', () => {
  test('is exempt, and the PR after it takes the one place', async () => {
    const labels = [...Array.from({ length: 29 }, (_, i) => `area-${i}`), 'on-hold'];
    const github = await session(
      createStore({ pullRequests: openPullRequests(2, (n) => (n === 1 ? { labels } : {})) })
    );
    try {
      const sweep = await github.run({
        eventName: 'schedule',
        event: scheduleEvent(),
        inputs: { 'wip-limit': '1', 'exempt-labels': 'on-hold' }
      });
      expect(sweep.exitCode).toBe(0);
      expect(JSON.parse(sweep.outputs.admitted)).toEqual([2]);
      expect(github.status(2)?.state).toBe('success');
    } finally {
      await github.close();
    }
  });
});

describe('the sticky comment older than the last 30 comments', () => {
  test('is found by the sweep and edited in place, with no REST reads', async () => {
    const github = await session(createStore({ pullRequests: openPullRequests(2) }));
    try {
      const inputs = { 'wip-limit': '1', 'on-waiting': 'fail,comment' };
      await github.run({ eventName: 'schedule', event: scheduleEvent(), inputs });
      const waiting = github.store.pullRequests[1];
      expect(waiting.comments.filter((c) => c.body.includes(STICKY_MARKER))).toHaveLength(1);
      const at = Date.now();
      for (let i = 0; i < 40; i++) {
        waiting.comments.push({
          id: 900 + i,
          body: `ping ${i}`,
          author: 'watcher',
          authorType: 'User',
          association: 'NONE',
          createdAt: new Date(at + i).toISOString()
        });
      }
      const first = github.store.pullRequests[0];
      first.state = 'CLOSED';
      first.closedAt = new Date().toISOString();

      const advance = await github.run({ eventName: 'pull_request', event: closedEvent(github.store, 1), inputs });
      expect(advance.exitCode).toBe(0);
      expect(advance.restReads).toBe(0);
      const stickies = waiting.comments.filter((c) => c.body.includes(STICKY_MARKER));
      expect(stickies).toHaveLength(1);
      expect(stickies[0].body).toContain('Admitted');
      expect(waiting.comments).toHaveLength(41);
    } finally {
      await github.close();
    }
  });
});

describe('a sweep of 600 PRs against a GitHub that fails queries above 5,000 nodes', () => {
  test('shrinks its pages, decides every PR, and says so in the summary', async () => {
    const prs = openPullRequests(600, (n) => ({ files: n % 7 === 0 ? ['docs/a.md'] : ['src/a.ts'] }));
    const github = await session(
      createStore({ pullRequests: prs, repository: { files: { '.github/backpressure.yml': DOCS_RULE } } }),
      { maxNodes: 5_000 }
    );
    try {
      const sweep = await github.run({
        eventName: 'schedule',
        event: scheduleEvent(),
        inputs: { 'wip-limit': '50', 'dry-run': 'true' }
      });
      expect(sweep.errors).toEqual([]);
      expect(sweep.exitCode).toBe(0);
      const decided = [...JSON.parse(sweep.outputs.admitted), ...JSON.parse(sweep.outputs.waiting)] as number[];
      expect(decided.sort((a, b) => a - b)).toEqual(prs.map((p) => p.number));
      expect(sweep.outputs['queue-size']).toBe('600');
      expect(sweep.summary).toMatch(
        /GitHub failed 2 queries as too heavy; pages were shrunk \(down to 25\) and everything was still read\./
      );
    } finally {
      await github.close();
    }
  }, 180_000);
});
