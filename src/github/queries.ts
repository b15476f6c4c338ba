// Every GraphQL document the action sends. A test validates each one against
// GitHub's published schema, so a field GitHub would reject fails in CI.

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
  baseRefName
  headRefName
  headRefOid
  additions
  deletions
  changedFiles
  mergeable
  milestone { number }
  labels(first: 50) { nodes { name } }
  assignees(first: 10) { nodes { login } }
  files(first: 100) @include(if: $withFiles) { nodes { path } }
  commits(last: 1) {
    nodes {
      commit {
        committedDate
        status { contexts { context state description } }
      }
    }
  }
  comments(last: 30) {
    nodes { databaseId body createdAt authorAssociation author { __typename login } }
  }
  reviews(last: 30) {
    nodes { state submittedAt authorAssociation author { __typename login } }
  }
  timelineItems(last: 20, itemTypes: [REOPENED_EVENT, READY_FOR_REVIEW_EVENT, HEAD_REF_FORCE_PUSHED_EVENT]) {
    nodes {
      __typename
      ... on ReopenedEvent { createdAt actor { __typename login } }
      ... on ReadyForReviewEvent { createdAt actor { __typename login } }
      ... on HeadRefForcePushedEvent { createdAt actor { __typename login } }
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

/** One page of 100 open PRs, oldest first, with everything the rules need. */
export const OPEN_PULL_REQUESTS_QUERY = `
query OpenPullRequests($owner: String!, $name: String!, $cursor: String, $withFiles: Boolean!) {
  rateLimit { cost remaining resetAt }
  repository(owner: $owner, name: $name) {
    pullRequests(states: OPEN, first: 100, after: $cursor, orderBy: { field: CREATED_AT, direction: ASC }) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes { ...PullRequestFacts }
    }
  }
}
${PULL_REQUEST_FIELDS}`;

/**
 * Everything a gate reads in one request: the config file from the default
 * branch, the PR it judges, and the newest open PRs (read live, because the
 * search index can lag behind PRs opened seconds ago).
 */
export const GATE_QUERY = `
query Gate($owner: String!, $name: String!, $configPath: String!, $number: Int!, $withFiles: Boolean!) {
  rateLimit { cost remaining resetAt }
  viewer { login }
  repository(owner: $owner, name: $name) {
    ...RepositoryFacts
    pullRequest(number: $number) { ...PullRequestFacts }
    recent: pullRequests(states: OPEN, last: 30, orderBy: { field: CREATED_AT, direction: ASC }) {
      nodes {
        number
        createdAt
        isDraft
        baseRefName
        author { __typename login }
        labels(first: 50) { nodes { name } }
      }
    }
  }
}
${REPOSITORY_FIELDS}
${PULL_REQUEST_FIELDS}`;

/**
 * Builds one document of aliased search counts: `{ alias: searchQuery }`.
 * Counting costs one request whatever the queue size.
 */
export function searchCountsQuery(aliases: string[]): string {
  const fields = aliases
    .map((alias, i) => `  ${alias}: search(type: ISSUE, first: 0, query: $q${i}) { issueCount }`)
    .join('\n');
  const params = aliases.map((_, i) => `$q${i}: String!`).join(', ');
  return `query SearchCounts(${params}) {\n  rateLimit { cost remaining resetAt }\n${fields}\n}`;
}


/** PRs in any state, newest first: who opened how many in a trailing window. */
export const OPENED_SINCE_QUERY = `
query OpenedSince($owner: String!, $name: String!, $cursor: String) {
  rateLimit { cost remaining resetAt }
  repository(owner: $owner, name: $name) {
    pullRequests(first: 100, after: $cursor, orderBy: { field: CREATED_AT, direction: DESC }) {
      pageInfo { hasNextPage endCursor }
      nodes { createdAt author { __typename login } }
    }
  }
}`;

/** A sample of each document, for the schema test. */
export const ALL_QUERIES: Record<string, string> = {
  REPOSITORY_QUERY,
  OPEN_PULL_REQUESTS_QUERY,
  GATE_QUERY,
  OPENED_SINCE_QUERY,
  SEARCH_COUNTS_QUERY: searchCountsQuery(['ahead', 'queue'])
};
