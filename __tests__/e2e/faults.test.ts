// The bundled action against a misbehaving GitHub and against bad inputs,
// one test per row of the reliability catalogue (docs/reliability.md).
import fs from 'node:fs';
import { pullRequestEvent, scheduleEvent } from '../../test-support/events.js';
import { createStore, FAULTS, type FakeGitHubOptions, type FakeStore } from '../../test-support/fake-github/index.js';
import { STICKY_MARKER } from '../../src/core/markers.js';
import { markdownToTerminal } from '../../src/report/terminal.js';
import { renderReliability, RELIABILITY_PATH } from '../../scripts/reliability.js';
import { openPullRequests } from './harness.js';
import { faultSession, type FaultRun, type FaultSession } from './fault-session.js';
import { BAD_INPUT_ROWS, FAULT_ROWS, type FaultRow } from './reliability-catalogue.js';

const INPUTS = { 'wip-limit': '5', 'on-waiting': 'fail,label,comment' };
const WAITING_LABEL = 'backpressure: waiting';
const NO_STACK_TRACE = /^\s+at \S.*[(:]\d+:\d+\)?$/m;

interface FaultSetup {
  fake?: FakeGitHubOptions;
  arrange?: (github: FaultSession) => void;
  token?: string;
  env?: Record<string, string>;
  repository?: string;
  /** Run a gate for this PR (its event made before `arrange`) instead of a sweep. */
  gate?: number;
}

const NOT_JSON_PAGE = {
  status: 200,
  contentType: 'text/html; charset=utf-8',
  text: '<html><body><h1>502 Bad Gateway</h1></body></html>'
};
const CUT_JSON = {
  status: 200,
  contentType: 'application/json; charset=utf-8',
  text: '{"data": {"viewer": {"login": "github-act'
};

const rateLimitedGraphql = {
  status: 200,
  headers: {
    'x-ratelimit-limit': '5000',
    'x-ratelimit-remaining': '0',
    'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 3600)
  },
  body: { data: null, errors: [{ type: 'RATE_LIMITED', message: 'API rate limit exceeded for installation ID 1.' }] }
};

/** Nulls the PR list and says why, as GitHub does when a part of a query fails. */
function partialPullRequests(body: unknown): unknown {
  const answer = body as { data?: { repository?: Record<string, unknown> } };
  if (!answer.data?.repository || !('pullRequests' in answer.data.repository)) return body;
  return {
    data: { ...answer.data, repository: { ...answer.data.repository, pullRequests: null } },
    errors: [
      {
        type: 'SERVICE_UNAVAILABLE',
        message: 'Loading pullRequests timed out',
        path: ['repository', 'pullRequests'],
        locations: [{ line: 3, column: 5 }]
      }
    ]
  };
}

