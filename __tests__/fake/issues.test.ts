// The fake links issues as GitHub does: closing keywords in the description
// (base on the default branch), manual links, and the issue's open PRs; the
// gate's read converts into the core's ClosingIssues.
import { GATE_QUERY, OPEN_PULL_REQUESTS_QUERY } from '../../src/github/queries.js';
import { toPullRequest, type PullRequestNode } from '../../src/github/convert.js';
import {
  createStore,
  makeIssue,
  makePullRequest,
  startFakeGitHub,
  WRITE_TOKEN,
  type FakeGitHub
} from '../../test-support/fake-github/index.js';

async function graphql<T>(
  fake: FakeGitHub,
  query: string,
  variables: Record<string, unknown>
): Promise<{ data?: T; errors?: unknown[] }> {
  const response = await fetch(`${fake.url}/graphql`, {
    method: 'POST',
    headers: { authorization: `bearer ${WRITE_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables })
  });
  return (await response.json()) as { data?: T; errors?: unknown[] };
}

const at = (hour: number) => new Date(Date.parse('2026-01-01T00:00:00Z') + hour * 3_600_000).toISOString();

describe('linked issues in the fake GitHub', () => {
  let fake: FakeGitHub;
  beforeAll(async () => {
    const store = createStore({
      issues: [
        makeIssue({ number: 101, assignees: ['ann'], labels: ['accepted'] }),
        makeIssue({ number: 102 }),
        makeIssue({ number: 103 })
      ],
      pullRequests: [
        makePullRequest({
          number: 1,
          createdAt: at(1),
          author: 'ann',
          body: 'Fixes #101 and resolves: acme/widgets#102. See #103.'
        }),
        makePullRequest({ number: 2, createdAt: at(2), author: 'bob', body: 'closes #101' }),
        makePullRequest({ number: 3, createdAt: at(3), body: 'Fixes #101', baseRefName: 'release' }),
        makePullRequest({ number: 4, createdAt: at(4), linkedIssues: [101], baseRefName: 'release' }),
        makePullRequest({ number: 5, createdAt: at(5), body: 'Fixes #101', state: 'CLOSED' }),
        makePullRequest({ number: 6, createdAt: at(6), body: 'Fixes #2 (a PR) and someone/else#101' })
      ]
    });
    fake = await startFakeGitHub(store);
  });
  afterAll(() => fake.close());

  type Gate = { repository: { pullRequest: PullRequestNode } };
  const gateRead = async (number: number) => {
    const answer = await graphql<Gate>(fake, GATE_QUERY, {
      owner: 'acme',
      name: 'widgets',
      configPath: 'x',
      number,
      withFiles: false,
      withBodies: true,
      admitted: 'backpressure: admitted'
    });
    expect(answer.errors).toBeUndefined();
    return toPullRequest(answer.data!.repository.pullRequest, 'github-actions', 'backpressure');
  };

  test('keywords link issues of this repository; "See #N" does not', async () => {
    const pr = await gateRead(1);
    expect(pr.closingIssues?.complete).toBe(true);
    expect(pr.closingIssues?.issues.map((i) => [i.repository, i.number, i.assignees, i.labels])).toEqual([
      ['acme/widgets', 101, ['ann'], ['accepted']],
      ['acme/widgets', 102, [], []]
    ]);
  });

  test("an issue's open PRs: keyword links on the default branch and manual links on any, closed PRs left out", async () => {
    const pr = await gateRead(2);
    expect(pr.closingIssues?.issues[0].claims).toEqual({
      pullRequests: [
        {
          number: 1,
          createdAt: at(1),
          isDraft: false,
          baseRef: 'main',
          author: 'ann',
          labels: [],
          repository: 'acme/widgets'
        },
        {
          number: 2,
          createdAt: at(2),
          isDraft: false,
          baseRef: 'main',
          author: 'bob',
          labels: [],
          repository: 'acme/widgets'
        },
        {
          number: 4,
          createdAt: at(4),
          isDraft: false,
          baseRef: 'release',
          author: 'octocat',
          labels: [],
          repository: 'acme/widgets'
        }
      ],
      complete: true
    });
  });

  test('a keyword on another base branch, a PR number or another repository links nothing', async () => {
    expect((await gateRead(3)).closingIssues?.issues).toEqual([]);
    expect((await gateRead(6)).closingIssues?.issues).toEqual([]);
  });

  test('a sweep page reads the issues only when asked, and their facts only when asked', async () => {
    type Page = { repository: { pullRequests: { nodes: PullRequestNode[] } } };
    const read = async (variables: Record<string, unknown>) => {
      const answer = await graphql<Page>(fake, OPEN_PULL_REQUESTS_QUERY, {
        owner: 'acme',
        name: 'widgets',
        cursor: null,
        pageSize: 100,
        withFiles: false,
        withBodies: false,
        own: [],
        ...variables
      });
      expect(answer.errors).toBeUndefined();
      return toPullRequest(answer.data!.repository.pullRequests.nodes[0], 'github-actions', 'backpressure')
        .closingIssues;
    };
    expect(await read({})).toBeUndefined();
    expect(await read({ withIssues: true })).toEqual({
      issues: [
        { repository: 'acme/widgets', number: 101 },
        { repository: 'acme/widgets', number: 102 }
      ],
      complete: true
    });
    expect((await read({ withIssues: true, withIssueFacts: true }))?.issues[0]).toEqual({
      repository: 'acme/widgets',
      number: 101,
      assignees: ['ann'],
      labels: ['accepted']
    });
  });
});
