// Issue 15 end to end: every event that moves the required `backpressure`
// status (merge_group, pull_request_review) is judged, and the action's own
// label events cost nothing. Real-shaped payloads from @octokit/webhooks-examples.
import {
  labelEvent,
  mergeGroupEvent,
  pullRequestEvent,
  pullRequestReviewEvent,
  scheduleEvent
} from '../../test-support/events.js';
import { workflowCommands } from '../../test-support/run-action.js';
import {
  createStore,
  fakeSha,
  findPullRequest,
  latestStatuses,
  READ_TOKEN,
  type FakePullRequest
} from '../../test-support/fake-github/store.js';
import { installed, openPullRequests, session, type Run, type Session } from './harness.js';

const reads = (run: Run) => run.graphql + run.restReads;
const notices = (run: Run) => workflowCommands(run.stdout, 'notice');
const noStackTrace = (run: Run) => expect(`${run.stdout}\n${run.stderr}`).not.toMatch(/^\s+at /m);

describe('merge_group: the merge queue gets the status of the PR it carries', () => {
  const inputs = { 'wip-limit': '5' };
  let github: Session;
  beforeAll(async () => {
    github = await session(createStore({ pullRequests: openPullRequests(12) }));
    // A merge queue runs on a repository the action has swept.
    await github.run({ eventName: 'schedule', event: scheduleEvent(), inputs });
  });
  afterAll(() => github.close());
  const groupStatus = (sha: string) => latestStatuses(github.store, sha).find((s) => s.context === 'backpressure');

  test('an admitted PR: success on the merge group commit, in at most 3 reads', async () => {
    const sha = fakeSha(1003);
    const result = await github.run({ eventName: 'merge_group', event: mergeGroupEvent(github.store, 3, sha), inputs });
    expect(result.exitCode).toBe(0);
    expect(result.errors).toEqual([]);
    expect(groupStatus(sha)).toMatchObject({ state: 'success', description: 'Admitted: position 3 of 12 (limit 5)' });
    expect(reads(result)).toBeLessThanOrEqual(3);
    expect(result.outputs).toMatchObject({ result: 'admitted', position: '3' });
    expect(result.summary).toContain(`#3's merge group commit ${sha.slice(0, 7)}`);
  });

  test('a waiting PR: failure on the merge group commit with the reason; the job passes', async () => {
    const sha = fakeSha(1009);
    const result = await github.run({ eventName: 'merge_group', event: mergeGroupEvent(github.store, 9, sha), inputs });
    const line = 'Waiting: position 9, 4 PRs ahead beyond the limit of 5';
    expect(result.exitCode).toBe(0);
    expect(result.notices).toEqual([line]);
    expect(groupStatus(sha)).toMatchObject({ state: 'failure', description: line });
    expect(reads(result)).toBeLessThanOrEqual(3);
  });

  test("the PR's own head gets its status too, and the merge group status never lands there", async () => {
    const sha = fakeSha(1004);
    await github.run({ eventName: 'merge_group', event: mergeGroupEvent(github.store, 4, sha), inputs });
    expect(groupStatus(sha)).toMatchObject({ state: 'success' });
    expect(github.status(4)).toMatchObject({ state: 'success', description: 'Admitted: position 4 of 12 (limit 5)' });
    expect(latestStatuses(github.store, sha)).toHaveLength(1);
  });

  test('a head_ref that names no PR: one notice, no request, no status, exit 0', async () => {
    const sha = fakeSha(1099);
    const event = mergeGroupEvent(github.store, 3, sha, 'refs/heads/release-train');
    const result = await github.run({ eventName: 'merge_group', event, inputs });
    expect(result.exitCode).toBe(0);
    expect(result.errors).toEqual([]);
    expect(notices(result)).toEqual([
      'merge_group.head_ref "refs/heads/release-train" and head_sha "' +
        sha +
        '" name no pull request (expected refs/heads/gh-readonly-queue/<base>/pr-<number>-<sha> and a commit sha): nothing was ' +
        'judged, no status was written.'
    ]);
    expect(reads(result) + result.writes).toBe(0);
    expect(groupStatus(sha)).toBeUndefined();
    expect(result.outputs.result).toBe('skipped');
    noStackTrace(result);
  });
});

