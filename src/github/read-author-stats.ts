// Per-author facts the per-author budgets need beyond the open queue: how
// many PRs each author opened in a rate rule's window (closed ones too), and
// merged counts for the authors a `trusted-after-merged` exemption could save.
import type { Config } from '../config/types.js';
import type { AuthorStats, PullRequest } from '../core/types.js';
import type { GitHubSession } from './session.js';
import { loginKey } from '../core/logins.js';
import { hasPerAuthorBudget, trustCandidates } from '../core/author-budgets.js';
import { restLogin } from './convert.js';
import { query } from './graphql.js';
import { CLOSED_OPENED_SINCE_QUERY } from './queries.js';
import { countSearches } from './search-counts.js';
import { mergedByAuthorSearch } from '../core/search-terms.js';
import { rateWindows } from '../core/rate-windows.js';
import { DAY_MS } from '../core/time.js';

interface OpenedPage {
  repository: {
    pullRequests: {
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
      nodes: { number: number; createdAt: string; author: { __typename?: string; login: string } | null }[];
    };
  };
}

/**
 * Creation times of every PR opened since `since`, by author (keyed by loginKey): the open ones
 * from the queue already read, the closed and merged ones from
 * ⌈closed PRs opened since / 100⌉ requests.
 */
async function openedSince(session: GitHubSession, since: Date, open: PullRequest[]): Promise<Map<string, string[]>> {
  const byAuthor = new Map<string, string[]>();
  // A PR closed between the two reads is in both: count it once.
  const seen = new Set<number>();
  const add = (number: number, login: string, createdAt: string) => {
    if (seen.has(number)) return;
    seen.add(number);
    const key = loginKey(login);
    byAuthor.set(key, [...(byAuthor.get(key) ?? []), createdAt]);
  };
  for (const pr of open) if (new Date(pr.createdAt) >= since) add(pr.number, pr.author, pr.createdAt);
  let cursor: string | null = null;
  for (;;) {
    const page: OpenedPage = await query<OpenedPage>(session, CLOSED_OPENED_SINCE_QUERY, { ...session.repo, cursor });
    const connection = page.repository.pullRequests;
    for (const node of connection.nodes) {
      if (new Date(node.createdAt) < since) return byAuthor;
      add(node.number, restLogin(node.author), node.createdAt);
    }
    if (!connection.pageInfo.hasNextPage || !connection.pageInfo.endCursor) return byAuthor;
    cursor = connection.pageInfo.endCursor;
  }
}

/**
 * The per-author stats the budgets need, keyed by loginKey: `openedAt` (creation times in the
 * longest rate window, closed PRs too) and `merged` (for the trust exemption's candidates only).
 * Costs ⌈closed PRs opened in the window / 100⌉ GraphQL pages plus one request of search counts per
 * 30 candidates; nothing without per-author budgets. Throws what `query` throws.
 */
export async function readAuthorStats(
  session: GitHubSession,
  config: Config,
  pullRequests: PullRequest[],
  now: Date
): Promise<Record<string, AuthorStats>> {
  // Keyed by loginKey; the core looks authors up whatever their spelling.
  const stats: Record<string, AuthorStats> = {};
  if (!hasPerAuthorBudget(config)) return stats;
  const windows = rateWindows(config);
  if (windows.length > 0) {
    const longest = windows[windows.length - 1];
    const opened = await openedSince(session, new Date(now.getTime() - longest * DAY_MS), pullRequests);
    for (const [login, times] of opened) stats[login] = { openedAt: times };
  }
  if (config.trustedAfterMerged > 0) {
    const candidates = trustCandidates(config, pullRequests, stats);
    const searches = Object.fromEntries(candidates.map((login) => [login, mergedByAuthorSearch(session.repo, login)]));
    const { issueCounts: merged } = await countSearches(session, searches);
    for (const login of candidates) stats[loginKey(login)] = { ...stats[loginKey(login)], merged: merged[login] };
  }
  return stats;
}
