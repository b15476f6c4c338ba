// `npm run bench`: what the action costs in API requests, GraphQL points,
// time and memory as the queue grows. Runs the bundled action as the runner
// does against the fake GitHub (which bills GraphQL by GitHub's published
// cost formula) with a fixed latency per request, and writes
// docs/benchmarks.md. BENCH_SIZES=100,2500 npm run bench for a quick look.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'graphql';
import { closedEvent, pullRequestEvent, scheduleEvent } from '../test-support/events.js';
import { queryCost } from '../test-support/fake-github/cost.js';
import { startFakeGitHub, type FakeGitHub } from '../test-support/fake-github/index.js';
import { createStore, makePullRequest, WRITE_TOKEN, type FakeStore } from '../test-support/fake-github/store.js';
import { generateRepository } from '../test-support/generate.js';
import { REPO_ROOT, runAction } from '../test-support/run-action.js';
import { DAY_MS } from '../src/core/time.js';

const SIZES = (process.env.BENCH_SIZES ?? '100,2500,10000').split(',').filter(Boolean).map(Number);
const LATENCY_MS = 20;
/** WIP limit, per-author cap, opening rate and size: what search counts can express. */
const COMMON = {
  'wip-limit': '50',
  'max-open-per-author': '5',
  'max-changed-lines': '3000',
  'exempt-authors': 'dependabot[bot],renovate[bot]'
};
const WITH_RATE = { ...COMMON, 'max-opened-per-author': '10/7d' };
const PATH_RULE = 'rules:\n  - name: docs\n    match: { paths: ["docs/**"] }\n    max-open: 10\n';
const RATE_DAYS = 7;
const PRELOAD = path.join(REPO_ROOT, 'test-support', 'peak-memory.mjs');

interface Measure {
  graphql: number;
  points: number;
  restReads: number;
  restWrites: number;
  seconds: number;
  peakMb: number;
  /** Queries GitHub failed as too heavy, after which pages were halved (from the summary). */
  shrunk: number;
  /** The queue-size output: the run decided the whole queue. */
  queueSize: string;
}

async function measure(
  github: FakeGitHub,
  store: FakeStore,
  eventName: string,
  event: object,
  inputs: Record<string, string>
): Promise<Measure> {
  const from = github.requests.length;
  const memoryFile = path.join(os.tmpdir(), `pr-backpressure-peak-${process.pid}`);
  const started = performance.now();
  const run = await runAction({
    apiUrl: github.url,
    token: WRITE_TOKEN,
    eventName,
    event,
    inputs,
    repository: `${store.repository.owner}/${store.repository.name}`,
    env: { NODE_OPTIONS: `--import ${PRELOAD}`, PEAK_MEMORY_FILE: memoryFile },
    timeoutMs: 1_800_000
  });
  const seconds = (performance.now() - started) / 1000;
  if (run.errors.length > 0 && eventName === 'schedule') throw new Error(`The sweep failed: ${run.errors.join('; ')}`);
  const requests = github.requests.slice(from);
  const graphql = requests.filter((r) => r.kind === 'graphql');
  const points = graphql.reduce((sum, r) => {
    const body = r.body as { query: string; variables?: Record<string, unknown> };
    return sum + queryCost(parse(body.query), body.variables ?? {});
  }, 0);
  return {
    graphql: graphql.length,
    points,
    restReads: requests.filter((r) => r.kind === 'rest-read').length,
    restWrites: requests.filter((r) => r.kind === 'rest-write').length,
    seconds,
    peakMb: Number(fs.readFileSync(memoryFile, 'utf8')) / 1024,
    shrunk: Number(/GitHub failed (\d+) quer/.exec(run.summary)?.[1] ?? 0),
    queueSize: run.outputs['queue-size'] ?? ''
  };
}

function openHumanPullRequests(store: FakeStore): number[] {
  return store.pullRequests
    .filter((p) => p.state === 'OPEN' && !p.isDraft && !p.author.endsWith('[bot]'))
    .map((p) => p.number);
}

