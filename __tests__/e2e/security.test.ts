// Security rows of the reliability catalogue: the token stays secret even
// with debug logging on, PR text is escaped wherever it is written, the
// config comes from the default branch, and a missing permission is one warning.
import { pullRequestEvent, scheduleEvent } from '../../test-support/events.js';
import { createStore, makePullRequest } from '../../test-support/fake-github/index.js';
import { READ_TOKEN } from '../../test-support/fake-github/store.js';
import { openPullRequests } from './harness.js';
import { faultSession, type FaultRun } from './fault-session.js';
import { SECURITY_ROWS } from './reliability-catalogue.js';
import { STICKY_MARKER } from '../../src/core/markers.js';

const SECRET = 'ghs_Sup3rSecretT0kenValue0123456789';
const DEBUG = { RUNNER_DEBUG: '1', ACTIONS_STEP_DEBUG: 'true' };
const INPUTS = { 'wip-limit': '5', 'on-waiting': 'fail,label,comment' };

/** Everything a run leaves for people to read; `::add-mask::` lines are the runner's, never shown. */
function visibleText(run: FaultRun): string {
  const stdout = run.stdout
    .split('\n')
    .filter((line) => !line.startsWith('::add-mask::'))
    .join('\n');
  return [stdout, run.stderr, run.summary, JSON.stringify(run.outputs)].join('\n');
}

