// Runs the bundled action (`node dist/index.js`) as the Actions runner does:
// inputs as INPUT_<NAME> (action.yml defaults filled in), the event file, the
// output and summary files; then reads back what a user would see.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { writeEventFile } from './events.js';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export interface RunActionOptions {
  apiUrl: string;
  token: string;
  eventName: string;
  event: object;
  inputs: Record<string, string>;
  /** `owner/name`. */
  repository: string;
  env?: Record<string, string>;
  /** The script to run, relative to the repository root (or absolute). */
  entry?: string;
  timeoutMs?: number;
}

export interface ActionRun {
  exitCode: number;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  errors: string[];
  warnings: string[];
  notices: string[];
}

/** `name<<DELIM` heredocs and `name=value` lines, as @actions/core writes GITHUB_OUTPUT. */
export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const heredoc = /^([^=<]+)<<(.+)$/.exec(lines[i]);
    if (heredoc) {
      const [, name, delimiter] = heredoc;
      const value: string[] = [];
      for (i++; i < lines.length && lines[i] !== delimiter; i++) value.push(lines[i]);
      outputs[name] = value.join('\n');
      continue;
    }
    const pair = /^([^=]+)=(.*)$/.exec(lines[i]);
    if (pair) outputs[pair[1]] = pair[2];
  }
  return outputs;
}

function unescapeCommandData(text: string): string {
  return text.replace(/%0D/gi, '\r').replace(/%0A/gi, '\n').replace(/%25/g, '%');
}

/** The messages of `::error::` / `::error file=..::` style workflow commands in stdout. */
export function workflowCommands(stdout: string, command: 'error' | 'warning' | 'notice'): string[] {
  const pattern = new RegExp(`^::${command}(?: [^:]*)?::(.*)$`);
  return stdout
    .split(/\r?\n/)
    .map((line) => pattern.exec(line))
    .filter((match): match is RegExpExecArray => match !== null)
    .map((match) => unescapeCommandData(match[1]));
}

/** Defaults from action.yml, which the runner passes for inputs a workflow leaves out. */
function inputDefaults(): Record<string, string> {
  const file = path.join(REPO_ROOT, 'action.yml');
  if (!fs.existsSync(file)) return {};
  const action = parseYaml(fs.readFileSync(file, 'utf8')) as { inputs?: Record<string, { default?: unknown }> };
  return Object.fromEntries(
    Object.entries(action.inputs ?? {})
      .filter(([, input]) => input?.default !== undefined && !String(input.default).includes('${{'))
      .map(([name, input]) => [name, String(input.default)])
  );
}

/** The parent's environment less anything a real runner or the host would leak into the run. */
function baseEnv(): Record<string, string> {
  return Object.fromEntries(
    Object.entries(process.env).filter(
      (entry): entry is [string, string] =>
        entry[1] !== undefined && !/^(INPUT_|GITHUB_|RUNNER_|ACTIONS_)/.test(entry[0]) && entry[0] !== 'NODE_OPTIONS'
    )
  );
}

export async function runAction(options: RunActionOptions): Promise<ActionRun> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pr-backpressure-run-'));
  try {
    const outputFile = path.join(dir, 'output.txt');
    const summaryFile = path.join(dir, 'summary.md');
    fs.writeFileSync(outputFile, '');
    fs.writeFileSync(summaryFile, '');
    const inputs = { ...inputDefaults(), 'github-token': options.token, ...options.inputs };
    const env: Record<string, string> = {
      ...baseEnv(),
      ...Object.fromEntries(
        Object.entries(inputs).map(([name, value]) => [`INPUT_${name.replace(/ /g, '_').toUpperCase()}`, value])
      ),
      GITHUB_ACTIONS: 'true',
      CI: 'true',
      GITHUB_EVENT_NAME: options.eventName,
      GITHUB_EVENT_PATH: writeEventFile(dir, options.event),
      GITHUB_OUTPUT: outputFile,
      GITHUB_STEP_SUMMARY: summaryFile,
      GITHUB_REPOSITORY: options.repository,
      GITHUB_REPOSITORY_OWNER: options.repository.split('/')[0],
      GITHUB_API_URL: options.apiUrl,
      GITHUB_GRAPHQL_URL: `${options.apiUrl}/graphql`,
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_RUN_ID: '4242',
      GITHUB_RUN_ATTEMPT: '1',
      GITHUB_WORKFLOW: 'backpressure',
      GITHUB_ACTOR: 'maintainer',
      GITHUB_WORKSPACE: dir,
      RUNNER_TEMP: dir,
      RUNNER_OS: 'Linux',
      PR_BACKPRESSURE_WRITE_INTERVAL_MS: '0',
      ...options.env
    };
    const script = path.resolve(REPO_ROOT, options.entry ?? 'dist/index.js');
    const { exitCode, stdout, stderr } = await spawnNode(script, env, options.timeoutMs ?? 120_000);
    return {
      exitCode,
      stdout,
      stderr,
      outputs: parseOutputFile(fs.readFileSync(outputFile, 'utf8')),
      summary: fs.readFileSync(summaryFile, 'utf8'),
      errors: workflowCommands(stdout, 'error'),
      warnings: workflowCommands(stdout, 'warning'),
      notices: workflowCommands(stdout, 'notice')
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function spawnNode(
  script: string,
  env: Record<string, string>,
  timeoutMs: number
): Promise<{ exitCode: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script], {
      cwd: env.GITHUB_WORKSPACE,
      env,
      stdio: ['ignore', 'pipe', 'pipe']
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({
        exitCode: code ?? (signal ? 128 : 1),
        stdout,
        stderr: signal === 'SIGKILL' ? `${stderr}\n[run-action] killed after ${timeoutMs} ms` : stderr
      });
    });
  });
}
