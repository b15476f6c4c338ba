// The default branch, the token's own login and the config file, read from
// the default branch so a PR cannot raise its own limits.
import type { Client, RequestCounts } from './client.js';
import { query } from './graphql.js';
import { REPOSITORY_QUERY } from './queries.js';
import type { RepoRef } from './repo.js';
import { restLogin } from './convert.js';

export interface RepositoryFactsNode {
  nameWithOwner: string;
  defaultBranchRef: { name: string; target: { file?: { object: { text: string | null } | null } | null } } | null;
}

export interface RepositoryFacts {
  defaultBranch: string;
  /** The login the token writes as (REST form). */
  actor: string;
  /** The config file's text on the default branch, if it exists. */
  configText?: string;
}

export function repositoryFacts(node: RepositoryFactsNode, viewer: { __typename?: string; login: string }): RepositoryFacts {
  const text = node.defaultBranchRef?.target.file?.object?.text ?? undefined;
  return {
    defaultBranch: node.defaultBranchRef?.name ?? 'main',
    actor: restLogin(viewer),
    configText: text === null ? undefined : text
  };
}

export async function readRepository(client: Client, repo: RepoRef, configPath: string, counts: RequestCounts): Promise<RepositoryFacts> {
  const data = await query<{ viewer: { __typename?: string; login: string }; repository: RepositoryFactsNode }>(
    client,
    REPOSITORY_QUERY,
    { ...repo, configPath },
    counts
  );
  return repositoryFacts(data.repository, data.viewer);
}
