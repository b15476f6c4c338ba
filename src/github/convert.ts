// GitHub's GraphQL shapes -> the core's PullRequest. Logins are written as
// REST and webhooks write them: GraphQL returns bots by their bare name.
import type { Association } from '../config/types.js';
import type { CurrentStatus, HeadCheck, Mergeable, PullRequest, PullRequestEvent, ReviewState } from '../core/types.js';
import { CLOSE_MARKER, STALE_MARKER, STICKY_MARKER } from '../core/markers.js';
import { sameLogin, UNKNOWN_LOGIN } from '../core/logins.js';
import { toClosingIssues, type ClosingIssuesNode } from './convert-issues.js';

interface ActorNode {
  __typename?: string;
  login: string;
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
  labels: { nodes: { name: string }[] } | null;
  assignees: { nodes: { login: string }[] };
  files?: { nodes: { path: string }[] } | null;
  commits: {
    nodes: {
      commit: {
        committedDate: string;
        status: { contexts: { context: string; state: string; description: string | null }[] } | null;
        statusCheckRollup?: { contexts: { nodes: (RollupContextNode | null)[] } } | null;
      };
    }[];
  };
  comments: {
    nodes: { databaseId: number | null; body: string; createdAt: string; authorAssociation: Association; author: ActorNode | null }[];
  };
  reviews: {
    nodes: { state: ReviewState; submittedAt: string | null; authorAssociation: Association; author: ActorNode | null }[];
  } | null;
  timelineItems: { nodes: ({ __typename: string; createdAt?: string; actor?: ActorNode | null } | null)[] };
  /** Present when the read asked for linked issues. */
  closingIssuesReferences?: ClosingIssuesNode;
}

type RollupContextNode =
  | { __typename: 'CheckRun'; name: string; conclusion: string | null; completedAt: string | null }
  | { __typename: 'StatusContext'; context: string; state: string; createdAt: string };

/** A REST-style login: `dependabot[bot]` for the bot GraphQL calls `dependabot`. */
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
    events.push({ kind: 'review', actor: restLogin(r.author), association: r.authorAssociation, at: r.submittedAt, reviewState: r.state });
  }
  const head = node.commits.nodes[0]?.commit;
  if (head) events.push({ kind: 'commit', actor: author, at: head.committedDate });
  for (const item of node.timelineItems.nodes) {
    const kind = item && TIMELINE_KINDS[item.__typename];
    if (kind && item.createdAt) events.push({ kind, actor: restLogin(item.actor), at: item.createdAt });
  }
  return events.sort((a, b) => a.at.localeCompare(b.at));
}

function statusOf(node: PullRequestNode, statusContext: string): CurrentStatus | undefined {
  const context = node.commits.nodes[0]?.commit.status?.contexts.find((c) => c.context === statusContext);
  if (!context) return undefined;
  return { state: context.state.toLowerCase() as CurrentStatus['state'], description: context.description ?? '' };
}

/** The head commit's status contexts and check runs; a check run in progress reads as `pending`. */
function checksOf(node: PullRequestNode): HeadCheck[] {
  const contexts = node.commits.nodes[0]?.commit.statusCheckRollup?.contexts.nodes ?? [];
  return contexts.flatMap((c): HeadCheck[] => {
    if (!c) return [];
    if (c.__typename === 'CheckRun') return [{ name: c.name, state: (c.conclusion ?? 'pending').toLowerCase(), ...(c.completedAt ? { at: c.completedAt } : {}) }];
    return [{ name: c.context, state: c.state.toLowerCase(), at: c.createdAt }];
  });
}

function isOwn(comment: { author: ActorNode | null }, actor: string): boolean {
  return sameLogin(restLogin(comment.author), actor);
}

export function toPullRequest(node: PullRequestNode, actor: string, statusContext: string): PullRequest {
  const author = restLogin(node.author);
  const own = node.comments.nodes.filter((c) => isOwn(c, actor) && c.databaseId !== null);
  // GitHub lists comments oldest first.
  const stickies = own.filter((c) => c.body.includes(STICKY_MARKER));
  const sticky = stickies[0];
  const staleComments = own.filter((c) => c.body.includes(STALE_MARKER));
  const staleMark = staleComments.at(-1);
  const closeNotice = own.filter((c) => c.body.includes(CLOSE_MARKER)).pop();
  return {
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
    mergeable: node.mergeable,
    events: eventsOf(node, author),
    status: statusOf(node, statusContext),
    sticky: sticky ? { id: sticky.databaseId as number, body: sticky.body } : undefined,
    extraStickyIds: stickies.slice(1).map((c) => c.databaseId as number),
    staleMarkedAt: staleMark?.createdAt,
    staleComments: staleComments.map((c) => ({ id: c.databaseId as number, at: c.createdAt })),
    closingIssues: node.closingIssuesReferences ? toClosingIssues(node.closingIssuesReferences) : undefined,
    closeCommentedAt: closeNotice?.createdAt,
    locked: node.locked ?? false,
    checks: checksOf(node)
  };
}
