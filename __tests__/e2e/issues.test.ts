// Issue 19 end to end: require-issue and one-pr-per-issue on the bundled
// action, with issues linked by `Fixes #N` in the fake GitHub.
import { closedEvent, pullRequestEvent, scheduleEvent } from '../../test-support/events.js';
import { createStore, makeIssue } from '../../test-support/fake-github/store.js';
import { markdownToTerminal } from '../../src/report/terminal.js';
import { installed, openPullRequests, session, type Run, type Session } from './harness.js';

const gate = (github: Session, number: number, inputs: Record<string, string>) =>
  github.run({ eventName: 'pull_request', event: pullRequestEvent(github.store, number, 'synchronize'), inputs });

/**
 * A gate decides in two reads whatever it judges: the PR with its issues, then
 * the search counts (which also look up the action's labels). The writer's own
 * REST reads come on top: the PR's comments before it posts the sticky comment.
 */
function expectTwoReads(run: Run, writerReads = 0): void {
  expect([run.graphql, run.restReads]).toEqual([2, writerReads]);
}

describe('require-issue: assigned, with issue-labels accepted', () => {
  const inputs = { 'wip-limit': '10', 'require-issue': 'assigned', 'issue-labels': 'accepted' };
  let github: Session;
  beforeAll(async () => {
    const bodies: Record<number, string> = { 1: 'A quick fix.', 2: 'Fixes #101', 3: 'Fixes #102', 4: 'Closes #103' };
    github = await session(
      createStore({
        issues: [
          makeIssue({ number: 101, assignees: ['bob'], labels: ['accepted'] }),
          makeIssue({ number: 102, assignees: ['ann'], labels: ['bug'] }),
          makeIssue({ number: 103, assignees: ['Ann'], labels: ['Accepted'] })
        ],
        pullRequests: openPullRequests(4, (n) => ({ author: 'ann', body: bodies[n] }))
      })
    );
    await installed(github, inputs);
  });
  afterAll(() => github.close());

  test.each([
    [1, 'Violation: link an issue with `Fixes #N`'],
    [2, 'Violation: #101 is not assigned to you: ask in the issue'],
    [3, 'Violation: #102 has no accepted label']
  ])('PR #%i gets a failure status: "%s"', async (number, line) => {
    const run = await gate(github, number, inputs);
    expect(run.exitCode).toBe(0);
    expect(run.notices).toEqual([line]);
    expect(github.status(number)).toMatchObject({ state: 'failure', description: line });
    expect(github.store.pullRequests.find((p) => p.number === number)?.labels).toEqual(['backpressure: violation']);
    expectTwoReads(run);
  });

  test('PR #4 closes an accepted issue assigned to its author: admitted, and the PRs in violation take no place ahead of it', async () => {
    const run = await gate(github, 4, inputs);
    expect(run.exitCode).toBe(0);
    expect(github.status(4)).toMatchObject({ state: 'success', description: 'Admitted: position 1 of 4 (limit 10)' });
    expectTwoReads(run);
  });

  test('the sweep reaches the same decisions and writes nothing more', async () => {
    const run = await github.run({ eventName: 'schedule', event: scheduleEvent(), inputs });
    expect(run.exitCode).toBe(0);
    expect(run.writes).toBe(0);
    expect(JSON.parse(run.outputs.violations).map((v: { number: number }) => v.number)).toEqual([1, 2, 3]);
    expect(markdownToTerminal(run.summary)).toContain('#102 has no accepted label');
  });
});