const SETUPS: Record<string, FaultSetup> = {
  'read-502-burst': { arrange: (g) => g.fake.failNext({ kind: 'graphql' }, FAULTS.badGateway, 2) },
  'write-500-503-burst': {
    arrange: (g) => {
      g.fake.failNext({ kind: 'rest-write' }, { status: 500, body: { message: 'Server Error' } });
      g.fake.failNext({ kind: 'rest-write' }, { status: 503, body: { message: 'Service Unavailable' } });
    }
  },
  'read-502-persistent': { arrange: (g) => g.fake.failNext({ kind: 'graphql' }, FAULTS.badGateway, 4) },
  'write-503-persistent': {
    arrange: (g) =>
      g.fake.failNext({ kind: 'rest-write' }, { status: 503, body: { message: 'Service Unavailable' } }, 12)
  },
  'comment-applied-then-502': {
    arrange: (g) =>
      g.interfere({
        method: 'POST',
        path: /\/issues\/\d+\/comments$/,
        times: 2,
        act: { respond: FAULTS.badGateway, applied: true }
      })
  },
  'read-timeout-once': {
    env: { PR_BACKPRESSURE_REQUEST_TIMEOUT_MS: '1000' },
    arrange: (g) => g.interfere({ kind: 'graphql', times: 1, act: 'hang' })
  },
  'read-timeout-persistent': {
    env: { PR_BACKPRESSURE_REQUEST_TIMEOUT_MS: '1000' },
    arrange: (g) => g.interfere({ kind: 'graphql', times: 4, act: 'hang' })
  },
  'connection-reset': { arrange: (g) => g.interfere({ kind: 'graphql', times: 1, act: 'reset' }) },
  'secondary-limit-once': { arrange: (g) => g.fake.failNext({ kind: 'rest-write' }, FAULTS.secondaryRateLimit) },
  'secondary-limit-persistent': {
    arrange: (g) => g.fake.failNext({ kind: 'rest-write' }, FAULTS.secondaryRateLimit, 9)
  },
  'write-429-once': {
    arrange: (g) =>
      g.fake.failNext(
        { kind: 'rest-write' },
        { status: 429, headers: { 'retry-after': '1' }, body: { message: 'Too Many Requests' } }
      )
  },
  'read-429-persistent': {
    arrange: (g) =>
      g.fake.failNext(
        { kind: 'graphql' },
        { status: 429, headers: { 'retry-after': '1' }, body: { message: 'Too Many Requests' } },
        4
      )
  },
  'primary-limit-low': { fake: { restRequests: 105 } },
  'primary-limit-exhausted-writes': {
    arrange: (g) => g.interfere({ kind: 'rest-write', skip: 3, times: 1, act: { respond: FAULTS.primaryRateLimit() } })
  },
  'primary-limit-exhausted-read': {
    arrange: (g) => g.interfere({ kind: 'graphql', skip: 1, times: 1, act: { respond: rateLimitedGraphql } })
  },
  'bad-token-401': { token: 'ghs_not_a_token' },
  'repository-404': { repository: 'acme/missing' },
  'graphql-partial-once': {
    arrange: (g) => g.interfere({ kind: 'graphql', skip: 1, times: 1, act: { rewrite: partialPullRequests } })
  },
  // 3 tries at each page size: 100, 50, 25, 12, 6 and 5 PRs (a timeout shrinks the page).
  'graphql-partial-persistent': {
    arrange: (g) => g.interfere({ kind: 'graphql', skip: 1, times: 18, act: { rewrite: partialPullRequests } })
  },
  'graphql-empty-object-once': {
    arrange: (g) => g.interfere({ kind: 'graphql', times: 1, act: { respond: { status: 200, body: {} } } })
  },
  'graphql-empty-object': {
    arrange: (g) => g.interfere({ kind: 'graphql', times: 100, act: { respond: { status: 200, body: {} } } })
  },
  'graphql-html-page': { arrange: (g) => g.interfere({ kind: 'graphql', times: 100, act: { page: NOT_JSON_PAGE } }) },
  'graphql-bad-json': { arrange: (g) => g.interfere({ kind: 'graphql', times: 100, act: { page: CUT_JSON } }) },
  'graphql-data-null': {
    arrange: (g) =>
      g.interfere({ kind: 'graphql', times: 100, act: { respond: { status: 200, body: { data: null } } } })
  },
  'pull-request-deleted': {
    gate: 10,
    arrange: (g) => {
      g.store.pullRequests = g.store.pullRequests.filter((pr) => pr.number !== 10);
    }
  },
  'primary-limit-below-reserve': { fake: { restRequests: 50 } }
};

function sweep(github: FaultSession, setup: FaultSetup = {}, gateEvent?: object): Promise<FaultRun> {
  const event = gateEvent
    ? { eventName: 'pull_request', event: gateEvent }
    : { eventName: 'schedule', event: scheduleEvent() };
  return github.run({ ...event, inputs: INPUTS, token: setup.token, env: setup.env, repository: setup.repository });
}

/** What must hold after any fault: nothing duplicated, nothing closed. */
function expectNoDamage(store: FakeStore): void {
  for (const pr of store.pullRequests) {
    expect(pr.comments.filter((c) => c.body.includes(STICKY_MARKER)).length).toBeLessThanOrEqual(1);
    expect(new Set(pr.labels).size).toBe(pr.labels.length);
    expect(pr.state).toBe('OPEN');
  }
  expect(new Set(store.labels.map((l) => l.name.toLowerCase())).size).toBe(store.labels.length);
}

