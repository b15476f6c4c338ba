// The workflows shipped with the project use the action as documented: only
// inputs that action.yml declares, and permissions that match what it does.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
}
interface Workflow {
  on: unknown;
  permissions?: Record<string, string>;
  jobs: Record<string, { 'runs-on': string; steps: Step[] }>;
}

const action = parse(fs.readFileSync('action.yml', 'utf8')) as { inputs: Record<string, unknown>; runs: { using: string; main: string } };
const dir = '.github/workflows';
const workflows = fs.readdirSync(dir).map((file) => [file, parse(fs.readFileSync(path.join(dir, file), 'utf8')) as Workflow] as const);

test('the action runs on node24 from the committed bundle', () => {
  expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' });
  expect(fs.existsSync(action.runs.main)).toBe(true);
});

test.each(workflows)('%s is a well-formed workflow with least-privilege permissions', (_file, workflow) => {
  expect(workflow.on).toBeDefined();
  expect(workflow.permissions).toBeDefined();
  for (const job of Object.values(workflow.jobs)) {
    expect(job['runs-on']).toBe('ubuntu-latest');
    expect(job.steps.length).toBeGreaterThan(0);
    for (const step of job.steps) expect(Boolean(step.uses) !== Boolean(step.run)).toBe(true);
  }
});

test('the self-run uses only declared inputs and never writes', () => {
  const [, self] = workflows.find(([file]) => file === 'backpressure.yml') ?? [];
  const step = Object.values(self?.jobs ?? {}).flatMap((job) => job.steps).find((s) => s.uses === './');
  expect(step).toBeDefined();
  for (const name of Object.keys(step?.with ?? {})) expect(Object.keys(action.inputs)).toContain(name);
  expect(step?.with?.['dry-run']).toBe(true);
  expect(Object.values(self?.permissions ?? {}).every((p) => p === 'read')).toBe(true);
});
