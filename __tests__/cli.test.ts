// The read-only CLI (`node dist/cli.js plan`) against the fake GitHub: it
// makes the same decisions as a sweep of the action and never writes.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { scheduleEvent } from '../test-support/events.js';
import { startFakeGitHub, type FakeGitHub } from '../test-support/fake-github/index.js';
import { TOKEN_BOT_REST_LOGIN, WRITE_TOKEN } from '../test-support/fake-github/store.js';
import { STALE_MARKER } from '../src/core/markers.js';
import { generateRepository } from '../test-support/generate.js';
import { REPO_ROOT, runAction } from '../test-support/run-action.js';
import type { Plan, WriteOp } from '../src/core/types.js';
import { DAY_MS } from '../src/core/time.js';

const REPOSITORY = 'acme/widgets';
const CONFIG = [
  'wip-limit: 40',
  'stale-days: 20',
  'close-days: 10',
  'max-open-per-author: 3',
  'on-violation: [fail, comment]',
  ''
].join('\n');

interface CliRun {
  exitCode: number | null;
  stdout: string;
  stderr: string;
}

/** `node dist/cli.js ARGS` with only the environment a user would set. */
function runCli(args: string[], env: Record<string, string>): Promise<CliRun> {
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) => !/^(GITHUB_|INPUT_|RUNNER_|ACTIONS_)/.test(name) && name !== 'NODE_OPTIONS'
    )
  );
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(REPO_ROOT, 'dist', 'cli.js'), ...args], {
      env: { ...inherited, ...env },
      cwd: REPO_ROOT
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (exitCode) => resolve({ exitCode, stdout, stderr }));
  });
}

/**
 * A busy repository with a config file, and every 4th open PR marked stale 11 days ago (label and the action's comment)
 * so the plan closes some.
 */
function busyRepository() {
  const store = generateRepository({
    seed: 7,
    openPullRequests: 250,
    now: new Date(),
    owner: 'acme',
    name: 'widgets',
    config: CONFIG
  });
  const markedAt = new Date(Date.now() - 11 * DAY_MS).toISOString();
  store.pullRequests
    .filter((pr) => pr.state === 'OPEN')
    .forEach((pr, index) => {
      if (index % 4 !== 0) return;
      pr.labels.push('stale');
      pr.comments.push({
        id: 900_000 + pr.number,
        body: `${STALE_MARKER}\nMarked stale.`,
        author: TOKEN_BOT_REST_LOGIN,
        authorType: 'Bot',
        association: 'NONE',
        createdAt: markedAt
      });
    });
  return store;
}

const writeKey = (op: { kind: string; number?: number; label?: string; name?: string }) =>
  `${op.kind} ${op.number ?? op.name ?? ''} ${op.label ?? ''}`.trim();

