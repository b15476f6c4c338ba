// The queue reader against the fake GitHub over HTTP: nested lists read whole
// with batched follow-ups, comment bodies only for the action's own comments,
// and pages that shrink when GitHub fails them as too heavy.
import { STALE_MARKER, STICKY_MARKER } from '../../src/core/markers.js';
import type { GitHubSession } from '../../src/github/session.js';
import { describeGitHubError } from '../../src/github/errors.js';
import { isHeavyQueryFailure } from '../../src/github/graphql.js';
import { readOpenPullRequests } from '../../src/github/read-queue.js';
import { startFakeGitHub, type FakeGitHub } from '../../test-support/fake-github/index.js';
import { fakeSession } from '../../test-support/fake-session.js';
import {
  createStore,
  makePullRequest,
  TOKEN_BOT_REST_LOGIN,
  WRITE_TOKEN,
  type FakeComment,
  type FakePullRequest
} from '../../test-support/fake-github/store.js';

const repo = { owner: 'acme', name: 'widgets' };
const at = (minutes: number) => new Date(Date.UTC(2025, 0, 1) + minutes * 60_000).toISOString();
const options = {
  withFiles: true,
  withIssues: false,
  withIssueFacts: false,
  withReviewRequests: false,
  statusContext: 'backpressure',
  actor: TOKEN_BOT_REST_LOGIN
};

function comment(id: number, minutes: number, fields: Partial<FakeComment> = {}): FakeComment {
  return {
    id,
    body: `comment ${id} ${'x'.repeat(2000)}`,
    author: 'watcher',
    authorType: 'User',
    association: 'NONE',
    createdAt: at(minutes),
    ...fields
  };
}

/** Lists longer than their first page, the action's sticky comment the oldest of 250. */
function busyPullRequest(number: number): FakePullRequest {
  const comments = Array.from({ length: 250 }, (_, i) => comment(number * 1000 + i, 100 + i));
  comments[0] = comment(number * 1000, 100, {
    body: `${STICKY_MARKER}\nWaiting`,
    author: TOKEN_BOT_REST_LOGIN,
    authorType: 'Bot'
  });
  comments[5] = comment(number * 1000 + 5, 105, {
    body: `${STALE_MARKER}\nStale`,
    author: TOKEN_BOT_REST_LOGIN,
    authorType: 'Bot'
  });
  return makePullRequest({
    number,
    createdAt: at(number),
    files: Array.from({ length: 130 }, (_, i) => `src/file${i}.ts`),
    changedFiles: 130,
    labels: Array.from({ length: 45 }, (_, i) => `label-${i}`),
    assignees: Array.from({ length: 15 }, (_, i) => `maintainer${i}`),
    comments,
    reviews: Array.from({ length: 35 }, (_, i) => ({
      state: i === 0 ? 'APPROVED' : 'COMMENTED',
      author: 'maintainer0',
      association: 'MEMBER',
      submittedAt: at(500 + i)
    })),
    timeline: Array.from({ length: 25 }, (_, i) => ({ type: 'ReopenedEvent', actor: 'mona', createdAt: at(600 + i) }))
  });
}

// One fake for the file: @actions/github takes its base URL from the environment when it first loads.
let fake: FakeGitHub;
beforeAll(async () => {
  fake = await startFakeGitHub(createStore());
  process.env.GITHUB_API_URL = fake.url;
});
afterAll(() => fake.close());

/** The fake now holds `pullRequests` (and fails queries above `maxNodes`); returns a client and the index of its first request. */
function sessionFor(pullRequests: FakePullRequest[], maxNodes?: number): { session: GitHubSession; from: number } {
  fake.store.pullRequests = pullRequests;
  fake.setMaxNodes(maxNodes);
  return { session: fakeSession(fake, WRITE_TOKEN, repo, 10_000), from: fake.requests.length };
}

