// The step's outputs (spec §7), all strings: later steps read the result,
// the queue and what was done without parsing the summary.
import type { ExecutionReport, Plan, WriteOp } from '../core/types.js';

/** The writes that took effect; in a dry-run, the ones that would have. */
export function writesTaken(plan: Plan, execution: ExecutionReport): WriteOp[] {
  return execution.dryRun ? plan.writes : execution.applied;
}

/**
 * PRs the run marked stale: every write of the mark (its comment and its
 * label, as far as either was missing) took effect.
 */
export function staledNumbers(plan: Plan, taken: WriteOp[]): number[] {
  const markOps = (number: number) => plan.writes.filter((op) => op.unit === `stale #${number}`);
  return plan.decisions
    .filter((d) => d.stale?.action === 'mark')
    .map((d) => d.number)
    .filter((number) => {
      const planned = markOps(number);
      return planned.length > 0 && planned.every((op) => taken.includes(op));
    });
}

export function closedNumbers(taken: WriteOp[]): number[] {
  return taken.flatMap((op) => (op.kind === 'close' ? [op.number] : []));
}

/** A write without its comment body: the plan output stays small enough for a step output. */
function compactWrite(op: WriteOp): Record<string, unknown> {
  if (op.kind === 'sticky-comment' || op.kind === 'comment') {
    const { body, ...rest } = op;
    return { ...rest, bodyLength: body.length };
  }
  return op;
}

export function actionOutputs(plan: Plan, execution: ExecutionReport): Record<string, string> {
  const numbersIn = (state: string) => plan.decisions.filter((d) => d.state === state).map((d) => d.number);
  const taken = writesTaken(plan, execution);
  const outputs: Record<string, string> = {};
  // `result` and `position` describe the triggering PR: only a gate has one.
  if (plan.subject) {
    outputs.result = plan.subject.state;
    outputs.position = plan.subject.position === undefined ? '' : String(plan.subject.position);
  }
  return {
    ...outputs,
    'queue-size': String(plan.queueSize),
    'wip-limit': String(plan.wipLimit),
    admitted: JSON.stringify(numbersIn('admitted')),
    waiting: JSON.stringify(numbersIn('waiting')),
    violations: JSON.stringify(plan.decisions.flatMap((d) => d.violations.map((v) => ({ number: d.number, rule: v.rule, budget: v.budget, reason: v.reason })))),
    staled: JSON.stringify(staledNumbers(plan, taken)),
    closed: JSON.stringify(closedNumbers(taken)),
    plan: JSON.stringify({
      mode: plan.mode,
      wipLimit: plan.wipLimit,
      ...(plan.adaptive ? { adaptive: plan.adaptive } : {}),
      queueSize: plan.queueSize,
      // [number, state, position (null when not in line), summary], in queue order.
      decisions: plan.decisions.map((d) => [d.number, d.state, d.position ?? null, d.summary]),
      writes: plan.writes.map(compactWrite),
      deferredCloses: plan.deferredCloses
    })
  };
}
