// Every GraphQL document the action sends. A test validates each one against
// GitHub's published schema, so a field GitHub would reject fails in CI.
import { RECENT_PULL_REQUESTS, TIES_READ } from '../core/gate-searches.js';

/** A requested reviewer: a user (or bot) by login, a team by `org/slug`. */
export const REQUESTED_REVIEWER =
  'requestedReviewer { __typename ... on User { login } ... on Bot { login } ... on Team { combinedSlug } }';

/**
 * The nested lists of a PR that the reader pages to the end: the first page
 * comes with the PR, the rest (for the few PRs that have more) in batched
 * follow-up queries (read-nested.ts). `forward` lists are read oldest first
 * (`first`/`after`), the others newest first (`last`/`before`). `page` is the
 * first page's size: small where most PRs fit, so a page of 100 PRs stays light.
 */
export const NESTED_LISTS = {
  labels: { forward: true, page: 20, args: '', nodes: 'name' },
  assignees: { forward: true, page: 10, args: '', nodes: 'login' },
  files: { forward: true, page: 50, args: '', nodes: 'path' },
  reviewRequests: { forward: true, page: 10, args: '', nodes: REQUESTED_REVIEWER },
  // No bodies: a comment can be 65,536 characters. The action's own comments
  // (viewerDidAuthor) are the only ones whose text it needs; read-queue fetches those by id.
  comments: {
    forward: false,
    page: 20,
    args: '',
    nodes:
      'id databaseId viewerDidAuthor body @include(if: $withBodies) createdAt authorAssociation author { __typename login }'
  },
  reviews: {
    forward: false,
    page: 10,
    args: '',
    nodes: 'state submittedAt authorAssociation author { __typename login }'
  },
  timelineItems: {
    forward: false,
    page: 10,
    args: ', itemTypes: [REOPENED_EVENT, READY_FOR_REVIEW_EVENT, HEAD_REF_FORCE_PUSHED_EVENT, REVIEW_REQUESTED_EVENT]',
    nodes: `__typename
      ... on ReopenedEvent { createdAt actor { __typename login } }
      ... on ReviewRequestedEvent { createdAt actor { __typename login } ${REQUESTED_REVIEWER} }
      ... on ReadyForReviewEvent { createdAt actor { __typename login } }
      ... on HeadRefForcePushedEvent { createdAt actor { __typename login } }`
  }
} as const;

export type NestedListName = keyof typeof NESTED_LISTS;

/** `labels(first: 20) { totalCount pageInfo {…} nodes {…} }`: one page of a nested list, with what paging needs. */
function nestedList(list: NestedListName, size: number | string = NESTED_LISTS[list].page, cursor?: string): string {
  const { forward, args, nodes } = NESTED_LISTS[list];
  const bound = forward
    ? `first: ${size}${cursor ? `, after: ${cursor}` : ''}`
    : `last: ${size}${cursor ? `, before: ${cursor}` : ''}`;
  const pageInfo = forward ? 'hasNextPage endCursor' : 'hasPreviousPage startCursor';
  return `${list}(${bound}${args}) { totalCount pageInfo { ${pageInfo} } nodes { ${nodes} } }`;
}

/** The facts the core needs about one PR; files only when a rule needs paths. */
const PULL_REQUEST_FIELDS = `
fragment PullRequestFacts on PullRequest {
  number
  title
  url
  author { __typename login }
  authorAssociation
  createdAt
  isDraft
  locked
  baseRefName
  headRefName
  headRefOid
  additions
  deletions
  changedFiles
  mergeable
  milestone { number }
  ${nestedList('labels')}
  ${nestedList('assignees')}
  files(first: ${NESTED_LISTS.files.page}) @include(if: $withFiles) { totalCount pageInfo { hasNextPage endCursor } nodes { path } }
  reviewRequests(first: ${NESTED_LISTS.reviewRequests.page}) @include(if: $withReviewRequests) {
    totalCount pageInfo { hasNextPage endCursor } nodes { ${REQUESTED_REVIEWER} }
  }
  commits(last: 1) {
    nodes {
      commit {
        committedDate
        status { contexts { context state description } }
        # Up to 10 checks, to keep a page of 100 PRs light: a failing check beyond them leaves
        # the PR the maintainers' move, never the author's (the conservative side).
        statusCheckRollup {
          contexts(first: 10) {
            nodes {
              __typename
              ... on CheckRun { name conclusion completedAt }
              ... on StatusContext { context state createdAt }
            }
          }
        }
      }
    }
  }
  ${nestedList('comments')}
  ${nestedList('reviews')}
  ${nestedList('timelineItems')}
}`;

