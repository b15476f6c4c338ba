// What the pure core reads (Snapshot) and what it decides (Plan).
// The reader builds a Snapshot from GitHub; plan(snapshot, config, now)
// returns a Plan; the writer and the reporters act on the Plan.
import type { Association, Rule, ViolationFeedback, WaitingFeedback } from '../config/types.js';
import type { QueueFacts } from './queue.js';
import type { LineCounts } from './admission.js';
import type { ReviewHistory } from './review-capacity.js';
import type { Assignment } from './assign-reviewers.js';
import type { ReviewerRow } from './reviewer-report.js';

export type ReviewState = 'APPROVED' | 'CHANGES_REQUESTED' | 'COMMENTED' | 'DISMISSED' | 'PENDING';
export type Mergeable = 'MERGEABLE' | 'CONFLICTING' | 'UNKNOWN';

/** Someone's act on a PR that may count as activity (README "Stale lifecycle"). */
export interface PullRequestEvent {
  /** `review_requested` is not activity (README "Stale lifecycle"); it only tells whose move it is. */
  kind: 'comment' | 'review' | 'commit' | 'reopened' | 'ready_for_review' | 'review_requested';
  actor: string; // REST-style login (bots as name[bot]); '' when unknown
  association?: Association; // for comments and reviews
  at: string; // ISO time
  reviewState?: ReviewState; // for reviews
  /** For review_requested: who was asked (a login, or `org/team`). */
  reviewer?: string;
}

/** The action's own sticky comment on a PR, found by its hidden marker. */
export interface StickyComment {
  id: number; // REST id, for PATCH /issues/comments/{id}
  body: string;
}

/**
 * One check on the head commit: a commit status context or a check run.
 * `state` is GitHub's, lower-cased: a status context's state (error, failure,
 * pending, success, expected) or a check run's conclusion (failure, timed_out,
 * success, …; `pending` while it runs).
 */
export interface HeadCheck {
  name: string;
  state: string;
  /** When the status was set or the check run completed (ISO); absent while a run is in progress. */
  at?: string;
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
  /**
   * Pending review requests: logins (bots as name[bot]) and `org/team` names; read when a rule has
   * max-review-requests or assign-reviewers is on (README "Review capacity").
   */
  reviewRequests?: string[];
  mergeable: Mergeable;
  /** Comments, reviews, pushes, reopen and ready-for-review events, oldest first. */
  events: PullRequestEvent[];
  /** The action's current status on the head commit, if any. */
  status?: CurrentStatus;
  /** The oldest of the action's own sticky comments: the one it keeps. */
  sticky?: StickyComment;
  /** Newer copies of the sticky comment that racing runs left (REST ids); the core plans their deletion. */
  extraStickyIds?: number[];
  /** When the action last posted its stale message on the PR. */
  staleMarkedAt?: string;
  /** Every stale message the action posted on the PR, oldest first (REST ids). */
  staleComments?: OwnComment[];
  /** Issues the PR closes when merged (GitHub's closingIssuesReferences); read only when a rule needs them. */
  closingIssues?: ClosingIssues;
  /** When the action last posted a close comment on the PR (stale or violation close). */
  closeCommentedAt?: string;
  /** The conversation is locked: the action posts no comment and the stale lifecycle skips it. */
  locked?: boolean;
  /** The head commit's status contexts and check runs (the action's own context included). */
  checks?: HeadCheck[];
}

/** The issues a PR closes, as far as they were read. */
export interface ClosingIssues {
  issues: LinkedIssue[];
  /** False when GitHub holds more than was read (more issues, assignees or labels): the core then never flags what it cannot see. */
  complete: boolean;
}

/** An issue a PR closes when merged. */
export interface LinkedIssue {
  /** `owner/name` of the issue's repository: a closing keyword can name another repository's issue. */
  repository: string;
  number: number;
  /** REST-style logins; absent when not read. */
  assignees?: string[];
  labels?: string[];
  /** Open PRs that close this issue (the gate reads them live; a sweep knows every open PR). */
  claims?: IssueClaims;
}

