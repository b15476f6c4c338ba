// Hand-built plans, snapshots and execution reports for the reporters' tests:
// the reporters only read these shapes, so no reader or planner is involved.
import type { Config } from '../../src/config/types.js';
import type { Decision, ExecutionReport, Plan, PullRequest, Snapshot, WriteOp } from '../../src/core/types.js';

export const NOW = '2026-11-23T12:00:00.000Z';
const DAY_MS = 86_400_000;

export const config: Config = {
  mode: 'auto',
  wipLimit: 2,
  adaptive: { minWipLimit: 10, maxWipLimit: null, throughputWindowDays: 28, targetReviewDays: 7 },
  countDrafts: false,
  baseBranches: [],
  exemptLabels: [],
  exemptAuthors: [],
  priorityLabels: [],
  authorLimitAssociations: ['CONTRIBUTOR', 'FIRST_TIME_CONTRIBUTOR', 'FIRST_TIMER', 'NONE', 'MANNEQUIN'],
  trustedAfterMerged: 0,
  agentAuthors: [],
  agentLabels: [],
  rules: [{ name: 'inputs', selector: {}, budgets: {} }],
  onWaiting: ['fail'],
  onViolation: ['fail'],
  waitingLabel: 'backpressure: waiting',
  violationLabel: 'backpressure: violation',
  statusContext: 'backpressure',
  stale: {
    days: 30,
    closeDays: 7,
    label: 'stale',
    message: 'stale',
    closeMessage: 'closed',
    when: 'author',
    exemptLabels: [],
    exemptAssigned: false,
    exemptMilestones: false,
    drafts: false
  },
  dryRun: false,
  maxClosesPerRun: 10,
  maxWritesPerRun: 300,
  configPath: '.github/backpressure.yml'
};

export function pr(number: number, overrides: Partial<PullRequest> = {}): PullRequest {
  return {
    number,
    title: `Change ${number}`,
    url: `https://github.com/acme/widgets/pull/${number}`,
    author: `author${number}`,
    authorAssociation: 'CONTRIBUTOR',
    createdAt: new Date(Date.parse(NOW) - (10 + number) * DAY_MS).toISOString(),
    isDraft: false,
    baseRef: 'main',
    headRef: `topic-${number}`,
    headSha: `sha${number}`,
    labels: [],
    assignees: [],
    hasMilestone: false,
    additions: 10,
    deletions: 2,
    changedFiles: 1,
    mergeable: 'MERGEABLE',
    events: [],
    ...overrides
  };
}

export function decision(number: number, state: Decision['state'], overrides: Partial<Decision> = {}): Decision {
  return { number, state, violations: [], summary: `${state} #${number}`, ...overrides };
}

export function snapshot(pullRequests: PullRequest[], extra: Partial<Snapshot> = {}): Snapshot {
  return { repository: { owner: 'acme', name: 'widgets', defaultBranch: 'main' }, actor: 'github-actions[bot]', pullRequests, authors: {}, ...extra };
}

export function plan(decisions: Decision[], overrides: Partial<Plan> = {}): Plan {
  return {
    mode: 'sweep',
    now: NOW,
    wipLimit: 2,
    queueSize: decisions.filter((d) => d.state !== 'exempt').length,
    decisions,
    writes: [],
    deferredCloses: [],
    ...overrides
  };
}

export function execution(overrides: Partial<ExecutionReport> = {}): ExecutionReport {
  return { dryRun: false, applied: [], notApplied: [], warnings: [], requests: { graphql: 2, restReads: 1, restWrites: 0, graphqlCost: 3 }, ...overrides };
}

/** What the writer reports for a dry-run of `writes`. */
export function dryRun(writes: WriteOp[]): ExecutionReport {
  return execution({ dryRun: true, notApplied: writes.map((op) => ({ op, why: 'dry-run' })) });
}