const CHECKS: Record<string, () => Promise<void>> = {
  async 'token-never-shown'() {
    const github = await faultSession(
      createStore({ pullRequests: openPullRequests(10), tokens: { [SECRET]: 'write' } })
    );
    try {
      const runs: FaultRun[] = [];
      const run = (options: Partial<Parameters<typeof github.run>[0]> = {}) =>
        github
          .run({ eventName: 'schedule', event: scheduleEvent(), inputs: INPUTS, token: SECRET, env: DEBUG, ...options })
          .then((r) => void runs.push(r));
      await run();
      // A waiting PR, with fail-job so that its line is also an error.
      await run({
        eventName: 'pull_request',
        event: pullRequestEvent(github.store, 8),
        inputs: { ...INPUTS, 'fail-job': 'true' }
      });
      github.fake.failNext({ kind: 'rest-write' }, { status: 503, body: { message: 'Service Unavailable' } }, 100);
      github.store.pullRequests[0].isDraft = true; // a change, so the sweep writes and fails
      await run();
      await run({ token: `${SECRET}x` }); // 401
      await run({ inputs: { ...INPUTS, 'wip-limit': 'fifty' } }); // fails before any request
      expect(runs.map((r) => r.exitCode)).toEqual([0, 1, 1, 1, 1]);
      expect(runs[0].stdout).toMatch(/^::debug::GraphQL cost \d+, remaining \d+/m); // debug logging was on
      for (const r of runs) {
        // The runner masks what `::add-mask::` names; it must come before any other line.
        expect(r.stdout.startsWith('::add-mask::')).toBe(true);
        expect(visibleText(r)).not.toContain(SECRET);
        expect(visibleText(r)).not.toContain(SECRET.slice(4, 20));
      }
    } finally {
      await github.close();
    }
  },

  async 'pr-text-escaped'() {
    const title = '<img src=x onerror=alert(1)> @acme/admins [click](javascript:alert(1)) #1 | x';
    const label = '<b>@acme/admins</b>';
    const prs = openPullRequests(8, (n) => ({
      title: n === 7 ? title : `Change ${n}`,
      labels: n === 7 ? [label] : [],
      additions: n === 7 ? 5000 : 10
    }));
    const github = await faultSession(
      createStore({ pullRequests: prs, labels: [{ name: label, color: 'ededed', description: null }] })
    );
    try {
      const result = await github.run({
        eventName: 'schedule',
        event: scheduleEvent(),
        inputs: { ...INPUTS, 'max-changed-lines': '1000', 'on-violation': 'fail,comment' }
      });
      expect(result.exitCode).toBe(0);
      const comments = github.store.pullRequests.flatMap((pr) => pr.comments.map((c) => c.body));
      expect(comments.length).toBeGreaterThan(0);
      expect(result.summary).toContain('click'); // the title is in the summary, escaped
      for (const text of [result.summary, ...comments]) {
        expect(text).not.toMatch(/<img|<b>/i);
        expect(text).not.toMatch(/@acme\/admins/);
        expect(text).not.toMatch(/\]\(javascript:/);
      }
    } finally {
      await github.close();
    }
  },

  async 'config-from-default-branch'() {
    const prs = [
      ...openPullRequests(9),
      makePullRequest({
        number: 10,
        createdAt: new Date().toISOString(),
        files: ['.github/backpressure.yml'],
        headRefName: 'raise-limit'
      })
    ];
    const github = await faultSession(
      createStore({ pullRequests: prs, repository: { files: { '.github/backpressure.yml': 'wip-limit: 5\n' } } })
    );
    try {
      const event = pullRequestEvent(github.store, 10);
      const result = await github.run({
        eventName: 'pull_request',
        event: { ...event, config: 'wip-limit: 500' },
        inputs: {}
      });
      expect(result.notices).toContain('Waiting: position 10, 5 PRs ahead beyond the limit of 5');
      // The file is only ever read through the default branch's ref, never the PR's head.
      const reads = github.fake.requests.filter((r) => r.kind === 'graphql').map((r) => JSON.stringify(r.body));
      expect(reads.some((body) => body.includes('defaultBranchRef') && body.includes('.github/backpressure.yml'))).toBe(
        true
      );
      expect(github.fake.requests.some((r) => r.path.includes('/contents/') || r.path.includes('raise-limit'))).toBe(
        false
      );
    } finally {
      await github.close();
    }
  },

  async 'foreign-marker-ignored'() {
    const HOUR = 3_600_000;
    const at = (hoursAgo: number) => new Date(Date.now() - hoursAgo * HOUR).toISOString();
    const foreign = (id: number, hoursAgo: number) => ({
      id,
      body: `${STICKY_MARKER}\nI copied the marker. Edit me!`,
      author: 'passer-by',
      authorType: 'User' as const,
      association: 'NONE' as const,
      createdAt: at(hoursAgo)
    });
    // #8: the foreign comment is in the read window; #9: 30 later comments push it out, so only the writer's REST lookup sees it.
    const filler = Array.from({ length: 30 }, (_, i) => ({ ...foreign(9100 + i, 0.5), body: `comment ${i}` }));
    const prs = openPullRequests(10, (n) => ({
      comments: n === 8 ? [foreign(8000, 0.5)] : n === 9 ? [foreign(9000, 0.9), ...filler] : []
    }));
    const github = await faultSession(createStore({ pullRequests: prs }));
    try {
      const result = await github.run({ eventName: 'schedule', event: scheduleEvent(), inputs: INPUTS });
      expect(result.exitCode).toBe(0);
      for (const number of [8, 9]) {
        const pr = github.store.pullRequests.find((p) => p.number === number);
        const theirs = pr?.comments.find((c) => c.author === 'passer-by' && c.body.includes(STICKY_MARKER));
        expect(theirs).toMatchObject({ body: `${STICKY_MARKER}\nI copied the marker. Edit me!` });
        expect(theirs?.updatedAt).toBeUndefined();
        const ours =
          pr?.comments.filter((c) => c.author === 'github-actions[bot]' && c.body.includes(STICKY_MARKER)) ?? [];
        expect(ours).toHaveLength(1);
        expect(ours[0].body).toMatch(/waiting/i);
      }
      // The next run finds its own comments and has nothing to do.
      expect((await github.run({ eventName: 'schedule', event: scheduleEvent(), inputs: INPUTS })).writes).toBe(0);
    } finally {
      await github.close();
    }
  },

  async 'missing-permission-one-warning'() {
    const github = await faultSession(createStore({ pullRequests: openPullRequests(10) }));
    try {
      const result = await github.run({
        eventName: 'schedule',
        event: scheduleEvent(),
        inputs: INPUTS,
        token: READ_TOKEN
      });
      expect(result.exitCode).toBe(0);
      expect(result.errors).toEqual([]);
      expect(result.warnings).toHaveLength(1);
      expect(result.warnings[0]).toMatch(/"issues: write".*"pull-requests: write".*"statuses: write"/);
      expect(github.store.pullRequests.every((pr) => pr.labels.length === 0 && pr.comments.length === 0)).toBe(true);
    } finally {
      await github.close();
    }
  }
};

test('every security row in the catalogue has a check here', () => {
  expect(Object.keys(CHECKS).sort()).toEqual(SECURITY_ROWS.map((row) => row.id).sort());
});

test.each(SECURITY_ROWS.map((row) => [row.id, row.scenario] as const))('%s: %s', async (id) => {
  await CHECKS[id]();
});
