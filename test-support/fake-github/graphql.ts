// GitHub's GraphQL API over the store: documents are validated and executed
// by graphql-js against GitHub's published schema, so a document GitHub would
// reject fails here too. Data comes from plain objects whose fields are values
// or `(args) => value` functions (graphql-js's default resolver calls them).
import { schema as published } from '@octokit/graphql-schema';
import { buildSchema, execute, GraphQLError, parse, validate, type DocumentNode, type GraphQLSchema } from 'graphql';
import { searchPullRequests } from './search.js';
import {
  closingIssues,
  findPullRequest,
  graphqlLogin,
  isRepository,
  latestStatuses,
  TOKEN_BOT,
  TOKEN_BOT_REST_LOGIN,
  type ActorType,
  type FakeComment,
  type FakeIssue,
  type FakePullRequest,
  type FakeStatus,
  type FakeStore
} from './store.js';
import { queryCost } from './cost.js';

let cachedSchema: GraphQLSchema | undefined;

/** GitHub's schema, built once: the published SDL repeats a few enterprise fields, hence assumeValidSDL. */
export function githubSchema(): GraphQLSchema {
  cachedSchema ??= buildSchema(published.idl, { assumeValidSDL: true });
  return cachedSchema;
}

/** An error GitHub reports with a `type` (NOT_FOUND, MISSING_PAGINATION_BOUNDARIES, ...). */
export class GitHubGraphqlError extends Error {
  constructor(
    message: string,
    readonly type: string
  ) {
    super(message);
  }
}

export interface RateLimitState {
  limit: number;
  remaining: number;
  resetAt: string;
}

export interface GraphqlRequestBody {
  query?: unknown;
  variables?: unknown;
  operationName?: unknown;
}

interface GitHubErrorJson {
  message: string;
  type?: string;
  path?: readonly (string | number)[];
  locations?: readonly { line: number; column: number }[];
}

export interface GraphqlResponseJson {
  data?: unknown;
  errors?: GitHubErrorJson[];
}

interface ConnectionArgs {
  first?: number | null;
  last?: number | null;
  after?: string | null;
  before?: string | null;
}

const MAX_PAGE = 100;
const GITHUB_FILES_CAP = 3000;

function encodeCursor(position: number): string {
  return Buffer.from(`cursor:v2:${position}`).toString('base64');
}

function decodeCursor(cursor: string): number {
  const match = /^cursor:v2:(-?\d+)$/.exec(Buffer.from(cursor, 'base64').toString('utf8'));
  if (!match)
    throw new GitHubGraphqlError(`\`${cursor}\` does not appear to be a valid cursor.`, 'INVALID_CURSOR_ARGUMENTS');
  return Number(match[1]);
}

/**
 * A Relay connection over `items`. Positions are stable keys in the full
 * order (so a cursor survives items leaving a filtered list between pages).
 */
export function connection<T>(
  items: T[],
  args: ConnectionArgs,
  name: string,
  positionOf: (item: T, index: number) => number = (_, i) => i
) {
  const { first, last, after, before } = args;
  if (first == null && last == null) {
    throw new GitHubGraphqlError(
      `You must provide a \`first\` or \`last\` value to properly paginate the \`${name}\` connection.`,
      'MISSING_PAGINATION_BOUNDARIES'
    );
  }
  for (const [argument, value] of [
    ['first', first],
    ['last', last]
  ] as const) {
    if (value != null && (value < 0 || value > MAX_PAGE)) {
      throw new GitHubGraphqlError(
        `Requesting ${value} records on the \`${name}\` connection exceeds the \`${argument}\` limit of ${MAX_PAGE} records.`,
        'EXCESSIVE_PAGINATION'
      );
    }
  }
  const positioned = items.map((node, i) => ({ node, position: positionOf(node, i) }));
  let window = positioned;
  if (after) {
    const from = decodeCursor(after);
    window = window.filter((e) => e.position > from);
  }
  if (before) {
    const to = decodeCursor(before);
    window = window.filter((e) => e.position < to);
  }
  if (first != null) window = window.slice(0, first);
  if (last != null) window = window.slice(Math.max(0, window.length - last));
  const firstPosition = window[0]?.position;
  const lastPosition = window[window.length - 1]?.position;
  const edges = window.map((e) => ({ cursor: encodeCursor(e.position), node: e.node }));
  return {
    totalCount: items.length,
    nodes: window.map((e) => e.node),
    edges,
    pageInfo: {
      hasNextPage: lastPosition === undefined ? false : positioned.some((e) => e.position > lastPosition),
      hasPreviousPage: firstPosition === undefined ? false : positioned.some((e) => e.position < firstPosition),
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null
    }
  };
}

