// The default branch, the token's own login and the config file, read from
// the default branch so a PR cannot raise its own limits.
import type { GitHubSession } from './session.js';
import { query } from './graphql.js';
import { REPOSITORY_QUERY } from './queries.js';
import { restLogin } from './convert.js';
import type { ConfigSource } from '../config/source.js';

interface FileObjectNode {
  __typename: string;
  text?: string | null;
  isBinary?: boolean | null;
  isTruncated?: boolean;
  byteSize?: number;
}

export interface RepositoryFactsNode {
  nameWithOwner: string;
  defaultBranchRef: { name: string; target: { file?: { object: FileObjectNode | null } | null } } | null;
}

export interface RepositoryFacts {
  defaultBranch: string;
  /** The login the token writes as (REST form). */
  actor: string;
  /** What the default branch holds at config-path. */
  config: ConfigSource;
}

/** GitHub's TreeEntry at config-path, told apart: a file, nothing, a directory (Tree), binary or cut text. */
function configSource(object: FileObjectNode | null | undefined): ConfigSource {
  if (!object) return { kind: 'missing' };
  if (object.__typename === 'Tree') return { kind: 'directory' };
  if (object.__typename !== 'Blob' || object.isBinary || typeof object.text !== 'string') return { kind: 'binary' };
  if (object.isTruncated) return { kind: 'truncated', bytes: object.byteSize ?? 0 };
  return { kind: 'file', text: object.text };
}

/**
 * The facts from a `RepositoryFacts` fragment and `viewer`: the default branch (`main` when
 * GitHub has none), the token's login (REST form) and the config file.
 */
export function repositoryFacts(
  node: RepositoryFactsNode,
  viewer: { __typename?: string; login: string }
): RepositoryFacts {
  return {
    defaultBranch: node.defaultBranchRef?.name ?? 'main',
    actor: restLogin(viewer),
    config: configSource(node.defaultBranchRef?.target.file?.object)
  };
}

/**
 * One GraphQL request: the default branch, the token's login and the file at `configPath` on the
 * default branch. Throws what `query` throws.
 */
export async function readRepository(session: GitHubSession, configPath: string): Promise<RepositoryFacts> {
  const data = await query<{ viewer: { __typename?: string; login: string }; repository: RepositoryFactsNode }>(
    session,
    REPOSITORY_QUERY,
    { ...session.repo, configPath }
  );
  return repositoryFacts(data.repository, data.viewer);
}