/** The open PRs closing one issue, with the facts their order in the queue needs. */
export interface IssueClaims {
  pullRequests: (QueueFacts & { repository: string })[];
  complete: boolean;
}

/** One of the action's own comments, by REST id and creation time. */
export interface OwnComment {
  id: number;
  at: string; // ISO
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
  /** PRs closed in the week, merged ones included (absent when not read). */
  closed?: number;
}

export interface History {
  /** PRs merged within adaptive.throughputWindowDays before now. */
  mergedInWindow: number;
  /** The last 8 weeks, oldest first; the last one is the current, partial week. Empty when only the merge pace was read. */
  weeks: WeekCounts[];
  /** Open PRs now, any state of draft or label (absent when not read): with `closed`, the backlog at each week's end. */
  openNow?: number;
}

export interface Snapshot {
  repository: { owner: string; name: string; defaultBranch: string };
  /** The login the action writes as; its own comments and labels are never activity. */
  actor: string;
  /** Every open PR (sweep, advance) or the PRs the gate needs. */
  pullRequests: PullRequest[];
  authors: Record<string, AuthorStats>;
  history?: History;
  /** Which of the action's labels (labels.ts) exist in the repository; undefined when not read. */
  existingLabels?: string[];
  /** The PRs merged in the throughput window with their reviews, for `max-review-requests: auto`. */
  reviewHistory?: ReviewHistory;
  /**
   * admitted-label's description, which carries the stamp of the queue state (state-stamp.ts):
   * null when the label does not exist, undefined when not read.
   */
  stateStamp?: string | null;
}

/**
 * What a gate reads when search counts suffice: the triggering PR plus
 * counts of the PRs around it (README "API use").
 */
export interface GateCounts {
  /** Countable PRs, violations included. */
  queueSize: number;
  /** The admitted PRs waiting on each reviewer (by reviewerKey), from the seats held: assign-reviewers. */
  reviewerLoads?: Map<string, number>;
  /** The seats held and the waiting line ahead of the PR (admission.ts). */
  line: LineCounts;
  /** The author's countable open PRs created before this one (per-author cap). */
  authorOpenBefore: number;
  /** The author's countable open PRs created after this one: their budgets count this one. */
  authorOpenAfter: number;
  /** Keyed by window days: PRs the author opened in the window before this one. */
  authorOpenedBefore: Record<number, number>;
  /**
   * Open PRs created in the same second as this one that the gate could not read
   * (search compares creation times by the second; ties go by number): the counts cannot place it.
   */
  unreadTies?: number;
}

export type State = 'admitted' | 'waiting' | 'violation' | 'exempt';
export type ExemptReason = 'draft' | 'label' | 'author' | 'base-branch';
export type BudgetName =
  | 'max-open'
  | 'max-open-per-author'
  | 'max-opened-per-author'
  | 'max-changed-lines'
  | 'max-changed-files'
  | 'require-owner'
  | 'require-issue'
  | 'one-pr-per-issue';

export interface Violation {
  rule: string;
  budget: BudgetName;
  /** One line a person understands, e.g. "12,400 changed lines; the limit is 1,000". */
  reason: string;
  /** one-pr-per-issue: the PR that holds the issue, and the issue. */
  holder?: number;
  issue?: number;
}

export type WhoseMove = 'author' | 'maintainers';

export interface StaleDecision {
  whoseMove: WhoseMove;
  /** The signal that decided whose move it is, in words: "changes requested by @x on 2025-03-01". */
  reason: string;
  lastActivity: string; // ISO
  idleDays: number;
  action: 'none' | 'mark' | 'unmark' | 'close';
  neglected: boolean;
  /** The conversation is locked: the lifecycle skipped `skippedAction` (what it would have done). */
  lockedSkip?: 'mark' | 'close';
}

