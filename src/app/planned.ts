// Inputs → config → snapshot → plan: the reads a run's scope needs, in order,
// with the config built from the inputs and the file the first read found.
import type { ConfigSource } from '../config/source.js';
import { loadConfig } from '../config/source.js';
import type { Config } from '../config/types.js';
import { isOwnLabel } from '../core/labels.js';
import { plan } from '../core/plan.js';
import type { Plan, PlanScope, Snapshot } from '../core/types.js';
import { readGate } from '../github/read-gate.js';
import { readRepository } from '../github/read-repository.js';
import { readQueueSnapshot } from '../github/read-snapshot.js';
import type { GitHubSession } from '../github/session.js';
import { gate } from './gate.js';
import type { RunScope } from './mode.js';

/** A run's plan with the facts and config it rests on (the report shows all three). */
export interface PlannedRun {
  plan: Plan;
  snapshot: Snapshot;
  config: Config;
}

export type Planned = PlannedRun | { skip: string };

export interface PlanOptions {
  /** The config file's path (the validated `config-path` input). */
  configPath: string;
  /** The inputs' admitted-label: a gate's first read lists the PRs carrying it (the file may rename it). */
  admittedLabel: string;
  /** The CLI's --config: a local file that stands in for the repository's, checked the same way. */
  localConfig?: { path: string; text: string };
  /** Called after each page of open PRs (whole-queue reads). */
  onProgress?: (read: number, total: number) => void;
}

/** Inputs + the config file the first read found (or the CLI's local file) → Config; throws ConfigError. */
function configOf(
  inputs: Record<string, string>,
  options: Omit<PlanOptions, 'admittedLabel'>,
  found: ConfigSource
): Config {
  const local = options.localConfig;
  return local ? loadConfig(inputs, { kind: 'file', text: local.text }, local.path) : loadConfig(inputs, found);
}

/**
 * Reads what `scope` needs from GitHub and plans it. The first read brings
 * the config file; the config (inputs + file) decides the rest of the reads.
 * A gate costs 2 GraphQL requests (3 with `wip-limit: auto`), or the whole
 * queue when search cannot express the config (see readAndPlanQueue for the
 * other scopes). Throws ConfigError for a bad config file (before any write),
 * ActionError or Octokit's error otherwise.
 */
export async function readAndPlan(
  session: GitHubSession,
  inputs: Record<string, string>,
  scope: Exclude<RunScope, { mode: 'skip' }>,
  now: Date,
  options: PlanOptions
): Promise<Planned> {
  if (scope.mode !== 'gate') return readAndPlanQueue(session, inputs, scope, now, options);
  const read = await readGate(session, options.configPath, scope.number, options.admittedLabel);
  const config = configOf(inputs, options, read.facts.config);
  // Label names set in the config file are known only now: stop before any further request.
  if (scope.eventLabel !== undefined && isOwnLabel(scope.eventLabel, config)) {
    return {
      skip:
        `The label "${scope.eventLabel}" is one of the action's own ` +
        `(set in ${options.configPath}; its own label writes trigger this event): nothing to do.`
    };
  }
  return gate(session, read, config, now, scope);
}

/**
 * Advance and sweep: the repository facts with the config file, then the
 * whole queue (⌈N/100⌉ pages + a constant), planned. Throws as readAndPlan.
 */
export async function readAndPlanQueue(
  session: GitHubSession,
  inputs: Record<string, string>,
  scope: Exclude<PlanScope, { mode: 'gate' }>,
  now: Date,
  options: Omit<PlanOptions, 'admittedLabel'>
): Promise<PlannedRun> {
  const facts = await readRepository(session, options.configPath);
  const config = configOf(inputs, options, facts.config);
  const snapshot = await readQueueSnapshot(session, facts, config, now, options.onProgress);
  return { plan: plan(snapshot, config, now, scope), snapshot, config };
}