describe('plan on a busy repository', () => {
  let fake: FakeGitHub;
  let env: Record<string, string>;
  beforeAll(async () => {
    fake = await startFakeGitHub(busyRepository());
    env = { GITHUB_TOKEN: WRITE_TOKEN, GITHUB_API_URL: fake.url };
  });
  afterAll(() => fake.close());

  test('prints the decisions a dry-run sweep makes, with a write token, and sends no write', async () => {
    // Side by side, so both read the same repository at the same moment.
    const [cli, sweep] = await Promise.all([
      runCli(['plan', '--repo', REPOSITORY, '--json'], env),
      runAction({
        apiUrl: fake.url,
        token: WRITE_TOKEN,
        eventName: 'schedule',
        event: scheduleEvent(),
        inputs: { 'dry-run': 'true' },
        repository: REPOSITORY
      })
    ]);
    expect(cli.stderr).not.toMatch(/error/i);
    expect(cli.exitCode).toBe(0);
    expect(sweep.exitCode).toBe(0);
    const preview = JSON.parse(cli.stdout) as Plan;
    const swept = JSON.parse(sweep.outputs.plan) as {
      wipLimit: number;
      queueSize: number;
      decisions: unknown[][];
      writes: WriteOp[];
      deferredCloses: number[];
    };

    expect(preview.mode).toBe('sweep');
    expect(preview.wipLimit).toBe(40);
    expect([preview.wipLimit, preview.queueSize]).toEqual([swept.wipLimit, swept.queueSize]);
    expect(preview.decisions.map((d) => [d.number, d.state, d.position ?? null, d.summary])).toEqual(swept.decisions);
    expect(preview.writes.map(writeKey)).toEqual(swept.writes.map(writeKey));
    expect(preview.deferredCloses).toEqual(swept.deferredCloses);

    // Stale marks and closes are the sweep's too, and the repository has every kind of decision.
    const marked = preview.decisions.filter((d) => d.stale?.action === 'mark').map((d) => d.number);
    const closed = preview.writes.flatMap((op) => (op.kind === 'close' ? [op.number] : []));
    expect(marked).toEqual(JSON.parse(sweep.outputs.staled));
    expect(closed).toEqual(JSON.parse(sweep.outputs.closed));
    expect(marked.length).toBeGreaterThan(0);
    expect(closed.length).toBeGreaterThan(0);
    expect(new Set(preview.decisions.map((d) => d.state))).toEqual(
      new Set(['admitted', 'waiting', 'violation', 'exempt'])
    );

    expect(fake.requests.filter((r) => r.kind === 'rest-write')).toEqual([]);
    expect(cli.stderr).toContain('Read 250 of 250 open pull requests');
  });

  test('prints the report as text by default, with only the report on stdout', async () => {
    const cli = await runCli(['plan', '--repo', REPOSITORY], env);
    expect(cli.exitCode).toBe(0);
    expect(cli.stdout).toContain('PR BACKPRESSURE: SWEEP OF ACME/WIDGETS');
    expect(cli.stdout).toContain('Dry run: nothing was written');
    expect(cli.stdout).not.toMatch(/^::/m);
    expect(cli.stderr).toMatch(/^Read 100 of 250 open pull requests/m);
  });

  test.each([
    ['an --input wins over the repository file', ['--input', 'wip-limit=7'], 7],
    ['--config FILE replaces the repository file', ['--config', 'LOCAL'], 12],
    ['an --input wins over --config FILE', ['--config', 'LOCAL', '--input', 'wip-limit=3'], 3]
  ])('%s', async (_name, extra, limit) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pr-backpressure-cli-'));
    try {
      const local = path.join(dir, 'backpressure.yml');
      fs.writeFileSync(local, 'wip-limit: 12\n');
      const cli = await runCli(
        ['plan', '--repo', REPOSITORY, '--json', ...extra.map((arg) => (arg === 'LOCAL' ? local : arg))],
        env
      );
      expect(cli.exitCode).toBe(0);
      const preview = JSON.parse(cli.stdout) as Plan;
      expect(preview.wipLimit).toBe(limit);
      expect(preview.decisions.filter((d) => d.state === 'admitted')).toHaveLength(limit);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test.each([
    [
      'a bad token',
      ['plan', '--repo', REPOSITORY],
      { GITHUB_TOKEN: 'not-a-token' },
      1,
      'error: GitHub rejected GITHUB_TOKEN (401 Bad credentials)'
    ],
    [
      'an unknown repository',
      ['plan', '--repo', 'acme/nope'],
      {},
      1,
      'error: GitHub answered NOT_FOUND while reading acme/nope: the repository does not exist or the token cannot see it'
    ],
    ['no token', ['plan', '--repo', REPOSITORY], { GITHUB_TOKEN: '' }, 2, 'GITHUB_TOKEN is not set'],
    [
      'a repository that is not OWNER/NAME',
      ['plan', '--repo', 'widgets'],
      {},
      2,
      '--repo "widgets" is not OWNER/NAME.'
    ],
    [
      'a missing local config file',
      ['plan', '--repo', REPOSITORY, '--config', '/nonexistent/backpressure.yml'],
      {},
      1,
      'error: --config "/nonexistent/backpressure.yml": no such file.'
    ],
    [
      'a directory as the local config file',
      ['plan', '--repo', REPOSITORY, '--config', os.tmpdir()],
      {},
      1,
      `error: --config ${JSON.stringify(os.tmpdir())}: is a directory, not a file.`
    ],
    ['a bad input value', ['plan', '--repo', REPOSITORY, '--input', 'wip-limit=lots'], {}, 1, 'wip-limit'],
    [
      'a misspelt input',
      ['plan', '--repo', REPOSITORY, '--input', 'wip-limt=5'],
      {},
      2,
      '--input wip-limt: no such input. Did you mean wip-limit?'
    ],
    [
      'a camelCase input',
      ['plan', '--repo', REPOSITORY, '--input', 'staleDays=5'],
      {},
      2,
      '--input staleDays: no such input. Did you mean stale-days?'
    ],
    [
      'an unknown input',
      ['plan', '--repo', REPOSITORY, '--input', 'colour=red'],
      {},
      2,
      '--input colour: no such input; accepted: wip-limit,'
    ],
    [
      'the token as an input',
      ['plan', '--repo', REPOSITORY, '--input', 'github-token=x'],
      {},
      2,
      '--input github-token: not accepted here, the token comes from the GITHUB_TOKEN environment variable.'
    ],
    ['no --repo', ['plan'], {}, 2, '--repo OWNER/NAME is required.'],
    ['an unknown command', ['apply', '--repo', REPOSITORY], {}, 2, 'Unknown command "apply": the command is "plan".'],
    ['no command', ['--repo', REPOSITORY], {}, 2, 'Usage: pr-backpressure plan --repo OWNER/NAME'],
    ['no arguments at all', [], {}, 2, 'Usage: pr-backpressure plan --repo OWNER/NAME'],
    [
      'an extra argument',
      ['plan', 'acme/widgets'],
      {},
      2,
      'Unexpected argument "acme/widgets": plan takes options only.'
    ],
    ['a misspelt option', ['plan', '--repo', REPOSITORY, '--jsn'], {}, 2, 'Unknown option --jsn. Did you mean --json?'],
    ['an unknown option', ['plan', '--repo', REPOSITORY, '--verbose'], {}, 2, 'Unknown option --verbose.'],
    ['an unknown short option', ['plan', '-x'], {}, 2, 'Unknown option -x.'],
    ['an option without its value', ['plan', '--repo'], {}, 2, '--repo needs a value: --repo OWNER/NAME.'],
    [
      'an option whose value is another option',
      ['plan', '--repo', '--json'],
      {},
      2,
      '--repo needs a value: --repo OWNER/NAME.'
    ],
    ['a value for a flag', ['plan', '--repo', REPOSITORY, '--json=yes'], {}, 2, '--json takes no value.']
  ])('%s: a clear message, no stack trace, nothing on stdout', async (_name, args, extraEnv, exitCode, message) => {
    const cli = await runCli(args, { ...env, ...extraEnv });
    expect(cli.exitCode).toBe(exitCode);
    expect(cli.stderr.trim().split('\n')[0]).toContain(message);
    expect(cli.stderr).not.toMatch(/^\s+at /m);
    // Node's own wording (parseArgs, fs) never reaches the user.
    expect(cli.stderr).not.toMatch(
      /ENOENT|EISDIR|ERR_PARSE_ARGS|positional argument starting with|<value>|Unknown command ""/
    );
    expect(cli.stdout).toBe('');
  });

  test('--help prints the usage and exits 0', async () => {
    const cli = await runCli(['--help'], {});
    expect(cli.exitCode).toBe(0);
    expect(cli.stdout).toMatch(/^Usage: pr-backpressure plan --repo OWNER\/NAME \[--config FILE\]/);
    expect(cli.stdout).toContain('it never writes');
    expect(cli.stdout).toContain('GITHUB_TOKEN');
    expect(cli.stderr).toBe('');
  });

  test('a usage mistake is followed by the usage', async () => {
    const cli = await runCli(['plan', '--jsn'], env);
    expect(cli.stderr.split('\n').slice(0, 3)).toEqual([
      'Unknown option --jsn. Did you mean --json?',
      '',
      expect.stringMatching(/^Usage: pr-backpressure plan/)
    ]);
  });

  test('no run of the CLI sent a write request', () => {
    expect(fake.counts().restWrites).toBe(0);
  });
});

describe('npm run demo -- --serve', () => {
  let demo: ChildProcessWithoutNullStreams | undefined;
  // The tests write the demo's summaries here: demo-output/ is the user's, never touched by `npm test`.
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pr-backpressure-demo-'));
  const userOutput = path.join(REPO_ROOT, 'demo-output');
  const before = fs.existsSync(userOutput)
    ? fs.readdirSync(userOutput).map((f) => fs.statSync(path.join(userOutput, f)).mtimeMs)
    : [];
  afterAll(() => {
    if (demo && demo.exitCode === null) demo.kill('SIGKILL');
    fs.rmSync(outDir, { recursive: true, force: true });
  });

  test('keeps the fake GitHub up and prints a plan command that works against it', async () => {
    const inherited = Object.fromEntries(
      Object.entries(process.env).filter(
        ([name]) => !/^(GITHUB_|INPUT_|RUNNER_|ACTIONS_)/.test(name) && name !== 'NODE_OPTIONS'
      )
    );
    const tsx = path.join(REPO_ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
    const child = spawn(process.execPath, [tsx, 'scripts/demo.ts', '--serve'], {
      cwd: REPO_ROOT,
      env: { ...inherited, DEMO_OPEN_PRS: '60', DEMO_OUTPUT_DIR: outDir }
    });
    demo = child;
    let output = '';
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const command = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const line = output.split('\n').find((l) => l.startsWith('GITHUB_API_URL='));
        if (line) resolve(line);
      });
      child.on('close', () => reject(new Error(`the demo ended before printing the plan command:\n${output}`)));
    });
    expect(output).toContain('stays up on http://127.0.0.1:');

    // The exact printed line: environment assignments, then `node dist/cli.js plan …`.
    const words = command.split(' ');
    const assignments = Object.fromEntries(
      words.filter((w) => /^[A-Z_]+=/.test(w)).map((w) => [w.slice(0, w.indexOf('=')), w.slice(w.indexOf('=') + 1)])
    );
    const rest = words.filter((w) => !/^[A-Z_]+=/.test(w));
    expect(Object.keys(assignments)).toEqual(['GITHUB_API_URL', 'GITHUB_TOKEN']);
    expect(rest.slice(0, 3)).toEqual(['node', 'dist/cli.js', 'plan']);
    const cli = await runCli(rest.slice(2), assignments);
    expect(cli.stderr).not.toMatch(/error/i);
    expect(cli.exitCode).toBe(0);
    expect(cli.stdout).toMatch(/PR BACKPRESSURE: SWEEP OF /);
    expect(cli.stderr).toContain('Read 60 of 60 open pull requests');

    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });

  test('writes its summaries where DEMO_OUTPUT_DIR says, and leaves demo-output/ alone', () => {
    expect(fs.readdirSync(outDir)).toContain('summary.md');
    const after = fs.existsSync(userOutput)
      ? fs.readdirSync(userOutput).map((f) => fs.statSync(path.join(userOutput, f)).mtimeMs)
      : [];
    expect(after).toEqual(before);
  });

  test("the sweep's summary answers on its first screen: the queue in one line, then what to do next", () => {
    const summary = fs.readFileSync(path.join(outDir, 'summary.md'), 'utf8');
    // A screen of a rendered summary: the title and a dozen lines, before any chart or table.
    const firstScreen = summary.split('\n').slice(0, 14).join('\n');
    expect(firstScreen).toMatch(
      /^## PR Backpressure: sweep of acme\/busy-repo\n\n\*\*The queue is (growing|shrinking|steady)/
    );
    expect(firstScreen).toMatch(/a new PR (can expect to wait about [\d,]+ days?|is admitted at once)/);
    expect(firstScreen).toContain('**What to do next:**');
    expect(summary.indexOf('**What to do next:**')).toBeLessThan(summary.indexOf('```mermaid'));
  });
});