function nodeId(kind: string, key: string | number): string {
  return Buffer.from(`${kind}_${key}`).toString('base64');
}

function actor(login: string, type: ActorType = login.endsWith('[bot]') ? 'Bot' : 'User') {
  const shown = graphqlLogin(login, type);
  return {
    __typename: type,
    login: shown,
    id: nodeId(type, shown),
    url: `https://github.com/${type === 'Bot' ? `apps/${shown}` : shown}`,
    avatarUrl: `https://avatars.githubusercontent.com/${shown}`,
    resourcePath: `/${shown}`
  };
}

/** A requested reviewer (GraphQL union RequestedReviewer): a team as `org/slug`, a bot as name[bot], else a user. */
function requestedReviewerNode(reviewer: string) {
  if (!reviewer.includes('/')) return actor(reviewer);
  const [org, slug] = reviewer.split('/');
  return { __typename: 'Team', id: nodeId('T', reviewer), slug, name: slug, combinedSlug: `${org}/${slug}` };
}

/** `REOPENED_EVENT` -> `ReopenedEvent`. */
function typenameOfItemType(itemType: string): string {
  return itemType
    .toLowerCase()
    .split('_')
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
}

function combinedState(statuses: FakeStatus[]): string {
  const states = statuses.map((s) => s.state);
  if (states.includes('error')) return 'ERROR';
  if (states.includes('failure')) return 'FAILURE';
  if (states.includes('pending')) return 'PENDING';
  return 'SUCCESS';
}

function statusNode(store: FakeStore, sha: string) {
  const statuses = latestStatuses(store, sha);
  if (statuses.length === 0) return null;
  const contexts = statuses.map((s) => ({
    __typename: 'StatusContext',
    id: nodeId('SC', `${sha}:${s.context}`),
    context: s.context,
    state: s.state.toUpperCase(),
    description: s.description,
    targetUrl: s.target_url,
    createdAt: s.createdAt,
    isRequired: () => false
  }));
  return {
    id: nodeId('ST', sha),
    state: combinedState(statuses),
    contexts,
    context: ({ name }: { name: string }) => contexts.find((c) => c.context === name) ?? null
  };
}

/** The commit's checks and statuses together, as branch protection sees them. */
function statusCheckRollupNode(store: FakeStore, sha: string) {
  const runs = (store.checkRuns?.[sha] ?? []).map((run, i) => ({
    __typename: 'CheckRun',
    id: nodeId('CR', `${sha}:${i}`),
    databaseId: i + 1,
    name: run.name,
    status: run.conclusion === null ? 'IN_PROGRESS' : 'COMPLETED',
    conclusion: run.conclusion,
    completedAt: run.completedAt,
    startedAt: run.completedAt,
    isRequired: () => false
  }));
  const status = statusNode(store, sha);
  if (runs.length === 0 && !status) return null;
  const items = [...runs, ...(status?.contexts ?? [])];
  const states = [...runs.map((r) => r.conclusion ?? 'PENDING'), ...(status ? [status.state] : [])];
  const failed = states.some((s) => ['FAILURE', 'ERROR', 'TIMED_OUT', 'STARTUP_FAILURE'].includes(s));
  return {
    id: nodeId('SCR', sha),
    state: failed ? 'FAILURE' : states.includes('PENDING') ? 'PENDING' : 'SUCCESS',
    contexts: (args: ConnectionArgs) => connection(items, args, 'contexts')
  };
}