const row = (size: number, what: string, m: Measure) =>
  `| ${size.toLocaleString('en-US')} | ${what} | ${m.graphql} | ${m.points} | ${m.restReads} | ${m.restWrites} | ` +
  `${m.seconds.toFixed(1)} s | ${Math.round(m.peakMb)} MB |`;

/** Sweeps of `max-writes-per-run` 300 until admitted-label carries the stamp: the runs before gates count in two reads. */
async function runsUntilStamped(github: FakeGitHub, store: FakeStore): Promise<{ runs: number; writes: number }> {
  let writes = 0;
  for (let runs = 1; runs <= 50; runs++) {
    writes += (await measure(github, store, 'schedule', scheduleEvent(store), COMMON)).restWrites;
    const label = store.labels.find((l) => l.name === 'backpressure: admitted');
    if (label?.description?.includes(' state ')) return { runs, writes };
  }
  throw new Error('The stamp was not written in 50 sweeps');
}

async function bench(size: number): Promise<{ rows: string[]; settling: string }> {
  const rows: string[] = [];
  const store = generateRepository({ seed: 7, openPullRequests: size, now: new Date() });
  // A budget no run reaches: the settling sweep writes one status per PR.
  const github = await startFakeGitHub(store, {
    restRequests: 10_000_000,
    graphqlPoints: 10_000_000,
    latencyMs: LATENCY_MS
  });
  let settling = '';
  try {
    const schedule = () => measure(github, store, 'schedule', scheduleEvent(store), COMMON);
    const newest = openHumanPullRequests(store).at(-1) as number;
    const gate = (number: number, action = 'synchronize') =>
      measure(github, store, 'pull_request', pullRequestEvent(store, number, action), WITH_RATE);
    rows.push(
      row(
        size,
        'gate on a fresh install: no run has reconciled the queue, so it reads the whole queue',
        await gate(newest)
      )
    );
    rows.push(row(size, 'first sweep (stops at max-writes-per-run 300; the queue labels first)', await schedule()));
    rows.push(
      row(
        size,
        `first sweep with a \`10/7d\` rate rule (floor ${sweepFloor(store)})`,
        await measure(github, store, 'schedule', scheduleEvent(store), { ...WITH_RATE, 'dry-run': 'true' })
      )
    );
    // How many runs of 300 writes a fresh repository needs before gates trust the labels, from the start.
    const fresh = generateRepository({ seed: 7, openPullRequests: size, now: new Date() });
    const freshGithub = await startFakeGitHub(fresh, { restRequests: 10_000_000, graphqlPoints: 10_000_000 });
    try {
      const { runs, writes } = await runsUntilStamped(freshGithub, fresh);
      const held = fresh.pullRequests.filter((p) => p.labels.includes('backpressure: admitted')).length;
      const violations = fresh.pullRequests.filter((p) => p.labels.includes('backpressure: violation')).length;
      settling =
        `| ${size.toLocaleString('en-US')} | ${runs} | ${writes.toLocaleString('en-US')} | ${held} | ` +
        `${violations.toLocaleString('en-US')} |`;
    } finally {
      await freshGithub.close();
    }
    // Settle without latency (it is many thousand writes), then measure what a settled repository costs.
    github.setLatency(0);
    await measure(github, store, 'schedule', scheduleEvent(store), { ...COMMON, 'max-writes-per-run': '1000000' });
    github.setLatency(LATENCY_MS);
    rows.push(row(size, 'sweep of a settled repository', await schedule()));
    rows.push(row(size, 'gate: WIP + per-author + rate + size, on a settled repository', await gate(newest)));
    const admitted = openHumanPullRequests(store)[0];
    const closing = store.pullRequests.find((p) => p.number === admitted) as FakeStore['pullRequests'][number];
    closing.state = 'CLOSED';
    closing.closedAt = new Date().toISOString();
    rows.push(
      row(
        size,
        'advance: one admitted PR closed',
        await measure(github, store, 'pull_request', closedEvent(store, admitted), COMMON)
      )
    );
    // An admitted PR turned draft frees its seat: its gate reads the whole queue once and advances.
    const drafted = store.pullRequests.find((p) => p.labels.includes('backpressure: admitted') && p.state === 'OPEN');
    if (drafted) {
      drafted.isDraft = true;
      rows.push(
        row(
          size,
          'gate of an admitted PR turned draft (frees its seat: reads the queue, advances)',
          await gate(drafted.number, 'converted_to_draft')
        )
      );
    }
  } finally {
    await github.close();
  }
  const withPaths = generateRepository({ seed: 7, openPullRequests: size, now: new Date(), config: PATH_RULE });
  const pathsGithub = await startFakeGitHub(withPaths, {
    restRequests: 10_000_000,
    graphqlPoints: 10_000_000,
    latencyMs: 0
  });
  try {
    // An area rule's state (area labels, admitted-label, the stamp) is put on the queue by a sweep first.
    await measure(pathsGithub, withPaths, 'schedule', scheduleEvent(withPaths), {
      ...COMMON,
      'max-writes-per-run': '1000000'
    });
    pathsGithub.setLatency(LATENCY_MS);
    const newest = openHumanPullRequests(withPaths).at(-1) as number;
    rows.push(
      row(
        size,
        'gate with an area (`paths`, `max-open`) rule',
        await measure(
          pathsGithub,
          withPaths,
          'pull_request',
          pullRequestEvent(withPaths, newest, 'synchronize'),
          COMMON
        )
      )
    );
  } finally {
    await pathsGithub.close();
  }
  if (size <= 2500) rows.push(...(await reviewCapacity(size)));
  return { rows, settling };
}