describe('one-pr-per-issue: three PRs race for issue #7', () => {
  const inputs = { 'wip-limit': '10', 'one-pr-per-issue': 'true', 'on-violation': 'fail,comment' };
  let github: Session;
  // Opened one after another, each judged by its own gate as it opens.
  const prs = openPullRequests(4, (n) => ({ body: n === 4 ? 'Docs only.' : `Fixes #7 in my own way (${n})` }));
  beforeAll(async () => {
    github = await session(createStore({ issues: [makeIssue({ number: 7 })] }));
    await installed(github, inputs);
  });
  afterAll(() => github.close());
  const open = (number: number) => {
    github.store.pullRequests.push(prs[number - 1]);
    return github.run({ eventName: 'pull_request', event: pullRequestEvent(github.store, number, 'opened'), inputs });
  };

  test('the first in line holds the issue; the others are duplicates whose comment links the holder', async () => {
    const first = await open(1);
    expect(first.exitCode).toBe(0);
    expect(github.status(1)).toMatchObject({ state: 'success', description: 'Admitted: position 1 of 1 (limit 10)' });
    expectTwoReads(first);
    for (const number of [2, 3]) {
      const run = await open(number);
      expect(run.exitCode).toBe(0);
      expect(run.notices).toEqual(['Violation: duplicate of #1: work together there']);
      expectTwoReads(run, 2);
    }
    const comment = github.store.pullRequests.find((p) => p.number === 3)?.comments[0].body ?? '';
    expect(comment).toContain('\n- #1 holds #7.\n');
    expect(comment).toContain('work together there (review it, suggest your changes)');
    const docs = await open(4);
    expect(docs.exitCode).toBe(0);
    expect(github.status(4)).toMatchObject({ state: 'success', description: 'Admitted: position 2 of 4 (limit 10)' });
    expectTwoReads(docs);
  });

  test('the sweep agrees and lists the issue with its holder', async () => {
    const run = await github.run({ eventName: 'schedule', event: scheduleEvent(), inputs });
    expect(run.writes).toBe(0);
    const summary = markdownToTerminal(run.summary);
    expect(summary).toContain('Issues with more than one open PR (1)');
    expect(run.summary).toContain(
      '| [#7](https://github.com/acme/widgets/issues/7) | [#1](https://github.com/acme/widgets/pull/1) | ' +
        '[#2](https://github.com/acme/widgets/pull/2), [#3](https://github.com/acme/widgets/pull/3) |'
    );
  });

  test('after the holder merges, its closed event turns the next PR green and points the third at it', async () => {
    const holder = github.store.pullRequests.find((p) => p.number === 1)!;
    const now = new Date().toISOString();
    Object.assign(holder, { state: 'MERGED', mergedAt: now, closedAt: now });
    github.store.issues[0].state = 'CLOSED';
    const run = await github.run({ eventName: 'pull_request', event: closedEvent(github.store, 1), inputs });
    expect(run.exitCode).toBe(0);
    expect(github.status(2)).toMatchObject({ state: 'success', description: 'Admitted: position 1 of 3 (limit 10)' });
    expect(github.store.pullRequests.find((p) => p.number === 2)?.labels).toEqual(['backpressure: admitted']);
    expect(github.store.pullRequests.find((p) => p.number === 2)?.comments[0].body).toContain(
      'Admitted to the review queue'
    );
    expect(github.status(3)).toMatchObject({
      state: 'failure',
      description: 'Violation: duplicate of #2: work together there'
    });
    expect(github.store.pullRequests.find((p) => p.number === 3)?.comments[0].body).toContain('\n- #2 holds #7.\n');
    // #4 stays admitted and untouched: #2's violation label off and admitted-label on, 2 statuses, 2 comments edited.
    expect(run.writes).toBe(6);
  });
});

describe('the recipe "agents may only work on assigned issues"', () => {
  const file = [
    'agent-labels: ai-generated',
    'rules:',
    '  - name: agents on assigned issues',
    '    match: { agents: true }',
    '    require-issue: assigned',
    ''
  ].join('\n');
  let github: Session;
  beforeAll(async () => {
    const fields: Record<number, object> = {
      1: { labels: ['ai-generated'], body: 'Fixes #201' },
      2: { labels: ['ai-generated'], body: 'Fixes #202' },
      3: { body: 'A human fix without an issue.' }
    };
    github = await session(
      createStore({
        repository: { files: { '.github/backpressure.yml': file } },
        issues: [
          makeIssue({ number: 201, assignees: ['author1'] }),
          makeIssue({ number: 202, assignees: ['maintainer'] })
        ],
        pullRequests: openPullRequests(3, (n) => fields[n])
      })
    );
    await installed(github);
  });
  afterAll(() => github.close());

  test.each([
    [1, 0, 'success', 'Admitted: position 1 of 3 (limit 50)'],
    [2, 0, 'failure', 'Violation: #202 is not assigned to you: ask in the issue'],
    [3, 0, 'success', 'Admitted: position 2 of 3 (limit 50)']
  ])('PR #%i: exit %i, %s "%s"', async (number, exitCode, state, description) => {
    const run = await gate(github, number, {});
    expect(run.exitCode).toBe(exitCode);
    expect(github.status(number)).toMatchObject({ state, description });
    expectTwoReads(run);
  });
});

describe('one-pr-per-issue with more open PRs on an issue than a gate reads', () => {
  const inputs = { 'wip-limit': '20', 'one-pr-per-issue': 'true' };
  let github: Session;
  beforeAll(async () => {
    github = await session(
      createStore({
        issues: [makeIssue({ number: 7 })],
        pullRequests: openPullRequests(12, () => ({ body: 'Fixes #7' }))
      })
    );
    // A sweep has judged them all (a gate then trusts the labels of the issue's other PRs).
    await github.run({ eventName: 'schedule', event: scheduleEvent(), inputs });
  });
  afterAll(() => github.close());

  test('a PR that one of those read comes before is a duplicate from the gate read alone', async () => {
    const run = await gate(github, 12, inputs);
    expect(run.notices).toEqual(['Violation: duplicate of #1: work together there']);
    expect(run.stdout).not.toContain('Reading the whole queue');
    expectTwoReads(run);
  });

  test(
    'a PR first among those read cannot know it holds the issue: the gate reads the whole queue and decides as a sweep ' +
      'would',
    async () => {
      const run = await gate(github, 1, inputs);
      expect(run.exitCode).toBe(0);
      expect(run.stdout).toContain(
        'Reading the whole queue for this gate: an issue this PR closes has more open PRs than the gate read'
      );
      expect(github.status(1)).toMatchObject({
        state: 'success',
        description: 'Admitted: position 1 of 12 (limit 20)'
      });
    }
  );
});