function labelNode(store: FakeStore, name: string) {
  const known = store.labels.find((l) => l.name.toLowerCase() === name.toLowerCase());
  return {
    __typename: 'Label',
    id: nodeId('LA', name),
    name: known?.name ?? name,
    color: known?.color ?? 'ededed',
    description: known?.description ?? null,
    isDefault: false
  };
}

/** An issue with the fields the action reads; its open PRs are those whose closing references name it. */
function issueNode(store: FakeStore, issue: FakeIssue) {
  const { owner, name } = store.repository;
  return {
    __typename: 'Issue',
    id: nodeId('I', issue.number),
    databaseId: issue.number,
    number: issue.number,
    title: issue.title,
    body: '',
    url: `https://github.com/${owner}/${name}/issues/${issue.number}`,
    resourcePath: `/${owner}/${name}/issues/${issue.number}`,
    state: issue.state,
    closed: issue.state === 'CLOSED',
    createdAt: issue.createdAt,
    updatedAt: issue.createdAt,
    author: actor(issue.author),
    repository: () => repositoryNode(store),
    assignees: (args: ConnectionArgs) =>
      connection(
        issue.assignees.map((a) => actor(a, 'User')),
        args,
        'assignees'
      ),
    labels: (args: ConnectionArgs) =>
      connection(
        issue.labels.map((l) => labelNode(store, l)),
        args,
        'labels'
      ),
    closedByPullRequestsReferences: (
      args: ConnectionArgs & { includeClosedPrs?: boolean | null; userLinkedOnly?: boolean | null }
    ) => {
      const prs = sortedPullRequests(store, 'ASC').filter(
        (pr) =>
          (args.includeClosedPrs || pr.state === 'OPEN') &&
          closingIssues(store, pr, args.userLinkedOnly ?? false).some((i) => i.number === issue.number)
      );
      const page = connection(prs, args, 'closedByPullRequestsReferences');
      return { ...page, nodes: () => page.nodes.map((pr) => pullRequestNode(store, pr)) };
    }
  };
}

function pullRequestUrl(store: FakeStore, pr: FakePullRequest): string {
  return `https://github.com/${store.repository.owner}/${store.repository.name}/pull/${pr.number}`;
}

function commentNode(prUrl: string, c: FakeComment) {
  return {
    __typename: 'IssueComment',
    id: nodeId('IC', c.id),
    databaseId: c.id,
    body: c.body,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt ?? c.createdAt,
    authorAssociation: c.association,
    author: actor(c.author, c.authorType),
    // Every token acts as the same account (TOKEN_BOT).
    viewerDidAuthor:
      c.author.toLowerCase() === TOKEN_BOT_REST_LOGIN ||
      (c.authorType === 'Bot' && graphqlLogin(c.author, 'Bot').toLowerCase() === TOKEN_BOT),
    url: `${prUrl}#issuecomment-${c.id}`
  };
}