/** Review requests as CODEOWNERS makes them: docs to a team, packages to one owner, the rest to two reviewers. */
function codeOwners(store: FakeStore): void {
  for (const pr of store.pullRequests.filter((p) => p.state === 'OPEN')) {
    const owners = new Set<string>();
    for (const file of pr.files)
      owners.add(
        file.startsWith('docs/') ? 'acme/docs' : file.startsWith('packages/') ? 'ann' : pr.number % 2 ? 'bob' : 'cy'
      );
    pr.reviewRequests = [...owners].filter((owner) => owner.toLowerCase() !== pr.author.toLowerCase());
  }
}

/** A settled repository with `max-review-requests` (a number, then `auto`): a sweep and a gate. */
async function reviewCapacity(size: number): Promise<string[]> {
  const rows: string[] = [];
  for (const limit of ['5', 'auto']) {
    const store = generateRepository({ seed: 7, openPullRequests: size, now: new Date() });
    codeOwners(store);
    const inputs = { ...COMMON, 'max-review-requests': limit };
    const github = await startFakeGitHub(store, { restRequests: 10_000_000, graphqlPoints: 10_000_000, latencyMs: 0 });
    try {
      await measure(github, store, 'schedule', scheduleEvent(store), { ...inputs, 'max-writes-per-run': '1000000' });
      github.setLatency(LATENCY_MS);
      const what = `max-review-requests: ${limit}`;
      rows.push(
        row(
          size,
          `sweep of a settled repository with ${what}`,
          await measure(github, store, 'schedule', scheduleEvent(store), inputs)
        )
      );
      const newest = openHumanPullRequests(store).at(-1) as number;
      rows.push(
        row(
          size,
          `gate with ${what}`,
          await measure(github, store, 'pull_request', pullRequestEvent(store, newest, 'synchronize'), inputs)
        )
      );
    } finally {
      await github.close();
    }
  }
  return rows;
}

/** The fewest reads a sweep with a rate rule can make: the pages of open PRs, of closed PRs opened in the window, and 2. */
function sweepFloor(store: FakeStore): number {
  const since = Date.now() - RATE_DAYS * DAY_MS;
  const open = store.pullRequests.filter((p) => p.state === 'OPEN').length;
  const closedInWindow = store.pullRequests.filter(
    (p) => p.state !== 'OPEN' && Date.parse(p.createdAt) >= since
  ).length;
  return Math.ceil(open / 100) + Math.max(1, Math.ceil(closedInWindow / 100)) + 2;
}

