// Sends one GraphQL document, keeps GitHub's point cost, and decides what a
// response with both `data` and `errors` means for the caller.
import * as core from '@actions/core';
import type { Client, RequestCounts } from './client.js';

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

/** Tries of a query whose answer came back with `errors` beside `data`. */
const PARTIAL_ANSWER_TRIES = 3;

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
      data = await client.graphql<T>(document, variables);
    } catch (error) {
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