export function pullRequestNode(store: FakeStore, pr: FakePullRequest) {
  const { owner, name } = store.repository;
  const url = pullRequestUrl(store, pr);
  const commit = {
    __typename: 'Commit',
    id: nodeId('C', pr.headSha),
    oid: pr.headSha,
    committedDate: pr.lastCommittedAt,
    authoredDate: pr.lastCommittedAt,
    message: pr.title,
    status: () => statusNode(store, pr.headSha),
    statusCheckRollup: () => statusCheckRollupNode(store, pr.headSha)
  };
  return {
    __typename: 'PullRequest',
    id: nodeId('PR', pr.number),
    databaseId: pr.number,
    number: pr.number,
    title: pr.title,
    body: pr.body ?? '',
    url,
    resourcePath: `/${owner}/${name}/pull/${pr.number}`,
    repository: () => repositoryNode(store),
    closingIssuesReferences: (args: ConnectionArgs & { userLinkedOnly?: boolean | null }) => {
      const page = connection(closingIssues(store, pr, args.userLinkedOnly ?? false), args, 'closingIssuesReferences');
      return { ...page, nodes: () => page.nodes.map((issue) => issueNode(store, issue)) };
    },
    author: actor(pr.author, pr.authorType),
    authorAssociation: pr.authorAssociation,
    createdAt: pr.createdAt,
    updatedAt: pr.createdAt,
    closedAt: pr.closedAt,
    mergedAt: pr.mergedAt,
    closed: pr.state !== 'OPEN',
    merged: pr.state === 'MERGED',
    state: pr.state,
    isDraft: pr.isDraft,
    locked: pr.locked ?? false,
    baseRefName: pr.baseRefName,
    headRefName: pr.headRefName,
    headRefOid: pr.headSha,
    additions: pr.additions,
    deletions: pr.deletions,
    changedFiles: pr.changedFiles,
    mergeable: pr.mergeable,
    milestone:
      pr.milestone === null
        ? null
        : { id: nodeId('MI', pr.milestone), number: pr.milestone, title: `Milestone ${pr.milestone}` },
    labels: (args: ConnectionArgs) =>
      connection(
        pr.labels.map((l) => labelNode(store, l)),
        args,
        'labels'
      ),
    assignees: (args: ConnectionArgs) =>
      connection(
        pr.assignees.map((a) => actor(a, 'User')),
        args,
        'assignees'
      ),
    // GitHub's files API stops at 3,000 files.
    files: (args: ConnectionArgs) =>
      connection(
        pr.files
          .slice(0, GITHUB_FILES_CAP)
          .map((path) => ({ path, additions: 0, deletions: 0, changeType: 'MODIFIED' })),
        args,
        'files'
      ),
    commits: (args: ConnectionArgs) => connection([{ id: nodeId('PRC', pr.number), url, commit }], args, 'commits'),
    comments: (args: ConnectionArgs) =>
      connection(
        pr.comments.map((c) => commentNode(url, c)),
        args,
        'comments'
      ),
    reviewRequests: (args: ConnectionArgs) =>
      connection(
        (pr.reviewRequests ?? []).map((reviewer) => ({
          __typename: 'ReviewRequest',
          id: nodeId('RR', `${pr.number}:${reviewer}`),
          asCodeOwner: false,
          requestedReviewer: requestedReviewerNode(reviewer)
        })),
        args,
        'reviewRequests'
      ),
    reviews: (args: ConnectionArgs & { states?: string[] | null }) =>
      connection(
        pr.reviews
          .filter((r) => !args.states || args.states.includes(r.state))
          .map((r, i) => ({
            __typename: 'PullRequestReview',
            id: nodeId('PRR', `${pr.number}:${i}`),
            state: r.state,
            submittedAt: r.submittedAt,
            createdAt: r.submittedAt ?? pr.createdAt,
            body: '',
            authorAssociation: r.association,
            author: actor(r.author, r.authorType)
          })),
        args,
        'reviews'
      ),
    timelineItems: (args: ConnectionArgs & { itemTypes?: string[] | null; since?: string | null }) => {
      const wanted = args.itemTypes?.map(typenameOfItemType);
      const items = pr.timeline
        .filter((e) => !wanted || wanted.includes(e.type))
        .filter((e) => !args.since || e.createdAt >= args.since)
        .map((e, i) => ({
          __typename: e.type,
          id: nodeId('TL', `${pr.number}:${i}`),
          createdAt: e.createdAt,
          actor: actor(e.actor, e.actorType),
          requestedReviewer: e.requestedReviewer ? requestedReviewerNode(e.requestedReviewer) : null
        }));
      return {
        ...connection(items, args, 'timelineItems'),
        filteredCount: items.length,
        pageCount: items.length,
        updatedAt: pr.createdAt
      };
    }
  };
}