describe("pull_request_review: an approval satisfies require-owner on an agent's PR", () => {
  const inputs = { 'wip-limit': '5', 'require-owner-for-agents': 'true' };
  let github: Session;
  let agentPr: FakePullRequest;
  beforeAll(async () => {
    const prs = openPullRequests(6, (n) =>
      n === 2 ? { author: 'copilot-swe-agent[bot]', authorType: 'Bot', authorAssociation: 'NONE' } : {}
    );
    github = await session(createStore({ pullRequests: prs }));
    await installed(github, inputs);
    agentPr = findPullRequest(github.store, 2) as FakePullRequest;
  });
  afterAll(() => github.close());

  const violationLabel = 'backpressure: violation';
  const review = (state: 'APPROVED' | 'DISMISSED') => {
    agentPr.reviews = [{ state, author: 'maintainer', association: 'MEMBER', submittedAt: new Date().toISOString() }];
  };

  test('opened: the agent PR without an owner is a violation, red and labelled', async () => {
    const result = await github.run({
      eventName: 'pull_request_target',
      event: pullRequestEvent(github.store, 2, 'opened'),
      inputs
    });
    expect(result.exitCode).toBe(0);
    expect(github.status(2)?.state).toBe('failure');
    expect(agentPr.labels).toContain(violationLabel);
  });

  test('a maintainer approves: the status turns green and the violation label goes, at once', async () => {
    review('APPROVED');
    const event = pullRequestReviewEvent(github.store, 2, { reviewer: 'maintainer', state: 'approved' });
    const result = await github.run({ eventName: 'pull_request_review', event, inputs });
    expect(result.exitCode).toBe(0);
    expect(result.errors).toEqual([]);
    expect(github.status(2)).toMatchObject({ state: 'success', description: 'Admitted: position 2 of 6 (limit 5)' });
    expect(agentPr.labels).not.toContain(violationLabel);
    expect(result.outputs.result).toBe('admitted');
  });

  test('the approval is dismissed: back to a violation', async () => {
    review('DISMISSED');
    const event = pullRequestReviewEvent(github.store, 2, { reviewer: 'maintainer', state: 'dismissed' }, 'dismissed');
    const result = await github.run({ eventName: 'pull_request_review', event, inputs });
    expect(result.exitCode).toBe(0);
    expect(github.status(2)?.state).toBe('failure');
    expect(agentPr.labels).toContain(violationLabel);
  });

  test('a review after the merge: one notice, no request, nothing written', async () => {
    const merged = findPullRequest(github.store, 6) as FakePullRequest;
    Object.assign(merged, { state: 'MERGED', closedAt: new Date().toISOString(), mergedAt: new Date().toISOString() });
    const event = pullRequestReviewEvent(github.store, 6, { reviewer: 'maintainer', state: 'approved' });
    const result = await github.run({ eventName: 'pull_request_review', event, inputs });
    expect(result.exitCode).toBe(0);
    expect(notices(result)).toEqual(['Pull request #6 is closed: the queue does not govern it, nothing to do.']);
    expect(reads(result) + result.writes).toBe(0);
  });

  test("a fork's review (read-only token): still decides, one warning naming the sweep and the recipe, no stack trace", async () => {
    review('APPROVED');
    const event = pullRequestReviewEvent(github.store, 2, { reviewer: 'maintainer', state: 'approved' });
    const result = await github.run({ eventName: 'pull_request_review', event, inputs, token: READ_TOKEN });
    expect(result.exitCode).toBe(0);
    expect(result.outputs.result).toBe('admitted');
    expect(result.errors).toEqual([]);
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]).toContain('The next sweep writes this PR');
    expect(result.warnings[0]).toContain('"Pull requests from forks"');
    expect(github.status(2)?.state).toBe('failure'); // unchanged until a run with a write token
    noStackTrace(result);
  });
});

describe("the action's own label events", () => {
  let github: Session;
  beforeAll(async () => {
    github = await session(
      createStore({
        pullRequests: openPullRequests(8),
        repository: { files: { '.github/backpressure.yml': 'stale-label: Idle\n' } }
      })
    );
    await installed(github, { 'wip-limit': '5' });
  });
  afterAll(() => github.close());

  test.each([
    ['labeled', 'backpressure: waiting'],
    ['unlabeled', 'backpressure: violation'],
    ['labeled', 'BACKPRESSURE: Violation'],
    ['labeled', 'backpressure: admitted'],
    // Every area rule's label, whichever rules the config file names.
    ['labeled', 'backpressure: area docs']
  ] as const)('%s "%s": exit 0 at once, zero requests, one notice', async (action, label) => {
    const result = await github.run({
      eventName: 'pull_request_target',
      event: labelEvent(github.store, 7, label, action, 'backpressure-app[bot]'),
      inputs: { 'wip-limit': '5' }
    });
    expect(result.exitCode).toBe(0);
    expect(result.graphql + result.restReads + result.writes).toBe(0);
    expect(notices(result)).toEqual([
      `The label "${label}" is one of the action's own (its own label writes trigger this event): nothing to do.`
    ]);
    expect(result.outputs.result).toBe('skipped');
  });

  test('a label named by an input is the own label, and the default name then is not', async () => {
    const inputs = { 'wip-limit': '5', 'waiting-label': 'queue: full' };
    const own = await github.run({
      eventName: 'pull_request',
      event: labelEvent(github.store, 7, 'Queue: Full'),
      inputs
    });
    expect(own.graphql + own.restReads + own.writes).toBe(0);
    const other = await github.run({
      eventName: 'pull_request',
      event: labelEvent(github.store, 7, 'backpressure: waiting'),
      inputs
    });
    expect(other.graphql).toBeGreaterThan(0);
    expect(other.outputs.result).toBe('waiting');
  });

  test('a stale label named in the config file: one read (the file comes with it), no writes, exit 0', async () => {
    const result = await github.run({
      eventName: 'pull_request_target',
      event: labelEvent(github.store, 7, 'idle', 'unlabeled'),
      inputs: { 'wip-limit': '5' }
    });
    expect(result.exitCode).toBe(0);
    expect(result.graphql + result.restReads).toBe(1);
    expect(result.writes).toBe(0);
    expect(notices(result)).toEqual([
      `The label "idle" is one of the action's own (set in .github/backpressure.yml; its own label writes trigger this event): ` +
        `nothing to do.`
    ]);
  });

  test('a label people set is judged as a gate', async () => {
    const result = await github.run({
      eventName: 'pull_request_target',
      event: labelEvent(github.store, 7, 'needs-review'),
      inputs: { 'wip-limit': '5' }
    });
    expect(result.exitCode).toBe(0);
    expect(result.notices).toEqual(['Waiting: position 7, 2 PRs ahead beyond the limit of 5']);
    expect(github.status(7)?.state).toBe('failure');
  });
});