describe('readOpenPullRequests', () => {
  test('reads every nested list whole, in batched follow-ups for the PRs that need them', async () => {
    const plain = makePullRequest({ number: 2, createdAt: at(2) });
    const { session, from } = sessionFor([busyPullRequest(1), plain]);
    const { counts } = session;
    const [busy, other] = await readOpenPullRequests(session, options);

    expect(busy.files).toEqual(Array.from({ length: 130 }, (_, i) => `src/file${i}.ts`));
    expect(busy.labels).toHaveLength(45);
    expect(busy.assignees).toHaveLength(15);
    const kinds = busy.events.reduce<Record<string, number>>((n, e) => ({ ...n, [e.kind]: (n[e.kind] ?? 0) + 1 }), {});
    expect(kinds).toEqual({ comment: 250, review: 35, reopened: 25, commit: 1 });
    // The oldest review, the only approval, is read.
    expect(busy.events.find((e) => e.reviewState === 'APPROVED')?.at).toBe(at(500));
    expect(busy.sticky).toEqual({ id: 1000, body: `${STICKY_MARKER}\nWaiting` });
    expect(busy.staleMarkedAt).toBe(at(105));
    expect(other.files).toEqual(['src/index.ts']);

    // One page; follow-ups: all six lists at once, then comments twice more (20 + 100 + 100 + 30); the own comments' bodies.
    expect(counts.graphql).toBe(5);
    const bodies = fake.requests
      .slice(from)
      .map((r) => (r.body as { variables?: { withBodies?: boolean } }).variables?.withBodies);
    expect(bodies).toEqual([false, false, false, false, undefined]);
  });

  test('keeps only what the core needs: no file list without a paths rule, no body but the action’s own', async () => {
    const { session, from } = sessionFor([busyPullRequest(1)]);
    const [busy] = await readOpenPullRequests(session, { ...options, withFiles: false });

    expect(busy.files).toBeUndefined();
    expect(busy.changedFiles).toBe(130);
    const asked = fake.requests.slice(from).map((r) => (r.body as { variables?: { withFiles?: boolean } }).variables);
    expect(asked.every((variables) => variables?.withFiles !== true)).toBe(true);
    // 248 comments of 2,000 characters each were read as facts (who, when), never as text.
    expect(JSON.stringify(busy)).not.toContain('x'.repeat(100));
    expect(busy.events.filter((e) => e.kind === 'comment')).toHaveLength(250);
    expect(busy.sticky).toEqual({ id: 1000, body: `${STICKY_MARKER}\nWaiting` });
  });

  test('halves a page GitHub fails as too heavy, down to what it answers, and reads everything', async () => {
    const pullRequests = Array.from({ length: 100 }, (_, i) => makePullRequest({ number: i + 1, createdAt: at(i) }));
    const { session, from } = sessionFor(pullRequests, 3_000);
    const { counts } = session;
    const read = await readOpenPullRequests(session, options);
    expect(read.map((p) => p.number)).toEqual(pullRequests.map((p) => p.number));
    // 100 PRs: 12,200 nodes; 50: 6,100; 25: 3,050; 12: 1,464.
    expect(counts).toMatchObject({ pagesShrunk: 3, smallestPage: 12 });
    expect(fake.requests.slice(from).filter((r) => r.status === 502)).toHaveLength(3);
  });

  test('gives up with one clear line when even the smallest page is too heavy', async () => {
    const { session } = sessionFor([makePullRequest({ number: 1, createdAt: at(1) })], 100);
    const { counts } = session;
    const error = await readOpenPullRequests(session, options).catch((e: unknown) => e);
    expect(describeGitHubError(error, 'reading open pull requests')).toBe(
      'GitHub failed (502) while reading open pull requests, even after retries; try again later.'
    );
    expect(counts.smallestPage).toBe(5);
  });
});

describe('isHeavyQueryFailure', () => {
  test.each([
    ['502', { status: 502 }, true],
    ['504', { status: 504 }, true],
    [
      "GitHub's timeout error beside data",
      { errors: [{ message: "We couldn't respond to your request in time. Sorry about that." }] },
      true
    ],
    [
      'the timeout in a 502 body',
      {
        response: {
          data: { errors: [{ message: 'This may be the result of a timeout, or it could be a GitHub bug.' }] }
        }
      },
      true
    ],
    ['401', { status: 401, message: 'Bad credentials' }, false],
    ['NOT_FOUND', { errors: [{ message: 'Could not resolve to a Repository', type: 'NOT_FOUND' }] }, false],
    ['500', { status: 500, message: 'Server Error' }, false]
  ])('%s → %s', (_name, error, heavy) => {
    expect(isHeavyQueryFailure(error)).toBe(heavy);
  });
});
