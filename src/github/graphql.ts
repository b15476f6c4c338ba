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
  errors?: { message: string; type?: string }[];
  data?: unknown;
}

export async function query<T extends object>(
  client: Client,
  document: string,
  variables: Record<string, unknown>,
  counts: RequestCounts,
  budget: GraphqlBudget = {}
): Promise<T> {
  let data: T;
  try {
    data = await client.graphql<T>(document, variables);
  } catch (error) {
    // GraphQL answered with data and errors together: keep the data when the
    // errors are about parts we can do without, report them once.
    const partial = error as PartialErrorLike;
    if (partial.data && partial.errors && !partial.errors.some((e) => e.type === 'NOT_FOUND' || e.type === 'FORBIDDEN')) {
      core.warning(`GitHub returned partial data: ${partial.errors.map((e) => e.message).join('; ')}`);
      data = partial.data as T;
    } else {
      throw error;
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
