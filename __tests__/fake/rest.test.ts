// REST routes the action writes through: GitHub's status codes, writes that
// later GraphQL reads see, tokens, the request log and injected faults.
import { getOctokit } from '@actions/github';
import { retry } from '@octokit/plugin-retry';
import { OPEN_PULL_REQUESTS_QUERY } from '../../src/github/queries.js';
import {
  createStore,
  FAULTS,
  makePullRequest,
  READ_TOKEN,
  startFakeGitHub,
  WRITE_TOKEN,
  type FakeGitHub,
  type FakeStore
} from '../../test-support/fake-github/index.js';

const created = '2025-01-01T00:00:00Z';

function freshStore(): FakeStore {
  return createStore({
    repository: { owner: 'acme', name: 'widgets' },
    pullRequests: [1, 2, 3].map((number) =>
      makePullRequest({ number, createdAt: created, labels: number === 1 ? ['docs'] : [] })
    ),
    labels: [{ name: 'docs', color: '0075ca', description: 'Documentation' }]
  });
}

interface Answer {
  status: number;
  body: unknown;
  headers: Headers;
}

async function call(
  fake: FakeGitHub,
  method: string,
  path: string,
  body?: unknown,
  token: string | null = WRITE_TOKEN
): Promise<Answer> {
  const response = await fetch(`${fake.url}${path}`, {
    method,
    headers: { ...(token ? { authorization: `token ${token}` } : {}), 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body)
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined, headers: response.headers };
}

type PrNode = {
  number: number;
  labels: { nodes: { name: string }[] };
  comments: { nodes: { databaseId: number; body: string; author: { __typename: string; login: string } }[] };
  commits: {
    nodes: { commit: { status: { contexts: { context: string; state: string; description: string }[] } | null } }[];
  };
};

async function openPullRequests(fake: FakeGitHub): Promise<PrNode[]> {
  const answer = await call(fake, 'POST', '/graphql', {
    query: OPEN_PULL_REQUESTS_QUERY,
    variables: {
      owner: 'acme',
      name: 'widgets',
      cursor: null,
      pageSize: 100,
      withFiles: false,
      withBodies: true,
      admitted: 'backpressure: admitted',
      own: []
    }
  });
  return (answer.body as { data: { repository: { pullRequests: { nodes: PrNode[] } } } }).data.repository.pullRequests
    .nodes;
}

const repo = '/repos/acme/widgets';

describe('fake GitHub REST', () => {
  let fake: FakeGitHub;
  beforeEach(async () => {
    fake = await startFakeGitHub(freshStore(), { now: () => new Date('2025-02-01T12:00:00Z') });
  });
  afterEach(() => fake.close());

  test('a commit status shows in GraphQL, the latest per context winning', async () => {
    const sha = fake.store.pullRequests[1].headSha;
    const first = await call(fake, 'POST', `${repo}/statuses/${sha}`, {
      state: 'failure',
      context: 'backpressure',
      description: 'Waiting'
    });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      state: 'failure',
      context: 'backpressure',
      description: 'Waiting',
      created_at: '2025-02-01T12:00:00.000Z'
    });
    await call(fake, 'POST', `${repo}/statuses/${sha}`, {
      state: 'success',
      context: 'backpressure',
      description: 'Admitted'
    });
    await call(fake, 'POST', `${repo}/statuses/${sha}`, { state: 'pending', context: 'ci/build' });
    const pr = (await openPullRequests(fake)).find((n) => n.number === 2) as PrNode;
    expect(pr.commits.nodes[0].commit.status?.contexts).toEqual([
      { context: 'backpressure', state: 'SUCCESS', description: 'Admitted' },
      { context: 'ci/build', state: 'PENDING', description: null }
    ]);
  });

  test('labels added and removed show in GraphQL; removing an absent label is 404', async () => {
    const added = await call(fake, 'POST', `${repo}/issues/2/labels`, { labels: ['backpressure: waiting'] });
    expect(added.status).toBe(200);
    expect(fake.store.labels.map((l) => l.name)).toContain('backpressure: waiting');
    expect((await openPullRequests(fake)).find((n) => n.number === 2)?.labels.nodes).toEqual([
      { name: 'backpressure: waiting' }
    ]);
    const removed = await call(
      fake,
      'DELETE',
      `${repo}/issues/2/labels/${encodeURIComponent('backpressure: waiting')}`
    );
    expect(removed.status).toBe(200);
    expect((await openPullRequests(fake)).find((n) => n.number === 2)?.labels.nodes).toEqual([]);
    const again = await call(fake, 'DELETE', `${repo}/issues/2/labels/${encodeURIComponent('backpressure: waiting')}`);
    expect(again).toMatchObject({ status: 404, body: { message: 'Label does not exist' } });
  });

  test('a comment posted then edited shows in GraphQL as written by the token bot', async () => {
    const posted = await call(fake, 'POST', `${repo}/issues/3/comments`, { body: 'first' });
    expect(posted.status).toBe(201);
    const id = (posted.body as { id: number; user: { login: string } }).id;
    expect(posted.body).toMatchObject({ body: 'first', user: { login: 'github-actions[bot]', type: 'Bot' } });
    expect((await call(fake, 'PATCH', `${repo}/issues/comments/${id}`, { body: 'second' })).status).toBe(200);
    const comments = (await openPullRequests(fake)).find((n) => n.number === 3)?.comments.nodes;
    expect(comments).toEqual([
      expect.objectContaining({
        databaseId: id,
        body: 'second',
        author: { __typename: 'Bot', login: 'github-actions' }
      })
    ]);
    const listed = await call(fake, 'GET', `${repo}/issues/3/comments`);
    expect(listed.body).toEqual([expect.objectContaining({ id, body: 'second' })]);
    expect((await call(fake, 'PATCH', `${repo}/issues/comments/1`, { body: 'x' })).status).toBe(404);
  });

  test('a deleted comment is gone from REST and GraphQL; deleting it again is 404', async () => {
    const posted = await call(fake, 'POST', `${repo}/issues/3/comments`, { body: 'copy' });
    const id = (posted.body as { id: number }).id;
    expect((await call(fake, 'DELETE', `${repo}/issues/comments/${id}`)).status).toBe(204);
    expect((await openPullRequests(fake)).find((n) => n.number === 3)?.comments.nodes).toEqual([]);
    expect((await call(fake, 'GET', `${repo}/issues/3/comments`)).body).toEqual([]);
    expect((await call(fake, 'DELETE', `${repo}/issues/comments/${id}`)).status).toBe(404);
  });

  test('closing a PR takes it off the open list and stamps closedAt', async () => {
    const closed = await call(fake, 'PATCH', `${repo}/pulls/1`, { state: 'closed' });
    expect(closed).toMatchObject({ status: 200, body: { number: 1, state: 'closed' } });
    expect((await openPullRequests(fake)).map((n) => n.number)).toEqual([2, 3]);
    expect(fake.store.pullRequests[0]).toMatchObject({ state: 'CLOSED', closedAt: '2025-02-01T12:00:00.000Z' });
  });

  test('creating a label is 201, then 422 already_exists (whatever the case)', async () => {
    expect(
      (await call(fake, 'POST', `${repo}/labels`, { name: 'backpressure: waiting', color: 'fbca04' })).status
    ).toBe(201);
    const again = await call(fake, 'POST', `${repo}/labels`, { name: 'Backpressure: Waiting', color: 'fbca04' });
    expect(again).toMatchObject({
      status: 422,
      body: { message: 'Validation Failed', errors: [{ resource: 'Label', code: 'already_exists', field: 'name' }] }
    });
  });

  test('labels page with a Link header that Octokit follows', async () => {
    for (let i = 0; i < 104; i++) fake.store.labels.push({ name: `label-${i}`, color: 'ededed', description: null });
    const octokit = getOctokit(WRITE_TOKEN, { baseUrl: fake.url });
    const labels = await octokit.paginate(octokit.rest.issues.listLabelsForRepo, {
      owner: 'acme',
      repo: 'widgets',
      per_page: 100
    });
    expect(labels).toHaveLength(105);
    expect(fake.requests.map((r) => r.path)).toEqual([
      '/repos/acme/widgets/labels?per_page=100',
      '/repos/acme/widgets/labels?per_page=100&page=2'
    ]);
    const first = await call(fake, 'GET', `${repo}/labels?per_page=100`);
    expect(first.headers.get('link')).toBe(
      `<${fake.url}${repo}/labels?per_page=100&page=2>; rel="next", <${fake.url}${repo}/labels?per_page=100&page=2>; rel="last"`
    );
  });

  test.each([
    ['POST', `${repo}/labels`, { name: 'x' }],
    ['POST', `${repo}/statuses/${'a'.repeat(40)}`, { state: 'success' }],
    ['POST', `${repo}/issues/1/labels`, { labels: ['x'] }],
    ['DELETE', `${repo}/issues/1/labels/docs`, undefined],
    ['POST', `${repo}/issues/1/comments`, { body: 'x' }],
    ['PATCH', `${repo}/issues/comments/1`, { body: 'x' }],
    ['DELETE', `${repo}/issues/comments/1`, undefined],
    ['PATCH', `${repo}/pulls/1`, { state: 'closed' }]
  ])('a read-only token gets 403 on %s %s and changes nothing', async (method, path, body) => {
    const before = JSON.stringify(fake.store);
    const answer = await call(fake, method, path, body, READ_TOKEN);
    expect(answer).toMatchObject({ status: 403, body: { message: 'Resource not accessible by integration' } });
    expect(JSON.stringify(fake.store)).toBe(before);
  });

  test('a read-only token may read', async () => {
    expect((await call(fake, 'GET', `${repo}/labels`, undefined, READ_TOKEN)).status).toBe(200);
    expect(await openPullRequests(fake)).toHaveLength(3);
  });

  test.each([
    ['no token', null],
    ['an unknown token', 'nope']
  ])('%s gets 401 Bad credentials', async (_name, token) => {
    expect(await call(fake, 'GET', `${repo}/labels`, undefined, token)).toMatchObject({
      status: 401,
      body: { message: 'Bad credentials' }
    });
    expect((await call(fake, 'POST', '/graphql', { query: '{ viewer { login } }' }, token)).status).toBe(401);
  });

  test.each([
    ['an unknown route', 'GET', `${repo}/pulls/1/files`],
    ['another repository', 'POST', '/repos/acme/other/issues/1/comments'],
    ['a PR that does not exist', 'POST', `${repo}/issues/99/comments`]
  ])('%s is 404 Not Found', async (_name, method, path) => {
    expect(await call(fake, method, path, method === 'GET' ? undefined : { body: 'x' })).toMatchObject({
      status: 404,
      body: { message: expect.stringMatching(/Not Found/) }
    });
  });

  test('every request is logged with its kind and status, and counted', async () => {
    await call(fake, 'GET', `${repo}/labels`);
    await call(fake, 'POST', `${repo}/issues/1/comments`, { body: 'hi' });
    await call(fake, 'POST', '/graphql', { query: '{ viewer { login } }' });
    await call(fake, 'GET', `${repo}/nothing`);
    expect(fake.requests.map(({ method, path, kind, status }) => [method, path, kind, status])).toEqual([
      ['GET', `${repo}/labels`, 'rest-read', 200],
      ['POST', `${repo}/issues/1/comments`, 'rest-write', 201],
      ['POST', '/graphql', 'graphql', 200],
      ['GET', `${repo}/nothing`, 'rest-read', 404]
    ]);
    expect(fake.requests[1].body).toEqual({ body: 'hi' });
    expect(fake.counts()).toEqual({ graphql: 1, restReads: 2, restWrites: 1 });
  });

  test('REST answers carry a decreasing x-ratelimit-remaining', async () => {
    const first = await call(fake, 'GET', `${repo}/labels`);
    const second = await call(fake, 'GET', `${repo}/labels`);
    expect(Number(second.headers.get('x-ratelimit-remaining'))).toBe(
      Number(first.headers.get('x-ratelimit-remaining')) - 1
    );
  });
});