/** A PR flooded with comments: 60 PRs × 30 comments of 65,536 characters (GitHub's maximum). */
function commentSpam(now: Date): FakeStore {
  const body = 'x'.repeat(65_536);
  const pullRequests = Array.from({ length: 60 }, (_, i) =>
    makePullRequest({
      number: i + 1,
      createdAt: new Date(now.getTime() - (100 - i) * 3_600_000).toISOString(),
      comments: Array.from({ length: 30 }, (_, j) => ({
        id: (i + 1) * 100 + j,
        body,
        author: 'spammer',
        authorType: 'User' as const,
        association: 'NONE' as const,
        createdAt: new Date(now.getTime() - (50 - j) * 60_000).toISOString()
      }))
    })
  );
  return createStore({ pullRequests });
}

/** Memory under comment spam, and sweeps against a GitHub that fails heavy queries (502 above a node budget). */
async function hardCases(): Promise<string[]> {
  const rows: string[] = [];
  const spam = commentSpam(new Date());
  const spamGithub = await startFakeGitHub(spam, { latencyMs: LATENCY_MS });
  try {
    rows.push(
      hardRow(
        'comment spam: 60 PRs × 30 comments × 65,536 characters, dry-run sweep',
        await measure(spamGithub, spam, 'schedule', scheduleEvent(spam), { ...COMMON, 'dry-run': 'true' })
      )
    );
  } finally {
    await spamGithub.close();
  }
  for (const maxNodes of [13_000, 5_000]) {
    const store = generateRepository({ seed: 7, openPullRequests: 600, now: new Date(), config: PATH_RULE });
    const github = await startFakeGitHub(store, { latencyMs: LATENCY_MS, maxNodes });
    try {
      const what = `600 PRs with a \`paths\` rule, GitHub fails queries above ${maxNodes.toLocaleString('en-US')} nodes, dry-run sweep`;
      rows.push(
        hardRow(what, await measure(github, store, 'schedule', scheduleEvent(store), { ...COMMON, 'dry-run': 'true' }))
      );
    } finally {
      await github.close();
    }
  }
  return rows;
}

const hardRow = (what: string, m: Measure) =>
  `| ${what} | ${m.queueSize} | ${m.shrunk} | ${m.graphql} | ${m.points} | ${m.seconds.toFixed(1)} s | ${Math.round(m.peakMb)} MB |`;

