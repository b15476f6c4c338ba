// Every open PR in pages of 100, oldest first, with everything the rules need
// in the same query: ⌈N/100⌉ requests for the whole queue, plus follow-ups
// only for the few PRs whose nested lists exceed their first page. Pages that
// GitHub fails as too heavy are halved. Only the facts the core needs are
// kept: comment bodies are not read, except the action's own comments, whose
// bodies ride along with the next page's query (by node id).
import type { PullRequest } from '../core/types.js';
import type { GitHubSession } from './session.js';
import { applyOwnComments, ownComments, toPullRequest, type OwnCommentNode, type PullRequestNode } from './convert.js';
import { query, readShrinking } from './graphql.js';
import { OPEN_PULL_REQUESTS_QUERY, OWN_COMMENTS_QUERY } from './queries.js';
import { completeNestedLists, noteCappedFiles } from './read-nested.js';

interface Page {
  own: ({ id: string; body: string } | null)[];
  repository: {
    pullRequests: {
      totalCount: number;
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
      nodes: PullRequestNode[];
    };
  };
}

export interface QueueReadOptions {
  withFiles: boolean;
  /** Linked issues (numbers), and their assignees and labels. */
  withIssues: boolean;
  withIssueFacts: boolean;
  /** Pending review requests (review capacity). */
  withReviewRequests: boolean;
  statusContext: string;
  actor: string;
  onProgress?: (read: number, total: number) => void;
}

/** Open PRs per page before any shrinking (GitHub's maximum). */
const PAGE_SIZE = 100;
/** GitHub's limit on `nodes(ids:)`. */
const IDS_PER_QUERY = 100;

/** The action's own comments whose bodies are still to be read, and the PRs they belong to. */
class OwnCommentBodies {
  private readonly unread = new Map<string, OwnCommentNode>();
  private readonly queue: string[] = [];
  private readonly owners: [PullRequest, OwnCommentNode[]][] = [];

  add(pr: PullRequest, own: OwnCommentNode[]): void {
    if (own.length === 0) return;
    this.owners.push([pr, own]);
    for (const comment of own) {
      this.unread.set(comment.id, comment);
      this.queue.push(comment.id);
    }
  }

  /** The next ids to ask for (at most IDS_PER_QUERY). */
  next(): string[] {
    return this.queue.slice(0, IDS_PER_QUERY);
  }

  receive(asked: string[], bodies: ({ id: string; body: string } | null)[]): void {
    this.queue.splice(0, asked.length);
    for (const found of bodies) {
      const comment = found && this.unread.get(found.id);
      if (comment) comment.body = found.body;
    }
    for (const id of asked) this.unread.delete(id);
  }

  /** Sets each PR's sticky comment and stale mark; a comment deleted meanwhile has no body and does not count. */
  apply(): void {
    for (const [pr, own] of this.owners) applyOwnComments(pr, own);
  }
}

/**
 * Every open PR of `repo`, oldest first (GitHub GraphQL `repository.pullRequests`,
 * pages of PAGE_SIZE or fewer after a heavy page failed), each with whole
 * nested lists. Adds to `counts` (requests, points, pages shrunk, PRs whose
 * files GitHub caps). Throws Octokit's error when GitHub fails a page of the
 * smallest size.
 */
export async function readOpenPullRequests(session: GitHubSession, options: QueueReadOptions): Promise<PullRequest[]> {
  const pullRequests: PullRequest[] = [];
  const bodies = new OwnCommentBodies();
  let cursor: string | null = null;
  let size = PAGE_SIZE;
  for (;;) {
    const asked = bodies.next();
    const variables = {
      ...session.repo,
      cursor,
      withFiles: options.withFiles,
      withBodies: false,
      own: asked,
      withIssues: options.withIssues,
      withIssueFacts: options.withIssueFacts,
      withIssueClaims: false,
      withReviewRequests: options.withReviewRequests
    };
    const read: { result: Page; size: number } = await readShrinking(
      session,
      size,
      'open pull requests',
      (pageSize, request) => query<Page>(session, OPEN_PULL_REQUESTS_QUERY, { ...variables, pageSize }, request)
    );
    size = read.size;
    bodies.receive(asked, read.result.own);
    const connection = read.result.repository.pullRequests;
    await completeNestedLists(session, connection.nodes, false);
    for (const node of connection.nodes) {
      const pr = toPullRequest(node, options.actor, options.statusContext);
      pullRequests.push(pr);
      bodies.add(pr, ownComments(node, options.actor));
      noteCappedFiles(node, session.counts);
    }
    options.onProgress?.(pullRequests.length, connection.totalCount);
    if (!connection.pageInfo.hasNextPage || !connection.pageInfo.endCursor) break;
    cursor = connection.pageInfo.endCursor;
  }
  for (let asked = bodies.next(); asked.length > 0; asked = bodies.next()) {
    const data = await query<{ own: ({ id: string; body: string } | null)[] }>(session, OWN_COMMENTS_QUERY, {
      own: asked
    });
    bodies.receive(asked, data.own);
  }
  bodies.apply();
  return pullRequests;
}
