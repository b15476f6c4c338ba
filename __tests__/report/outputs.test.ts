import type { StaleDecision, WriteOp } from '../../src/core/types.js';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { actionOutputs, fullPlan } from '../../src/report/outputs.js';
import { writePlanFile } from '../../src/report/plan-file.js';
import { ADAPTIVE, decision, dryRun, execution, plan } from './fixtures.js';

const mark: StaleDecision = {
  whoseMove: 'author',
  reason: 'merge conflict',
  lastActivity: '2026-10-01T00:00:00Z',
  idleDays: 50,
  action: 'mark',
  neglected: false
};
const violation = {
  rule: 'inputs',
  budget: 'max-changed-lines' as const,
  reason: '1,200 changed lines; the limit is 1,000'
};
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
    const outputs = actionOutputs(
      plan(decisions, { writes }),
      execution({ notApplied: writes.map((op) => ({ op, why: 'read-only token' })) })
    );
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
    const outputs = actionOutputs(
      plan(decisions, { writes, wipLimit: 11, adaptive: ADAPTIVE, deferredCloses: [8] }),
      execution()
    );
    const parsed = JSON.parse(outputs.plan!);
    expect(parsed).toMatchObject({
      mode: 'sweep',
      wipLimit: 11,
      queueSize: 4,
      adaptive: ADAPTIVE,
      deferredCloses: [8]
    });
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

describe("outputs at 10,000 open PRs stay under GitHub's 1 MB", () => {
  const MB = 1_000_000;
  const reason =
    'author-with-a-long-login has more than 3 open PRs and this is one of the newest; the limit is 3 per author';
  const many = Array.from({ length: 10_000 }, (_, i) =>
    i % 2 === 0
      ? decision(i + 1, 'waiting', {
          position: i + 1,
          summary: `Waiting: position ${i + 1}, ${i} PRs ahead beyond the limit of 50`
        })
      : decision(i + 1, 'violation', {
          violations: [{ ...violation, budget: 'max-open-per-author', reason }],
          summary: `Violation: ${reason}`
        })
  );
  const manyWrites: WriteOp[] = many.flatMap((d) => [
    { kind: 'status', number: d.number, sha: `sha${d.number}`, state: 'failure', description: d.summary },
    { kind: 'add-label', number: d.number, label: 'backpressure: waiting' }
  ]);
  const big = plan(many, { writes: manyWrites, queueSize: 10_000 });

  test('each output, and all of them together, under 1 MB; plan.omitted counts what was left out', () => {
    const outputs = actionOutputs(big, dryRun(manyWrites), '/tmp/runner/pr-backpressure-x/plan.json');
    const sizes = Object.values(outputs).map((value) => Buffer.byteLength(value));
    for (const size of sizes) expect(size).toBeLessThan(MB);
    expect(sizes.reduce((a, b) => a + b, 0)).toBeLessThan(MB);

    const parsed = JSON.parse(outputs.plan!);
    const waiting = JSON.parse(outputs.waiting!) as number[];
    const violations = JSON.parse(outputs.violations!) as { number: number }[];
    // The first entries in queue order, and counts that add up to the whole.
    expect(waiting.slice(0, 3)).toEqual([1, 3, 5]);
    expect(waiting.length + (parsed.omitted.waiting ?? 0)).toBe(5_000);
    expect(violations[0].number).toBe(2);
    expect(violations.length + parsed.omitted.violations).toBe(5_000);
    expect(parsed.omitted.violations).toBeGreaterThan(0);
    expect(parsed.decisions.length + parsed.omitted.decisions).toBe(10_000);
    expect(parsed.writes.length + parsed.omitted.writes).toBe(20_000);
    expect(parsed.file).toBe('/tmp/runner/pr-backpressure-x/plan.json');
    expect(outputs['plan-file']).toBe('/tmp/runner/pr-backpressure-x/plan.json');
  });

  test('a small plan leaves nothing out and has no omitted key', () => {
    const parsed = JSON.parse(actionOutputs(plan(decisions, { writes }), execution()).plan!);
    expect(parsed).not.toHaveProperty('omitted');
  });

  test('the plan file holds every decision, write and violation', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-file-test-'));
    try {
      const file = writePlanFile(big, { RUNNER_TEMP: dir });
      expect(file.startsWith(dir)).toBe(true);
      const whole = JSON.parse(fs.readFileSync(file, 'utf8'));
      expect(whole.decisions).toHaveLength(10_000);
      expect(whole.writes).toHaveLength(20_000);
      expect(whole.violations).toHaveLength(5_000);
      expect(whole.violations[4_999]).toEqual({
        number: 10_000,
        rule: 'inputs',
        budget: 'max-open-per-author',
        reason
      });
      // Written piece by piece, it is still exactly the plan as one JSON document.
      expect(fs.readFileSync(file, 'utf8')).toBe(JSON.stringify(fullPlan(big)));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
