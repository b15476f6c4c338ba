// Each reviewer's pace for `max-review-requests: auto`: the PRs merged in the
// throughput window with their reviews and review requests (one search,
// paged), converted for the core (core/review-capacity.ts counts them).
import type { ReviewHistory } from '../core/review-capacity.js';
import { mergedInWindowSearch } from '../core/history-searches.js';
import { restLogin, reviewerName, type ActorNode, type RequestedReviewerNode } from './convert.js';
import { query } from './graphql.js';
import { REVIEW_HISTORY_QUERY } from './queries.js';
import type { GitHubSession } from './session.js';

interface MergedNode {
  number?: number;
  author?: ActorNode | null;
  reviews?: { nodes: ({ author: ActorNode | null; submittedAt: string | null } | null)[] };
  timelineItems?: { nodes: ({ createdAt?: string; requestedReviewer?: RequestedReviewerNode | null } | null)[] };
}

interface Page {
  search: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: (MergedNode | null)[] };
}

/** GitHub's issue search returns at most 1,000 results: the pace of the 1,000 newest merges. */
const MAX_RESULTS = 1000;

/**
 * The PRs of `session.repo` merged in the `windowDays` before `now` (GitHub GraphQL `search`,
 * pages of 50, at most 1,000 PRs), each with its last 50 reviews and first 20 review requests: a
 * PR with more counts fewer, so a pace errs low and a reviewer's limit with it, never high.
 * Throws what `query` throws.
 */
export async function readReviewHistory(session: GitHubSession, now: Date, windowDays: number): Promise<ReviewHistory> {
  const q = mergedInWindowSearch(session.repo, now, windowDays);
  const pullRequests: ReviewHistory['pullRequests'] = [];
  let cursor: string | null = null;
  for (let read = 0; read < MAX_RESULTS; read += 50) {
    const page: Page = await query<Page>(session, REVIEW_HISTORY_QUERY, { q, cursor });
    for (const node of page.search.nodes) {
      if (!node || node.number === undefined) continue;
      pullRequests.push({
        author: restLogin(node.author),
        reviews: (node.reviews?.nodes ?? []).flatMap((r) =>
          r?.submittedAt ? [{ author: restLogin(r.author), at: r.submittedAt }] : []
        ),
        requests: (node.timelineItems?.nodes ?? []).flatMap((e) => {
          const reviewer = reviewerName(e?.requestedReviewer);
          return reviewer && e?.createdAt ? [{ reviewer, at: e.createdAt }] : [];
        })
      });
    }
    if (!page.search.pageInfo.hasNextPage || !page.search.pageInfo.endCursor) break;
    cursor = page.search.pageInfo.endCursor;
  }
  return { windowDays, pullRequests };
}
