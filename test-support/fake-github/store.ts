// The fake GitHub's state: one repository, its pull requests, labels and
// commit statuses, and the tokens it accepts. Logins are written as REST
// writes them (bots as `name[bot]`); GraphQL views strip the suffix.

export type Association =
  'OWNER' | 'MEMBER' | 'COLLABORATOR' | 'CONTRIBUTOR' | 'FIRST_TIME_CONTRIBUTOR' | 'FIRST_TIMER' | 'MANNEQUIN' | 'NONE';
export type ActorType = 'User' | 'Bot';
export type PullRequestState = 'OPEN' | 'CLOSED' | 'MERGED';
export type Mergeable = 'MERGEABLE' | 'CONFLICTING' | 'UNKNOWN';
export type ReviewState = 'APPROVED' | 'CHANGES_REQUESTED' | 'COMMENTED' | 'DISMISSED' | 'PENDING';
export type StatusState = 'error' | 'failure' | 'pending' | 'success';
export type TokenAccess = 'write' | 'read';
export type TimelineEventType =
  | 'ReopenedEvent'
  | 'ReadyForReviewEvent'
  | 'HeadRefForcePushedEvent'
  | 'ConvertToDraftEvent'
  | 'ClosedEvent'
  | 'ReviewRequestedEvent';
export type CheckConclusion =
  | 'ACTION_REQUIRED'
  | 'CANCELLED'
  | 'FAILURE'
  | 'NEUTRAL'
  | 'SKIPPED'
  | 'STALE'
  | 'STARTUP_FAILURE'
  | 'SUCCESS'
  | 'TIMED_OUT';

/** A check run on a commit (GitHub Checks): a CI job's result. */
export interface FakeCheckRun {
  name: string;
  /** Null while the run is in progress. */
  conclusion: CheckConclusion | null;
  completedAt: string | null;
}

export interface FakeComment {
  id: number;
  body: string;
  author: string;
  authorType: ActorType;
  association: Association;
  createdAt: string;
  updatedAt?: string;
}

export interface FakeReview {
  state: ReviewState;
  author: string;
  authorType?: ActorType;
  association: Association;
  /** Null while the review is pending. */
  submittedAt: string | null;
}

export interface FakeTimelineEvent {
  type: TimelineEventType;
  actor: string;
  actorType?: ActorType;
  createdAt: string;
  /** ReviewRequestedEvent: who was asked, a login or `org/team`. */
  requestedReviewer?: string;
}

export interface FakePullRequest {
  number: number;
  title: string;
  author: string;
  authorType: ActorType;
  authorAssociation: Association;
  createdAt: string;
  closedAt: string | null;
  mergedAt: string | null;
  state: PullRequestState;
  isDraft: boolean;
  baseRefName: string;
  headRefName: string;
  headSha: string;
  additions: number;
  deletions: number;
  changedFiles: number;
  files: string[];
  labels: string[];
  assignees: string[];
  milestone: number | null;
  mergeable: Mergeable;
  comments: FakeComment[];
  reviews: FakeReview[];
  timeline: FakeTimelineEvent[];
  /** The head commit's committedDate. */
  lastCommittedAt: string;
  /** The description: a closing keyword (`Fixes #12`) links an issue when the base is the default branch. */
  body?: string;
  /** Issues linked by hand in the sidebar (any base branch). */
  linkedIssues?: number[];
  /** Pending review requests: logins (bots as name[bot]) and `org/team` for teams; a review given ends its reviewer's. */
  reviewRequests?: string[];
  /** The conversation is locked: GitHub refuses the action's comments. */
  locked?: boolean;
}

export interface FakeIssue {
  number: number;
  title: string;
  state: 'OPEN' | 'CLOSED';
  author: string;
  createdAt: string;
  assignees: string[];
  labels: string[];
}

export interface FakeLabel {
  name: string;
  color: string;
  description: string | null;
}

export interface FakeStatus {
  context: string;
  state: StatusState;
  description: string | null;
  target_url: string | null;
  createdAt: string;
}

export interface FakeRepository {
  owner: string;
  name: string;
  defaultBranch: string;
  /** Files on the default branch, by path. */
  files: Record<string, string>;
}

export interface FakeStore {
  repository: FakeRepository;
  pullRequests: FakePullRequest[];
  /** Issues (numbers shared with PRs, as on GitHub: a test keeps them apart). */
  issues: FakeIssue[];
  labels: FakeLabel[];
  /** Statuses by commit sha, oldest first; the latest per context wins. */
  statuses: Record<string, FakeStatus[]>;
  /** Check runs by commit sha. */
  checkRuns?: Record<string, FakeCheckRun[]>;
  tokens: Record<string, TokenAccess>;
  /** The next id for comments, statuses and labels the fake creates. */
  nextId: number;
}