/**
 * The issues a PR closes (README "Linked issues"): their assignees and labels
 * when a rule asks for them, and (for a gate, which knows no other PR) the open
 * PRs closing each one. Sizes keep a sweep page's cost low: GitHub allows 10
 * assignees per issue; longer lists are marked incomplete by totalCount.
 */
const CLOSING_ISSUES_FIELDS = `
fragment ClosingIssues on PullRequest {
  closingIssuesReferences(first: 5) {
    totalCount
    nodes {
      number
      repository { nameWithOwner }
      assignees(first: 10) @include(if: $withIssueFacts) { totalCount nodes { login } }
      labels(first: 100) @include(if: $withIssueFacts) { totalCount nodes { name } }
      closedByPullRequestsReferences(first: 10, includeClosedPrs: false) @include(if: $withIssueClaims) {
        totalCount
        nodes {
          number
          createdAt
          isDraft
          baseRefName
          repository { nameWithOwner }
          author { __typename login }
          labels(first: 50) { totalCount nodes { name } }
        }
      }
    }
  }
}`;

/** The default branch and the config file on it (never the PR's head). */
const REPOSITORY_FIELDS = `
fragment RepositoryFacts on Repository {
  nameWithOwner
  defaultBranchRef {
    name
    target { ... on Commit { file(path: $configPath) { object { __typename ... on Blob { text isBinary isTruncated byteSize } } } } }
  }
}`;

export const REPOSITORY_QUERY = `
query Repository($owner: String!, $name: String!, $configPath: String!) {
  rateLimit { cost remaining resetAt }
  viewer { login }
  repository(owner: $owner, name: $name) { ...RepositoryFacts }
}
${REPOSITORY_FIELDS}`;

/**
 * One page of open PRs (100, fewer after GitHub failed a heavy page), oldest
 * first, with everything the rules need; `own` brings the bodies of the
 * action's own comments found on earlier pages (`$own`: at most 100 node ids).
 */
export const OPEN_PULL_REQUESTS_QUERY = `
query OpenPullRequests(
  $owner: String!,
  $name: String!,
  $cursor: String,
  $pageSize: Int!,
  $withFiles: Boolean!,
  $withReviewRequests: Boolean = false,
  $withBodies: Boolean!,
  $own: [ID!]!,
  $withIssues: Boolean = false,
  $withIssueFacts: Boolean = false,
  $withIssueClaims: Boolean = false
) {
  rateLimit { cost remaining resetAt }
  own: nodes(ids: $own) { ... on IssueComment { id body } }
  repository(owner: $owner, name: $name) {
    pullRequests(states: OPEN, first: $pageSize, after: $cursor, orderBy: { field: CREATED_AT, direction: ASC }) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes { ...PullRequestFacts ...ClosingIssues @include(if: $withIssues) }
    }
  }
}
${PULL_REQUEST_FIELDS}
${CLOSING_ISSUES_FIELDS}`;

/** The few facts of an open PR that the queue order and the gate's counts need (labels read to 100). */
const QUEUE_FACTS =
  'number createdAt isDraft baseRefName author { __typename login } labels(first: 100) { totalCount nodes { name } } ' +
  `reviewRequests(first: 20) { totalCount nodes { ${REQUESTED_REVIEWER} } }`;

/** The gate's first read lists this many seats held (the default limit); more come in pages of 100. */
const HELD_IN_GATE_READ = 50;

