// The writer's loop with a stub channel instead of GitHub: budgets, units,
// stops and what each write's fate reads like (the summary shows these lines).
import { sendWithinBudgets, type WriteChannel, type WriteOptions } from '../../src/github/writer.js';
import type { WriteOp } from '../../src/core/types.js';

const options: WriteOptions = { statusContext: 'backpressure', dryRun: false, maxWrites: 100, actor: 'github-actions' };

const status = (number: number): WriteOp => ({
  kind: 'status',
  number,
  sha: `sha${number}`,
  state: 'success',
  description: 'Admitted'
});
/** A close comment and its close: one unit. */
const close = (number: number): WriteOp[] => [
  { kind: 'comment', number, body: 'closing', purpose: 'close', unit: `close #${number}` },
  { kind: 'close', number, reason: 'stale', unit: `close #${number}` }
];

const httpError = (status: number, message: string, headers: Record<string, string> = {}) =>
  Object.assign(new Error(message), { status, response: { headers } });

/** A channel that fails the writes `fail` picks and counts what it is asked. */
function channel(
  fail: (op: WriteOp) => Error | undefined = () => undefined,
  remaining: () => number | undefined = () => 5000
): WriteChannel & { sent: WriteOp[]; asked: number } {
  const stub = {
    sent: [] as WriteOp[],
    asked: 0,
    send: async (op: WriteOp) => {
      const error = fail(op);
      if (error) throw error;
      stub.sent.push(op);
      return {};
    },
    remaining,
    askRemaining: async () => {
      stub.asked++;
    }
  };
  return stub;
}

const whys = (result: { notApplied: { op: WriteOp; why: string }[] }) =>
  result.notApplied.map(({ op, why }) => `${op.kind} #${'number' in op ? op.number : ''}: ${why}`);

test('max-writes-per-run: the writes past the budget are left for the next run, and the run does not fail', async () => {
  const stub = channel();
  const result = await sendWithinBudgets([1, 2, 3, 4].map(status), { ...options, maxWrites: 2 }, stub);
  expect(stub.sent.map((op) => op.kind === 'status' && op.number)).toEqual([1, 2]);
  expect(whys(result)).toEqual([
    'status #3: max-writes-per-run (2) reached; left for the next run',
    'status #4: max-writes-per-run (2) reached; left for the next run'
  ]);
  expect(result.warnings).toEqual([
    'Stopped writing: max-writes-per-run (2) reached. 2 writes are left for the next run.'
  ]);
  expect(result.failure).toBeUndefined();
});

test('a unit is budgeted whole: a close comment is never sent without room for its close', async () => {
  const stub = channel();
  const result = await sendWithinBudgets([status(1), ...close(2)], { ...options, maxWrites: 2 }, stub);
  expect(stub.sent.map((op) => op.kind)).toEqual(['status']);
  expect(whys(result)).toEqual([
    'comment #2: max-writes-per-run (2) reached; left for the next run',
    'close #2: max-writes-per-run (2) reached; left for the next run'
  ]);
});

test('a failed close comment keeps its close from being sent, and the run fails saying how many writes failed', async () => {
  const stub = channel((op) => (op.kind === 'comment' ? httpError(502, 'Bad Gateway') : undefined));
  const result = await sendWithinBudgets([...close(1), status(2)], options, stub);
  expect(stub.sent.map((op) => op.kind)).toEqual(['status']);
  expect(whys(result)).toEqual([
    'comment #1: GitHub failed (502) while posting the close comment on #1, even after retries; try again later.',
    'close #1: not sent: posting the close comment on #1 was not applied'
  ]);
  expect(result.failure).toBe('1 writes failed (see the warnings): 2 of 3 writes are left for the next run.');
});

test('a comment refused on a locked conversation is not applicable: no failure, and its close waits', async () => {
  const locked = httpError(403, 'Unable to create comment because issue is locked.');
  const result = await sendWithinBudgets(
    close(1),
    options,
    channel((op) => (op.kind === 'comment' ? locked : undefined))
  );
  expect(whys(result)).toEqual([
    'comment #1: not applicable: the conversation is locked, so GitHub refuses comments on it',
    'close #1: not applicable: goes with posting the close comment on #1'
  ]);
  expect(result.failure).toBeUndefined();
});

test('a read-only token stops the run at the first refusal and names every permission the rest needs', async () => {
  const stub = channel(() => httpError(403, 'Resource not accessible by integration'));
  const result = await sendWithinBudgets(
    [{ kind: 'create-label', name: 'stale', color: 'ffffff', description: '' }, status(1), ...close(2)],
    { ...options, eventName: 'pull_request' },
    stub
  );
  expect(stub.sent).toEqual([]);
  const why = 'the token cannot write (issues: write, statuses: write, pull-requests: write needed)';
  expect(result.notApplied.map((n) => n.why)).toEqual([why, why, why, why]);
  expect(result.warnings).toHaveLength(1);
  expect(result.warnings[0]).toContain(
    'Grant "issues: write", "statuses: write", "pull-requests: write" in the workflow\'s permissions'
  );
});

test('three failures in a row stop the run, which fails saying so', async () => {
  const stub = channel(() => httpError(503, 'Service Unavailable'));
  const result = await sendWithinBudgets([1, 2, 3, 4, 5].map(status), options, stub);
  expect(result.notApplied.slice(3).map((n) => n.why)).toEqual([
    'GitHub kept failing; left for the next run',
    'GitHub kept failing; left for the next run'
  ]);
  expect(result.failure).toBe('Stopped writing after 3 failures in a row: 5 of 5 writes are left for the next run.');
});

test('an exhausted rate limit stops at once (retrying is useless) and names the write it stopped at', async () => {
  const exhausted = httpError(403, 'API rate limit exceeded', {
    'x-ratelimit-remaining': '0',
    'x-ratelimit-reset': '0'
  });
  const stub = channel((op) => (op.kind === 'status' && op.number === 2 ? exhausted : undefined));
  const result = await sendWithinBudgets([1, 2, 3].map(status), options, stub);
  expect(stub.sent).toHaveLength(1);
  expect(result.failure).toMatch(
    /^GitHub's rate limit is exhausted while setting status success on #2; it resets at .*: 2 of 3 writes are left for the next run\.$/
  );
});

test('the reserve: writing stops while fewer than 100 requests are left this hour; an unknown budget is asked once', async () => {
  let left: number | undefined;
  const stub = channel(
    () => undefined,
    () => left
  );
  stub.askRemaining = async () => {
    stub.asked++;
    left = 102;
  };
  stub.send = async (op) => {
    stub.sent.push(op);
    left = (left ?? 0) - 1;
    return {};
  };
  const result = await sendWithinBudgets([1, 2, 3, 4, 5].map(status), options, stub);
  expect(stub.asked).toBe(1);
  expect(stub.sent).toHaveLength(3);
  expect(result.notApplied.map((n) => n.why)).toEqual([
    'the API rate limit is nearly used up (99 left); left for the next run',
    'the API rate limit is nearly used up (99 left); left for the next run'
  ]);
  expect(result.failure).toBeUndefined();
});