/** Creation order; UPDATED_AT sorts the same, as the store keeps no update times. */
function sortedPullRequests(store: FakeStore, direction: string): FakePullRequest[] {
  const sign = direction === 'DESC' ? -1 : 1;
  return [...store.pullRequests].sort((a, b) => sign * (a.createdAt.localeCompare(b.createdAt) || a.number - b.number));
}

interface PullRequestsArgs extends ConnectionArgs {
  states?: string[] | null;
  labels?: string[] | null;
  baseRefName?: string | null;
  headRefName?: string | null;
  orderBy?: { field: string; direction: string } | null;
}

function repositoryNode(store: FakeStore) {
  const { owner, name, defaultBranch, files } = store.repository;
  const head = {
    __typename: 'Commit',
    id: nodeId('C', 'default'),
    oid: 'f'.repeat(40),
    file: ({ path }: { path: string }) => {
      const name = path.split('/').pop();
      // A path that other files sit under is a directory: GitHub answers a Tree.
      if (files[path] === undefined) {
        return Object.keys(files).some((file) => file.startsWith(`${path}/`))
          ? { path, name, type: 'tree', object: { __typename: 'Tree', id: nodeId('T', path) } }
          : null;
      }
      // GitHub calls a blob with a NUL byte binary (UTF-16 text included) and gives no text.
      const isBinary = files[path].includes('\0');
      const text = isBinary ? null : files[path];
      return {
        path,
        name,
        type: 'blob',
        object: {
          __typename: 'Blob',
          id: nodeId('B', path),
          text,
          byteSize: Buffer.byteLength(files[path]),
          isBinary,
          isTruncated: false
        }
      };
    }
  };
  return {
    __typename: 'Repository',
    id: nodeId('R', `${owner}/${name}`),
    name,
    nameWithOwner: `${owner}/${name}`,
    url: `https://github.com/${owner}/${name}`,
    owner: { __typename: 'Organization', login: owner, id: nodeId('O', owner) },
    defaultBranchRef: { id: nodeId('REF', defaultBranch), name: defaultBranch, prefix: 'refs/heads/', target: head },
    labels: (args: ConnectionArgs & { query?: string | null }) =>
      connection(
        store.labels
          .filter((l) => !args.query || l.name.toLowerCase().includes(args.query.toLowerCase()))
          .map((l) => labelNode(store, l.name)),
        args,
        'labels'
      ),
    // GitHub finds a label by name case-insensitively.
    label: ({ name }: { name: string }) =>
      store.labels.some((l) => l.name.toLowerCase() === name.toLowerCase()) ? labelNode(store, name) : null,
    pullRequest: ({ number }: { number: number }) => {
      const pr = findPullRequest(store, number);
      if (!pr)
        throw new GitHubGraphqlError(`Could not resolve to a PullRequest with the number of ${number}.`, 'NOT_FOUND');
      return pullRequestNode(store, pr);
    },
    pullRequests: (args: PullRequestsArgs) => {
      const order = sortedPullRequests(store, args.orderBy?.direction ?? 'ASC');
      const position = new Map(order.map((pr, i) => [pr.number, i]));
      const selected = order.filter(
        (pr) =>
          (!args.states || args.states.includes(pr.state)) &&
          // GitHub resolves label names case-insensitively, as everywhere.
          (!args.labels || args.labels.some((l) => pr.labels.some((own) => own.toLowerCase() === l.toLowerCase()))) &&
          (!args.baseRefName || pr.baseRefName === args.baseRefName) &&
          (!args.headRefName || pr.headRefName === args.headRefName)
      );
      const page = connection(selected, args, 'pullRequests', (pr) => position.get(pr.number) as number);
      return {
        ...page,
        nodes: () => page.nodes.map((pr) => pullRequestNode(store, pr)),
        edges: () => page.edges.map((e) => ({ ...e, node: pullRequestNode(store, e.node) }))
      };
    }
  };
}

