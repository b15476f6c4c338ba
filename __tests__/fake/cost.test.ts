import { parse } from 'graphql';
import { queryCost } from '../../test-support/fake-github/cost.js';
import { GATE_QUERY, OPEN_PULL_REQUESTS_QUERY, searchCountsQuery } from '../../src/github/queries.js';

// GitHub's documented examples and the action's own documents.
describe("GitHub's GraphQL cost formula", () => {
  test.each([
    ['one connection', '{ viewer { repositories(first: 100) { nodes { name } } } }', {}, 1],
    ['nested: 1 + 100 requests', '{ viewer { repositories(first: 100) { nodes { issues(first: 50) { nodes { title } } } } } }', {}, 1],
    [
      "GitHub's example: 1 + 50 + 50×60 = 3,051 requests",
      '{ viewer { repositories(first: 50) { nodes { issues(first: 60) { nodes { labels(first: 100) { nodes { name } } } } } } } }',
      {},
      31
    ],
    // The head commit's checks (statusCheckRollup contexts) add one point per page.
    ['a page of open PRs with their facts, files skipped', OPEN_PULL_REQUESTS_QUERY, { owner: 'o', name: 'n', withFiles: false }, 7],
    ['a page of open PRs with files', OPEN_PULL_REQUESTS_QUERY, { owner: 'o', name: 'n', withFiles: true }, 8],
    ['a page of open PRs with the issues they close', OPEN_PULL_REQUESTS_QUERY, { owner: 'o', name: 'n', withFiles: false, withIssues: true }, 8],
    ['… and the issues’ assignees and labels', OPEN_PULL_REQUESTS_QUERY, { owner: 'o', name: 'n', withFiles: false, withIssues: true, withIssueFacts: true }, 18],
    ['the gate read (its PR’s issues and their open PRs included)', GATE_QUERY, { withFiles: false }, 1],
    ['20 aliased search counts', searchCountsQuery(Array.from({ length: 20 }, (_, i) => `c${i}`)), {}, 1]
  ])('%s', (_name, query, variables, points) => {
    expect(queryCost(parse(query), variables)).toBe(points);
  });
});
