// Review capacity end to end (README "Review capacity"): the bundled action
// with `max-review-requests`, review requests made as CODEOWNERS would make
// them, the reviewer named in the waiting PR's status, a review given or a
// close that admits the next PR, least-loaded assignment, and gates in two
// reads that agree with the sweep.
import { closedEvent, pullRequestEvent, pullRequestReviewEvent, scheduleEvent } from '../../test-support/events.js';
import { createStore, type FakePullRequest, type FakeStore } from '../../test-support/fake-github/store.js';
import { generateRepository } from '../../test-support/generate.js';
import { installed, openPullRequests, session, type Session } from './harness.js';

const byNumber = (store: FakeStore, n: number) => store.pullRequests.find((p) => p.number === n) as FakePullRequest;

describe('one reviewer with a limit of 2', () => {
  const inputs = { 'wip-limit': '10', 'max-review-requests': '2' };
  let github: Session;
  beforeAll(async () => {
    github = await session(createStore());
    await installed(github, inputs);
    github.store.pullRequests.push(...openPullRequests(4, (n) => ({ reviewRequests: n === 4 ? ['bob'] : ['ann'] })));
  });
  afterAll(() => github.close());
  const gate = (number: number, event = pullRequestEvent(github.store, number, 'opened')) =>
    github.run({ eventName: 'pull_request', event, inputs });

  test('three PRs asking her: the third waits and names her; a PR asking another reviewer passes; two reads each', async () => {
    for (const number of [1, 2, 4]) {
      const run = await gate(number);
      expect([number, run.outputs.result, run.graphql, run.restReads]).toEqual([number, 'admitted', 2, 0]);
    }
    const third = await gate(3);
    expect(third.outputs.result).toBe('waiting');
    expect(github.status(3)).toMatchObject({
      state: 'failure',
      description: 'Waiting: position 4; @ann has 2 of 2 reviews in progress'
    });
    expect([third.graphql, third.restReads]).toEqual([2, 0]);
  });

  test('her review of #1 frees her seat: the gate of that review admits #3 at once', async () => {
    const first = byNumber(github.store, 1);
    first.reviewRequests = [];
    first.reviews.push({
      state: 'APPROVED',
      author: 'ann',
      association: 'MEMBER',
      submittedAt: new Date().toISOString()
    });
    const review = await github.run({
      eventName: 'pull_request_review',
      event: pullRequestReviewEvent(github.store, 1, { reviewer: 'ann', state: 'approved' }),
      inputs
    });
    expect(review.exitCode).toBe(0);
    expect(github.status(3)).toMatchObject({ state: 'success', description: 'Admitted: position 3 of 4 (limit 10)' });
    expect(byNumber(github.store, 3).labels).toContain('backpressure: admitted');
    // #1 stays admitted (its own seat under the WIP limit), #2 and #4 are untouched.
    expect(github.status(1)?.state).toBe('success');
  });

  test('a sweep agrees and has nothing to write', async () => {
    const sweep = await github.run({ eventName: 'schedule', event: scheduleEvent(), inputs });
    expect(JSON.parse(sweep.outputs.admitted)).toEqual([1, 2, 3, 4]);
    expect(sweep.writes).toBe(0);
  });
});

test('a close frees the reviewer’s seat: the advance admits the next PR waiting on her', async () => {
  const inputs = { 'wip-limit': '10', 'max-review-requests': '1' };
  const github = await session(createStore({ pullRequests: openPullRequests(3, () => ({ reviewRequests: ['ann'] })) }));
  try {
    await github.run({ eventName: 'schedule', event: scheduleEvent(), inputs });
    expect(github.status(2)?.description).toBe('Waiting: position 2; @ann has 1 of 1 reviews in progress');
    Object.assign(byNumber(github.store, 1), { state: 'MERGED', mergedAt: new Date().toISOString() });
    const advance = await github.run({ eventName: 'pull_request', event: closedEvent(github.store, 1), inputs });
    expect(advance.exitCode).toBe(0);
    expect(github.status(2)).toMatchObject({ state: 'success', description: 'Admitted: position 1 of 2 (limit 10)' });
    // #3 moved up one place: no news, no rewrite (README "Decisions where the spec is silent").
    expect(github.status(3)?.description).toBe('Waiting: position 3; @ann has 1 of 1 reviews in progress');
  } finally {
    await github.close();
  }
});

