// The status is the check (README "Require the `backpressure` status"): a
// gate's job fails for its PR's decision only when the user opts in or when
// the failure status that carries the decision was not written.
import { buildConfig } from '../../src/config/load.js';
import { jobFailure } from '../../src/core/feedback.js';
import type { WriteOp } from '../../src/core/types.js';
import { decision, execution } from '../report/fixtures.js';

const config = buildConfig({});
const optedIn = buildConfig({ 'fail-job': 'true' });
const waiting = decision(7, 'waiting', { summary: 'Waiting: position 7, 2 PRs ahead beyond the limit of 5' });
const status: WriteOp = { kind: 'status', number: 7, sha: 'abc', state: 'failure', description: waiting.summary };

test('by default a waiting PR or a violation does not fail the job: its written failure status carries it', () => {
  expect(jobFailure(waiting, execution({ applied: [status] }), config)).toBeUndefined();
  expect(jobFailure(decision(8, 'violation'), execution(), config)).toBeUndefined();
});

test('fail-job: true fails the job with the decision line', () => {
  expect(jobFailure(waiting, execution({ applied: [status] }), optedIn)).toBe(waiting.summary);
});

test('a failure status that could not be written fails the job, saying why', () => {
  const readOnly = execution({ notApplied: [{ op: status, why: 'the token cannot write (statuses: write needed)' }] });
  expect(jobFailure(waiting, readOnly, config)).toBe(
    'Waiting: position 7, 2 PRs ahead beyond the limit of 5 (the "backpressure" status could not be written: ' +
      'the token cannot write (statuses: write needed); the failed job says it instead)'
  );
});

test("another PR's unwritten status, a dry run, a success status and sweeps never fail the job for a decision", () => {
  const other = { ...status, number: 9 };
  expect(jobFailure(waiting, execution({ notApplied: [{ op: other, why: 'budget' }] }), config)).toBeUndefined();
  const dry = execution({ dryRun: true, notApplied: [{ op: status, why: 'dry-run' }] });
  expect(jobFailure(waiting, dry, config)).toBeUndefined();
  // on-waiting without fail: the status is success, so even fail-job passes.
  expect(jobFailure({ ...waiting, feedback: ['label'] }, execution(), optedIn)).toBeUndefined();
  expect(jobFailure(decision(3, 'admitted'), execution(), optedIn)).toBeUndefined();
  expect(jobFailure(undefined, execution(), optedIn)).toBeUndefined();
});
