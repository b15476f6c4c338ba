// The fake serves the facts whose move depends on (head-commit check runs and
// statuses, review requests, locked conversations) as GitHub does, and
// refuses comments on a locked conversation with GitHub's 403.
import { OPEN_PULL_REQUESTS_QUERY } from '../../src/github/queries.js';
import { toPullRequest, type PullRequestNode } from '../../src/github/convert.js';
import {
  createStore,
  makePullRequest,
  startFakeGitHub,
  WRITE_TOKEN,
  type FakeGitHub
} from '../../test-support/fake-github/index.js';
import { fakeSha } from '../../test-support/fake-github/store.js';

const at = (day: number) => `2025-03-${String(day).padStart(2, '0')}T12:00:00.000Z`;

async function post(fake: FakeGitHub, path: string, body: unknown): Promise<{ status: number; json: unknown }> {
  const response = await fetch(`${fake.url}${path}`, {
    method: 'POST',
    headers: { authorization: `bearer ${WRITE_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify(body)
  });
  return { status: response.status, json: await response.json() };
}

describe('fake GitHub: checks, review requests and locks', () => {
  let fake: FakeGitHub;
  beforeAll(async () => {
    const store = createStore({
      pullRequests: [
        makePullRequest({
          number: 1,
          createdAt: at(1),
          lastCommittedAt: at(2),
          timeline: [{ type: 'ReviewRequestedEvent', actor: 'octocat', createdAt: at(4) }]
        }),
        makePullRequest({ number: 2, createdAt: at(1), locked: true })
      ],
      statuses: {
        [fakeSha(1)]: [{ context: 'lint', state: 'error', description: null, target_url: null, createdAt: at(3) }]
      },
      checkRuns: {
        [fakeSha(1)]: [
          { name: 'ci/build', conclusion: 'FAILURE', completedAt: at(3) },
          { name: 'e2e', conclusion: null, completedAt: null }
        ]
      }
    });
    fake = await startFakeGitHub(store);
  });
  afterAll(() => fake.close());

  test("the action's query reads check runs, statuses, review requests and the lock, and the reader converts them", async () => {
    const { json } = await post(fake, '/graphql', {
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
    const answer = json as { data: { repository: { pullRequests: { nodes: PullRequestNode[] } } }; errors?: unknown };
    expect(answer.errors).toBeUndefined();
    const [first, second] = answer.data.repository.pullRequests.nodes.map((node) =>
      toPullRequest(node, 'github-actions[bot]', 'backpressure')
    );
    expect(first.checks).toEqual([
      { name: 'ci/build', state: 'failure', at: at(3) },
      { name: 'e2e', state: 'pending' },
      { name: 'lint', state: 'error', at: at(3) }
    ]);
    expect(first.events).toContainEqual({ kind: 'review_requested', actor: 'octocat', at: at(4) });
    expect([first.locked, second.locked]).toEqual([false, true]);
    expect(second.checks).toEqual([]);
  });

  test('a comment on a locked conversation is refused with 403, an unlocked one is created', async () => {
    expect(await post(fake, '/repos/acme/widgets/issues/2/comments', { body: 'hello' })).toEqual({
      status: 403,
      json: {
        message: 'Unable to create comment because issue is locked.',
        documentation_url: 'https://help.github.com/articles/locking-conversations/'
      }
    });
    expect((await post(fake, '/repos/acme/widgets/issues/1/comments', { body: 'hello' })).status).toBe(201);
  });
});
