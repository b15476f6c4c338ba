// One clear line for a failed GitHub request: never a stack trace.
interface RequestErrorLike {
  status?: number;
  message?: string;
  response?: { headers?: Record<string, string | undefined> };
  errors?: { message: string; type?: string }[];
}

export function statusOf(error: unknown): number | undefined {
  return (error as RequestErrorLike)?.status;
}

/** A write refused because the token may only read (a fork's PR, missing permissions). */
export function isPermissionError(error: unknown): boolean {
  const e = error as RequestErrorLike;
  return e?.status === 403 && /not accessible by integration|permission/i.test(e.message ?? '');
}

export function describeGitHubError(error: unknown, what: string): string {
  const e = error as RequestErrorLike;
  const graphqlErrors = e?.errors?.map((x) => x.message).join('; ');
  switch (e?.status) {
    case 401:
      return `GitHub rejected the token while ${what} (401 Bad credentials): check the github-token input.`;
    case 403:
      if (e.response?.headers?.['x-ratelimit-remaining'] === '0') {
        return `GitHub's rate limit is exhausted while ${what}; it resets at ${resetTime(e)}.`;
      }
      return `GitHub refused ${what} (403: ${e.message ?? 'forbidden'}).`;
    case 404:
      return `GitHub answered 404 while ${what}: the repository does not exist or the token cannot see it.`;
    case 429:
      return `GitHub is rate limiting this token (429) while ${what}; try again later.`;
    default:
      if (e?.status && e.status >= 500) return `GitHub failed (${e.status}) while ${what}, even after retries; try again later.`;
      if (graphqlErrors) return `GitHub's GraphQL API answered with errors while ${what}: ${graphqlErrors}`;
      return `Could not reach GitHub while ${what}: ${e?.message ?? String(error)}`;
  }
}

function resetTime(e: RequestErrorLike): string {
  const reset = Number(e.response?.headers?.['x-ratelimit-reset']);
  return Number.isFinite(reset) && reset > 0 ? new Date(reset * 1000).toISOString() : 'the top of the hour';
}
