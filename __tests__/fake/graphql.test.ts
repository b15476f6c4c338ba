// The fake answers the action's own GraphQL documents as GitHub would, and
// rejects documents GitHub would reject.
import { GATE_QUERY, OPEN_PULL_REQUESTS_QUERY, REPOSITORY_QUERY } from '../../src/github/queries.js';
import { toPullRequest, type PullRequestNode } from '../../src/github/convert.js';
import {
  createStore,
  makePullRequest,
  startFakeGitHub,
  WRITE_TOKEN,
  type FakeGitHub
} from '../../test-support/fake-github/index.js';

const HOUR_MS = 3_600_000;
const start = Date.parse('2025-01-01T00:00:00Z');

interface GraphqlAnswer<T> {
  data?: T;
  errors?: { message: string; type?: string; path?: string[] }[];
}

async function graphql<T>(
  fake: FakeGitHub,
  query: string,
  variables: Record<string, unknown> = {},
  token = WRITE_TOKEN
): Promise<GraphqlAnswer<T>> {
  const response = await fetch(`${fake.url}/graphql`, {
    method: 'POST',
    headers: { authorization: `bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables })
  });
  expect(response.status).toBe(200);
  return (await response.json()) as GraphqlAnswer<T>;
}

interface Page {
  rateLimit: { cost: number; remaining: number };
  repository: {
    pullRequests: {
      totalCount: number;
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
      nodes: PullRequestNode[];
    };
  };
}

describe('fake GitHub GraphQL', () => {
  let fake: FakeGitHub;
  beforeAll(async () => {
    // 250 open PRs, numbered so that number order is NOT creation order, plus 20 closed ones among them.
    const open = Array.from({ length: 250 }, (_, i) =>
      makePullRequest({
        number: 1000 - i * 3,
        createdAt: new Date(start + i * HOUR_MS).toISOString(),
        author: `author${i % 7}`
      })
    );
    const closed = Array.from({ length: 20 }, (_, i) =>
      makePullRequest({
        number: 2000 + i,
        createdAt: new Date(start + (i * 10 + 0.5) * HOUR_MS).toISOString(),
        state: 'CLOSED',
        closedAt: new Date(start).toISOString()
      })
    );
    const bot = makePullRequest({
      number: 5000,
      createdAt: new Date(start + 300 * HOUR_MS).toISOString(),
      state: 'MERGED',
      author: 'dependabot[bot]',
      authorType: 'Bot',
      labels: ['dependencies'],
      comments: [
        {
          id: 77,
          body: 'hello',
          author: 'renovate[bot]',
          authorType: 'Bot',
          association: 'NONE',
          createdAt: new Date(start).toISOString()
        }
      ],
      timeline: [{ type: 'ReopenedEvent', actor: 'mona', createdAt: new Date(start + HOUR_MS).toISOString() }]
    });
    const store = createStore({
      repository: { owner: 'acme', name: 'widgets', files: { '.github/backpressure.yml': 'wip-limit: 5\n' } },
      pullRequests: [...open, ...closed, bot]
    });
    fake = await startFakeGitHub(store);
  });
  afterAll(() => fake.close());

  test('a field not in GitHub schema is rejected with errors and no data', async () => {
    const answer = await graphql(fake, REPOSITORY_QUERY.replace('nameWithOwner', 'nameWithOwnr'), {
      owner: 'acme',
      name: 'widgets',
      configPath: 'x'
    });
    expect(answer.data).toBeUndefined();
    expect(answer.errors).toEqual([expect.objectContaining({ message: expect.stringContaining('nameWithOwnr') })]);
  });

  test('a syntax error is rejected with errors', async () => {
    const answer = await graphql(fake, 'query { viewer { login }');
    expect(answer.errors?.[0].message).toMatch(/Syntax Error/);
  });

  test('REPOSITORY_QUERY reads the config file from the default branch and the token bot as viewer', async () => {
    type Data = {
      viewer: { login: string };
      repository: {
        nameWithOwner: string;
        defaultBranchRef: { name: string; target: { file: { object: { text: string } } | null } };
      };
    };
    const answer = await graphql<Data>(fake, REPOSITORY_QUERY, {
      owner: 'acme',
      name: 'widgets',
      configPath: '.github/backpressure.yml'
    });
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.viewer.login).toBe('github-actions');
    expect(answer.data?.repository.nameWithOwner).toBe('acme/widgets');
    expect(answer.data?.repository.defaultBranchRef).toEqual({
      name: 'main',
      target: {
        file: {
          object: { __typename: 'Blob', text: 'wip-limit: 5\n', isBinary: false, isTruncated: false, byteSize: 13 }
        }
      }
    });
    const missing = await graphql<Data>(fake, REPOSITORY_QUERY, {
      owner: 'acme',
      name: 'widgets',
      configPath: 'nope.yml'
    });
    expect(missing.data?.repository.defaultBranchRef.target.file).toBeNull();
    // A directory is a Tree, as GitHub answers it.
    const directory = await graphql<Data>(fake, REPOSITORY_QUERY, {
      owner: 'acme',
      name: 'widgets',
      configPath: '.github'
    });
    expect(directory.data?.repository.defaultBranchRef.target.file).toEqual({ object: { __typename: 'Tree' } });
  });

  test('an unknown repository is NOT_FOUND, as on GitHub', async () => {
    const answer = await graphql(fake, REPOSITORY_QUERY, { owner: 'acme', name: 'other', configPath: 'x' });
    expect(answer.errors).toEqual([
      expect.objectContaining({
        type: 'NOT_FOUND',
        path: ['repository'],
        message: "Could not resolve to a Repository with the name 'acme/other'."
      })
    ]);
  });

  test('OPEN_PULL_REQUESTS_QUERY pages 250 open PRs in 3 pages, oldest first, closed ones left out', async () => {
    const numbers: number[] = [];
    const remaining: number[] = [];
    let cursor: string | null = null;
    let pages = 0;
    for (;;) {
      const answer: GraphqlAnswer<Page> = await graphql<Page>(fake, OPEN_PULL_REQUESTS_QUERY, {
        owner: 'acme',
        name: 'widgets',
        cursor,
        pageSize: 100,
        withFiles: true,
        withBodies: false,
        own: []
      });
      expect(answer.errors).toBeUndefined();
      const connection = (answer.data as Page).repository.pullRequests;
      pages++;
      expect(connection.totalCount).toBe(250);
      numbers.push(...connection.nodes.map((n) => n.number));
      remaining.push((answer.data as Page).rateLimit.remaining);
      if (!connection.pageInfo.hasNextPage) break;
      cursor = connection.pageInfo.endCursor;
    }
    expect(pages).toBe(3);
    expect(numbers).toEqual(Array.from({ length: 250 }, (_, i) => 1000 - i * 3));
    expect(remaining[1]).toBeLessThan(remaining[0]);
    expect(remaining[2]).toBeLessThan(remaining[1]);
  });

  test('GATE_QUERY gives the subject PR in the shape the action converts, and the newest 30 open PRs', async () => {
    type Data = { repository: { pullRequest: PullRequestNode; recent: { nodes: { number: number }[] } } };
    const answer = await graphql<Data>(fake, GATE_QUERY, {
      owner: 'acme',
      name: 'widgets',
      configPath: 'x',
      number: 5000,
      withFiles: true,
      withBodies: true,
      admitted: 'backpressure: admitted'
    });
    expect(answer.errors).toBeUndefined();
    const node = (answer.data as Data).repository.pullRequest;
    expect(node.author).toEqual({ __typename: 'Bot', login: 'dependabot' });
    expect(node.files?.nodes).toEqual([{ path: 'src/index.ts' }]);
    const pr = toPullRequest(node, 'github-actions', 'backpressure');
    expect(pr).toMatchObject({
      number: 5000,
      author: 'dependabot[bot]',
      labels: ['dependencies'],
      files: ['src/index.ts'],
      mergeable: 'MERGEABLE'
    });
    expect(pr.events.map((e) => [e.kind, e.actor])).toEqual([
      ['comment', 'renovate[bot]'],
      ['reopened', 'mona'],
      ['commit', 'dependabot[bot]']
    ]);
    const recent = (answer.data as Data).repository.recent.nodes.map((n) => n.number);
    expect(recent).toEqual(Array.from({ length: 30 }, (_, i) => 1000 - (220 + i) * 3));
  });

  test('a PR that does not exist is NOT_FOUND with the rest of the data', async () => {
    const answer = await graphql<{ repository: { pullRequest: null; nameWithOwner: string } }>(fake, GATE_QUERY, {
      owner: 'acme',
      name: 'widgets',
      configPath: 'x',
      number: 9999,
      withFiles: false,
      withBodies: true,
      admitted: 'backpressure: admitted'
    });
    expect(answer.errors).toEqual([
      expect.objectContaining({ type: 'NOT_FOUND', path: ['repository', 'pullRequest'] })
    ]);
    expect(answer.data?.repository.nameWithOwner).toBe('acme/widgets');
  });

  test.each([
    ['no first or last', 'pullRequests(states: OPEN)', 'MISSING_PAGINATION_BOUNDARIES'],
    ['more than 100', 'pullRequests(states: OPEN, first: 101)', 'EXCESSIVE_PAGINATION']
  ])('a connection with %s is an error as on GitHub', async (_name, field, type) => {
    const answer = await graphql(
      fake,
      `query { repository(owner: "acme", name: "widgets") { ${field} { totalCount } } }`
    );
    expect(answer.errors).toEqual([expect.objectContaining({ type })]);
  });
});
