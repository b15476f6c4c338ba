// GitHub's GraphQL shapes -> the core's PullRequest. Logins are written as
// REST and webhooks write them: GraphQL returns bots by their bare name.
import type { Association } from '../config/types.js';
import type { CurrentStatus, HeadCheck, Mergeable, PullRequest, PullRequestEvent, ReviewState } from '../core/types.js';
import { CLOSE_MARKER, STALE_MARKER, STICKY_MARKER } from '../core/markers.js';
import { sameLogin, UNKNOWN_LOGIN } from '../core/logins.js';
import { byCodeUnits } from '../core/compare.js';
import { toClosingIssues, type ClosingIssuesNode } from './convert-issues.js';

export interface ActorNode {
  __typename?: string;
  login: string;
}

/** A nested list as the reader asks for it (NESTED_LISTS): a page of nodes, and where the next page starts. */
export interface ListConnection<T> {
  totalCount?: number;
  pageInfo?: {
    hasNextPage?: boolean;
    endCursor?: string | null;
    hasPreviousPage?: boolean;
    startCursor?: string | null;
  };
  nodes: T[];
}

export interface CommentNode {
  /** GraphQL node id, to fetch the body of the action's own comments later. */
  id?: string;
  databaseId: number | null;
  /** Whether the token's account wrote it: the action's own comments. */
  viewerDidAuthor?: boolean;
  /** Read with the gate's single PR only; the sweep fetches own comments' bodies by id. */
  body?: string;
  createdAt: string;
  authorAssociation: Association;
  author: ActorNode | null;
}

export interface PullRequestNode {
  number: number;
  title: string;
  url: string;
  author: ActorNode | null;
  authorAssociation: Association;
  createdAt: string;
  isDraft: boolean;
  locked?: boolean;
  baseRefName: string;
  headRefName: string;
  headRefOid: string;
  additions: number;
  deletions: number;
  changedFiles: number;
  mergeable: Mergeable;
  milestone: { number: number } | null;
  labels: ListConnection<{ name: string }> | null;
  assignees: ListConnection<{ login: string }>;
  files?: ListConnection<{ path: string }> | null;
  reviewRequests?: ListConnection<{ requestedReviewer: RequestedReviewerNode | null }> | null;
  commits: {
    nodes: {
      commit: {
        committedDate: string;
        status: { contexts: { context: string; state: string; description: string | null }[] } | null;
        statusCheckRollup?: { contexts: { nodes: (RollupContextNode | null)[] } } | null;
      };
    }[];
  };
  comments: ListConnection<CommentNode>;
  reviews: ListConnection<{
    state: ReviewState;
    submittedAt: string | null;
    authorAssociation: Association;
    author: ActorNode | null;
  }> | null;
  timelineItems: ListConnection<{
    __typename: string;
    createdAt?: string;
    actor?: ActorNode | null;
    requestedReviewer?: RequestedReviewerNode | null;
  } | null>;
  /** Present when the read asked for linked issues. */
  closingIssuesReferences?: ClosingIssuesNode;
}

type RollupContextNode =
  | { __typename: 'CheckRun'; name: string; conclusion: string | null; completedAt: string | null }
  | { __typename: 'StatusContext'; context: string; state: string; createdAt: string };

/** A REST-style login: `dependabot[bot]` for the bot GraphQL calls `dependabot`. */
/** A requested reviewer as the core spells it: a login (bots as name[bot]) or `org/team`. */
export interface RequestedReviewerNode {
  __typename?: string;
  login?: string;
  combinedSlug?: string;
}

export function reviewerName(node: RequestedReviewerNode | null | undefined): string | undefined {
  if (!node) return undefined;
  if (node.__typename === 'Team') return node.combinedSlug;
  return node.login ? restLogin({ __typename: node.__typename, login: node.login }) : undefined;
}

/** The reviewers of a PR's pending review requests, as the core spells them. */
export function requestedReviewers(
  list: { nodes: ({ requestedReviewer: RequestedReviewerNode | null } | null)[] } | null | undefined
): string[] {
  return (list?.nodes ?? []).flatMap((n) => {
    const name = reviewerName(n?.requestedReviewer);
    return name ? [name] : [];
  });
}

export function restLogin(actor: ActorNode | null | undefined): string {
  if (!actor) return UNKNOWN_LOGIN;
  return actor.__typename === 'Bot' && !actor.login.endsWith('[bot]') ? `${actor.login}[bot]` : actor.login;
}

const TIMELINE_KINDS: Record<string, PullRequestEvent['kind']> = {
  ReopenedEvent: 'reopened',
  ReadyForReviewEvent: 'ready_for_review',
  HeadRefForcePushedEvent: 'commit',
  ReviewRequestedEvent: 'review_requested'
};

