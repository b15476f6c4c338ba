// The whole plan as a file, for queues whose plan does not fit in a step
// output (GitHub's 1 MB): its path is the `plan-file` output.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Plan } from '../core/types.js';
import { fullPlan } from './outputs.js';

/**
 * Writes the full plan (every decision, write and violation) as JSON into a
 * new directory under RUNNER_TEMP (the OS temp directory outside a runner)
 * and returns the file's path. Later steps of the job can read it, or upload
 * it as an artifact.
 */
export function writePlanFile(plan: Plan, env: NodeJS.ProcessEnv = process.env): string {
  const dir = fs.mkdtempSync(path.join(env.RUNNER_TEMP || os.tmpdir(), 'pr-backpressure-'));
  const file = path.join(dir, 'plan.json');
  const fd = fs.openSync(file, 'w');
  try {
    writeJson(fd, fullPlan(plan));
  } finally {
    fs.closeSync(fd);
  }
  return file;
}

/** Characters gathered before each write to the file. */
const CHUNK = 64 * 1024;

/**
 * Writes what `JSON.stringify(object)` gives, piece by piece: each item of a
 * top-level array is stringified on its own, so the plan of a queue of
 * thousands never becomes one string of megabytes.
 */
function writeJson(fd: number, object: Record<string, unknown>): void {
  let pending = '';
  const put = (text: string) => {
    pending += text;
    if (pending.length >= CHUNK) {
      fs.writeSync(fd, pending);
      pending = '';
    }
  };
  let separator = '{';
  for (const [key, value] of Object.entries(object)) {
    if (value === undefined) continue;
    put(`${separator}${JSON.stringify(key)}:`);
    separator = ',';
    if (!Array.isArray(value)) put(JSON.stringify(value));
    else {
      put('[');
      value.forEach((item: unknown, i) => put(`${i > 0 ? ',' : ''}${JSON.stringify(item) ?? 'null'}`));
      put(']');
    }
  }
  put(separator === '{' ? '{}' : '}');
  fs.writeSync(fd, pending);
}
