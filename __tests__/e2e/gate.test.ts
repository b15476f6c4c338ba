// Issue 2 end to end: the bundled action judges one PR against a queue of 120.
import { pullRequestEvent } from '../../test-support/events.js';
import { createStore, READ_TOKEN } from '../../test-support/fake-github/store.js';
import { markdownToTerminal } from '../../src/report/terminal.js';
import { installed, openPullRequests, session, type Session } from './harness.js';

describe('gate on pull_request with wip-limit 50 and 120 open PRs', () => {
  let github: Session;
  beforeAll(async () => {
    const prs = openPullRequests(125, (n) => ({
      isDraft: n === 121,
      labels: n === 122 ? ['release'] : [],
      author: n === 123 ? 'dependabot[bot]' : `author${n}`,
      authorType: n === 123 ? 'Bot' : 'User',
      baseRefName: n === 124 ? 'gh-pages' : 'main'
    }));
    github = await session(createStore({ pullRequests: prs }));
    await installed(github, inputs);
  });
  afterAll(() => github.close());

  const inputs = {
    'wip-limit': '50',
    'exempt-labels': 'release',
    'exempt-authors': 'dependabot[bot]',
    'base-branches': 'main'
  };
  const gate = (number: number, extra: Record<string, string> = {}, token?: string) =>
    github.run({
      eventName: 'pull_request',
      event: pullRequestEvent(github.store, number, 'synchronize'),
      inputs: { ...inputs, ...extra },
      token
    });

  test('a PR beyond the limit gets a failure status with one line; the job passes and shows the line as a notice', async () => {
    const result = await gate(60);
    const line = 'Waiting: position 60, 10 PRs ahead beyond the limit of 50';
    expect(result.exitCode).toBe(0);
    expect(result.errors).toEqual([]);
    expect(result.notices).toEqual([line]);
    expect(github.status(60)).toMatchObject({ state: 'failure', description: line });
    expect(result.outputs).toMatchObject({ result: 'waiting', position: '60', 'queue-size': '121', 'wip-limit': '50' });
    expect(markdownToTerminal(result.summary)).toContain(line); // as a reader sees the rendered summary
  });

  test('a PR within the limit passes and gets a success status', async () => {
    const result = await gate(10);
    expect(result.exitCode).toBe(0);
    expect(result.errors).toEqual([]);
    expect(github.status(10)).toMatchObject({
      state: 'success',
      description: 'Admitted: position 10 of 121 (limit 50)'
    });
    expect(result.outputs).toMatchObject({ result: 'admitted', position: '10' });
  });

  test.each([
    [121, 'Draft: not counted'],
    [122, 'Exempt by label: not counted'],
    [123, 'Exempt author: not counted'],
    [124, 'Base branch not governed: not counted']
  ])('PR #%i is not governed by the queue: success "%s"', async (number, description) => {
    const result = await gate(number);
    expect(result.exitCode).toBe(0);
    expect(result.outputs.result).toBe('exempt');
    expect(github.status(number)).toMatchObject({ state: 'success', description });
  });

  test('the gate costs the same few requests whatever the queue size', async () => {
    const result = await gate(100);
    expect(result.graphql).toBeLessThanOrEqual(2);
    expect(result.restReads).toBe(0);
    expect(result.writes).toBe(1);
  });

  test('a glob exemption reads the queue in pages of 100 and decides the same', async () => {
    const result = await gate(60, { 'exempt-authors': '*[bot]' });
    expect(result.notices).toEqual(['Waiting: position 60, 10 PRs ahead beyond the limit of 50']);
    expect(result.graphql).toBe(1 + 2 + 1); // the gate read, 125 open PRs in 2 pages, the history counts (merge pace)
  });

  test('a PR whose status already says the same is not written again', async () => {
    await gate(70);
    const again = await gate(70);
    expect(again.exitCode).toBe(0);
    expect(again.writes).toBe(0);
  });

  test('with a read-only token the job fails for a waiting PR: the status it could not write would have said so', async () => {
    const result = await gate(90, {}, READ_TOKEN);
    expect(result.exitCode).toBe(1);
    expect(result.errors).toEqual([
      'Waiting: position 90, 40 PRs ahead beyond the limit of 50 (the "backpressure" status could not be written: ' +
        'the token cannot write (statuses: write needed); the failed job says it instead)'
    ]);
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]).toContain('statuses: write');
    expect(result.warnings[0]).toContain('Pull requests from forks');
    expect(github.status(90)).toBeUndefined();
  });

  test('with a read-only token an admitted PR passes, and so does a waiting PR whose failure status is already there', async () => {
    const admitted = await gate(20, {}, READ_TOKEN);
    expect([admitted.exitCode, admitted.errors]).toEqual([0, []]);
    await gate(95); // a run with the write token sets the failure status
    const waiting = await gate(95, {}, READ_TOKEN);
    expect(waiting.writes).toBe(0);
    expect([waiting.exitCode, waiting.errors]).toEqual([0, []]);
    expect(waiting.notices).toEqual(['Waiting: position 95, 45 PRs ahead beyond the limit of 50']);
  });

  test('fail-job: true fails the job for a waiting PR too, with the same status', async () => {
    const result = await gate(80, { 'fail-job': 'true' });
    const line = 'Waiting: position 80, 30 PRs ahead beyond the limit of 50';
    expect(result.exitCode).toBe(1);
    expect(result.errors).toEqual([line]);
    expect(github.status(80)).toMatchObject({ state: 'failure', description: line });
    const admitted = await gate(30, { 'fail-job': 'true' });
    expect(admitted.exitCode).toBe(0);
  });

  test('fail-job with on-waiting label only: the status is success, so the job passes', async () => {
    const result = await gate(85, { 'fail-job': 'true', 'on-waiting': 'label' });
    expect(result.exitCode).toBe(0);
    expect(github.status(85)).toMatchObject({ state: 'success' });
  });

  test.each([
    ['wip-limit', 'fifty', 'Input "wip-limit" is "fifty"'],
    ['on-waiting', 'explode', 'Input "on-waiting"'],
    ['max-opened-per-author', '5/week', 'Input "max-opened-per-author" is "5/week"']
  ])('bad input %s=%s fails with a clear error before any request', async (name, value, message) => {
    const result = await gate(10, { [name]: value });
    expect(result.exitCode).toBe(1);
    expect(result.errors.join('\n')).toContain(message);
    expect(result.stderr + result.stdout).not.toMatch(/\n\s+at /); // no stack trace
    expect(result.graphql + result.restReads + result.writes).toBe(0);
  });
});