function eventsOf(node: PullRequestNode, author: string): PullRequestEvent[] {
  const events: PullRequestEvent[] = [];
  for (const c of node.comments.nodes) {
    events.push({ kind: 'comment', actor: restLogin(c.author), association: c.authorAssociation, at: c.createdAt });
  }
  for (const r of node.reviews?.nodes ?? []) {
    if (!r.submittedAt) continue; // a pending review is invisible to everyone else
    events.push({
      kind: 'review',
      actor: restLogin(r.author),
      association: r.authorAssociation,
      at: r.submittedAt,
      reviewState: r.state
    });
  }
  const head = node.commits.nodes[0]?.commit;
  if (head) events.push({ kind: 'commit', actor: author, at: head.committedDate });
  for (const item of node.timelineItems.nodes) {
    const kind = item && TIMELINE_KINDS[item.__typename];
    if (!kind || !item.createdAt) continue;
    const reviewer = kind === 'review_requested' ? reviewerName(item.requestedReviewer) : undefined;
    events.push({ kind, actor: restLogin(item.actor), at: item.createdAt, ...(reviewer ? { reviewer } : {}) });
  }
  return events.sort((a, b) => byCodeUnits(a.at, b.at));
}

function currentStatusOf(node: PullRequestNode, statusContext: string): CurrentStatus | undefined {
  const context = node.commits.nodes[0]?.commit.status?.contexts.find((c) => c.context === statusContext);
  if (!context) return undefined;
  return { state: context.state.toLowerCase() as CurrentStatus['state'], description: context.description ?? '' };
}

/** The head commit's status contexts and check runs; a check run in progress reads as `pending`. */
function checksOf(node: PullRequestNode): HeadCheck[] {
  const contexts = node.commits.nodes[0]?.commit.statusCheckRollup?.contexts.nodes ?? [];
  return contexts.flatMap((c): HeadCheck[] => {
    if (!c) return [];
    if (c.__typename === 'CheckRun')
      return [
        {
          name: c.name,
          state: (c.conclusion ?? 'pending').toLowerCase(),
          ...(c.completedAt ? { at: c.completedAt } : {})
        }
      ];
    return [{ name: c.context, state: c.state.toLowerCase(), at: c.createdAt }];
  });
}

/** The action's own comment: GitHub says so (`viewerDidAuthor`), or, where not asked, its author is the token's account. */
function isOwn(comment: CommentNode, actor: string): boolean {
  if (typeof comment.viewerDidAuthor === 'boolean') return comment.viewerDidAuthor;
  return comment.author !== null && sameLogin(restLogin(comment.author), actor);
}

/** One of the action's own comments; `body` once read. */
export interface OwnCommentNode {
  id: string;
  databaseId: number;
  createdAt: string;
  body?: string;
}

/** The action's own comments on a PR (written by the token's account), oldest first. */
export function ownComments(node: PullRequestNode, actor: string): OwnCommentNode[] {
  return node.comments.nodes
    .filter((c) => isOwn(c, actor) && c.databaseId !== null)
    .map((c) => ({
      id: c.id ?? String(c.databaseId),
      databaseId: c.databaseId as number,
      createdAt: c.createdAt,
      body: c.body
    }));
}

/**
 * The sticky comment (the oldest: copies from racing runs are deleted), the
 * stale messages and the close comment among the action's own comments whose
 * bodies are known; the other bodies are not kept.
 */
export function applyOwnComments(pr: PullRequest, own: OwnCommentNode[]): void {
  const oldestFirst = [...own].sort((a, b) => byCodeUnits(a.createdAt, b.createdAt) || a.databaseId - b.databaseId);
  const withMarker = (marker: string) => oldestFirst.filter((c) => c.body?.includes(marker));
  const stickies = withMarker(STICKY_MARKER);
  const staleComments = withMarker(STALE_MARKER);
  pr.sticky = stickies[0] ? { id: stickies[0].databaseId, body: stickies[0].body as string } : undefined;
  pr.extraStickyIds = stickies.slice(1).map((c) => c.databaseId);
  pr.staleMarkedAt = staleComments.at(-1)?.createdAt;
  pr.staleComments = staleComments.map((c) => ({ id: c.databaseId, at: c.createdAt }));
  pr.closeCommentedAt = withMarker(CLOSE_MARKER).at(-1)?.createdAt;
}

/**
 * The core's PullRequest from a PR node whose nested lists are complete
 * (read-nested.ts). Own comments count when their bodies came with the node
 * (the gate's read); otherwise the caller applies them (applyOwnComments).
 */
export function toPullRequest(node: PullRequestNode, actor: string, statusContext: string): PullRequest {
  const author = restLogin(node.author);
  const pr: PullRequest = {
    number: node.number,
    title: node.title,
    url: node.url,
    author,
    authorAssociation: node.authorAssociation,
    createdAt: node.createdAt,
    isDraft: node.isDraft,
    baseRef: node.baseRefName,
    headRef: node.headRefName,
    headSha: node.headRefOid,
    labels: (node.labels?.nodes ?? []).map((l) => l.name),
    assignees: node.assignees.nodes.map((a) => a.login),
    hasMilestone: node.milestone !== null,
    additions: node.additions,
    deletions: node.deletions,
    changedFiles: node.changedFiles,
    files: node.files ? node.files.nodes.map((f) => f.path) : undefined,
    ...(node.reviewRequests ? { reviewRequests: requestedReviewers(node.reviewRequests) } : {}),
    mergeable: node.mergeable,
    events: eventsOf(node, author),
    status: currentStatusOf(node, statusContext),
    closingIssues: node.closingIssuesReferences ? toClosingIssues(node.closingIssuesReferences) : undefined,
    locked: node.locked ?? false,
    checks: checksOf(node)
  };
  applyOwnComments(pr, ownComments(node, actor));
  return pr;
}
