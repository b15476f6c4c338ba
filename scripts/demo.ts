// `npm run demo`: the real bundled action (dist/index.js), run as the Actions
// runner runs it, against the embedded fake GitHub holding a generated busy
// repository. No token, no network. Prints the job summaries.
// `npm run demo -- --serve` then leaves the fake GitHub up and prints the
// `plan` command (the read-only CLI) to try against it. The summaries go to
// demo-output/ (DEMO_OUTPUT_DIR to write them elsewhere, as the tests do).
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { markdownToTerminal } from '../src/report/terminal.js';
import { pullRequestEvent, scheduleEvent } from '../test-support/events.js';
import { startFakeGitHub } from '../test-support/fake-github/index.js';
import { latestStatuses, READ_TOKEN, WRITE_TOKEN } from '../test-support/fake-github/store.js';
import { generateRepository } from '../test-support/generate.js';
import { REPO_ROOT } from '../test-support/run-action.js';
import { runCounted, type CountedRun } from '../test-support/counted-run.js';
import { buildConfig } from '../src/config/load.js';
import { count } from '../src/core/count.js';

const OPEN_PULL_REQUESTS = Number(process.env.DEMO_OPEN_PRS ?? 2500);

/** The policy a busy repository might start with: see README "The config file". */
const CONFIG = `wip-limit: auto
min-wip-limit: 25
exempt-authors: ['dependabot[bot]', 'renovate[bot]']
priority-labels: [priority]
max-open-per-author: 15
max-changed-lines: 3000
stale-days: 30
close-days: 14
rules:
  - name: docs
    match: { paths: ['docs/**'] }
    max-open: 10
  - name: coding agents
    match: { agents: true }
    require-owner: true
`;

const USAGE =
  'Usage: npm run demo [-- --serve]   (--serve: keep the fake GitHub up afterwards, to try the CLI against it)';

async function main(): Promise<void> {
  let serve: boolean;
  try {
    serve = parseArgs({ options: { serve: { type: 'boolean', default: false } } }).values.serve;
  } catch {
    console.error(USAGE);
    process.exit(2);
  }
  const store = generateRepository({
    seed: 2026,
    openPullRequests: OPEN_PULL_REQUESTS,
    now: new Date(),
    config: CONFIG
  });
  const github = await startFakeGitHub(store);
  const outDir = process.env.DEMO_OUTPUT_DIR ?? path.join(REPO_ROOT, 'demo-output');
  fs.mkdirSync(outDir, { recursive: true });
  const repository = `${store.repository.owner}/${store.repository.name}`;
  try {
    console.log(
      `Fake GitHub on ${github.url}: ${repository} with ${OPEN_PULL_REQUESTS.toLocaleString('en-US')} open PRs.\n`
    );

    const sweep = await runCounted(github, {
      apiUrl: github.url,
      token: WRITE_TOKEN,
      eventName: 'schedule',
      event: scheduleEvent(store),
      inputs: {},
      repository
    });
    fs.writeFileSync(path.join(outDir, 'summary.md'), sweep.summary);
    console.log(markdownToTerminal(sweep.summary));
    report('sweep (schedule)', sweep);
    const left = writesLeft(sweep);

    // A few gates, as pull_request events would run them: one admitted PR, the last waiting one, and a coding agent's.
    const admitted = (JSON.parse(sweep.outputs.admitted ?? '[]') as number[])[0];
    const waiting = (JSON.parse(sweep.outputs.waiting ?? '[]') as number[]).at(-1);
    const agent = store.pullRequests.find(
      (p) => p.state === 'OPEN' && !p.isDraft && p.author.startsWith('copilot-swe-agent')
    )?.number;
    for (const number of [admitted, waiting, agent]) {
      if (number === undefined) continue;
      const gate = await runCounted(github, {
        apiUrl: github.url,
        token: WRITE_TOKEN,
        eventName: 'pull_request',
        event: pullRequestEvent(store, number, 'synchronize'),
        inputs: {},
        repository
      });
      fs.writeFileSync(path.join(outDir, `gate-${number}-summary.md`), gate.summary);
      // The decision line: an error when the job fails, a notice beside a failure status, else the log's line.
      const decided = /^(Admitted|Waiting|Violation|Draft|Exempt)/;
      const line =
        gate.errors[0] ??
        gate.notices.find((l) => decided.test(l)) ??
        gate.stdout.split('\n').find((l) => decided.test(l)) ??
        gate.outputs.result ??
        `no result: ${gate.stderr.trim().split('\n')[0]}`;
      const status = latestStatuses(store, store.pullRequests.find((p) => p.number === number)?.headSha ?? '').find(
        (s) => s.context === 'backpressure'
      );
      console.log(
        `\nGate on #${number} (pull_request synchronize): job ${gate.exitCode === 0 ? 'passed' : 'failed'}, ` +
          `status ${status?.state ?? 'not written'}: ${line}`
      );
      report('gate', gate);
    }
    console.log(
      `\nSummaries written to ${path.relative(process.cwd(), outDir) || '.'}/ (summary.md and one per gate).`
    );
    console.log(`\n${left.line}`);
    if (serve) {
      // A read-only token is all the CLI needs; the fake knows it.
      console.log(
        `\nThe fake GitHub stays up on ${github.url} until Ctrl-C. Preview the repository with the CLI ` +
          `(it plans what the next sweep would write: ${left.short}):\n`
      );
      console.log(`GITHUB_API_URL=${github.url} GITHUB_TOKEN=${READ_TOKEN} node dist/cli.js plan --repo ${repository}`);
      await new Promise<void>((resolve) => {
        process.once('SIGINT', resolve);
        process.once('SIGTERM', resolve);
      });
    }
  } finally {
    await github.close();
  }
}

/**
 * What the sweep left for later runs: its plan output counts the writes it
 * planned (the listed ones and those `omitted`), its requests the ones it sent.
 */
function writesLeft(sweep: CountedRun): { line: string; short: string } {
  const plan = JSON.parse(sweep.outputs.plan ?? '{}') as { writes?: unknown[]; omitted?: { writes?: number } };
  const planned = (plan.writes?.length ?? 0) + (plan.omitted?.writes ?? 0);
  const left = Math.max(0, planned - sweep.restWrites);
  if (left === 0)
    return {
      line: 'The sweep wrote everything it planned: the next one writes only what changes.',
      short: 'only what changed'
    };
  // The demo's config leaves max-writes-per-run at its built-in default.
  const perRun = buildConfig({}).maxWritesPerRun;
  const runs = Math.ceil(left / perRun);
  return {
    line:
      `The sweep wrote ${count(sweep.restWrites)} of the ${count(planned)} writes it planned (max-writes-per-run ${count(perRun)}): ` +
      `the other ${count(left)} take ${count(runs)} more ${runs === 1 ? 'sweep' : 'sweeps'}, statuses first ` +
      `(${count(runs)} hours with the README's hourly schedule); gates set their own PR's status at once.`,
    short: `${count(left)} writes left, ${count(perRun)} a run`
  };
}

function report(what: string, run: CountedRun): void {
  console.log(
    `\n[${what}] exit code ${run.exitCode}; requests: ${run.graphql} GraphQL, ${run.restReads} REST reads, ${run.restWrites} REST writes`
  );
  for (const warning of run.warnings) console.log(`  warning: ${warning}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
