// One clear line for a failed GitHub request: never a stack trace.

/** A GraphQL answer with no usable `data` (`{}`, `{"data": null}`, an HTML page), still so after the retries. */
export class UnusableAnswerError extends Error {
  constructor(
    readonly problem: string,
    readonly attempts: number
  ) {
    super(`GitHub's GraphQL answer had ${problem}`);
    this.name = 'UnusableAnswerError';
  }
}
interface GraphqlErrorLike {
  message: string;
  type?: string;
  path?: (string | number)[];
}

interface RequestErrorLike {
  status?: number;
  message?: string;
  response?: { headers?: Record<string, string | undefined>; data?: { errors?: GraphqlErrorLike[] } };
  errors?: GraphqlErrorLike[];
}

/** The HTTP status of an Octokit RequestError (undefined for anything else). */
export function statusOf(error: unknown): number | undefined {
  return (error as RequestErrorLike)?.status;
}

/** A write refused because the token may only read (a fork's PR, missing permissions). */
export function isPermissionError(error: unknown): boolean {
  const e = error as RequestErrorLike;
  return e?.status === 403 && /not accessible by integration|permission/i.test(e.message ?? '');
}

/** A comment refused because the conversation is locked (403 "Unable to create comment because issue is locked."). */
export function isLockedError(error: unknown): boolean {
  const e = error as RequestErrorLike;
  return e?.status === 403 && /\blocked\b/i.test(e.message ?? '');
}

function graphqlErrors(e: RequestErrorLike): GraphqlErrorLike[] {
  return e?.errors ?? e?.response?.data?.errors ?? [];
}

/** The hour's budget is spent (REST 403/429 with no requests left, or GraphQL RATE_LIMITED): retrying is useless. */
export function isRateLimitExhausted(error: unknown): boolean {
  const e = error as RequestErrorLike;
  return (
    e?.response?.headers?.['x-ratelimit-remaining'] === '0' || graphqlErrors(e).some((x) => x.type === 'RATE_LIMITED')
  );
}

/** No answer at all: a dropped connection or a timeout (Octokit reports both as 500 without a response). */
function isUnreachable(e: RequestErrorLike): boolean {
  return e?.status === 500 && e.response === undefined;
}

/** What a NOT_FOUND names: the repository, or a part of it (a PR deleted since the event). */
function notFoundLine(error: GraphqlErrorLike, what: string): string {
  const part = error.path?.filter((step) => typeof step === 'string').pop();
  if (part === undefined || part === 'repository') {
    return `GitHub answered NOT_FOUND while ${what}: the repository does not exist or the token cannot see it (${error.message}).`;
  }
  if (part === 'pullRequest')
    return `GitHub answered NOT_FOUND while ${what}: the pull request does not exist (deleted, or not a pull request) (${error.message}).`;
  return `GitHub answered NOT_FOUND while ${what}: ${error.message} (at ${error.path?.join('.')}).`;
}

/**
 * One line for a failed GitHub request (REST or GraphQL) made while `what` ("reading the repository",
 * "adding label … to #3"): rate limits with their reset time, 401/403/404/429, 5xx after retries,
 * GraphQL errors with their paths, unreachable hosts. Never throws; never a stack trace.
 */
export function describeGitHubError(error: unknown, what: string): string {
  if (error instanceof UnusableAnswerError) {
    return `GitHub answered a GraphQL query ${error.attempts} times in a row with ${error.problem} while ${what}; try again later.`;
  }
  const e = error as RequestErrorLike;
  const errors = graphqlErrors(e);
  if (isRateLimitExhausted(e)) return `GitHub's rate limit is exhausted while ${what}; it resets at ${resetTime(e)}.`;
  if (isUnreachable(e))
    return `Could not reach GitHub while ${what}, even after retries (${e.message}); try again later.`;
  switch (e?.status) {
    case 401:
      return `GitHub rejected the token while ${what} (401 Bad credentials): check the github-token input.`;
    case 403:
      if (/secondary rate/i.test(e.message ?? ''))
        return `GitHub's secondary rate limit still applied after waiting while ${what}; left for the next run.`;
      return `GitHub refused ${what} (403: ${e.message ?? 'forbidden'}).`;
    case 404:
      return `GitHub answered 404 while ${what}: the repository does not exist or the token cannot see it.`;
    case 429:
      return `GitHub is rate limiting this token (429) while ${what}; try again later.`;
  }
  if (e?.status && e.status >= 500)
    return `GitHub failed (${e.status}) while ${what}, even after retries; try again later.`;
  const notFound = errors.find((x) => x.type === 'NOT_FOUND');
  if (notFound) return notFoundLine(notFound, what);
  if (errors.length > 0) {
    const lines = errors.map((x) => (x.path?.length ? `${x.message} (at ${x.path.join('.')})` : x.message));
    return `GitHub's GraphQL API answered with errors while ${what}: ${[...new Set(lines)].join('; ')}.`;
  }
  return `Could not reach GitHub while ${what}: ${e?.message ?? String(error)}`;
}

function resetTime(e: RequestErrorLike): string {
  const reset = Number(e.response?.headers?.['x-ratelimit-reset']);
  return Number.isFinite(reset) && reset > 0 ? new Date(reset * 1000).toISOString() : 'the top of the hour';
}
