// `npm run bench`: what the action costs in API requests and GraphQL points
// as the queue grows, measured on the fake GitHub (which bills GraphQL by
// GitHub's published cost formula). Prints a markdown table for
// docs/benchmarks.md. Wall times include starting node for each run.
import { parse } from 'graphql';
import { pullRequestEvent, scheduleEvent } from '../test-support/events.js';
import { queryCost } from '../test-support/fake-github/cost.js';
import { startFakeGitHub, type FakeGitHub } from '../test-support/fake-github/index.js';
import { WRITE_TOKEN, type FakeStore } from '../test-support/fake-github/store.js';
import { generateRepository } from '../test-support/generate.js';
import { runAction } from '../test-support/run-action.js';

const SIZES = (process.env.BENCH_SIZES ?? '100,1000,2500,5000').split(',').map(Number);
const COMMON = { 'wip-limit': '50', 'max-open-per-author': '5', 'max-changed-lines': '3000', 'exempt-authors': 'dependabot[bot],renovate[bot]' };
const PATH_RULE = 'rules:\n  - name: docs\n    match: { paths: ["docs/**"] }\n    max-open: 10\n';

interface Measure {
  graphql: number;
  points: number;
  restReads: number;
  restWrites: number;
  seconds: number;
  exitCode: number;
}

async function measure(github: FakeGitHub, store: FakeStore, eventName: string, event: object, inputs: Record<string, string>): Promise<Measure> {
  const from = github.requests.length;
  const started = performance.now();
  const run = await runAction({
    apiUrl: github.url,
    token: WRITE_TOKEN,
    eventName,
    event,
    inputs,
    repository: `${store.repository.owner}/${store.repository.name}`,
    timeoutMs: 900_000
  });
  const seconds = (performance.now() - started) / 1000;
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
    exitCode: run.exitCode
  };
}

function newestOpen(store: FakeStore): number {
  const open = store.pullRequests.filter((p) => p.state === 'OPEN' && !p.isDraft && !p.author.endsWith('[bot]'));
  return open[open.length - 1].number;
}

const row = (size: number, what: string, m: Measure) =>
  `| ${size.toLocaleString('en-US')} | ${what} | ${m.graphql} | ${m.points} | ${m.restReads} | ${m.restWrites} | ${m.seconds.toFixed(1)} s |`;

async function bench(size: number): Promise<string[]> {
  const rows: string[] = [];
  for (const config of [undefined, PATH_RULE]) {
    const store = generateRepository({ seed: 7, openPullRequests: size, now: new Date(), config });
    // A budget no run reaches: the settling sweep writes one status per PR.
    const github = await startFakeGitHub(store, { restRequests: 1_000_000, graphqlPoints: 1_000_000 });
    try {
      const gate = () => measure(github, store, 'pull_request', pullRequestEvent(store, newestOpen(store), 'synchronize'), COMMON);
      if (config) {
        rows.push(row(size, 'gate, with a `paths` rule (reads the queue)', await gate()));
        continue;
      }
      rows.push(row(size, 'gate (common config)', await gate()));
      rows.push(row(size, 'first sweep (max-writes-per-run 300)', await measure(github, store, 'schedule', scheduleEvent(store), COMMON)));
      rows.push(row(size, 'settling sweep (no write budget, pacing off)', await measure(github, store, 'schedule', scheduleEvent(store), { ...COMMON, 'max-writes-per-run': '100000' })));
      rows.push(row(size, 'sweep of a settled repository', await measure(github, store, 'schedule', scheduleEvent(store), COMMON)));
    } finally {
      await github.close();
    }
  }
  return rows;
}

async function main(): Promise<void> {
  console.log('| open PRs | run | GraphQL requests | GraphQL points | REST reads | REST writes | wall time |');
  console.log('|---:|---|---:|---:|---:|---:|---:|');
  for (const size of SIZES) for (const line of await bench(size)) console.log(line);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
