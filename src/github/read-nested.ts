// A PR's nested lists (labels, assignees, files, comments, reviews, timeline)
// are read whole: the first page comes with the PR; the few PRs with more get
// the rest here, in follow-up queries of aliased pages batched over all of
// them, so the cost grows with those PRs only.
import type { RequestCounts } from './client.js';
import type { GitHubSession } from './session.js';
import type { ListConnection } from './convert.js';
import { query, readShrinking } from './graphql.js';
import { NESTED_LISTS, nestedPagesQuery, type ListPageRequest, type NestedListName } from './queries.js';

/** A PR node (or part of one) with some of the nested lists, each read as `nestedList()` asks. */
export type WithNestedLists = { number: number } & Partial<Record<NestedListName, ListConnection<unknown> | null>>;

/** Follow-up pages (of up to 100 items each) per request before any shrinking: about 5,000 nodes. */
const PAGES_PER_REQUEST = 50;

const LIST_NAMES = Object.keys(NESTED_LISTS) as NestedListName[];

/** GitHub's files API lists at most this many files of a PR. */
const GITHUB_FILES_CAP = 3000;

function nextPage(node: WithNestedLists, list: NestedListName): ListPageRequest | undefined {
  const info = node[list]?.pageInfo;
  if (!info) return undefined;
  const cursor = NESTED_LISTS[list].forward
    ? info.hasNextPage && info.endCursor
    : info.hasPreviousPage && info.startCursor;
  return cursor ? { number: node.number, list, cursor } : undefined;
}

interface NestedPagesData {
  repository: Record<string, Partial<Record<NestedListName, ListConnection<unknown> | null>> | null>;
}

/**
 * Reads the rest of every nested list of `nodes` that has more than its first
 * page, and appends it in place (oldest items first for `last:` lists), so
 * each list ends up whole. Follow-up pages go `PAGES_PER_REQUEST` to a GitHub
 * GraphQL request (`pullRequest(number:)` aliases), fewer when GitHub fails a
 * request as too heavy. `withBodies` must match the main read (comment bodies).
 * Costs nothing when every list fit its first page. Throws what `query` throws.
 */
export async function completeNestedLists(
  session: GitHubSession,
  nodes: WithNestedLists[],
  withBodies: boolean
): Promise<void> {
  // By node, not number: the gate's PR also appears among the recent PRs, with other lists.
  type Pending = { node: WithNestedLists; request: ListPageRequest };
  const pendingOf = (node: WithNestedLists, list: NestedListName): Pending[] => {
    const request = nextPage(node, list);
    return request ? [{ node, request }] : [];
  };
  let pending = nodes.flatMap((node) => LIST_NAMES.flatMap((list) => pendingOf(node, list)));
  let batch = PAGES_PER_REQUEST;
  while (pending.length > 0) {
    const { result, size } = await readShrinking(session, batch, 'follow-up pages', async (size, request) => {
      const requests = pending.slice(0, size).map((p) => p.request);
      const cursors = Object.fromEntries(requests.map((r, i) => [`c${i}`, r.cursor]));
      const data = await query<NestedPagesData>(
        session,
        nestedPagesQuery(requests),
        { ...session.repo, ...(requests.some((r) => r.list === 'comments') ? { withBodies } : {}), ...cursors },
        request
      );
      return { requests, data };
    });
    batch = size;
    const answered = pending.slice(0, result.requests.length);
    pending = pending.slice(result.requests.length);
    answered.forEach(({ node, request }, i) => {
      const page = result.data.repository[`p${i}`]?.[request.list];
      const target = node[request.list];
      // The PR vanished between the reads (deleted, transferred): keep what was read.
      if (!page || !target) return;
      target.nodes = NESTED_LISTS[request.list].forward
        ? [...target.nodes, ...page.nodes]
        : [...page.nodes, ...target.nodes];
      target.pageInfo = page.pageInfo;
      pending.push(...pendingOf(node, request.list));
    });
  }
}

/** Notes a PR whose files GitHub lists only in part, for the summary. */
export function noteCappedFiles(
  node: { number: number; changedFiles: number; files?: ListConnection<unknown> | null },
  counts: RequestCounts
): void {
  if (node.files && node.changedFiles > GITHUB_FILES_CAP && node.files.nodes.length < node.changedFiles) {
    counts.filesCapped = [...(counts.filesCapped ?? []), node.number];
  }
}
