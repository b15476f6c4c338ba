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
  fs.writeFileSync(file, JSON.stringify(fullPlan(plan)));
  return file;
}
