// Every open PR in pages of 100, oldest first, with everything the rules need
// in the same query: ⌈N/100⌉ requests for the whole queue.
import type { PullRequest } from '../core/types.js';
import type { Client, RequestCounts } from './client.js';
import { toPullRequest, type PullRequestNode } from './convert.js';
import { query } from './graphql.js';
import { OPEN_PULL_REQUESTS_QUERY } from './queries.js';
import type { RepoRef } from './repo.js';

interface Page {
  repository: {
    pullRequests: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: PullRequestNode[] };
  };
}

export interface QueueReadOptions {
  withFiles: boolean;
  /** Linked issues (numbers), and their assignees and labels. */
  withIssues: boolean;
  withIssueFacts: boolean;
  statusContext: string;
  actor: string;
  onProgress?: (read: number, total: number) => void;
}

export async function readOpenPullRequests(client: Client, repo: RepoRef, options: QueueReadOptions, counts: RequestCounts): Promise<PullRequest[]> {
  const pullRequests: PullRequest[] = [];
  let cursor: string | null = null;
  for (;;) {
    const page: Page = await query<Page>(client, OPEN_PULL_REQUESTS_QUERY, { ...repo, cursor, withFiles: options.withFiles, withIssues: options.withIssues, withIssueFacts: options.withIssueFacts, withIssueClaims: false }, counts);
    const connection = page.repository.pullRequests;
    for (const node of connection.nodes) pullRequests.push(toPullRequest(node, options.actor, options.statusContext));
    options.onProgress?.(pullRequests.length, connection.totalCount);
    if (!connection.pageInfo.hasNextPage || !connection.pageInfo.endCursor) return pullRequests;
    cursor = connection.pageInfo.endCursor;
  }
}
