// The run's environment as the Actions runner sets it, read in one place.
import fs from 'node:fs';
import { parseRepo, type RepoRef } from '../github/repo.js';
import { ActionError } from './action-error.js';

export interface RunContext {
  eventName: string;
  payload: Record<string, unknown>;
  repo?: RepoRef;
  /** Link from each status to this run's summary. */
  runUrl?: string;
}

function eventPayload(path: string): Record<string, unknown> {
  try {
    return JSON.parse(fs.readFileSync(path, 'utf8')) as Record<string, unknown>;
  } catch (error) {
    throw new ActionError(`GITHUB_EVENT_PATH (${path}) holds no JSON event payload: ${(error as Error).message}.`);
  }
}

/**
 * The runner's environment: GITHUB_EVENT_NAME, the event payload at GITHUB_EVENT_PATH ({} when
 * absent), GITHUB_REPOSITORY and the run's URL. Throws ActionError when the payload is not JSON.
 */
export function readRunContext(env: NodeJS.ProcessEnv = process.env): RunContext {
  const eventPath = env.GITHUB_EVENT_PATH;
  const payload = eventPath && fs.existsSync(eventPath) ? eventPayload(eventPath) : {};
  const repo = parseRepo(env.GITHUB_REPOSITORY ?? '');
  const server = env.GITHUB_SERVER_URL ?? 'https://github.com';
  const runUrl =
    repo && env.GITHUB_RUN_ID ? `${server}/${repo.owner}/${repo.name}/actions/runs/${env.GITHUB_RUN_ID}` : undefined;
  return { eventName: env.GITHUB_EVENT_NAME ?? '', payload, repo, runUrl };
}