test('least-loaded assignment asks the pool member with the most room, never the author, and says why', async () => {
  const inputs = {
    'wip-limit': '10',
    'max-review-requests': '3',
    'assign-reviewers': 'least-loaded',
    'reviewer-pool': 'ann,bob,cy'
  };
  const github = await session(createStore());
  try {
    await installed(github, inputs);
    github.store.pullRequests.push(
      ...openPullRequests(4, (n) => (n <= 3 ? { reviewRequests: n === 3 ? ['bob'] : ['ann'] } : { author: 'cy' }))
    );
    for (const number of [1, 2, 3])
      await github.run({ eventName: 'pull_request', event: pullRequestEvent(github.store, number, 'opened'), inputs });
    const run = await github.run({
      eventName: 'pull_request',
      event: pullRequestEvent(github.store, 4, 'opened'),
      inputs: { ...inputs, 'on-waiting': 'fail,comment' }
    });
    // cy has the most room (0 of 3) but wrote #4; bob has 1 of 3, ann 2 of 3.
    expect(byNumber(github.store, 4).reviewRequests).toEqual(['bob']);
    expect(run.summary).toContain('request a review from @bob on #4');
    expect(run.graphql).toBe(2);
  } finally {
    await github.close();
  }
});

describe('a generated repository with CODEOWNERS-like review requests', () => {
  const inputs = { 'wip-limit': '40', 'max-review-requests': '3', 'max-writes-per-run': '5000' };
  let github: Session;
  let store: FakeStore;
  beforeAll(async () => {
    store = generateRepository({ seed: 5, openPullRequests: 160, now: new Date() });
    // As CODEOWNERS routes them: docs to the docs team, packages to ann, the rest to bob or cy.
    for (const pr of store.pullRequests.filter((p) => p.state === 'OPEN')) {
      const owners = new Set<string>();
      for (const file of pr.files) {
        if (file.startsWith('docs/')) owners.add('acme/docs');
        else if (file.startsWith('packages/')) owners.add('ann');
        else owners.add(pr.number % 2 === 0 ? 'bob' : 'cy');
      }
      pr.reviewRequests = [...owners].filter((o) => o.toLowerCase() !== pr.author.toLowerCase());
    }
    github = await session(store);
    const sweep = await github.run({ eventName: 'schedule', event: scheduleEvent(), inputs });
    expect(sweep.exitCode).toBe(0);
  }, 120_000);
  afterAll(() => github.close());

  test('every sampled gate decides in two reads what the sweep decided', async () => {
    const open = store.pullRequests.filter((p) => p.state === 'OPEN' && !p.isDraft);
    const waitingOnReviewer = open.filter((p) =>
      /reviews in progress/.test(github.status(p.number)?.description ?? '')
    );
    expect(waitingOnReviewer.length).toBeGreaterThan(0);
    const sample = [...waitingOnReviewer.slice(0, 4), ...open.filter((_, i) => i % 12 === 0)];
    for (const pr of sample) {
      const before = github.status(pr.number)?.description;
      const gate = await github.run({
        eventName: 'pull_request',
        event: pullRequestEvent(store, pr.number, 'synchronize'),
        inputs
      });
      expect([pr.number, gate.graphql, gate.restReads, gate.writes]).toEqual([pr.number, 2, 0, 0]);
      expect([pr.number, github.status(pr.number)?.description]).toEqual([pr.number, before]);
    }
  }, 120_000);
});
