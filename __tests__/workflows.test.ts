// Every workflow the project ships or documents (.github/workflows/ and each
// ```yaml block of README.md with `on:` and `jobs:`) parses, declares its
// permissions, and uses the action only with inputs action.yml declares and
// values the action accepts.
// Each is parsed by GitHub's own parser (@actions/workflow-parser), run in a
// child process with a JSON import hook because on Node 20 it cannot be
// imported as it is; the YAML checks below add the rules that matter here.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse, parseDocument } from 'yaml';
import { buildConfig } from '../src/config/load.js';

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, unknown>;
}
interface Job {
  /** The check run's name; the job id when absent. */
  name?: string;
  'runs-on'?: string;
  steps?: Step[];
  /** A call of a reusable workflow instead of steps. */
  uses?: string;
}
interface Workflow {
  on: unknown;
  permissions?: Record<string, string> | string;
  jobs: Record<string, Job>;
}

const action = parse(fs.readFileSync('action.yml', 'utf8')) as {
  inputs: Record<string, unknown>;
  runs: { using: string; main: string };
};
const declaredInputs = Object.keys(action.inputs);

/** The scopes of the `permissions:` key (GitHub's workflow syntax reference). */
const PERMISSION_SCOPES = [
  'actions',
  'attestations',
  'checks',
  'contents',
  'deployments',
  'discussions',
  'id-token',
  'issues',
  'models',
  'packages',
  'pages',
  'pull-requests',
  'repository-projects',
  'security-events',
  'statuses'
];

/** [where, source] of every workflow: the shipped files, then README blocks that are workflows. */
function workflowSources(): [string, string][] {
  const dir = '.github/workflows';
  const files = fs
    .readdirSync(dir)
    .map((file): [string, string] => [path.join(dir, file), fs.readFileSync(path.join(dir, file), 'utf8')]);
  const readme = fs.readFileSync('README.md', 'utf8');
  const blocks = [...readme.matchAll(/```yaml\n([\s\S]*?)```/g)].flatMap((match): [string, string][] => {
    const source = match[1];
    if (!/^on:/m.test(source) || !/^jobs:/m.test(source)) return [];
    const line = readme.slice(0, match.index).split('\n').length + 1;
    return [[`README.md:${line}`, source]];
  });
  return [...files, ...blocks];
}

const sources = workflowSources();

