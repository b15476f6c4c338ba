import { parse } from 'graphql';
import { queryCost, queryNodes } from '../../test-support/fake-github/cost.js';
import { GATE_QUERY, OPEN_PULL_REQUESTS_QUERY, nestedPagesQuery, searchCountsQuery } from '../../src/github/queries.js';

// GitHub's documented examples and the action's own documents.
describe("GitHub's GraphQL cost formula", () => {
  test.each([
    ['one connection', '{ viewer { repositories(first: 100) { nodes { name } } } }', {}, 1],
    [
      'nested: 1 + 100 requests',
      '{ viewer { repositories(first: 100) { nodes { issues(first: 50) { nodes { title } } } } } }',
      {},
      1
    ],
    [
      "GitHub's example: 1 + 50 + 50×60 = 3,051 requests",
      '{ viewer { repositories(first: 50) { nodes { issues(first: 60) { nodes { labels(first: 100) { nodes { name } } } } } } } }',
      {},
      31
    ],
    // The head commit's checks (statusCheckRollup contexts) add one point per page.
    [
      'a page of open PRs with their facts, files skipped',
      OPEN_PULL_REQUESTS_QUERY,
      { owner: 'o', name: 'n', pageSize: 100, withFiles: false, withBodies: false, own: [] },
      7
    ],
    [
      'a page of open PRs with files',
      OPEN_PULL_REQUESTS_QUERY,
      { owner: 'o', name: 'n', pageSize: 100, withFiles: true, withBodies: false, own: [] },
      8
    ],
    [
      'a page of open PRs with the issues they close',
      OPEN_PULL_REQUESTS_QUERY,
      { owner: 'o', name: 'n', pageSize: 100, withFiles: false, withBodies: false, own: [], withIssues: true },
      8
    ],
    [
      '… and the issues’ assignees and labels',
      OPEN_PULL_REQUESTS_QUERY,
      {
        owner: 'o',
        name: 'n',
        pageSize: 100,
        withFiles: false,
        withBodies: false,
        own: [],
        withIssues: true,
        withIssueFacts: true
      },
      18
    ],
    // The 50 seats held with their labels are one point of the two.
    [
      'the gate read (its PR’s issues and their open PRs, and the seats held, included)',
      GATE_QUERY,
      { withFiles: false },
      2
    ],
    ['20 aliased search counts', searchCountsQuery(Array.from({ length: 20 }, (_, i) => `c${i}`)), {}, 1]
  ])('%s', (_name, query, variables, points) => {
    expect(queryCost(parse(query), variables)).toBe(points);
  });
});

describe("GitHub's node-limit formula", () => {
  const page = (pageSize: number, withFiles: boolean) => ({
    owner: 'o',
    name: 'n',
    pageSize,
    withFiles,
    withBodies: false,
    own: []
  });
  test.each([
    [
      "GitHub's example: 50 + 50×10 + 50×10×10",
      '{ viewer { repositories(first: 50) { nodes { issues(first: 10) { nodes { labels(first: 10) { nodes { name } } } } } } } }',
      {},
      5_550
    ],
    // 100 PRs × (labels 20, assignees 10, files 50, commit 1 with 10 checks, comments 20, reviews 10, timeline 10) + the 100 PRs.
    ['a page of 100 open PRs with files', OPEN_PULL_REQUESTS_QUERY, page(100, true), 13_200],
    ['a page of 100 open PRs without files', OPEN_PULL_REQUESTS_QUERY, page(100, false), 8_200],
    ['a page halved to 50', OPEN_PULL_REQUESTS_QUERY, page(50, true), 6_600],
    [
      '50 follow-up pages of 100',
      nestedPagesQuery(Array.from({ length: 50 }, (_, i) => ({ number: i, list: 'files' as const, cursor: 'x' }))),
      { withBodies: false },
      5_000
    ]
  ])('%s', (_name, query, variables, nodes) => {
    expect(queryNodes(parse(query), variables)).toBe(nodes);
  });
});