/** The open PRs carrying one label (`$admitted`), oldest first: the PRs holding a seat, read live, not by search. */
function heldField(first: number): string {
  return `held: pullRequests(
      states: OPEN, labels: [$admitted], first: ${first}, after: $heldCursor, orderBy: { field: CREATED_AT, direction: ASC }
    ) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes { ${QUEUE_FACTS} }
    }`;
}

/**
 * Everything a gate reads in one request: the config file from the default
 * branch, the PR it judges with the issues it closes (and their open PRs: the
 * config is not known before this read), the newest open PRs (read live,
 * because the search index can lag behind PRs opened seconds ago), and the
 * PRs carrying `$admitted` (the seats held; the inputs' label name: the
 * config file may name another, then the counts read them).
 */
export const GATE_QUERY = `
query Gate(
  $owner: String!,
  $name: String!,
  $configPath: String!,
  $number: Int!,
  $withFiles: Boolean!,
  $withReviewRequests: Boolean = false,
  $withBodies: Boolean!,
  $withIssueFacts: Boolean = true,
  $withIssueClaims: Boolean = true,
  $admitted: String!,
  $heldCursor: String
) {
  rateLimit { cost remaining resetAt }
  viewer { login }
  repository(owner: $owner, name: $name) {
    ...RepositoryFacts
    pullRequest(number: $number) { ...PullRequestFacts ...ClosingIssues }
    ${heldField(HELD_IN_GATE_READ)}
    recent: pullRequests(states: OPEN, last: ${RECENT_PULL_REQUESTS}, orderBy: { field: CREATED_AT, direction: ASC }) {
      nodes {
        number
        createdAt
        isDraft
        baseRefName
        author { __typename login }
        ${nestedList('labels', 100)}
        ${nestedList('reviewRequests', 20)}
      }
    }
  }
}
${REPOSITORY_FIELDS}
${PULL_REQUEST_FIELDS}
${CLOSING_ISSUES_FIELDS}`;

/** What a counts document asks besides its searches. */
export interface CountsExtras {
  /** Looks up this many labels by name ($l0…), with their descriptions. */
  labels?: number;
  /** Lists the PRs carrying `$admitted` (a page of 100 from `$heldCursor`). */
  held?: boolean;
  /** Lists the results of the search `$ties` (TIES_READ of them), not only their count. */
  ties?: boolean;
}

/**
 * Builds one document of aliased search counts: `{ alias: searchQuery }`
 * (`$q0…`), and as `extras` asks, label lookups by name, the PRs carrying a
 * label, and one search's results. Counting costs one request whatever the queue size.
 */
export function searchCountsQuery(aliases: string[], extras: CountsExtras = {}): string {
  const { labels = 0, held = false, ties = false } = extras;
  const fields = aliases.map((alias, i) => `  ${alias}: search(type: ISSUE, first: 0, query: $q${i}) { issueCount }`);
  const params = aliases.map((_, i) => `$q${i}: String!`);
  const inRepository = Array.from({ length: labels }, (_, i) => `    l${i}: label(name: $l${i}) { name description }`);
  params.push(...inRepository.map((_, i) => `$l${i}: String!`));
  if (held) {
    inRepository.push(`    ${heldField(100)}`);
    params.push('$admitted: String!', '$heldCursor: String');
  }
  if (inRepository.length > 0) {
    params.push('$owner: String!', '$name: String!');
    fields.push(`  repository(owner: $owner, name: $name) {\n${inRepository.join('\n')}\n  }`);
  }
  if (ties) {
    params.push('$ties: String!');
    fields.push(
      `  ties: search(type: ISSUE, first: ${TIES_READ}, query: $ties) { issueCount nodes { ... on PullRequest { ${QUEUE_FACTS} } } }`
    );
  }
  return `query SearchCounts(${params.join(', ')}) {\n  rateLimit { cost remaining resetAt }\n${fields.join('\n')}\n}`;
}

/** The next page of the PRs holding a seat, for the few repositories where more than 100 do. */
export const HELD_QUERY = `
query Held($owner: String!, $name: String!, $admitted: String!, $heldCursor: String) {
  rateLimit { cost remaining resetAt }
  repository(owner: $owner, name: $name) {
    ${heldField(100)}
  }
}`;