export interface Decision {
  number: number;
  state: State;
  exemptReason?: ExemptReason;
  /**
   * 1-based rank in line (README "How the queue works"): an admitted PR's among the admitted in
   * queue order; a waiting PR's after every admitted PR and the waiting PRs before it.
   */
  position?: number;
  /** position − 1. */
  ahead?: number;
  violations: Violation[];
  /** An area rule full at the PR's turn in the admission walk (named also when the WIP limit is full). */
  waitingOnRule?: string;
  /** That rule's occupancy: PRs it admitted (its max-open, since it is full). */
  waitingOnArea?: { rule: string; admitted: number; maxOpen: number };
  /** It gave its seat up to the waiting line: its author's move for this many days (yield-days). */
  yielded?: number;
  /** assign-reviewers: the reviewer this run asks for, and why (their load and limit). */
  assigned?: Assignment;
  /** A reviewer whose review capacity is full keeps the PR waiting (README "Review capacity"). */
  waitingOnReviewer?: { reviewer: string; rule: string; admitted: number; limit: number };
  /** Carries a priority-labels label, so it comes before every PR without one. */
  priority?: boolean;
  /** Little's law for a PR waiting on the WIP limit, when the merge pace is known and not zero. */
  eta?: ExpectedWait;
  /** One line: the status description, and the job's notice or failure message. */
  summary: string;
  /** What the PR gets for it: `on-waiting` when waiting, `on-violation` or its rules' own when violating. */
  feedback: Feedback[];
  stale?: StaleDecision;
}

/** What a waiting or violating PR gets: a failing status and step, a label, a comment, a close. */
export type Feedback = WaitingFeedback | ViolationFeedback;

/**
 * Writes that share a `unit` go together: the writer budgets them as one
 * (max-writes-per-run never splits them) and sends none of the rest once one
 * of them was not applied (no stale label without its comment, no close
 * without its close comment).
 */
export type WriteOp = (
  | { kind: 'create-label'; name: string; color: string; description: string }
  | {
      kind: 'status';
      number: number;
      sha: string;
      state: 'success' | 'failure';
      description: string;
      /** Set when `sha` is a merge queue's temporary commit carrying PR `number`, not the PR's head. */
      mergeGroup?: true;
    }
  | { kind: 'add-label'; number: number; label: string }
  | { kind: 'remove-label'; number: number; label: string }
  | { kind: 'sticky-comment'; number: number; body: string; commentId?: number }
  /**
   * `postedSince` (stale messages): a stale message of the action's own posted at or after this
   * time and before this one comes from a racing run, so the writer deletes the copy it has just posted.
   */
  | { kind: 'comment'; number: number; body: string; purpose: 'stale' | 'close'; postedSince?: string }
  /** Deletes a copy of the action's own comment that a race left behind. */
  | { kind: 'delete-comment'; number: number; commentId: number; purpose: 'sticky' | 'stale' }
  | { kind: 'close'; number: number; reason: 'stale' | 'violation' }
  /** assign-reviewers: a review request (a login, or `org/team` for a team review request). */
  | { kind: 'request-review'; number: number; reviewer: string }
  /**
   * The stamp of the queue state in admitted-label's description (state-stamp.ts): sent only
   * when every write before it was applied, since it vouches for them. `exists`: update, else create.
   */
  | { kind: 'stamp-label'; name: string; color: string; description: string; exists: boolean }
) & { unit?: string };

/** How long a waiting PR can expect to wait: the PRs ahead of it beyond the limit at the merge pace. */
export interface ExpectedWait {
  /** Fractional days; 0 < days. */
  days: number;
  /** Merges per day over the throughput window. */
  perDay: number;
}

/** PRs merged per day over the throughput window (read with the history). */
export interface MergePace {
  mergedInWindow: number;
  windowDays: number;
  perDay: number;
}

