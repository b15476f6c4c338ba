// Sends one GraphQL document, keeps GitHub's point cost, and decides what a
// response with both `data` and `errors` means for the caller.
import * as core from '@actions/core';
import { writeIntervalFromEnv, type Client, type RequestCounts } from './client.js';
import { UnusableAnswerError } from './errors.js';

interface RateLimit {
  cost: number;
  remaining: number;
  resetAt: string;
}

export interface GraphqlBudget {
  /** Points left after the last query (GitHub's `rateLimit.remaining`). */
  remaining?: number;
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
  if (typeof data !== 'object') return 'no "data" object (an empty answer, a page that is not JSON, or JSON that could not be decoded)';
  return undefined;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export async function query<T extends object>(
  client: Client,
  document: string,
  variables: Record<string, unknown>,
  counts: RequestCounts,
  budget: GraphqlBudget = {}
): Promise<T> {
  let data: T | undefined;
  for (let attempt = 1; data === undefined; attempt++) {
    try {
      const answer: unknown = await client.graphql<T>(document, variables);
      const problem = unusable(answer);
      if (problem === undefined) {
        data = answer as T;
        break;
      }
      // A proxy's error page or a cut-off answer: transient as a 5xx is, so
      // ask again after a back-off, a bounded number of times.
      if (attempt >= PARTIAL_ANSWER_TRIES) throw new UnusableAnswerError(problem, attempt);
      core.info(`GitHub answered a GraphQL query with ${problem}; asking again (${attempt + 1}/${PARTIAL_ANSWER_TRIES}).`);
      await sleep(writeIntervalFromEnv() * 2 ** attempt);
    } catch (error) {
      if (error instanceof UnusableAnswerError) throw error;
      // `data` with `errors` means a part of the answer is missing (null), and a
      // decision on part of the queue could close, comment or label wrongly.
      // Such errors are mostly transient (timeouts in one resolver): ask again,
      // then give up with the errors rather than use what came back.
      const partial = error as PartialErrorLike;
      const retriable = partial.data && partial.errors && !partial.errors.some((e) => e.type === 'NOT_FOUND' || e.type === 'FORBIDDEN' || e.type === 'RATE_LIMITED');
      if (!retriable || attempt >= PARTIAL_ANSWER_TRIES) throw error;
      core.info(`GitHub answered part of a query with errors (${partial.errors?.map((e) => e.message).join('; ')}); asking again (${attempt + 1}/${PARTIAL_ANSWER_TRIES}).`);
    }
  }
  const rateLimit = (data as { rateLimit?: RateLimit }).rateLimit;
  if (rateLimit) {
    counts.graphqlCost += rateLimit.cost;
    budget.remaining = rateLimit.remaining;
    core.debug(`GraphQL cost ${rateLimit.cost}, remaining ${rateLimit.remaining}, resets ${rateLimit.resetAt}`);
  }
  return data;
}
