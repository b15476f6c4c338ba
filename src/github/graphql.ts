// Sends one GraphQL document, keeps GitHub's point cost, and decides what a
// response with both `data` and `errors` means for the caller.
import * as core from '@actions/core';
import type { GitHubSession } from './session.js';
import { writeIntervalFromEnv } from './timing.js';
import { UnusableAnswerError } from './errors.js';

interface RateLimit {
  cost: number;
  remaining: number;
  resetAt: string;
}

interface PartialErrorLike {
  errors?: { message: string; type?: string; path?: (string | number)[] }[];
  data?: unknown;
}

/** Tries of a query whose answer came back with `errors` beside `data`, or with no usable `data` at all. */
const PARTIAL_ANSWER_TRIES = 3;

/**
 * What is wrong with an answer that has no GraphQL `data` object: Octokit
 * hands back `undefined` for `{}`, an HTML page or JSON it could not decode,
 * and `null` for `{"data": null}`. Undefined when the answer is usable.
 */
function unusable(data: unknown): string | undefined {
  if (data === null) return '"data": null and no errors';
  if (typeof data !== 'object')
    return 'no "data" object (an empty answer, a page that is not JSON, or JSON that could not be decoded)';
  return undefined;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Sends `document` with `variables` (GitHub GraphQL, POST /graphql) and adds
 * its point cost to the session's counts. Throws Octokit's error when GitHub fails it.
 * `request` is passed to Octokit (e.g. `{ retries: 0 }` to fail fast).
 */
export async function query<T extends object>(
  { client, counts }: GitHubSession,
  document: string,
  variables: Record<string, unknown>,
  request?: { retries: number }
): Promise<T> {
  let data: T | undefined;
  for (let attempt = 1; data === undefined; attempt++) {
    try {
      const answer: unknown = await client.graphql<T>(document, request ? { ...variables, request } : variables);
      const problem = unusable(answer);
      if (problem === undefined) {
        data = answer as T;
        break;
      }
      // A proxy's error page or a cut-off answer: transient as a 5xx is, so
      // ask again after a back-off, a bounded number of times.
      if (attempt >= PARTIAL_ANSWER_TRIES) throw new UnusableAnswerError(problem, attempt);
      core.info(
        `GitHub answered a GraphQL query with ${problem}; asking again (${attempt + 1}/${PARTIAL_ANSWER_TRIES}).`
      );
      await sleep(writeIntervalFromEnv() * 2 ** attempt);
    } catch (error) {
      if (error instanceof UnusableAnswerError) throw error;
      // `data` with `errors` means a part of the answer is missing (null), and a
      // decision on part of the queue could close, comment or label wrongly.
      // Such errors are mostly transient (timeouts in one resolver): ask again,
      // then give up with the errors rather than use what came back.
      const partial = error as PartialErrorLike;
      const retriable =
        partial.data &&
        partial.errors &&
        !partial.errors.some((e) => e.type === 'NOT_FOUND' || e.type === 'FORBIDDEN' || e.type === 'RATE_LIMITED');
      if (!retriable || attempt >= PARTIAL_ANSWER_TRIES) throw error;
      core.info(
        `GitHub answered part of a query with errors (${partial.errors?.map((e) => e.message).join('; ')})` +
          `; asking again (${attempt + 1}/${PARTIAL_ANSWER_TRIES}).`
      );
    }
  }
  const rateLimit = (data as { rateLimit?: RateLimit }).rateLimit;
  if (rateLimit) {
    counts.graphqlCost += rateLimit.cost;
    core.debug(`GraphQL cost ${rateLimit.cost}, remaining ${rateLimit.remaining}, resets ${rateLimit.resetAt}`);
  }
  return data;
}

/** The smallest page a shrinking read goes down to. */
const MIN_PAGE_SIZE = 5;

/**
 * GitHub gave up on a query that was too heavy: 502 or 504, or its
 * "couldn't respond in time" / timeout error. A smaller page may pass.
 */
export function isHeavyQueryFailure(error: unknown): boolean {
  const e = error as {
    status?: number;
    message?: string;
    errors?: { message?: string }[];
    response?: { data?: { errors?: { message?: string }[] } };
  };
  if (e?.status === 502 || e?.status === 504) return true;
  const messages = [e?.message ?? '', ...(e?.errors ?? e?.response?.data?.errors ?? []).map((x) => x.message ?? '')];
  return messages.some((m) => /couldn't respond to your request in time|result of a timeout|timed? ?out/i.test(m));
}

/**
 * Runs `read(size)`; when GitHub fails it as too heavy, halves `size` (not
 * below MIN_PAGE_SIZE) and runs it again, as Renovate's GraphQL fetcher does.
 * Above the floor a page fails fast (no retries of the same heavy page); at the
 * floor Octokit's usual retries apply and a failure is thrown. Every halving
 * is counted in `counts.pagesShrunk` for the summary. Returns the result and
 * the size that worked, for the caller's next page.
 */
export async function readShrinking<T>(
  { counts }: GitHubSession,
  size: number,
  what: string,
  read: (size: number, request?: { retries: number }) => Promise<T>
): Promise<{ result: T; size: number }> {
  for (;;) {
    const floor = size <= MIN_PAGE_SIZE;
    try {
      return { result: await read(size, floor ? undefined : { retries: 0 }), size };
    } catch (error) {
      if (floor || !isHeavyQueryFailure(error)) throw error;
      const smaller = Math.max(MIN_PAGE_SIZE, Math.floor(size / 2));
      core.info(`GitHub could not answer a page of ${size} ${what} in time; asking for ${smaller}.`);
      counts.pagesShrunk = (counts.pagesShrunk ?? 0) + 1;
      counts.smallestPage = Math.min(counts.smallestPage ?? smaller, smaller);
      size = smaller;
    }
  }
}