/**
 * Closed and merged PRs, newest first: with the open ones (already read),
 * who opened how many in a trailing window.
 */
export const CLOSED_OPENED_SINCE_QUERY = `
query ClosedOpenedSince($owner: String!, $name: String!, $cursor: String) {
  rateLimit { cost remaining resetAt }
  repository(owner: $owner, name: $name) {
    pullRequests(states: [CLOSED, MERGED], first: 100, after: $cursor, orderBy: { field: CREATED_AT, direction: DESC }) {
      pageInfo { hasNextPage endCursor }
      nodes { number createdAt author { __typename login } }
    }
  }
}`;

/** The bodies of the action's own comments, by node id (at most 100). */
export const OWN_COMMENTS_QUERY = `
query OwnComments($own: [ID!]!) {
  rateLimit { cost remaining resetAt }
  own: nodes(ids: $own) { ... on IssueComment { id body } }
}`;

/** One more page of one nested list of one PR: what a follow-up query asks for. */
export interface ListPageRequest {
  number: number;
  list: NestedListName;
  cursor: string;
}

/**
 * One document of aliased follow-up pages (`p0`, `p1`, …), each the next 100
 * items of one PR's nested list; cursors travel as variables `$c0`, `$c1`, ….
 */
export function nestedPagesQuery(requests: ListPageRequest[]): string {
  const params = requests.map((_, i) => `, $c${i}: String!`).join('');
  const fields = requests
    .map((r, i) => `    p${i}: pullRequest(number: ${r.number}) { ${nestedList(r.list, 100, `$c${i}`)} }`)
    .join('\n');
  // GitHub refuses a declared variable that is not used: $withBodies only where comments are asked for.
  const bodies = requests.some((r) => r.list === 'comments') ? ', $withBodies: Boolean!' : '';
  return `query NestedPages($owner: String!, $name: String!${bodies}${params}) {
  rateLimit { cost remaining resetAt }
  repository(owner: $owner, name: $name) {
${fields}
  }
}`;
}

/**
 * The PRs merged in the throughput window (issue search, pages of 50) with their reviews and review
 * requests: each reviewer's pace for `max-review-requests: auto` (core/review-capacity.ts).
 */
export const REVIEW_HISTORY_QUERY = `
query ReviewHistory($q: String!, $cursor: String) {
  rateLimit { cost remaining resetAt }
  search(type: ISSUE, query: $q, first: 50, after: $cursor) {
    issueCount
    pageInfo { hasNextPage endCursor }
    nodes {
      ... on PullRequest {
        number
        author { __typename login }
        reviews(last: 50) { totalCount nodes { author { __typename login } submittedAt } }
        timelineItems(itemTypes: [REVIEW_REQUESTED_EVENT], first: 20) {
          totalCount
          nodes { ... on ReviewRequestedEvent { createdAt ${REQUESTED_REVIEWER} } }
        }
      }
    }
  }
}`;

/** A sample of each document, for the schema test. */
export const ALL_QUERIES: Record<string, string> = {
  REPOSITORY_QUERY,
  OPEN_PULL_REQUESTS_QUERY,
  GATE_QUERY,
  CLOSED_OPENED_SINCE_QUERY,
  OWN_COMMENTS_QUERY,
  NESTED_PAGES_QUERY: nestedPagesQuery(
    (Object.keys(NESTED_LISTS) as NestedListName[]).map((list, i) => ({ number: i + 1, list, cursor: 'x' }))
  ),
  SEARCH_COUNTS_QUERY: searchCountsQuery(['ahead', 'queue']),
  SEARCH_COUNTS_WITH_LABELS_QUERY: searchCountsQuery(['ahead'], { labels: 2 }),
  LABELS_QUERY: searchCountsQuery([], { labels: 3 }),
  GATE_COUNTS_QUERY: searchCountsQuery(['ahead', 'queue'], { labels: 2, held: true, ties: true }),
  REVIEW_HISTORY_QUERY,
  HELD_QUERY
};