/** Errors GitHub's workflow parser reports, by source name. */
function githubParserErrors(named: [string, string][]): Record<string, string[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'workflows-'));
  try {
    const files = named.map(([, source], i) => {
      const file = path.join(dir, `workflow-${i}.yml`);
      fs.writeFileSync(file, source);
      return file;
    });
    const tool = 'test-support/workflow-parser';
    const output = execFileSync(
      process.execPath,
      ['--import', `./${tool}/register.mjs`, `${tool}/parse.mjs`, ...files],
      { encoding: 'utf8' }
    );
    const byFile = JSON.parse(output) as Record<string, string[]>;
    return Object.fromEntries(named.map(([name], i) => [name, byFile[files[i]]]));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

test("every workflow passes GitHub's own workflow parser", () => {
  const errors = githubParserErrors(sources);
  expect(Object.keys(errors)).toHaveLength(sources.length);
  for (const [name, found] of Object.entries(errors)) expect({ name, errors: found }).toEqual({ name, errors: [] });
});

test("GitHub's workflow parser rejects a workflow with a misspelt key", () => {
  const errors = githubParserErrors([['bad', 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    stepz: []\n']]);
  expect(errors.bad.join('\n')).toContain("Unexpected value 'stepz'");
});

/** Steps that run this action: `./` in this repository, `OWNER/pr-backpressure@ref` elsewhere. */
function isThisAction(step: Step): boolean {
  return step.uses === './' || /^[^/]+\/pr-backpressure@/.test(step.uses ?? '');
}

function parseWorkflow(source: string): { workflow: Workflow; errors: string[] } {
  const doc = parseDocument(source);
  return { workflow: doc.toJS() as Workflow, errors: [...doc.errors, ...doc.warnings].map((e) => e.message) };
}

test('README documents a workflow for every trigger the recipes use', () => {
  const triggers = sources
    .filter(([where]) => where.startsWith('README.md'))
    .flatMap(([, source]) => Object.keys((parse(source) as { on: Record<string, unknown> }).on));
  expect([...new Set(triggers)].sort()).toEqual([
    'merge_group',
    'pull_request',
    'pull_request_review',
    'pull_request_target',
    'schedule',
    'workflow_call',
    'workflow_dispatch',
    'workflow_run'
  ]);
});

/** The event types that move a PR's required status (README "Events and modes"). */
const GATE_TYPES = [
  'opened',
  'reopened',
  'synchronize',
  'ready_for_review',
  'converted_to_draft',
  'labeled',
  'unlabeled',
  'edited',
  'assigned',
  'unassigned',
  'closed'
];

test('every README workflow on PR events subscribes to every event that moves the status', () => {
  const readmeWorkflows = sources
    .filter(([where]) => where.startsWith('README.md'))
    .map(
      ([where, source]) =>
        [
          where,
          parse(source) as { on: Record<string, { types?: string[] } | null>; concurrency?: { group?: string } }
        ] as const
    );
  const gates = readmeWorkflows.filter(
    ([, w]) => w.on.pull_request !== undefined || w.on.pull_request_target !== undefined
  );
  expect(gates.length).toBeGreaterThanOrEqual(4);
  for (const [where, workflow] of gates) {
    const types = (workflow.on.pull_request_target ?? workflow.on.pull_request)?.types ?? [];
    expect({ where, missing: GATE_TYPES.filter((t) => !types.includes(t)) }).toEqual({ where, missing: [] });
    expect({ where, review: workflow.on.pull_request_review?.types }).toEqual({
      where,
      review: ['submitted', 'dismissed']
    });
  }
  const queues = readmeWorkflows.filter(([, w]) => w.on.merge_group !== undefined);
  expect(queues.length).toBeGreaterThanOrEqual(2);
  for (const [where, workflow] of queues) {
    expect({ where, types: workflow.on.merge_group?.types }).toEqual({ where, types: ['checks_requested'] });
    // A merge group run shares no concurrency group with another PR's or a sweep's, so it is never cancelled while pending.
    if (workflow.concurrency)
      expect({ where, group: workflow.concurrency.group }).toEqual({
        where,
        group: expect.stringContaining('github.event.merge_group.head_sha')
      });
  }
});

test('the action runs on node24 from the committed bundle', () => {
  expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' });
  expect(fs.existsSync(action.runs.main)).toBe(true);
});

describe.each(sources)('%s', (_where, source) => {
  const { workflow, errors } = parseWorkflow(source);

  test('parses as YAML, with a trigger, permissions and jobs', () => {
    expect(errors).toEqual([]);
    expect(workflow.on).toBeDefined();
    expect(workflow.permissions).toBeDefined();
    expect(Object.keys(workflow.jobs ?? {}).length).toBeGreaterThan(0);
  });

  test('asks only for known permission scopes, each read, write or none', () => {
    expect(typeof workflow.permissions).toBe('object');
    for (const [scope, access] of Object.entries(workflow.permissions ?? {})) {
      expect([scope, PERMISSION_SCOPES.includes(scope)]).toEqual([scope, true]);
      expect(['read', 'write', 'none']).toContain(access);
    }
  });

  test('every job runs steps on ubuntu-latest or calls a reusable workflow', () => {
    for (const job of Object.values(workflow.jobs)) {
      if (job.uses !== undefined) {
        expect(job.uses).toMatch(/^(\.\/|[^/]+\/[^/]+\/)\.github\/workflows\/[^@]+\.ya?ml(@.+)?$/);
        expect(job.steps).toBeUndefined();
        continue;
      }
      expect(job['runs-on']).toBe('ubuntu-latest');
      expect(job.steps?.length).toBeGreaterThan(0);
      for (const step of job.steps ?? []) expect(Boolean(step.uses) !== Boolean(step.run)).toBe(true);
    }
  });

  test('run: scripts take expressions through env:, never inline (no script injection)', () => {
    const scripts = Object.values(workflow.jobs).flatMap((job) =>
      (job.steps ?? []).flatMap((step) => (step.run ? [step.run] : []))
    );
    for (const script of scripts) expect(script).not.toContain('${{');
  });

  test('a job that runs the action is named apart from its status (README "Require the `backpressure` status")', () => {
    for (const [id, job] of Object.entries(workflow.jobs)) {
      for (const step of (job.steps ?? []).filter(isThisAction)) {
        const context = String(step.with?.['status-context'] ?? 'backpressure');
        expect([id, (job.name ?? id).toLowerCase()]).not.toEqual([id, context.toLowerCase()]);
      }
    }
  });

  test('the action gets only inputs action.yml declares, with values it accepts', () => {
    const steps = Object.values(workflow.jobs).flatMap((job) => (job.steps ?? []).filter(isThisAction));
    for (const step of steps) {
      const inputs = Object.fromEntries(Object.entries(step.with ?? {}).map(([name, value]) => [name, String(value)]));
      for (const name of Object.keys(inputs)) expect([name, declaredInputs.includes(name)]).toEqual([name, true]);
      // Expressions are resolved by the runner; every literal value must pass the action's own checks.
      const literal = Object.fromEntries(Object.entries(inputs).filter(([, value]) => !value.includes('${{')));
      expect(() => buildConfig(literal)).not.toThrow();
    }
  });
});

test('the self-run uses only declared inputs and never writes', () => {
  const [, source] = sources.find(([where]) => where === path.join('.github/workflows', 'backpressure.yml')) ?? [];
  const self = parse(source ?? '') as Workflow;
  const step = Object.values(self?.jobs ?? {})
    .flatMap((job) => job.steps ?? [])
    .find((s) => s.uses === './');
  expect(step).toBeDefined();
  for (const name of Object.keys(step?.with ?? {})) expect(declaredInputs).toContain(name);
  expect(step?.with?.['dry-run']).toBe(true);
  expect(Object.values(self?.permissions ?? {}).every((p) => p === 'read')).toBe(true);
});
