// The run's environment as the Actions runner sets it, read in one place.
import fs from 'node:fs';
import { parseRepo, type RepoRef } from '../github/repo.js';

export interface RunContext {
  eventName: string;
  payload: Record<string, unknown>;
  repo?: RepoRef;
  /** Link from each status to this run's summary. */
  runUrl?: string;
}

export function readRunContext(env: NodeJS.ProcessEnv = process.env): RunContext {
  const eventPath = env.GITHUB_EVENT_PATH;
  const payload =
    eventPath && fs.existsSync(eventPath)
      ? (JSON.parse(fs.readFileSync(eventPath, 'utf8')) as Record<string, unknown>)
      : {};
  const repo = parseRepo(env.GITHUB_REPOSITORY ?? '');
  const server = env.GITHUB_SERVER_URL ?? 'https://github.com';
  const runUrl =
    repo && env.GITHUB_RUN_ID ? `${server}/${repo.owner}/${repo.name}/actions/runs/${env.GITHUB_RUN_ID}` : undefined;
  return { eventName: env.GITHUB_EVENT_NAME ?? '', payload, repo, runUrl };
}