/** The whole line, with `…` matching any text. */
function pattern(line: string): RegExp {
  return new RegExp(
    `^${line
      .split('…')
      .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('.+')}$`
  );
}

function expectOutcome(result: FaultRun, row: FaultRow): void {
  const { outcome } = row;
  expect(result.stdout + result.stderr).not.toMatch(NO_STACK_TRACE);
  expect(result.errors).toHaveLength(outcome.errors.length);
  outcome.errors.forEach((error, i) => expect(result.errors[i]).toMatch(pattern(error)));
  for (const warning of outcome.warnings ?? [])
    expect(result.warnings).toContainEqual(expect.stringContaining(warning));
  if (outcome.graphql !== undefined) expect(result.sent.graphql).toBe(outcome.graphql);
  if (typeof outcome.writes === 'number') expect(result.writes).toBe(outcome.writes);
  else if (outcome.writes) {
    expect(result.writes).toBeGreaterThanOrEqual(outcome.writes.min);
    expect(result.writes).toBeLessThanOrEqual(outcome.writes.max);
  }
  const summary = markdownToTerminal(result.summary);
  for (const text of outcome.summary ?? []) expect(summary).toContain(text);
  expect(result.exitCode).toBe(outcome.exitCode);
}

describe('GitHub faults', () => {
  test('every fault in the catalogue has a setup here', () => {
    expect(Object.keys(SETUPS).sort()).toEqual(FAULT_ROWS.map((row) => row.id).sort());
  });

  test.each(FAULT_ROWS.map((row) => [row.id, row] as const))('%s', async (_id, row) => {
    const setup = SETUPS[row.id];
    const github = await faultSession(createStore({ pullRequests: openPullRequests(10) }), setup.fake);
    try {
      const gateEvent =
        setup.gate === undefined ? undefined : pullRequestEvent(github.store, setup.gate, 'synchronize');
      setup.arrange?.(github);
      const result = await sweep(github, setup, gateEvent);
      expectOutcome(result, row);
      expectNoDamage(github.store);

      // What was left undone, a clean run finishes; a second one has nothing to do.
      if (setup.fake?.restRequests) return;
      github.interferences.length = 0; // a fault that outlasts the run ends with it
      const next = await sweep(github);
      expect(next.exitCode).toBe(0);
      expectNoDamage(github.store);
      for (const pr of github.store.pullRequests) {
        expect(pr.labels.includes(WAITING_LABEL)).toBe(pr.number > 5);
        expect(pr.comments.filter((c) => c.body.includes(STICKY_MARKER))).toHaveLength(pr.number > 5 ? 1 : 0);
      }
      expect((await sweep(github)).writes).toBe(0);
    } finally {
      await github.close();
    }
  });
});

describe('bad inputs and config files: one clear error, nothing written', () => {
  let github: FaultSession;
  beforeAll(async () => {
    github = await faultSession(createStore({ pullRequests: openPullRequests(3) }));
  });
  afterAll(() => github.close());

  test.each(BAD_INPUT_ROWS.map((row) => [row.id, row] as const))('%s', async (_id, row) => {
    github.store.repository.files = row.file === undefined ? {} : { '.github/backpressure.yml': row.file };
    const result = await github.run({ eventName: 'schedule', event: scheduleEvent(), inputs: { ...row.inputs } });
    expect(result.errors).toEqual([row.error]);
    // One line a person can read, whatever the size of the value.
    expect(row.error.length).toBeLessThan(2000);
    expect(result.exitCode).toBe(1);
    expect(result.stdout + result.stderr).not.toMatch(NO_STACK_TRACE);
    expect(result.writes).toBe(0);
    // Inputs are checked before any request; the file needs the one read that fetches it.
    expect(result.graphql).toBe(row.file === undefined && !row.readsFile ? 0 : 1);
    expect(result.restReads).toBe(0);
  });
});

test('docs/reliability.md is generated from the catalogue (run `npm run reliability`)', () => {
  expect(fs.readFileSync(RELIABILITY_PATH, 'utf8')).toBe(renderReliability());
});
