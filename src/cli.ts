// `pr-backpressure plan --repo OWNER/NAME`: what the action would do on a
// real repository today, read-only. Shares the reader and the core with the
// action and never writes.
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { configPathOf, loadConfig } from './config/source.js';
import { ConfigError } from './config/errors.js';
import { INPUT_NAMES } from './config/inputs.js';
import { plan as decide } from './core/plan.js';
import type { ExecutionReport } from './core/types.js';
import { createClient, type RequestCounts } from './github/client.js';
import { describeGitHubError, statusOf } from './github/errors.js';
import { readSnapshot } from './github/read-snapshot.js';
import { parseRepo } from './github/repo.js';
import { describeOp } from './github/writer.js';
import { renderSummary } from './report/summary.js';
import { markdownToTerminal } from './report/terminal.js';

const USAGE = `Usage: pr-backpressure plan --repo OWNER/NAME [--config FILE] [--input NAME=VALUE ...] [--json]

Prints what PR Backpressure would do on the repository today: the queue,
positions, violations, stale marks and closes. It only reads; it never writes.

  --repo OWNER/NAME     the repository (required)
  --config FILE         a local config file to try instead of the one on the
                        repository's default branch
  --input NAME=VALUE    an action input, as in the workflow (repeatable),
                        e.g. --input wip-limit=50
  --json                print the plan as JSON instead of the report
  -h, --help            this text

Environment: GITHUB_TOKEN (required; read access is enough),
GITHUB_API_URL (default https://api.github.com).`;

class UsageError extends Error {}

/** Inputs that make no sense for a read-only preview of a sweep. */
const NOT_CLI_INPUTS: Record<string, string> = {
  'github-token': 'the token comes from the GITHUB_TOKEN environment variable',
  mode: 'the preview is always a sweep',
  'dry-run': 'the preview never writes'
};

interface CliOptions {
  repo: string;
  configFile?: string;
  inputs: Record<string, string>;
  json: boolean;
}

function parse(argv: string[]): CliOptions | 'help' {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      repo: { type: 'string' },
      config: { type: 'string' },
      input: { type: 'string', multiple: true },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false }
    }
  });
  if (values.help) return 'help';
  if (positionals[0] !== 'plan' || positionals.length > 1) throw new UsageError(`Unknown command "${positionals.join(' ')}": the command is "plan".`);
  if (!values.repo) throw new UsageError('--repo OWNER/NAME is required.');
  const inputs: Record<string, string> = {};
  for (const pair of values.input ?? []) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new UsageError(`--input "${pair}" is not NAME=VALUE (e.g. --input wip-limit=50).`);
    const name = pair.slice(0, eq).trim();
    if (NOT_CLI_INPUTS[name]) throw new UsageError(`--input ${name}: not accepted here, ${NOT_CLI_INPUTS[name]}.`);
    if (!INPUT_NAMES.includes(name)) throw new UsageError(`--input ${name}: no such input; accepted: ${INPUT_NAMES.filter((n) => !NOT_CLI_INPUTS[n]).join(', ')}.`);
    inputs[name] = pair.slice(eq + 1).trim();
  }
  return { repo: values.repo, configFile: values.config, inputs, json: values.json ?? false };
}

/**
 * The shared reader logs through @actions/core, which writes workflow
 * commands (`::debug::`, `::warning::`) and info lines to stdout for the
 * runner. Here stdout carries only the report or the JSON, so those go to
 * stderr as plain lines (debug nowhere). Returns the writer for stdout.
 */
function reserveStdout(): (text: string) => void {
  const print = process.stdout.write.bind(process.stdout);
  const toStderr = (chunk: string | Uint8Array): boolean => {
    const lines = String(chunk)
      .split('\n')
      .filter((line) => !line.startsWith('::debug::'))
      .map((line) => line.replace(/^::(warning|error|notice)[^:]*::/, '$1: '));
    return process.stderr.write(lines.join('\n'));
  };
  process.stdout.write = toStderr as typeof process.stdout.write;
  return (text) => {
    print(text);
  };
}

/** One line for a failure: the CLI's own words where the action's would point at an input. */
function failureLine(error: unknown, repo: string): string {
  if (error instanceof ConfigError) return error.message;
  if ((error as NodeJS.ErrnoException).code === 'ENOENT') return `--config: ${(error as Error).message}`;
  if (statusOf(error) === 401) return 'GitHub rejected GITHUB_TOKEN (401 Bad credentials): set it to a valid token with read access (e.g. GITHUB_TOKEN=$(gh auth token)).';
  return describeGitHubError(error, `reading ${repo}`);
}

export async function main(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const print = reserveStdout();
  let options: CliOptions | 'help';
  try {
    options = parse(argv);
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  if (options === 'help') {
    print(`${USAGE}\n`);
    return 0;
  }
  const repo = parseRepo(options.repo);
  if (!repo) {
    process.stderr.write(`--repo "${options.repo}" is not OWNER/NAME.\n`);
    return 2;
  }
  const token = env.GITHUB_TOKEN;
  if (!token) {
    process.stderr.write('GITHUB_TOKEN is not set: export a token with read access to the repository (e.g. GITHUB_TOKEN=$(gh auth token)).\n');
    return 2;
  }
  const counts: RequestCounts = { graphql: 0, restReads: 0, restWrites: 0, graphqlCost: 0 };
  const client = createClient(token, counts, 0, (message) => process.stderr.write(`warning: ${message}\n`));
  const localConfig = options.configFile;
  try {
    const localText = localConfig ? fs.readFileSync(localConfig, 'utf8') : undefined;
    const configPath = configPathOf(options.inputs);
    const now = new Date();
    const { snapshot, config } = await readSnapshot(
      client,
      repo,
      configPath,
      // A local file (--config) stands in for the repository's: it is checked as the repository's would be.
      (source) => loadConfig(options.inputs, localText === undefined ? source : { kind: 'file', text: localText }, localConfig),
      'sweep',
      now,
      counts,
      // A terminal sees one line counting up; a log sees one line per page.
      (read, total) => process.stderr.write(`${process.stderr.isTTY ? '\r' : ''}Read ${read} of ${total} open pull requests…${process.stderr.isTTY ? '' : '\n'}`)
    );
    if (process.stderr.isTTY) process.stderr.write('\n');
    const plan = decide(snapshot, config, now, { mode: 'sweep' });
    const execution: ExecutionReport = {
      dryRun: true,
      applied: [],
      notApplied: plan.writes.map((op) => ({ op, why: 'preview: the CLI never writes' })),
      warnings: [],
      requests: { ...counts }
    };
    if (options.json) {
      print(`${JSON.stringify({ ...plan, writes: plan.writes.map((op) => ({ ...op, description: describeOp(op) })) }, null, 2)}\n`);
    } else {
      print(`${markdownToTerminal(renderSummary({ plan, snapshot, config, execution }))}\n`);
    }
    return 0;
  } catch (error) {
    process.stderr.write(`error: ${failureLine(error, options.repo)}\n`);
    return 1;
  }
}

void main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
