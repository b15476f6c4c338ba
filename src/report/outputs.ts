// The step's outputs (README "What people see"), all strings: later steps read the result,
// the queue and what was done without parsing the summary.
import { staleMarkUnit } from '../core/writes.js';
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
  const markWrites = (number: number) => plan.writes.filter((op) => op.unit === staleMarkUnit(number));
  return plan.decisions
    .filter((d) => d.stale?.action === 'mark')
    .map((d) => d.number)
    .filter((number) => {
      const planned = markWrites(number);
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

/**
 * Bytes each JSON list may take in the outputs. GitHub refuses step outputs
 * over 1 MB; these add up to 950,000, which leaves room for the rest.
 */
const OUTPUT_BUDGETS = {
  admitted: 100_000,
  waiting: 100_000,
  violations: 200_000,
  staled: 50_000,
  closed: 50_000,
  decisions: 200_000,
  writes: 200_000,
  deferredCloses: 50_000
} as const;

/** The first items whose JSON fits in maxBytes, as a JSON array, and how many were left out. */
function boundedJsonArray(items: readonly unknown[], maxBytes: number): { json: string; omitted: number } {
  const parts: string[] = [];
  let bytes = 2; // the brackets
  for (const item of items) {
    const part = JSON.stringify(item);
    const size = Buffer.byteLength(part) + (parts.length > 0 ? 1 : 0);
    if (bytes + size > maxBytes) break;
    parts.push(part);
    bytes += size;
  }
  return { json: `[${parts.join(',')}]`, omitted: items.length - parts.length };
}

/** The whole plan as the `plan` output would hold it without bounds: what the plan file holds. */
export function fullPlan(plan: Plan): Record<string, unknown> {
  return {
    mode: plan.mode,
    wipLimit: plan.wipLimit,
    ...(plan.adaptive ? { adaptive: plan.adaptive } : {}),
    queueSize: plan.queueSize,
    // [number, state, position (null when not in line), summary], in queue order.
    decisions: plan.decisions.map((d) => [d.number, d.state, d.position ?? null, d.summary]),
    writes: plan.writes.map(compactWrite),
    deferredCloses: plan.deferredCloses,
    violations: violationRows(plan)
  };
}

function violationRows(plan: Plan): { number: number; rule: string; budget: string; reason: string }[] {
  return plan.decisions.flatMap((d) =>
    d.violations.map((v) => ({ number: d.number, rule: v.rule, budget: v.budget, reason: v.reason }))
  );
}

/**
 * Every output as a string, each under GitHub's 1 MB: the lists keep their
 * first entries (queue order) within OUTPUT_MAX_BYTES, and `plan.omitted`
 * counts what each left out; `planFile` (the `plan-file` output) holds it all.
 */
export function actionOutputs(plan: Plan, execution: ExecutionReport, planFile?: string): Record<string, string> {
  const numbersIn = (state: string) => plan.decisions.filter((d) => d.state === state).map((d) => d.number);
  const taken = writesTaken(plan, execution);
  const outputs: Record<string, string> = {};
  // `result` and `position` describe the triggering PR: only a gate has one.
  if (plan.subject) {
    outputs.result = plan.subject.state;
    outputs.position = plan.subject.position === undefined ? '' : String(plan.subject.position);
  }
  const full = fullPlan(plan);
  const lists = {
    admitted: boundedJsonArray(numbersIn('admitted'), OUTPUT_BUDGETS.admitted),
    waiting: boundedJsonArray(numbersIn('waiting'), OUTPUT_BUDGETS.waiting),
    violations: boundedJsonArray(violationRows(plan), OUTPUT_BUDGETS.violations),
    staled: boundedJsonArray(staledNumbers(plan, taken), OUTPUT_BUDGETS.staled),
    closed: boundedJsonArray(closedNumbers(taken), OUTPUT_BUDGETS.closed),
    decisions: boundedJsonArray(full.decisions as unknown[], OUTPUT_BUDGETS.decisions),
    writes: boundedJsonArray(full.writes as unknown[], OUTPUT_BUDGETS.writes),
    deferredCloses: boundedJsonArray(plan.deferredCloses, OUTPUT_BUDGETS.deferredCloses)
  };
  const omitted = Object.fromEntries(
    Object.entries(lists).flatMap(([name, list]) => (list.omitted > 0 ? [[name, list.omitted]] : []))
  );
  const head = {
    mode: plan.mode,
    wipLimit: plan.wipLimit,
    ...(plan.adaptive ? { adaptive: plan.adaptive } : {}),
    queueSize: plan.queueSize,
    ...(Object.keys(omitted).length > 0 ? { omitted } : {}),
    ...(planFile ? { file: planFile } : {})
  };
  return {
    ...outputs,
    'queue-size': String(plan.queueSize),
    'wip-limit': String(plan.wipLimit),
    admitted: lists.admitted.json,
    waiting: lists.waiting.json,
    violations: lists.violations.json,
    staled: lists.staled.json,
    closed: lists.closed.json,
    // Spliced as text: the bounded arrays are JSON already.
    plan:
      `${JSON.stringify(head).slice(0, -1)},"decisions":${lists.decisions.json},` +
      `"writes":${lists.writes.json},"deferredCloses":${lists.deferredCloses.json}}`,
    ...(planFile ? { 'plan-file': planFile } : {})
  };
}
