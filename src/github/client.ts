// The one Octokit the action uses: retries on 5xx and network errors,
// waits on secondary rate limits, paces writes, and counts every request.
import * as core from '@actions/core';
import { getOctokit } from '@actions/github';
import { defaults } from '@actions/github/lib/utils';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { nativeJson } from './native-json.js';
import { pacer } from './pacer.js';
import type { RequestCounts } from '../core/types.js';
import { requestTimeoutFromEnv, writeIntervalFromEnv } from './timing.js';

export type Client = ReturnType<typeof getOctokit>;

export type { RequestCounts };

/** Longest wait on a rate limit before giving up: a run must end in minutes. */
const MAX_RATE_LIMIT_WAIT_SECONDS = 120;
const MAX_SECONDARY_RETRIES = 2;

type Fetch = (url: string, init?: { signal?: AbortSignal | null }) => Promise<unknown>;

/** Each attempt (retries included) gets its own deadline; the proxy-aware fetch of @actions/github does the rest. */
function withTimeout(fetch: Fetch, timeoutMs: number): Fetch {
  return async (url, init = {}) => {
    const controller = new AbortController();
    const timer = setTimeout(
      () => controller.abort(new Error(`no answer within ${Math.round(timeoutMs / 100) / 10} s`)),
      timeoutMs
    );
    const signal = init.signal ? AbortSignal.any([init.signal, controller.signal]) : controller.signal;
    try {
      return await fetch(url, { ...init, signal });
    } finally {
      clearTimeout(timer);
    }
  };
}

export interface ClientOptions {
  /** Milliseconds between writes (GitHub asks for about 1 s); tests and the demo pass less. */
  intervalMs?: number;
  /** Where rate-limit waits are reported (default: a workflow warning). */
  warn?: (message: string) => void;
  /** Milliseconds each request attempt may take. */
  timeoutMs?: number;
}

type LimitHandler = (
  retryAfter: number,
  options: { method: string; url: string },
  octokit: unknown,
  retryCount: number
) => boolean;

/** @octokit/plugin-throttling's options: writes paced `intervalMs` apart, short rate-limit waits only. */
function throttleOptions(intervalMs: number, warn: (message: string) => void) {
  const onRateLimit: LimitHandler = (retryAfter, options, _octokit, retryCount) => {
    warn(`GitHub's rate limit is exhausted (${options.method} ${options.url}); it resets in ${retryAfter} s.`);
    return retryCount < 1 && retryAfter <= MAX_RATE_LIMIT_WAIT_SECONDS;
  };
  const onSecondaryRateLimit: LimitHandler = (retryAfter, options, _octokit, retryCount) => {
    warn(`GitHub's secondary rate limit hit (${options.method} ${options.url}); waiting ${retryAfter} s.`);
    return retryCount < MAX_SECONDARY_RETRIES && retryAfter <= MAX_RATE_LIMIT_WAIT_SECONDS;
  };
  return {
    retryAfterBaseValue: intervalMs,
    // The plugin only calls key().schedule() on these groups (see pacer.ts).
    write: pacer(intervalMs) as never,
    notifications: pacer(intervalMs * 3) as never,
    onRateLimit,
    onSecondaryRateLimit
  };
}

/** Adds every request to `counts` by kind, and keeps the REST budget left this hour as GitHub last said it. */
function countRequests(client: Client, counts: RequestCounts): void {
  client.hook.before('request', (options) => {
    const url = String(options.url);
    if (url.endsWith('/graphql')) counts.graphql++;
    else if (url.endsWith('/rate_limit'))
      return; // GitHub counts it against no limit
    else if (options.method === 'GET' || options.method === 'HEAD') counts.restReads++;
    else counts.restWrites++;
  });
  // Every REST answer, reads and refusals included, tells what is left of the
  // hour: the writer keeps its reserve from this, not only from its own writes.
  const noteRemaining = (options: { url?: unknown }, headers: Record<string, unknown> | undefined) => {
    const remaining = Number(headers?.['x-ratelimit-remaining']);
    if (
      !String(options.url).endsWith('/graphql') &&
      headers?.['x-ratelimit-remaining'] !== undefined &&
      Number.isFinite(remaining)
    )
      counts.restRemaining = remaining;
  };
  client.hook.after('request', (response, options) =>
    noteRemaining(options, response.headers as Record<string, unknown>)
  );
  client.hook.error('request', (error, options) => {
    noteRemaining(options, (error as { response?: { headers?: Record<string, unknown> } }).response?.headers);
    throw error;
  });
}

/**
 * The Octokit for a run (REST and GraphQL): retries 5xx and network errors,
 * waits out short rate limits, paces writes `intervalMs` apart and adds every
 * request to `counts`.
 */
export function createClient(token: string, counts: RequestCounts, options: ClientOptions = {}): Client {
  const { intervalMs = writeIntervalFromEnv(), warn = core.warning, timeoutMs = requestTimeoutFromEnv() } = options;
  const client = getOctokit(
    token,
    {
      request: { ...defaults.request, fetch: withTimeout(defaults.request?.fetch as Fetch, timeoutMs) },
      retry: { retries: 3, retryAfterBaseValue: intervalMs },
      throttle: throttleOptions(intervalMs, warn)
    },
    // First: the plugins after it read the parsed GraphQL answers.
    nativeJson,
    retry,
    throttling
  );
  countRequests(client, counts);
  return client;
}
