// The validated, typed settings every other module reads. Built once from
// inputs + config file + defaults by src/config/load.ts; never raw strings.

export const ASSOCIATIONS = [
  'OWNER',
  'MEMBER',
  'COLLABORATOR',
  'CONTRIBUTOR',
  'FIRST_TIME_CONTRIBUTOR',
  'FIRST_TIMER',
  'NONE',
  'MANNEQUIN'
] as const;
export type Association = (typeof ASSOCIATIONS)[number];

/** Associations GitHub gives to people with write access to the repository. */

export const MODES = ['auto', 'gate', 'sweep'] as const;
export type Mode = (typeof MODES)[number];

export const WAITING_FEEDBACK = ['fail', 'label', 'comment'] as const;
export type WaitingFeedback = (typeof WAITING_FEEDBACK)[number];

export const VIOLATION_FEEDBACK = ['fail', 'comment', 'close'] as const;
export type ViolationFeedback = (typeof VIOLATION_FEEDBACK)[number];

/** `require-issue` values beyond false: `true` is written `linked` here. */
export type RequireIssue = 'linked' | 'assigned';

export const STALE_WHEN = ['author', 'always'] as const;

export const ASSIGN_REVIEWERS = ['off', 'least-loaded'] as const;
export type StaleWhen = (typeof STALE_WHEN)[number];

/** All present keys must match; within a key any value matches. */
export interface Selector {
  authors?: string[]; // login globs: only * and ?, brackets literal
  associations?: Association[];
  labels?: string[];
  paths?: string[]; // minimatch globs on changed files
  baseBranches?: string[]; // minimatch globs on the base branch
  agents?: boolean;
}

export interface OpeningRate {
  count: number;
  days: number;
}

export interface Budgets {
  maxOpen?: number;
  maxOpenPerAuthor?: number;
  maxOpenedPerAuthor?: OpeningRate;
  maxChangedLines?: number;
  maxChangedFiles?: number;
  requireOwner?: boolean;
  /** The PR closes an issue (`linked`), one assigned to its author (`assigned`); see README "Linked issues". */
  requireIssue?: RequireIssue;
  /**
   * Review capacity (README "Review capacity"): a reviewer (user or team) among a PR's pending
   * review requests has at most this many admitted PRs waiting on their review, among the PRs the
   * rule selects; `auto` follows each reviewer's own pace.
   */
  maxReviewRequests?: number | 'auto';
  /** With requireIssue: the issue carries one of these labels (compared case-insensitively). */
  issueLabels?: string[];
  /** Several open PRs closing the same issue: the first in queue order holds it, the others are violations. */
  onePrPerIssue?: boolean;
}

/** The name of the rule made of the plain inputs (`max-open-per-author`, …): the reader set its budgets by key, not by rule. */
export const INPUTS_RULE_NAME = 'inputs';

export interface Rule {
  /** Shown in statuses, comments and the report: `name:` from the file, or `rules[2]`, or `inputs`. */
  name: string;
  selector: Selector;
  budgets: Budgets;
  /** Overrides Config.onViolation for violations of this rule. */
  onViolation?: ViolationFeedback[];
}

export interface StaleConfig {
  days: number; // 0 = off
  closeDays: number; // 0 = never close
  label: string;
  message: string;
  closeMessage: string;
  when: StaleWhen;
  exemptLabels: string[];
  exemptAssigned: boolean;
  exemptMilestones: boolean;
  drafts: boolean;
  /** A PR with any of these labels is the maintainers' move, whatever else it shows. */
  maintainerMoveLabels: string[];
  /** A PR with any of these labels (and none of maintainerMoveLabels) is its author's move. */
  authorMoveLabels: string[];
}

/** Review capacity beyond the per-rule limits (README "Review capacity"). */
export interface ReviewersConfig {
  /** `max-review-requests: auto` never goes below this. */
  minRequests: number;
  /** … nor above this (null: no cap). */
  maxRequestsCap: number | null;
  /** An admitted PR that has been its author's move this many days gives its seat up (0: never). */
  yieldDays: number;
  /** `least-loaded`: an admitted PR without a review request gets one from `pool`. */
  assign: 'off' | 'least-loaded';
  /** Logins and `org/team` names to assign from. */
  pool: string[];
}

export interface AdaptiveConfig {
  minWipLimit: number;
  maxWipLimit: number | null;
  throughputWindowDays: number;
  targetReviewDays: number;
}

/** Where a setting's effective value came from: precedence is input > file > default (README "The config file"). */
export type SettingSource = 'input' | 'file' | 'default';

/** One setting as the run applies it, for the report ("Settings") and the override notice. */
export interface Setting {
  source: SettingSource;
  /** The parsed value (a number, text, list, `{ count, days }`…); undefined for an unset optional budget. */
  value: unknown;
  /** The file's value that an input overrode (source `input` only). */
  overrides?: unknown;
}

export interface Config {
  mode: Mode;
  /** A number (0 = off) or 'auto' (Little's law, see adaptive). */
  wipLimit: number | 'auto';
  adaptive: AdaptiveConfig;
  reviewers: ReviewersConfig;
  countDrafts: boolean;
  baseBranches: string[]; // globs; empty = every base branch
  exemptLabels: string[];
  exemptAuthors: string[]; // login globs
  priorityLabels: string[];
  authorLimitAssociations: Association[];
  trustedAfterMerged: number; // 0 = off
  agentAuthors: string[]; // login globs
  agentLabels: string[];
  /** The rule made of the plain inputs (named `inputs`) first, then the file's `rules:`. */
  rules: Rule[];
  onWaiting: WaitingFeedback[];
  onViolation: ViolationFeedback[];
  /** true: a gate's job fails when its PR's status is failure; otherwise only the status says so (README "Inputs"). */
  failJob: boolean;
  waitingLabel: string;
  violationLabel: string;
  /** The label on the PRs that hold a seat (README "How the queue works"): the queue's memory of who is admitted. */
  admittedLabel: string;
  statusContext: string;
  stale: StaleConfig;
  dryRun: boolean;
  maxClosesPerRun: number;
  maxWritesPerRun: number;
  configPath: string;
  /** Every input and file key by name (`wip-limit`, `rules`, …), with its effective value and source. */
  settings: Record<string, Setting>;
}
