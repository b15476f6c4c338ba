// GitHub's GraphQL shapes -> the core's PullRequest. Logins are written as
// REST and webhooks write them: GraphQL returns bots by their bare name.
import type { Association } from '../config/types.js';
import type { CurrentStatus, Mergeable, PullRequest, PullRequestEvent, ReviewState } from '../core/types.js';
import { STALE_MARKER, STICKY_MARKER } from '../core/markers.js';
import { sameLogin } from '../core/logins.js';

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
    nodes: { commit: { committedDate: string; status: { contexts: { context: string; state: string; description: string | null }[] } | null } }[];
  };
  comments: {
    nodes: { databaseId: number | null; body: string; createdAt: string; authorAssociation: Association; author: ActorNode | null }[];
  };
  reviews: {
    nodes: { state: ReviewState; submittedAt: string | null; authorAssociation: Association; author: ActorNode | null }[];
  } | null;
  timelineItems: { nodes: ({ __typename: string; createdAt?: string; actor?: ActorNode | null } | null)[] };
}

/** A REST-style login: `dependabot[bot]` for the bot GraphQL calls `dependabot`. */
export function restLogin(actor: ActorNode | null | undefined): string {
  if (!actor) return 'ghost';
  return actor.__typename === 'Bot' && !actor.login.endsWith('[bot]') ? `${actor.login}[bot]` : actor.login;
}

const TIMELINE_KINDS: Record<string, PullRequestEvent['kind']> = {
  ReopenedEvent: 'reopened',
  ReadyForReviewEvent: 'ready_for_review',
  HeadRefForcePushedEvent: 'commit'
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

function isOwn(comment: { author: ActorNode | null }, actor: string): boolean {
  return comment.author !== null && sameLogin(restLogin(comment.author), actor);
}

export function toPullRequest(node: PullRequestNode, actor: string, statusContext: string): PullRequest {
  const author = restLogin(node.author);
  const own = node.comments.nodes.filter((c) => isOwn(c, actor) && c.databaseId !== null);
  const sticky = own.filter((c) => c.body.includes(STICKY_MARKER)).pop();
  const staleMark = own.filter((c) => c.body.includes(STALE_MARKER)).pop();
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
    staleMarkedAt: staleMark?.createdAt
  };
}