/** `nodes(ids:)`: the fake knows issue comments by id (null for anything else, as GitHub answers an unknown id). */
function nodeById(store: FakeStore, id: string) {
  const match = /^IC_(\d+)$/.exec(Buffer.from(id, 'base64').toString('utf8'));
  if (!match) return null;
  for (const pr of store.pullRequests) {
    const comment = pr.comments.find((c) => c.id === Number(match[1]));
    if (comment) return commentNode(pullRequestUrl(store, pr), comment);
  }
  return null;
}

function rootValue(store: FakeStore, rateLimit: RateLimitState, cost: number) {
  return {
    nodes: ({ ids }: { ids: string[] }) => {
      if (ids.length > MAX_PAGE)
        throw new GitHubGraphqlError(`You may not request more than ${MAX_PAGE} ids at once.`, 'EXCESSIVE_PAGINATION');
      return ids.map((id) => nodeById(store, id));
    },
    rateLimit: () => ({
      cost,
      limit: rateLimit.limit,
      remaining: rateLimit.remaining,
      used: rateLimit.limit - rateLimit.remaining,
      resetAt: rateLimit.resetAt,
      nodeCount: 0
    }),
    viewer: actor(TOKEN_BOT, 'Bot'),
    repository: ({ owner, name }: { owner: string; name: string }) => {
      if (!isRepository(store, owner, name))
        throw new GitHubGraphqlError(
          `Could not resolve to a Repository with the name '${owner}/${name}'.`,
          'NOT_FOUND'
        );
      return repositoryNode(store);
    },
    search: (args: ConnectionArgs & { type: string; query: string }) => {
      if (args.type !== 'ISSUE') throw new Error(`Fake search: type ${args.type} is not supported (only ISSUE)`);
      // Search answers newest first.
      const found = searchPullRequests(store, args.query).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
      const page = connection(found, args, 'search');
      return {
        issueCount: found.length,
        codeCount: 0,
        repositoryCount: 0,
        userCount: 0,
        discussionCount: 0,
        wikiCount: 0,
        pageInfo: page.pageInfo,
        nodes: () => page.nodes.map((pr) => pullRequestNode(store, pr)),
        edges: () => page.edges.map((e) => ({ cursor: e.cursor, node: pullRequestNode(store, e.node) }))
      };
    }
  };
}

function toGitHubError(error: GraphQLError): GitHubErrorJson {
  const original = error.originalError;
  return {
    message: error.message,
    ...(original instanceof GitHubGraphqlError ? { type: original.type } : {}),
    ...(error.path ? { path: error.path } : {}),
    ...(error.locations ? { locations: error.locations } : {})
  };
}

/** Runs one GraphQL request body; GitHub answers 200 with `errors` for bad documents. */
export async function executeGraphql(
  store: FakeStore,
  body: GraphqlRequestBody,
  rateLimit: RateLimitState
): Promise<GraphqlResponseJson> {
  if (typeof body.query !== 'string')
    return { errors: [{ message: 'A query attribute must be specified and must be a string.' }] };
  let document: DocumentNode;
  try {
    document = parse(body.query);
  } catch (error) {
    return { errors: [toGitHubError(error as GraphQLError)] };
  }
  const schema = githubSchema();
  const invalid = validate(schema, document);
  if (invalid.length > 0) return { errors: invalid.map(toGitHubError) };
  const variables = (body.variables ?? {}) as Record<string, unknown>;
  const cost = queryCost(document, variables);
  // The request itself was charged 1 point on arrival; the rest of its cost now.
  rateLimit.remaining = Math.max(0, rateLimit.remaining - (cost - 1));
  const result = await execute({
    schema,
    document,
    rootValue: rootValue(store, rateLimit, cost),
    variableValues: (body.variables ?? undefined) as Record<string, unknown> | undefined,
    operationName: typeof body.operationName === 'string' ? body.operationName : undefined,
    typeResolver: (value) => (value as { __typename?: string }).__typename
  });
  return {
    ...(result.data !== undefined ? { data: result.data } : {}),
    ...(result.errors ? { errors: result.errors.map(toGitHubError) } : {})
  };
}
