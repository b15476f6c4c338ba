// Hand-built plans and execution reports for the reporters' tests (PRs and
// snapshots from the core's factories): no reader or planner is involved.
import { buildConfig } from '../../src/config/load.js';
import type { Config } from '../../src/config/types.js';
import { pr as corePr, snapshot } from '../core/factories.js';
import type { AdaptiveLimit, Decision, ExecutionReport, Plan, PullRequest, WriteOp } from '../../src/core/types.js';
import { DAY_MS } from '../../src/core/time.js';

export const NOW = '2026-11-23T12:00:00.000Z';

/** `wip-limit: auto` from 42 merges in 28 days (1.5 a day) and a 7-day review target: 11, floor 10, no ceiling. */
export const ADAPTIVE: AdaptiveLimit = {
  mergedInWindow: 42,
  windowDays: 28,
  perDay: 1.5,
  targetReviewDays: 7,
  raw: 11,
  min: 10,
  max: null,
  limit: 11
};

// The built-in defaults, with a WIP limit of 2, stale on, short messages and no agents.
export const config: Config = {
  ...buildConfig({
    'wip-limit': '2',
    'stale-days': '30',
    'close-days': '7',
    'stale-message': 'stale',
    'close-message': 'closed'
  }),
  agentAuthors: [],
  rules: [{ name: 'inputs', selector: {}, budgets: {} }]
};

/** The core tests' PR, created 10 + number days before NOW. */
export function pr(number: number, overrides: Partial<PullRequest> = {}): PullRequest {
  return corePr(number, { createdAt: new Date(Date.parse(NOW) - (10 + number) * DAY_MS).toISOString(), ...overrides });
}

export { snapshot };

export function decision(number: number, state: Decision['state'], overrides: Partial<Decision> = {}): Decision {
  // The default on-waiting and on-violation: fail.
  const feedback: Decision['feedback'] = state === 'waiting' || state === 'violation' ? ['fail'] : [];
  return { number, state, violations: [], summary: `${state} #${number}`, feedback, ...overrides };
}

export function plan(decisions: Decision[], overrides: Partial<Plan> = {}): Plan {
  return {
    mode: 'sweep',
    // A gate's plan from search counts unless a test says it read the queue.
    read: overrides.mode === 'gate' ? 'counts' : 'queue',
    now: NOW,
    wipLimit: 2,
    queueSize: decisions.filter((d) => d.state !== 'exempt').length,
    decisions,
    writes: [],
    deferredCloses: [],
    keptOpen: [],
    ...overrides
  };
}

export function execution(overrides: Partial<ExecutionReport> = {}): ExecutionReport {
  return {
    dryRun: false,
    applied: [],
    notApplied: [],
    warnings: [],
    requests: { graphql: 2, restReads: 1, restWrites: 0, graphqlCost: 3 },
    ...overrides
  };
}

/** What the writer reports for a dry-run of `writes`. */
export function dryRun(writes: WriteOp[]): ExecutionReport {
  return execution({ dryRun: true, notApplied: writes.map((op) => ({ op, why: 'dry-run' })) });
}
