// `pr-backpressure plan --repo OWNER/NAME`: what the action would do on a
// real repository today, read-only. Shares the reader and the core with the
// action and never writes.
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { readAndPlanQueue } from './app/planned.js';
import { useLowMemorySettings } from './app/low-memory.js';
import { ConfigError } from './config/errors.js';
import { INPUT_NAMES } from './config/inputs.js';
import { buildConfig } from './config/load.js';
import { closest } from './config/suggest.js';
import type { ExecutionReport } from './core/types.js';
import { describeWrite } from './core/write-description.js';
import { count } from './core/count.js';
import { describeGitHubError, statusOf } from './github/errors.js';
import { parseRepo } from './github/repo.js';
import { openSession, type GitHubSession } from './github/session.js';
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

const OPTIONS = {
  repo: { type: 'string' },
  config: { type: 'string' },
  input: { type: 'string', multiple: true },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' }
} as const;

/** What a string option's value looks like, for "needs a value" messages. */
const VALUE_EXAMPLES: Record<string, string> = {
  repo: '--repo OWNER/NAME',
  config: '--config FILE',
  input: '--input NAME=VALUE'
};

/**
 * Parses in non-strict mode and checks the tokens itself, so every mistake
 * gets the CLI's own words (node's parseArgs messages talk about its API).
 */
function parse(argv: string[]): CliOptions | 'help' {
  const { values, positionals, tokens } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: false,
    tokens: true,
    options: OPTIONS
  });
  for (const token of tokens) {
    if (token.kind !== 'option') continue;
    const spec = (OPTIONS as Record<string, { type: 'string' | 'boolean' }>)[token.name];
    if (!spec) {
      const guess = closest(token.name, Object.keys(OPTIONS));
      throw new UsageError(`Unknown option ${token.rawName}.${guess ? ` Did you mean --${guess}?` : ''}`);
    }
    // Non-strict parsing takes the next argument as the value even when it is another option (`--repo --json`).
    if (spec.type === 'string' && (token.value === undefined || (!token.inlineValue && token.value.startsWith('-')))) {
      throw new UsageError(`${token.rawName} needs a value: ${VALUE_EXAMPLES[token.name]}.`);
    }
    if (spec.type === 'boolean' && token.value !== undefined) throw new UsageError(`${token.rawName} takes no value.`);
  }
  if (values.help) return 'help';
  // No command at all: the usage is the message.
  if (positionals.length === 0) throw new UsageError('');
  if (positionals[0] !== 'plan') throw new UsageError(`Unknown command "${positionals[0]}": the command is "plan".`);
  if (positionals.length > 1) throw new UsageError(`Unexpected argument "${positionals[1]}": plan takes options only.`);
  const repo = values.repo as string | undefined;
  if (!repo) throw new UsageError('--repo OWNER/NAME is required.');
  const cliInputs = INPUT_NAMES.filter((n) => !NOT_CLI_INPUTS[n]);
  const inputs: Record<string, string> = {};
  for (const pair of (values.input as string[] | undefined) ?? []) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new UsageError(`--input "${pair}" is not NAME=VALUE (e.g. --input wip-limit=50).`);
    const name = pair.slice(0, eq).trim();
    if (NOT_CLI_INPUTS[name]) throw new UsageError(`--input ${name}: not accepted here, ${NOT_CLI_INPUTS[name]}.`);
    if (!INPUT_NAMES.includes(name)) {
      const guess = closest(name, cliInputs);
      throw new UsageError(
        guess
          ? `--input ${name}: no such input. Did you mean ${guess}?`
          : `--input ${name}: no such input; accepted: ${cliInputs.join(', ')}.`
      );
    }
    inputs[name] = pair.slice(eq + 1).trim();
  }
  return { repo, configFile: values.config as string | undefined, inputs, json: values.json === true };
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

/** Why a local `--config` file cannot be read, in words rather than an errno. */
const READ_FAILURES: Record<string, string> = {
  ENOENT: 'no such file',
  EISDIR: 'is a directory, not a file',
  EACCES: 'permission denied',
  ENOTDIR: 'a part of the path is not a directory'
};

class LocalFileError extends Error {}

function readLocalConfig(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    throw new LocalFileError(`--config ${JSON.stringify(file)}: ${READ_FAILURES[code] ?? (error as Error).message}.`);
  }
}

/** One line for a failure: the CLI's own words where the action's would point at an input. */
function failureLine(error: unknown, repo: string): string {
  if (error instanceof ConfigError || error instanceof LocalFileError) return error.message;
  if (statusOf(error) === 401)
    return (
      'GitHub rejected GITHUB_TOKEN (401 Bad credentials): ' +
      'set it to a valid token with read access (e.g. GITHUB_TOKEN=$(gh auth token)).'
    );
  return describeGitHubError(error, `reading ${repo}`);
}

/** A terminal sees one line counting up; a log sees one line per page. */
function showProgress(read: number, total: number): void {
  const tty = process.stderr.isTTY;
  process.stderr.write(
    `${tty ? '\r' : ''}Read ${count(read)} of ${count(total)} open pull requests…${tty ? '' : '\n'}`
  );
}

/** Reads the repository and prints what a sweep would do (the summary, or the plan as JSON). Throws as readAndPlanQueue. */
async function preview(session: GitHubSession, options: CliOptions, print: (text: string) => void): Promise<void> {
  const localConfig = options.configFile;
  const localText = localConfig ? readLocalConfig(localConfig) : undefined;
  // The inputs alone are checked before any request.
  const { configPath } = buildConfig(options.inputs);
  const { plan, snapshot, config } = await readAndPlanQueue(session, options.inputs, { mode: 'sweep' }, new Date(), {
    configPath,
    localConfig:
      localConfig === undefined || localText === undefined ? undefined : { path: localConfig, text: localText },
    onProgress: showProgress
  });
  if (process.stderr.isTTY) process.stderr.write('\n');
  if (options.json) {
    const writes = plan.writes.map((op) => ({ ...op, description: describeWrite(op, { form: 'do', detail: true }) }));
    print(`${JSON.stringify({ ...plan, writes }, null, 2)}\n`);
    return;
  }
  const execution: ExecutionReport = {
    dryRun: true,
    applied: [],
    notApplied: plan.writes.map((op) => ({ op, why: 'preview: the CLI never writes' })),
    warnings: [],
    requests: { ...session.counts }
  };
  print(`${markdownToTerminal(renderSummary({ plan, snapshot, config, execution }))}\n`);
}

/** The CLI: 0 when the preview printed, 1 when reading failed, 2 for a usage problem. */
export async function main(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const print = reserveStdout();
  let options: CliOptions | 'help';
  try {
    options = parse(argv);
  } catch (error) {
    const message = (error as Error).message;
    process.stderr.write(message ? `${message}\n\n${USAGE}\n` : `${USAGE}\n`);
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
    process.stderr.write(
      'GITHUB_TOKEN is not set: export a token with read access to the repository ' +
        '(e.g. GITHUB_TOKEN=$(gh auth token)).\n'
    );
    return 2;
  }
  const warn = (message: string) => process.stderr.write(`warning: ${message}\n`);
  try {
    await preview(openSession(token, repo, { intervalMs: 0, warn }), options, print);
    return 0;
  } catch (error) {
    process.stderr.write(`error: ${failureLine(error, options.repo)}\n`);
    return 1;
  }
}

// A preview of 10,000 PRs holds the queue as a sweep does (see src/app/low-memory.ts).
useLowMemorySettings();
void main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