describe('an input that overrides the config file', () => {
  test('is named in one notice, and the summary lists every setting with its source', async () => {
    const github = await session(
      createStore({
        pullRequests: openPullRequests(8),
        repository: { files: { '.github/backpressure.yml': 'wip-limit: 5\nstale-days: 30\n' } }
      })
    );
    await installed(github, { 'wip-limit': '10' });
    try {
      const run = (inputs: Record<string, string>) =>
        github.run({ eventName: 'pull_request', event: pullRequestEvent(github.store, 7, 'synchronize'), inputs });
      const overridden = await run({ 'wip-limit': '10' });
      expect(overridden.outputs.result).toBe('admitted');
      expect(overridden.notices).toEqual([
        'An input overrides .github/backpressure.yml: wip-limit (input 10, file 5). ' +
          "An input that is set wins over the file: remove it from the workflow's with: to use the file's value."
      ]);
      expect(overridden.summary).toContain('| `wip-limit` | 10 | input (the file says 5) |');
      expect(overridden.summary).toContain('| `stale-days` | 30 | file |');
      // The file's lower limit: #7 keeps the seat it was given (no pre-emption); a PR behind it waits.
      const fromFile = await run({});
      expect(fromFile.outputs.result).toBe('admitted');
      expect(fromFile.notices).toEqual([]);
      const behind = await github.run({
        eventName: 'pull_request',
        event: pullRequestEvent(github.store, 8, 'synchronize'),
        inputs: {}
      });
      expect(behind.notices).toEqual(['Waiting: position 8, 3 PRs ahead beyond the limit of 5']);
    } finally {
      await github.close();
    }
  });
});
