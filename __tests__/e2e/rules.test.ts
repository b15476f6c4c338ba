// Issue 4 end to end: per-author caps, the config file from the default
// branch, a malformed file, and closing within its budget.
import { pullRequestEvent, scheduleEvent } from '../../test-support/events.js';
import { createStore } from '../../test-support/fake-github/store.js';
import { openPullRequests, session } from './harness.js';

describe('max-open-per-author 3 and an author with 5 open PRs', () => {
  test('the newest 2 fail as violations; the oldest 3 are judged by the queue', async () => {
    const prs = openPullRequests(10, (n) => ({ author: n % 2 === 0 ? 'prolific' : `author${n}` }));
    const github = await session(createStore({ pullRequests: prs }));
    try {
      const inputs = { 'wip-limit': '4', 'max-open-per-author': '3' };
      const sweep = await github.run({ eventName: 'schedule', event: scheduleEvent(), inputs });
      expect(sweep.exitCode).toBe(0);
      expect(JSON.parse(sweep.outputs.violations).map((v: { number: number }) => v.number)).toEqual([8, 10]);
      expect(github.status(8)?.description).toBe(
        'Violation: prolific has more than 3 open PRs and this is one of the newest; the limit is 3 per author'
      );
      expect(github.store.pullRequests.find((p) => p.number === 10)?.labels).toEqual(['backpressure: violation']);
      // The oldest 3 take their place in line: 1, 2, 3, 4 admitted; 5, 6, 7, 9 waiting.
      expect([1, 2, 3, 4].map((n) => github.status(n)?.state)).toEqual(['success', 'success', 'success', 'success']);
      expect(github.status(6)?.description).toBe('Waiting: position 6, 2 PRs ahead beyond the limit of 4');

      const gate = await github.run({
        eventName: 'pull_request',
        event: pullRequestEvent(github.store, 10, 'synchronize'),
        inputs
      });
      expect(gate.exitCode).toBe(0);
      expect(gate.outputs.result).toBe('violation');
      const waiting = await github.run({
        eventName: 'pull_request',
        event: pullRequestEvent(github.store, 9, 'synchronize'),
        inputs
      });
      expect(waiting.notices).toEqual(['Waiting: position 8, 4 PRs ahead beyond the limit of 4']);
    } finally {
      await github.close();
    }
  });
});

describe('the config file', () => {
  test('is read from the default branch: a PR cannot raise its own limits', async () => {
    const prs = openPullRequests(5, (n) =>
      n === 5 ? { files: ['.github/backpressure.yml'], title: 'Raise my limit' } : {}
    );
    const store = createStore({
      pullRequests: prs,
      repository: { files: { '.github/backpressure.yml': 'wip-limit: 2\n' } }
    });
    const github = await session(store);
    try {
      const result = await github.run({
        eventName: 'pull_request',
        event: pullRequestEvent(store, 5, 'opened'),
        inputs: {}
      });
      expect(result.exitCode).toBe(0);
      expect(result.notices).toContain('Waiting: position 5, 3 PRs ahead beyond the limit of 2');
    } finally {
      await github.close();
    }
  });

  test('an input that is set wins over the file', async () => {
    const store = createStore({
      pullRequests: openPullRequests(5),
      repository: { files: { '.github/backpressure.yml': 'wip-limit: 2\n' } }
    });
    const github = await session(store);
    try {
      const result = await github.run({
        eventName: 'pull_request',
        event: pullRequestEvent(store, 5, 'opened'),
        inputs: { 'wip-limit': '10' }
      });
      expect(result.exitCode).toBe(0);
      expect(result.outputs['wip-limit']).toBe('10');
    } finally {
      await github.close();
    }
  });

  test('a malformed file fails with the key, line and column, and writes nothing', async () => {
    const file = ['wip-limit: 20', 'rules:', '  - name: huge', '    max-changed-lines: lots', ''].join('\n');
    const store = createStore({
      pullRequests: openPullRequests(3),
      repository: { files: { '.github/backpressure.yml': file } }
    });
    const github = await session(store);
    try {
      const result = await github.run({ eventName: 'schedule', event: scheduleEvent(), inputs: {} });
      expect(result.exitCode).toBe(1);
      expect(result.errors.join('\n')).toMatch(
        /\.github\/backpressure\.yml:4:\d+: rules\[0\]\.max-changed-lines is "lots"/
      );
      expect(result.writes).toBe(0);
    } finally {
      await github.close();
    }
  });
});

describe('on-violation close', () => {
  test('closes at most max-closes-per-run PRs, never a maintainer’s, each with a comment', async () => {
    const prs = openPullRequests(6, (n) => ({
      additions: 5000,
      authorAssociation: n === 1 ? 'MEMBER' : 'CONTRIBUTOR'
    }));
    const github = await session(createStore({ pullRequests: prs }));
    try {
      const inputs = {
        'max-changed-lines': '1000',
        'on-violation': 'close',
        'max-closes-per-run': '3',
        'author-limit-associations': 'MEMBER,CONTRIBUTOR'
      };
      const result = await github.run({ eventName: 'schedule', event: scheduleEvent(), inputs });
      expect(result.exitCode).toBe(0);
      const closed = github.store.pullRequests.filter((p) => p.state === 'CLOSED').map((p) => p.number);
      expect(closed).toEqual([2, 3, 4]);
      expect(JSON.parse(result.outputs.closed)).toEqual([2, 3, 4]);
      expect(github.store.pullRequests.find((p) => p.number === 2)?.comments[0].body).toContain(
        '5,002 changed lines; the limit is 1,000'
      );
      expect(result.warnings.join('\n')).toContain('max-closes-per-run');
      const maintainers = github.store.pullRequests.find((p) => p.number === 1);
      expect(maintainers).toMatchObject({ state: 'OPEN', labels: ['backpressure: violation'] });
    } finally {
      await github.close();
    }
  });
});

describe('globs on text any contributor chooses', () => {
  test('a login glob of 25 stars and a path rule on crafted file names decide at once', async () => {
    // With a regex per glob, `*************************zz` against a 39-letter
    // login backtracks for hours; the PR files are names a fork can pick.
    const login = 'a'.repeat(37);
    const prs = openPullRequests(6, (n) => ({
      author: n === 6 ? `${login}zz` : `${login}${n}`,
      files: [`${'a.'.repeat(2000)}x`, `src/${'a'.repeat(3000)}b`]
    }));
    const file = 'rules:\n  - name: src\n    match: { paths: ["src/*a*c", "**/*.x"] }\n    max-open: 1\n';
    const github = await session(
      createStore({ pullRequests: prs, repository: { files: { '.github/backpressure.yml': file } } })
    );
    try {
      const sweep = await github.run({
        eventName: 'schedule',
        event: scheduleEvent(),
        inputs: { 'wip-limit': '3', 'exempt-authors': `${'*'.repeat(25)}zz` }
      });
      expect(sweep.exitCode).toBe(0);
      expect(sweep.errors).toEqual([]);
      // #6's author ends in zz: exempt. Every other PR has a file matching **/*.x, so the area cap of 1 admits only #1.
      expect(github.status(6)?.description).toBe('Exempt author: not counted');
      expect(JSON.parse(sweep.outputs.admitted)).toEqual([1]);
      expect(JSON.parse(sweep.outputs.waiting)).toEqual([2, 3, 4, 5]);
    } finally {
      await github.close();
    }
  });
});
