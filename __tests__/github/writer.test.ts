// The writer's last guard against a race (README, "Decisions"): a run that
// has just posted the sticky comment or a stale message looks once more and
// deletes its own copy when a racing run's older copy appeared meanwhile.
import { applyWrites, type WriteOptions } from '../../src/github/writer.js';
import { STALE_MARKER, STICKY_MARKER } from '../../src/core/markers.js';
import type { WriteOp } from '../../src/core/types.js';
import { startFakeGitHub, type FakeGitHub } from '../../test-support/fake-github/index.js';
import {
  createStore,
  makePullRequest,
  nextId,
  TOKEN_BOT_REST_LOGIN,
  WRITE_TOKEN,
  type FakeComment
} from '../../test-support/fake-github/store.js';
import { fakeSession } from '../../test-support/fake-session.js';

const options: WriteOptions = {
  statusContext: 'backpressure',
  dryRun: false,
  maxWrites: 100,
  actor: 'github-actions'
};
let fake: FakeGitHub;

beforeEach(async () => {
  fake = await startFakeGitHub(
    createStore({ pullRequests: [makePullRequest({ number: 1, createdAt: '2026-01-01T00:00:00Z' })] })
  );
});
afterEach(() => fake.close());

const own = (body: string, author = TOKEN_BOT_REST_LOGIN): FakeComment => ({
  id: nextId(fake.store),
  body,
  author,
  authorType: author === TOKEN_BOT_REST_LOGIN ? 'Bot' : 'User',
  association: 'NONE',
  createdAt: new Date().toISOString()
});

/** A racing run posts `copy` just before (`before`) or just after this run's own comment reaches GitHub. */
function raceOnPost(copy: () => FakeComment, when: 'before' | 'after') {
  const session = fakeSession(fake, WRITE_TOKEN);
  session.client.hook.wrap('request', async (request, requestOptions) => {
    const posting = requestOptions.method === 'POST' && String(requestOptions.url).endsWith('/comments');
    if (posting && when === 'before') fake.store.pullRequests[0].comments.push(copy());
    const response = await request(requestOptions);
    if (posting && when === 'after') fake.store.pullRequests[0].comments.push(copy());
    return response;
  });
  return session;
}

const bodies = () => fake.store.pullRequests[0].comments.map((c) => c.body);

test.each([
  ['an older copy appeared: ours is deleted', 'before' as const, ['theirs']],
  ['a newer copy appeared: ours is kept (the other run deletes its own)', 'after' as const, ['ours', 'theirs']]
])('sticky comment, %s', async (_name, when, left) => {
  const session = raceOnPost(() => own(`${STICKY_MARKER}\ntheirs`), when);
  const op: WriteOp = { kind: 'sticky-comment', number: 1, body: `${STICKY_MARKER}\nours` };
  const result = await applyWrites(session, [op], options);
  expect(result.failure).toBeUndefined();
  expect(bodies().map((b) => b.replace(`${STICKY_MARKER}\n`, ''))).toEqual(left);
});

test("a marker in someone else's comment is no copy of ours", async () => {
  const session = raceOnPost(() => own(`${STICKY_MARKER}\nquoted by a person`, 'octocat'), 'before');
  await applyWrites(session, [{ kind: 'sticky-comment', number: 1, body: `${STICKY_MARKER}\nours` }], options);
  expect(bodies()).toEqual([`${STICKY_MARKER}\nquoted by a person`, `${STICKY_MARKER}\nours`]);
});

test('a stale message: an older copy since the last activity means ours is deleted; an earlier mark does not', async () => {
  const since = new Date(Date.now() - 60_000).toISOString();
  const op: WriteOp = {
    kind: 'comment',
    number: 1,
    body: `${STALE_MARKER}\nours`,
    purpose: 'stale',
    postedSince: since
  };
  const earlierMark = { ...own(`${STALE_MARKER}\nlast month`), createdAt: '2026-01-02T00:00:00Z' };
  fake.store.pullRequests[0].comments.push(earlierMark);
  await applyWrites(fakeSession(fake, WRITE_TOKEN), [op], options);
  expect(bodies()).toEqual([`${STALE_MARKER}\nlast month`, `${STALE_MARKER}\nours`]);

  fake.store.pullRequests[0].comments = [earlierMark];
  await applyWrites(
    raceOnPost(() => own(`${STALE_MARKER}\ntheirs`), 'before'),
    [op],
    options
  );
  expect(bodies()).toEqual([`${STALE_MARKER}\nlast month`, `${STALE_MARKER}\ntheirs`]);
});

test('delete-comment deletes the copy; a copy already gone is no failure', async () => {
  const copy = own(`${STICKY_MARKER}\ncopy`);
  fake.store.pullRequests[0].comments.push(copy);
  const op: WriteOp = { kind: 'delete-comment', number: 1, commentId: copy.id, purpose: 'sticky' };
  const first = await applyWrites(fakeSession(fake, WRITE_TOKEN), [op], options);
  expect(first.applied).toEqual([op]);
  expect(bodies()).toEqual([]);
  const again = await applyWrites(fakeSession(fake, WRITE_TOKEN), [op], options);
  expect(again.applied).toEqual([op]);
  expect(again.failure).toBeUndefined();
});
