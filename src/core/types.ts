// What the pure core reads (Snapshot) and what it decides (Plan).
// The reader builds a Snapshot from GitHub; plan(snapshot, config, now)
// returns a Plan; the writer and the reporters act on the Plan.
import type { Association, Rule } from '../config/types.js';

export type ReviewState = 'APPROVED' | 'CHANGES_REQUESTED' | 'COMMENTED' | 'DISMISSED' | 'PENDING';
export type Mergeable = 'MERGEABLE' | 'CONFLICTING' | 'UNKNOWN';

/** Someone's act on a PR that may count as activity (spec §5). */
export interface PullRequestEvent {
  kind: 'comment' | 'review' | 'commit' | 'reopened' | 'ready_for_review';
  actor: string; // REST-style login (bots as name[bot]); '' when unknown
  association?: Association; // for comments and reviews
  at: string; // ISO time
  reviewState?: ReviewState; // for reviews
}

/** The action's own sticky comment on a PR, found by its hidden marker. */
export interface StickyComment {
  id: number; // REST id, for PATCH /issues/comments/{id}
  body: string;
}

/** The commit status the action last set on the head commit (its context only). */
export interface CurrentStatus {
  state: 'success' | 'failure' | 'pending' | 'error';
  description: string;
}

export interface PullRequest {
  number: number;
  title: string;
  url: string;
  author: string; // REST-style login: bots as name[bot]
  authorAssociation: Association;
  createdAt: string; // ISO
  isDraft: boolean;
  baseRef: string;
  headRef: string;
  headSha: string;
  labels: string[];
  assignees: string[];
  hasMilestone: boolean;
  additions: number;
  deletions: number;
  changedFiles: number;
  /** Changed file paths; present only when a rule needs paths. */
  files?: string[];
  mergeable: Mergeable;
  /** Comments, reviews, pushes, reopen and ready-for-review events, oldest first. */
  events: PullRequestEvent[];
  /** The action's current status on the head commit, if any. */
  status?: CurrentStatus;
  sticky?: StickyComment;
  /** When the action last posted its stale message on the PR. */
  staleMarkedAt?: string;
}

export interface AuthorStats {
  /** Merged PRs ever (read only when trusted-after-merged is on). */
  merged?: number;
  /** Creation times of the PRs (any state) the author opened within the longest rate-rule window. */
  openedAt?: string[];
}

export interface WeekCounts {
  weekStart: string; // ISO date (Monday, UTC)
  opened: number;
  merged: number;
}

export interface History {
  /** PRs merged within adaptive.throughputWindowDays before now. */
  mergedInWindow: number;
  /** The last 8 weeks, oldest first. */
  weeks: WeekCounts[];
}

export interface Snapshot {
  repository: { owner: string; name: string; defaultBranch: string };
  /** The login the action writes as; its own comments and labels are never activity. */
  actor: string;
  /** Every open PR (sweep, advance) or the PRs the gate needs. */
  pullRequests: PullRequest[];
  authors: Record<string, AuthorStats>;
  history?: History;
}

/**
 * What a gate reads when search counts suffice (no path rules, no glob
 * exemptions): the triggering PR plus counts of PRs ahead of it.
 */
export interface GateCounts {
  /** Countable PRs not in violation that come before the PR in queue order. */
  ahead: number;
  /** Countable PRs, violations included. */
  queueSize: number;
  /** The author's countable open PRs created before this one (per-author cap). */
  authorOpenBefore: number;
  /** Keyed by window days: PRs the author opened in the window before this one. */
  authorOpenedBefore: Record<number, number>;
}

export type State = 'admitted' | 'waiting' | 'violation' | 'exempt';
export type ExemptReason = 'draft' | 'label' | 'author' | 'base-branch';
export type BudgetName =
  | 'max-open'
  | 'max-open-per-author'
  | 'max-opened-per-author'
  | 'max-changed-lines'
  | 'max-changed-files'
  | 'require-owner';

export interface Violation {
  rule: string;
  budget: BudgetName;
  /** One line a person understands, e.g. "12,400 changed lines; the limit is 1,000". */
  reason: string;
}

export type WhoseMove = 'author' | 'maintainers';

export interface StaleDecision {
  whoseMove: WhoseMove;
  lastActivity: string; // ISO
  idleDays: number;
  action: 'none' | 'mark' | 'unmark' | 'close';
  neglected: boolean;
}

export interface Decision {
  number: number;
  state: State;
  exemptReason?: ExemptReason;
  /** 1-based rank among countable PRs not in violation. */
  position?: number;
  /** Countable PRs not in violation ahead of this one. */
  ahead?: number;
  violations: Violation[];
  /** The rule whose area budget keeps the PR waiting, when not the WIP limit. */
  waitingOnRule?: string;
  /** One line: the status description and the step's failure message. */
  summary: string;
  stale?: StaleDecision;
}

export type WriteOp =
  | { kind: 'create-label'; name: string; color: string; description: string }
  | { kind: 'status'; number: number; sha: string; state: 'success' | 'failure'; description: string }
  | { kind: 'add-label'; number: number; label: string }
  | { kind: 'remove-label'; number: number; label: string }
  | { kind: 'sticky-comment'; number: number; body: string; commentId?: number }
  | { kind: 'comment'; number: number; body: string; purpose: 'stale' | 'close' }
  | { kind: 'close'; number: number; reason: 'stale' | 'violation' };

export interface AdaptiveLimit {
  mergedInWindow: number;
  windowDays: number;
  perDay: number;
  targetReviewDays: number;
  raw: number; // ceil(perDay × targetReviewDays)
  min: number;
  max: number | null;
  limit: number;
}

export interface Plan {
  mode: 'gate' | 'advance' | 'sweep';
  now: string;
  wipLimit: number; // 0 = off
  adaptive?: AdaptiveLimit;
  queueSize: number;
  /** Every evaluated PR, in queue order (countable first, by position). */
  decisions: Decision[];
  /** The triggering PR's decision (gate). */
  subject?: Decision;
  writes: WriteOp[];
  /** Closes the plan wanted but max-closes-per-run held back. */
  deferredCloses: number[];
}

export type { Rule };

/** What a run is about: one PR (gate), the queue after a close (advance), or everything (sweep). */
export type PlanScope = { mode: 'gate'; number: number } | { mode: 'advance'; closedNumber: number; closedAuthor?: string } | { mode: 'sweep' };

/** What the writer did with a plan's writes; the reporters show it. */
export interface ExecutionReport {
  dryRun: boolean;
  /** Writes sent and accepted by GitHub (in dry-run: none). */
  applied: WriteOp[];
  /** Writes not sent: dry-run, read-only token, budgets, faults. */
  notApplied: { op: WriteOp; why: string }[];
  /** One line each, already logged as warnings. */
  warnings: string[];
  /** Requests this run sent, by kind (for the report and the benchmark). */
  requests: {
    graphql: number;
    restReads: number;
    restWrites: number;
    graphqlCost: number;
    /** Pages halved after GitHub failed them as too heavy, and the smallest page asked for. */
    pagesShrunk?: number;
    smallestPage?: number;
    /** PRs whose changed files GitHub lists only in part (its files API stops at 3,000). */
    filesCapped?: number[];
  };
}