/** Median wall time of `node dist/index.js` for an event it skips: module load and start-up, no requests. */
function startupMs(): number {
  const times: number[] = [];
  const event = path.join(os.tmpdir(), 'pr-backpressure-push-event.json');
  fs.writeFileSync(event, '{}');
  for (let i = 0; i < 7; i++) {
    const started = performance.now();
    execFileSync(process.execPath, [path.join(REPO_ROOT, 'dist', 'index.js')], {
      env: {
        PATH: process.env.PATH ?? '',
        GITHUB_EVENT_NAME: 'push',
        GITHUB_EVENT_PATH: event,
        GITHUB_REPOSITORY: 'acme/widgets',
        'INPUT_GITHUB-TOKEN': 'x'
      }
    });
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[3];
}

async function main(): Promise<void> {
  const table = [
    '| open PRs | run | GraphQL requests | GraphQL points | REST reads | REST writes | wall time | peak memory |',
    '|---:|---|---:|---:|---:|---:|---:|---:|'
  ];
  const settling = [
    '| open PRs | sweeps of 300 writes before gates count in two reads | writes | PRs holding a seat | PRs in violation |',
    '|---:|---:|---:|---:|---:|'
  ];
  for (const size of SIZES) {
    console.error(`Measuring ${size.toLocaleString('en-US')} open PRs…`);
    const measured = await bench(size);
    table.push(...measured.rows);
    settling.push(measured.settling);
  }
  console.error('Measuring comment spam and heavy-query failures…');
  const hard = [
    '| run | queue size | queries failed as too heavy (pages halved) | GraphQL requests | GraphQL points | wall time | peak memory |',
    '|---|---:|---:|---:|---:|---:|---:|',
    ...(await hardCases())
  ];
  const startup = startupMs();
  const doc = [
    '# Benchmarks',
    '',
    '<!-- Generated by `npm run bench`; do not edit by hand. -->',
    '',
    `Measured ${new Date().toISOString().slice(0, 10)} on Node ${process.version}, ${os.cpus().length} CPUs, with \`npm run ` +
      `bench\`: the bundled`,
    'action (`dist/index.js`) run as the Actions runner runs it, against the fake GitHub',
    `(\`test-support/fake-github\`) with ${LATENCY_MS} ms latency per request, on generated repositories`,
    '(`test-support/generate.ts`, seed 7: heavy-tailed authors, bots and agents, drafts, labels, files,',
    "8 weeks of history). GraphQL points are billed by GitHub's published formula",
    '(`test-support/fake-github/cost.ts`). Wall time includes starting node; writes are not paced',
    '(`PR_BACKPRESSURE_WRITE_INTERVAL_MS=0`; real runs space writes about 1 s apart). Peak memory is the',
    "action process's maximum resident set size.",
    '',
    `Start-up: \`node dist/index.js\` for an event it skips takes **${Math.round(startup)} ms** (median of 7).`,
    '',
    ...table,
    '',
    'A fresh install: the sweeps (hourly, `max-writes-per-run` 300) it takes before admitted-label carries the',
    'stamp of the queue state (README "How the queue works"): until then each gate reads the whole queue. A',
    'sweep writes the queue labels first (admitted-label on the PRs holding a seat, violation-label, area',
    'labels), then the stamp, then statuses and comments.',
    '',
    ...settling,
    '',
    ...hard,
    '',
    'Reading the tables:',
    '',
    '- **Gate**: on a settled repository, the same requests at every size: one GraphQL read (the PR with its',
    '  files, the config file, the 30 newest PRs, the PRs holding a seat) and one document of aliased `search`',
    "  counts that also looks up the action's labels and the stamp. Area (`max-open`) rules cost no more: the",
    '  action keeps an area label on the PRs each area rule selects. A gate reads the whole queue only when the',
    '  queue state is not stamped for its configuration (a fresh install, a changed config) or when its PR',
    "  frees a seat or changes another PR's budget (it then advances the queue, as a close does).",
    '- **Sweep**: ⌈N/100⌉ pages plus 2 (the repository and one document of history counts and label look-ups).',
    '  A `COUNT/DAYSd` rate rule adds ⌈closed PRs opened in the window / 100⌉ pages (at least 1): the open',
    '  ones are already in the main pages. The floor in the row is that sum.',
    '- **Nested lists** (labels, assignees, files, comments, reviews, timeline) come with each PR in a first',
    '  page (20, 10, 50, 20, 10 and 10 items, and 10 checks: 13,200 nodes for 100 PRs with files); the few PRs with more get',
    "  the rest in batched follow-up queries. Comment bodies are not read, except the action's own, so comment",
    '  spam costs no memory. A page GitHub fails as too heavy (502, 504, timeout) is halved, down to 5 PRs.',
    "- **Writes** only where a PR's state changed: a settled repository costs no writes.",
    '- **Memory**: about 80 MB is node with the bundle loaded and its HTTP client once GitHub has answered',
    '  (the gate rows); the rest grows with the queue: about 3.5 KB per open PR for the facts the core needs',
    '  and the plan. The action sets V8 flags that spend CPU instead of memory (`src/app/low-memory.ts`, each',
    '  with its share), parses GraphQL answers with `JSON.parse` and writes numbers without `Intl`',
    '  (README, "Decisions where the spec is silent").',
    '- `GITHUB_TOKEN` allows 1,000 requests (REST) and 1,000 points (GraphQL) per hour per repository.',
    '  A sweep costs about 7 points per 100 open PRs: hourly up to a few thousand open PRs; at 10,000',
    '  (about 700 points) sweep every 2 to 3 hours and leave the rest of the budget to gates (2 points',
    '  each). The first sweeps of a large repository spread their writes over several runs',
    '  (`max-writes-per-run`), the queue labels first, then statuses.',
    ''
  ];
  fs.writeFileSync(path.join(REPO_ROOT, 'docs', 'benchmarks.md'), doc.join('\n'));
  console.log([...table, '', ...hard].join('\n'));
  console.log(`\nStart-up ${Math.round(startup)} ms. Written to docs/benchmarks.md.`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