/** Tokens every generated store accepts. */
export const WRITE_TOKEN = 'fake-write-token';
export const READ_TOKEN = 'fake-read-token';

/** The account a token acts as: GraphQL `viewer` (Bot) and REST authorship. */
export const TOKEN_BOT = 'github-actions';
export const TOKEN_BOT_REST_LOGIN = `${TOKEN_BOT}[bot]`;

export function createStore(
  partial: Omit<Partial<FakeStore>, 'repository'> & { repository?: Partial<FakeRepository> } = {}
): FakeStore {
  return {
    repository: { owner: 'acme', name: 'widgets', defaultBranch: 'main', files: {}, ...partial.repository },
    pullRequests: partial.pullRequests ?? [],
    issues: partial.issues ?? [],
    labels: partial.labels ?? [],
    statuses: partial.statuses ?? {},
    checkRuns: partial.checkRuns ?? {},
    tokens: partial.tokens ?? { [WRITE_TOKEN]: 'write', [READ_TOKEN]: 'read' },
    nextId: partial.nextId ?? 1_000_000
  };
}

/** A pull request with plain defaults; `number` and `createdAt` are the facts a test must choose. */
export function makePullRequest(
  fields: Partial<FakePullRequest> & { number: number; createdAt: string }
): FakePullRequest {
  const { number, createdAt } = fields;
  return {
    title: `Change ${number}`,
    author: 'octocat',
    authorType: 'User',
    authorAssociation: 'CONTRIBUTOR',
    closedAt: null,
    mergedAt: null,
    state: 'OPEN',
    isDraft: false,
    baseRefName: 'main',
    headRefName: `change-${number}`,
    headSha: fakeSha(number),
    additions: 10,
    deletions: 2,
    changedFiles: 1,
    files: ['src/index.ts'],
    labels: [],
    assignees: [],
    milestone: null,
    mergeable: 'MERGEABLE',
    comments: [],
    reviews: [],
    timeline: [],
    lastCommittedAt: createdAt,
    body: '',
    linkedIssues: [],
    ...fields
  };
}

/** An open issue with plain defaults. */
export function makeIssue(fields: Partial<FakeIssue> & { number: number }): FakeIssue {
  return {
    title: `Issue ${fields.number}`,
    state: 'OPEN',
    author: 'reporter',
    createdAt: '2026-01-01T00:00:00Z',
    assignees: [],
    labels: [],
    ...fields
  };
}

// GitHub's closing keywords, followed by `#N` or `owner/name#N`.
const CLOSING_KEYWORD = /\b(?:close[sd]?|fix(?:e[sd])?|resolve[sd]?):?\s+(?:([\w.-]+\/[\w.-]+))?#(\d+)\b/gi;

/**
 * The store's issues a PR closes when merged, as GitHub links them: closing
 * keywords in the body (only when the base is the default branch; other
 * repositories' issues are not in the store), then manual links.
 */
export function closingIssues(store: FakeStore, pr: FakePullRequest, userLinkedOnly = false): FakeIssue[] {
  const { owner, name, defaultBranch } = store.repository;
  const numbers: number[] = [];
  if (!userLinkedOnly && pr.baseRefName === defaultBranch) {
    for (const match of (pr.body ?? '').matchAll(CLOSING_KEYWORD)) {
      if (match[1] === undefined || match[1].toLowerCase() === `${owner}/${name}`.toLowerCase())
        numbers.push(Number(match[2]));
    }
  }
  numbers.push(...(pr.linkedIssues ?? []));
  return [...new Set(numbers)].flatMap((n) => store.issues.filter((issue) => issue.number === n));
}

/** A 40-hex sha derived from a number, stable across runs. */
export function fakeSha(seed: number): string {
  let hex = '';
  let x = (seed * 2654435761) >>> 0 || 1;
  while (hex.length < 40) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    hex += x.toString(16).padStart(8, '0');
  }
  return hex.slice(0, 40);
}

export function findPullRequest(store: FakeStore, number: number): FakePullRequest | undefined {
  return store.pullRequests.find((pr) => pr.number === number);
}

export function isRepository(store: FakeStore, owner: string, name: string): boolean {
  return (
    store.repository.owner.toLowerCase() === owner.toLowerCase() &&
    store.repository.name.toLowerCase() === name.toLowerCase()
  );
}

/** The newest status of each context on a commit, in first-seen order. */
export function latestStatuses(store: FakeStore, sha: string): FakeStatus[] {
  const byContext = new Map<string, FakeStatus>();
  for (const status of store.statuses[sha] ?? []) byContext.set(status.context, status);
  return [...byContext.values()];
}

export function nextId(store: FakeStore): number {
  return store.nextId++;
}

/** GraphQL writes a bot's login without `[bot]`. */
export function graphqlLogin(login: string, type: ActorType): string {
  return type === 'Bot' ? login.replace(/\[bot\]$/, '') : login;
}