/** One week of inflow and throughput, with the open backlog at its end when known. */
export interface WeekFlow extends WeekCounts {
  /** Open PRs at the week's end (for the current week: now). */
  openAtEnd?: number;
  /** The current week, not over yet. */
  partial: boolean;
  /** Days of data in the week: 7, or fewer for the current one. */
  days: number;
}

/** Inflow versus throughput over the full weeks of the history (the report's chart and its "what next"). */
export interface Flow {
  weeks: WeekFlow[];
  /** Averages over the full weeks. */
  fullWeeks: number;
  openedPerWeek: number;
  mergedPerWeek: number;
  /** Closed unmerged, when the history read closes. */
  closedUnmergedPerWeek?: number;
  /** opened − closed (merged + unmerged) per week: > 0 means the open queue grows. */
  growthPerWeek: number;
}

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
  /** How the run knew the queue: search counts (a gate at constant cost, only its PR read) or every open PR. */
  read: 'counts' | 'queue';
  now: string;
  wipLimit: number; // 0 = off
  adaptive?: AdaptiveLimit;
  /** The merge pace, when the run read the history: the source of every expected wait. */
  pace?: MergePace;
  /** Weekly inflow, merges and backlog, when the run read the weekly history. */
  flow?: Flow;
  queueSize: number;
  /** Every evaluated PR, in queue order (countable first, by position). */
  decisions: Decision[];
  /** The triggering PR's decision (gate). */
  subject?: Decision;
  /** Why a gate read the whole queue instead of counting (README "API use"), when it did. */
  wholeQueueReason?: string;
  writes: WriteOp[];
  /** Closes the plan wanted but max-closes-per-run held back. */
  deferredCloses: number[];
  /** Stale PRs due to close that stay open, marked: the author has write access (README "Stale lifecycle"). */
  keptOpen: number[];
  /** Review capacity per reviewer (reviewer-report.ts), when it or assignment is on and the queue was read. */
  reviewers?: ReviewerRow[];
  /** Issues of this repository that more than one open PR closes (when linked issues were read). */
  sharedIssues?: SharedIssue[];
}

/** One issue several open PRs close: the holder first, then the others in queue order. */
export interface SharedIssue {
  number: number;
  /** The first countable PR in queue order; undefined when none of them counts (drafts, exempt). */
  holder?: number;
  pullRequests: number[];
}

export type { Rule };

/** What a run is about: one PR (gate), the queue after a close (advance), or everything (sweep). */
export type PlanScope =
  | { mode: 'gate'; number: number }
  | { mode: 'advance'; closedNumber: number; closedAuthor?: string }
  | { mode: 'sweep' };

/** What the writer did with a plan's writes; the reporters show it. */
export interface ExecutionReport {
  dryRun: boolean;
  /** Writes sent and accepted by GitHub (in dry-run: none). */
  applied: WriteOp[];
  /** Writes not sent: dry-run, read-only token, budgets, faults. */
  notApplied: { op: WriteOp; why: string }[];
  /** One line each, already logged as warnings. */
  warnings: string[];
  /** Set when GitHub failures left writes undone (the step fails with it). */
  failure?: string;
  /** Requests this run sent, by kind (for the report and the benchmark). */
  requests: RequestCounts;
}

/** What a run asked of GitHub, tallied as it goes (the session's `counts`). */
export interface RequestCounts {
  graphql: number;
  restReads: number;
  restWrites: number;
  graphqlCost: number;
  /** Times a GraphQL page was halved because GitHub failed it as too heavy (graphql.ts). */
  pagesShrunk?: number;
  /** The smallest page size asked for after shrinking. */
  smallestPage?: number;
  /** PRs whose changed files GitHub lists only in part (its files API stops at 3,000). */
  filesCapped?: number[];
  /** REST requests left this hour, from the latest REST answer's `x-ratelimit-remaining` (any status). */
  restRemaining?: number;
}
