import type { StaleDecision, WriteOp } from '../../src/core/types.js';
import { actionOutputs } from '../../src/report/outputs.js';
import { decision, dryRun, execution, plan } from './fixtures.js';

const mark: StaleDecision = { whoseMove: 'author', reason: 'merge conflict', lastActivity: '2026-10-01T00:00:00Z', idleDays: 50, action: 'mark', neglected: false };
const violation = { rule: 'inputs', budget: 'max-changed-lines' as const, reason: '1,200 changed lines; the limit is 1,000' };
const decisions = [
  decision(3, 'admitted', { position: 1 }),
  decision(1, 'admitted', { position: 2, stale: mark }),
  decision(5, 'waiting', { position: 3, stale: mark }),
  decision(4, 'violation', { violations: [violation] }),
  decision(9, 'exempt', { exemptReason: 'draft' })
];
const writes: WriteOp[] = [
  { kind: 'status', number: 5, sha: 'sha5', state: 'failure', description: 'Waiting' },
  { kind: 'add-label', number: 5, label: 'backpressure: waiting' },
  { kind: 'sticky-comment', number: 5, body: 'a long comment body' },
  { kind: 'comment', number: 1, body: 'stale', purpose: 'stale', unit: 'stale #1' },
  { kind: 'add-label', number: 1, label: 'stale', unit: 'stale #1' },
  { kind: 'comment', number: 5, body: 'stale', purpose: 'stale', unit: 'stale #5' },
  { kind: 'add-label', number: 5, label: 'stale', unit: 'stale #5' },
  { kind: 'comment', number: 4, body: 'closing', purpose: 'close' },
  { kind: 'close', number: 4, reason: 'violation' }
];

describe('actionOutputs', () => {
  test('a sweep: queue arrays in queue order, violations, staled and closed as applied', () => {
    // The budget ran out before #5's stale label: #5 was not marked.
    const applied = writes.filter((op) => !(op.kind === 'add-label' && op.number === 5 && op.label === 'stale'));
    const outputs = actionOutputs(plan(decisions, { writes, wipLimit: 2 }), execution({ applied }));
    expect(outputs).not.toHaveProperty('result');
    expect(outputs).not.toHaveProperty('position');
    expect(outputs['queue-size']).toBe('4');
    expect(outputs['wip-limit']).toBe('2');
    expect(JSON.parse(outputs.admitted!)).toEqual([3, 1]);
    expect(JSON.parse(outputs.waiting!)).toEqual([5]);
    expect(JSON.parse(outputs.violations!)).toEqual([{ number: 4, ...violation }]);
    expect(JSON.parse(outputs.staled!)).toEqual([1]);
    expect(JSON.parse(outputs.closed!)).toEqual([4]);
  });

  test('a dry-run reports what it would have staled and closed', () => {
    const outputs = actionOutputs(plan(decisions, { writes }), dryRun(writes));
    expect(JSON.parse(outputs.staled!)).toEqual([1, 5]);
    expect(JSON.parse(outputs.closed!)).toEqual([4]);
  });

  test('nothing applied: nothing staled or closed', () => {
    const outputs = actionOutputs(plan(decisions, { writes }), execution({ notApplied: writes.map((op) => ({ op, why: 'read-only token' })) }));
    expect(JSON.parse(outputs.staled!)).toEqual([]);
    expect(JSON.parse(outputs.closed!)).toEqual([]);
  });

  test.each([
    ['waiting', 7, '7'],
    ['admitted', 2, '2'],
    ['violation', undefined, '']
  ] as const)('a gate whose PR is %s sets result and position', (state, position, shown) => {
    const subject = decision(12, state, position === undefined ? {} : { position });
    const outputs = actionOutputs(plan([subject], { mode: 'gate', subject, queueSize: 30 }), execution());
    expect(outputs.result).toBe(state);
    expect(outputs.position).toBe(shown);
    expect(outputs['queue-size']).toBe('30');
  });

  test('the plan output is compact JSON: decisions as tuples, writes without comment bodies', () => {
    const adaptive = { mergedInWindow: 42, windowDays: 28, perDay: 1.5, targetReviewDays: 7, raw: 11, min: 10, max: null, limit: 11 };
    const outputs = actionOutputs(plan(decisions, { writes, wipLimit: 11, adaptive, deferredCloses: [8] }), execution());
    const parsed = JSON.parse(outputs.plan!);
    expect(parsed).toMatchObject({ mode: 'sweep', wipLimit: 11, queueSize: 4, adaptive, deferredCloses: [8] });
    expect(parsed.decisions).toEqual([
      [3, 'admitted', 1, 'admitted #3'],
      [1, 'admitted', 2, 'admitted #1'],
      [5, 'waiting', 3, 'waiting #5'],
      [4, 'violation', null, 'violation #4'],
      [9, 'exempt', null, 'exempt #9']
    ]);
    expect(parsed.writes[2]).toEqual({ kind: 'sticky-comment', number: 5, bodyLength: 19 });
    expect(outputs.plan).not.toContain('a long comment body');
    expect(outputs.plan).not.toContain('\n');
  });

  test('every value is a string', () => {
    const outputs = actionOutputs(plan(decisions, { writes }), execution());
    for (const value of Object.values(outputs)) expect(typeof value).toBe('string');
  });
});
