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
  locked
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
        statusCheckRollup {
          contexts(first: 100) {
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
  comments(last: 30) {
    nodes { databaseId body createdAt authorAssociation author { __typename login } }
  }
  reviews(last: 30) {
    nodes { state submittedAt authorAssociation author { __typename login } }
  }
  timelineItems(last: 30, itemTypes: [REOPENED_EVENT, READY_FOR_REVIEW_EVENT, HEAD_REF_FORCE_PUSHED_EVENT, REVIEW_REQUESTED_EVENT]) {
    nodes {
      __typename
      ... on ReopenedEvent { createdAt actor { __typename login } }
      ... on ReviewRequestedEvent { createdAt actor { __typename login } }
      ... on ReadyForReviewEvent { createdAt actor { __typename login } }
      ... on HeadRefForcePushedEvent { createdAt actor { __typename login } }
    }
  }
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
    target { ... on Commit { file(path: $configPath) { object { ... on Blob { text } } } } }
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
query OpenPullRequests($owner: String!, $name: String!, $cursor: String, $withFiles: Boolean!, $withIssues: Boolean = false, $withIssueFacts: Boolean = false, $withIssueClaims: Boolean = false) {
  rateLimit { cost remaining resetAt }
  repository(owner: $owner, name: $name) {
    pullRequests(states: OPEN, first: 100, after: $cursor, orderBy: { field: CREATED_AT, direction: ASC }) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes { ...PullRequestFacts ...ClosingIssues @include(if: $withIssues) }
    }
  }
}
${PULL_REQUEST_FIELDS}
${CLOSING_ISSUES_FIELDS}`;

/**
 * Everything a gate reads in one request: the config file from the default
 * branch, the PR it judges with the issues it closes (and their open PRs: the
 * config is not known before this read), and the newest open PRs (read live,
 * because the search index can lag behind PRs opened seconds ago).
 */
export const GATE_QUERY = `
query Gate($owner: String!, $name: String!, $configPath: String!, $number: Int!, $withFiles: Boolean!, $withIssueFacts: Boolean = true, $withIssueClaims: Boolean = true) {
  rateLimit { cost remaining resetAt }
  viewer { login }
  repository(owner: $owner, name: $name) {
    ...RepositoryFacts
    pullRequest(number: $number) { ...PullRequestFacts ...ClosingIssues }
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
${PULL_REQUEST_FIELDS}
${CLOSING_ISSUES_FIELDS}`;

/**
 * Builds one document of aliased search counts: `{ alias: searchQuery }`,
 * and with `labels` > 0 the lookups `l0…` of labels by name ($l0…).
 * Counting costs one request whatever the queue size.
 */
export function searchCountsQuery(aliases: string[], labels = 0): string {
  const fields = aliases.map((alias, i) => `  ${alias}: search(type: ISSUE, first: 0, query: $q${i}) { issueCount }`);
  const params = aliases.map((_, i) => `$q${i}: String!`);
  const lookups = Array.from({ length: labels }, (_, i) => `    l${i}: label(name: $l${i}) { name }`);
  if (labels > 0) {
    params.push('$owner: String!', '$name: String!', ...lookups.map((_, i) => `$l${i}: String!`));
    fields.push(`  repository(owner: $owner, name: $name) {\n${lookups.join('\n')}\n  }`);
  }
  return `query SearchCounts(${params.join(', ')}) {\n  rateLimit { cost remaining resetAt }\n${fields.join('\n')}\n}`;
}

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

/** A sample of each document, for the schema test. */
export const ALL_QUERIES: Record<string, string> = {
  REPOSITORY_QUERY,
  OPEN_PULL_REQUESTS_QUERY,
  GATE_QUERY,
  CLOSED_OPENED_SINCE_QUERY,
  SEARCH_COUNTS_QUERY: searchCountsQuery(['ahead', 'queue']),
  SEARCH_COUNTS_WITH_LABELS_QUERY: searchCountsQuery(['ahead'], 2),
  LABELS_QUERY: searchCountsQuery([], 3)
};
