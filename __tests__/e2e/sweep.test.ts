// Issue 3 end to end: sweep, advance, dry-run, write budget, idempotence.
import { closedEvent, scheduleEvent } from '../../test-support/events.js';
import { createStore, type FakeStore } from '../../test-support/fake-github/store.js';
import { markdownToTerminal } from '../../src/report/terminal.js';
import { openPullRequests, session, type Session } from './harness.js';

const sweepInputs = { 'wip-limit': '50', 'max-writes-per-run': '400' };
const sweep = (github: Session, inputs: Record<string, string> = {}) =>
  github.run({ eventName: 'schedule', event: scheduleEvent(), inputs: { ...sweepInputs, ...inputs } });

function statesOf(github: Session, numbers: number[]): string[] {
  return numbers.map((n) => github.status(n)?.state ?? 'none');
}

describe('sweep over 300 open PRs with wip-limit 50', () => {
  let github: Session;
  beforeAll(async () => {
    github = await session(createStore({ pullRequests: openPullRequests(300) }));
  });
  afterAll(() => github.close());
  const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

  test('sets the right status on every PR and exits 0', async () => {
    const result = await sweep(github);
    expect(result.exitCode).toBe(0);
    expect(statesOf(github, range(1, 50)).every((s) => s === 'success')).toBe(true);
    expect(statesOf(github, range(51, 300)).every((s) => s === 'failure')).toBe(true);
    expect(github.status(51)?.description).toBe('Waiting: position 51, 1 PRs ahead beyond the limit of 50');
    // The queue's state first (admitted-label on 50 PRs, created first, and the stamp), then 300 statuses.
    expect(result.writes).toBe(1 + 50 + 1 + 300);
    const admittedLabel = github.store.labels.find((l) => l.name === 'backpressure: admitted');
    expect(admittedLabel?.description).toMatch(/state [0-9a-f]{12} since \d{4}-\d{2}-\d{2}$/);
    expect(result.graphql).toBe(1 + 3 + 1); // repository, 3 pages of 100, one request of history counts
    expect(JSON.parse(result.outputs.admitted)).toEqual(range(1, 50));
    expect(JSON.parse(result.outputs.waiting)).toHaveLength(250);
  });

  test('a second sweep on the unchanged repository makes zero writes', async () => {
    const result = await sweep(github);
    expect(result.exitCode).toBe(0);
    expect(result.writes).toBe(0);
  });

  test('closing 5 admitted PRs and sending their closed events flips exactly the next 5', async () => {
    const closed = [3, 7, 11, 20, 42];
    let writes = 0;
    for (const number of closed) {
      const pr = github.store.pullRequests.find((p) => p.number === number) as FakeStore['pullRequests'][number];
      pr.state = 'CLOSED';
      pr.closedAt = new Date().toISOString();
      const result = await github.run({
        eventName: 'pull_request',
        event: closedEvent(github.store, number),
        inputs: sweepInputs
      });
      expect(result.exitCode).toBe(0);
      writes += result.writes;
    }
    // Each: the next PR in line gets the freed seat (its label) and a success status.
    expect(writes).toBe(5 * 2);
    expect(statesOf(github, range(51, 55))).toEqual(Array(5).fill('success'));
    expect(statesOf(github, range(56, 60))).toEqual(Array(5).fill('failure'));
    expect(github.status(55)?.description).toBe('Admitted: position 50 of 295 (limit 50)');
  });
});

describe('write budgets and dry-run', () => {
  let github: Session;
  beforeEach(async () => {
    github = await session(createStore({ pullRequests: openPullRequests(120) }));
  });
  afterEach(() => github.close());

  test('dry-run sends zero writes and the summary lists what would have been written', async () => {
    const result = await sweep(github, { 'dry-run': 'true' });
    expect(result.exitCode).toBe(0);
    expect(result.writes).toBe(0);
    const summary = markdownToTerminal(result.summary);
    expect(summary).toContain('Would write (172)');
    expect(summary).toContain('labels added: 50');
    expect(summary).toContain('statuses: 120');
    expect(summary).toMatch(/add label \\?"backpressure: admitted\\?" to #1(?!\d)/);
  });

  test('max-writes-per-run 10 sends at most 10 and says what is left; the next run goes on', async () => {
    const first = await sweep(github, { 'max-writes-per-run': '10' });
    expect(first.exitCode).toBe(0);
    expect(first.writes).toBe(10);
    expect(first.warnings.join('\n')).toContain('162 writes are left for the next run');
    // The stamp waits for every queue label before it.
    expect(github.store.labels.find((l) => l.name === 'backpressure: admitted')?.description).not.toMatch(/state/);
    const second = await sweep(github, { 'max-writes-per-run': '200' });
    expect(second.writes).toBe(162);
    expect(github.store.labels.find((l) => l.name === 'backpressure: admitted')?.description).toMatch(/state/);
  });
});

describe('labels and the sticky comment', () => {
  test('re-running never creates a second sticky comment or a duplicate label', async () => {
    const github = await session(createStore({ pullRequests: openPullRequests(8) }));
    try {
      const inputs = { 'wip-limit': '5', 'on-waiting': 'fail,label,comment' };
      await sweep(github, inputs);
      await sweep(github, inputs);
      const waiting = github.store.pullRequests.find((p) => p.number === 8);
      expect(waiting?.labels).toEqual(['backpressure: waiting']);
      expect(waiting?.comments.filter((c) => c.body.includes('pr-backpressure:sticky'))).toHaveLength(1);
      expect(github.store.labels.filter((l) => l.name === 'backpressure: waiting')).toHaveLength(1);

      // #1 closes: #6 is admitted, its label goes and its comment is updated in place.
      const first = github.store.pullRequests.find((p) => p.number === 1);
      if (first) first.state = 'CLOSED';
      await github.run({ eventName: 'pull_request', event: closedEvent(github.store, 1), inputs });
      const admitted = github.store.pullRequests.find((p) => p.number === 6);
      expect(admitted?.labels).toEqual(['backpressure: admitted']);
      const stickies = admitted?.comments.filter((c) => c.body.includes('pr-backpressure:sticky')) ?? [];
      expect(stickies).toHaveLength(1);
      expect(stickies[0].body).toContain('Admitted');
    } finally {
      await github.close();
    }
  });
});
