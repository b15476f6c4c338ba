// A gate reads the issues its PR closes before it knows whether a rule needs
// them (the config comes in the same read). A token without `issues: read`
// gets FORBIDDEN for those fields alone; that must not fail the gates of a
// repository that uses no linked-issue rule.

interface GraphqlFailure {
  data?: unknown;
  errors?: { type?: string; path?: readonly (string | number)[] }[];
}

/**
 * The data of a GraphQL answer (octokit's GraphqlResponseError) whose only
 * errors are FORBIDDEN under `closingIssuesReferences`; undefined for any
 * other failure, which the caller rethrows.
 */
export function dataWithoutIssues<T>(error: unknown): T | undefined {
  const failure = error as GraphqlFailure | undefined;
  if (!failure?.data || !failure.errors || failure.errors.length === 0) return undefined;
  const onIssuesOnly = failure.errors.every(
    (e) => e.type === 'FORBIDDEN' && (e.path ?? []).includes('closingIssuesReferences')
  );
  return onIssuesOnly ? (failure.data as T) : undefined;
}