describe('fake GitHub fault injection', () => {
  let fake: FakeGitHub;
  beforeEach(async () => {
    fake = await startFakeGitHub(freshStore());
  });
  afterEach(() => fake.close());

  test('failNext answers the next matching requests only, `times` times', async () => {
    fake.failNext({ method: 'POST', pathPrefix: `${repo}/issues/` }, FAULTS.badGateway, 2);
    expect((await call(fake, 'GET', `${repo}/labels`)).status).toBe(200);
    expect((await call(fake, 'POST', `${repo}/issues/1/comments`, { body: 'a' })).status).toBe(502);
    expect((await call(fake, 'POST', `${repo}/issues/1/comments`, { body: 'b' })).status).toBe(502);
    expect((await call(fake, 'POST', `${repo}/issues/1/comments`, { body: 'c' })).status).toBe(201);
    expect(fake.store.pullRequests[0].comments.map((c) => c.body)).toEqual(['c']);
    expect(fake.requests.map((r) => r.status)).toEqual([200, 502, 502, 201]);
  });

  test('a secondary rate limit is a 403 with retry-after and GitHub message', async () => {
    fake.failNext({ kind: 'rest-write' }, FAULTS.secondaryRateLimit);
    const answer = await call(fake, 'POST', `${repo}/statuses/${'a'.repeat(40)}`, { state: 'success' });
    expect(answer.status).toBe(403);
    expect(answer.headers.get('retry-after')).toBe('1');
    expect(answer.body).toMatchObject({ message: expect.stringContaining('You have exceeded a secondary rate limit') });
  });

  test('a primary rate limit is a 403 with x-ratelimit-remaining 0, also on GraphQL', async () => {
    fake.failNext({ kind: 'graphql' }, FAULTS.primaryRateLimit());
    const answer = await call(fake, 'POST', '/graphql', { query: '{ viewer { login } }' });
    expect(answer.status).toBe(403);
    expect(answer.headers.get('x-ratelimit-remaining')).toBe('0');
    expect((await call(fake, 'POST', '/graphql', { query: '{ viewer { login } }' })).body).toEqual({
      data: { viewer: { login: 'github-actions' } }
    });
  });

  test("Octokit's retry plugin gets through a 502 on GraphQL", async () => {
    fake.failNext({ kind: 'graphql' }, FAULTS.badGateway);
    const octokit = getOctokit(WRITE_TOKEN, { baseUrl: fake.url, retry: { retryAfterBaseValue: 1 } }, retry);
    const data = await octokit.graphql<{ viewer: { login: string } }>('{ viewer { login } }');
    expect(data.viewer.login).toBe('github-actions');
    expect(fake.requests.map((r) => r.status)).toEqual([502, 200]);
  });

  test('REST runs out at its limit with a primary rate-limit 403', async () => {
    await fake.close();
    fake = await startFakeGitHub(freshStore(), { restRequests: 2 });
    expect((await call(fake, 'GET', `${repo}/labels`)).headers.get('x-ratelimit-remaining')).toBe('1');
    expect((await call(fake, 'GET', `${repo}/labels`)).headers.get('x-ratelimit-remaining')).toBe('0');
    const out = await call(fake, 'GET', `${repo}/labels`);
    expect(out.status).toBe(403);
    expect(out.body).toMatchObject({ message: expect.stringContaining('rate limit exceeded') });
  });
});
