// The REST routes the action calls, with GitHub's JSON shapes and status
// codes. Writes change the store, so later GraphQL reads see them.
import {
  findPullRequest,
  isRepository,
  nextId,
  TOKEN_BOT_REST_LOGIN,
  type FakeComment,
  type FakeLabel,
  type FakePullRequest,
  type FakeStore,
  type StatusState,
  type TokenAccess
} from './store.js';

export interface RestRequest {
  method: string;
  /** Path without the query string, still percent-encoded. */
  path: string;
  query: URLSearchParams;
  body: unknown;
  /** The fake's own origin, for Link headers. */
  baseUrl: string;
  access: TokenAccess;
  now: Date;
}

export interface RestResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

const DOCS = 'https://docs.github.com/rest';
const NOT_FOUND: RestResponse = { status: 404, body: { message: 'Not Found', documentation_url: DOCS } };
const FORBIDDEN: RestResponse = {
  status: 403,
  body: { message: 'Resource not accessible by integration', documentation_url: DOCS }
};
/** GitHub's answer to a comment on a locked conversation. */
const LOCKED: RestResponse = {
  status: 403,
  body: {
    message: 'Unable to create comment because issue is locked.',
    documentation_url: 'https://help.github.com/articles/locking-conversations/'
  }
};
const STATUS_STATES: StatusState[] = ['error', 'failure', 'pending', 'success'];

function validationFailed(resource: string, code: string, field: string): RestResponse {
  return {
    status: 422,
    body: { message: 'Validation Failed', errors: [{ resource, code, field }], documentation_url: DOCS }
  };
}

function isWrite(method: string): boolean {
  return method !== 'GET' && method !== 'HEAD';
}

function record(body: unknown): Record<string, unknown> {
  return body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
}

/** One page of `items` with GitHub's Link header (`per_page` up to 100, `page` from 1). */
function paginated<T>(request: RestRequest, items: T[]): RestResponse {
  const perPage = Math.min(100, Math.max(1, Number(request.query.get('per_page') ?? 30) || 30));
  const page = Math.max(1, Number(request.query.get('page') ?? 1) || 1);
  const lastPage = Math.max(1, Math.ceil(items.length / perPage));
  const link = (p: number, rel: string) => {
    const query = new URLSearchParams(request.query);
    query.set('per_page', String(perPage));
    query.set('page', String(p));
    return `<${request.baseUrl}${request.path}?${query}>; rel="${rel}"`;
  };
  const links = [
    ...(page > 1 ? [link(page - 1, 'prev'), link(1, 'first')] : []),
    ...(page < lastPage ? [link(page + 1, 'next'), link(lastPage, 'last')] : [])
  ];
  return {
    status: 200,
    body: items.slice((page - 1) * perPage, page * perPage),
    headers: links.length ? { link: links.join(', ') } : {}
  };
}

function labelJson(request: RestRequest, store: FakeStore, label: FakeLabel) {
  const { owner, name } = store.repository;
  return {
    id: Math.abs([...label.name].reduce((h, c) => (h * 31 + c.charCodeAt(0)) | 0, 7)),
    node_id: Buffer.from(`LA_${label.name}`).toString('base64'),
    url: `${request.baseUrl}/repos/${owner}/${name}/labels/${encodeURIComponent(label.name)}`,
    name: label.name,
    color: label.color,
    default: false,
    description: label.description
  };
}

function issueLabelsJson(request: RestRequest, store: FakeStore, pr: FakePullRequest) {
  return pr.labels.map((name) =>
    labelJson(request, store, store.labels.find((l) => l.name === name) ?? { name, color: 'ededed', description: null })
  );
}

function commentJson(request: RestRequest, store: FakeStore, number: number, comment: FakeComment) {
  const { owner, name } = store.repository;
  return {
    id: comment.id,
    node_id: Buffer.from(`IC_${comment.id}`).toString('base64'),
    url: `${request.baseUrl}/repos/${owner}/${name}/issues/comments/${comment.id}`,
    html_url: `https://github.com/${owner}/${name}/pull/${number}#issuecomment-${comment.id}`,
    issue_url: `${request.baseUrl}/repos/${owner}/${name}/issues/${number}`,
    body: comment.body,
    user: { login: comment.author, type: comment.authorType },
    created_at: comment.createdAt,
    updated_at: comment.updatedAt ?? comment.createdAt,
    author_association: comment.association
  };
}

function pullJson(request: RestRequest, store: FakeStore, pr: FakePullRequest) {
  const { owner, name } = store.repository;
  return {
    url: `${request.baseUrl}/repos/${owner}/${name}/pulls/${pr.number}`,
    html_url: `https://github.com/${owner}/${name}/pull/${pr.number}`,
    number: pr.number,
    state: pr.state === 'OPEN' ? 'open' : 'closed',
    title: pr.title,
    user: { login: pr.author, type: pr.authorType },
    draft: pr.isDraft,
    created_at: pr.createdAt,
    closed_at: pr.closedAt,
    merged_at: pr.mergedAt,
    merged: pr.state === 'MERGED',
    labels: issueLabelsJson(request, store, pr),
    head: { ref: pr.headRefName, sha: pr.headSha },
    base: { ref: pr.baseRefName },
    author_association: pr.authorAssociation
  };
}

function findComment(store: FakeStore, id: number): { pr: FakePullRequest; comment: FakeComment } | undefined {
  for (const pr of store.pullRequests) {
    const comment = pr.comments.find((c) => c.id === id);
    if (comment) return { pr, comment };
  }
  return undefined;
}

type Handler = (request: RestRequest, store: FakeStore, params: string[]) => RestResponse;

interface Route {
  method: string;
  pattern: RegExp;
  handle: Handler;
}

function withIssue(
  handle: (request: RestRequest, store: FakeStore, pr: FakePullRequest, params: string[]) => RestResponse
): Handler {
  return (request, store, params) => {
    const pr = findPullRequest(store, Number(params[0]));
    return pr ? handle(request, store, pr, params.slice(1)) : NOT_FOUND;
  };
}

const ROUTES: Route[] = [
  {
    method: 'GET',
    pattern: /^\/labels$/,
    handle: (request, store) =>
      paginated(
        request,
        store.labels.map((l) => labelJson(request, store, l))
      )
  },
  {
    method: 'POST',
    pattern: /^\/labels$/,
    handle: (request, store) => {
      const body = record(request.body);
      if (typeof body.name !== 'string' || body.name === '') return validationFailed('Label', 'missing_field', 'name');
      const name = body.name;
      if (store.labels.some((l) => l.name.toLowerCase() === name.toLowerCase()))
        return validationFailed('Label', 'already_exists', 'name');
      const label: FakeLabel = {
        name,
        color: typeof body.color === 'string' ? body.color.replace(/^#/, '') : 'ededed',
        description: typeof body.description === 'string' ? body.description : null
      };
      store.labels.push(label);
      return { status: 201, body: labelJson(request, store, label) };
    }
  },
  {
    // PATCH /repos/{owner}/{repo}/labels/{name}: GitHub finds the label case-insensitively.
    method: 'PATCH',
    pattern: /^\/labels\/([^/]+)$/,
    handle: (request, store, [encoded]) => {
      const name = decodeURIComponent(encoded);
      const label = store.labels.find((l) => l.name.toLowerCase() === name.toLowerCase());
      if (!label) return NOT_FOUND;
      const body = record(request.body);
      if (typeof body.new_name === 'string' && body.new_name !== '') label.name = body.new_name;
      if (typeof body.color === 'string') label.color = body.color.replace(/^#/, '');
      if (typeof body.description === 'string' || body.description === null) label.description = body.description;
      return { status: 200, body: labelJson(request, store, label) };
    }
  },
  {
    method: 'POST',
    pattern: /^\/statuses\/([0-9a-f]{40})$/,
    handle: (request, store, [sha]) => {
      const body = record(request.body);
      const state = body.state as StatusState;
      if (!STATUS_STATES.includes(state)) return validationFailed('Status', 'custom', 'state');
      const status = {
        context: typeof body.context === 'string' ? body.context : 'default',
        state,
        description: typeof body.description === 'string' ? body.description : null,
        target_url: typeof body.target_url === 'string' ? body.target_url : null,
        createdAt: request.now.toISOString()
      };
      (store.statuses[sha] ??= []).push(status);
      const id = nextId(store);
      return {
        status: 201,
        body: {
          id,
          url: `${request.baseUrl}${request.path}`,
          state: status.state,
          description: status.description,
          target_url: status.target_url,
          context: status.context,
          created_at: status.createdAt,
          updated_at: status.createdAt,
          creator: { login: TOKEN_BOT_REST_LOGIN, type: 'Bot' }
        }
      };
    }
  },
  {
    method: 'POST',
    pattern: /^\/issues\/(\d+)\/labels$/,
    handle: withIssue((request, store, pr) => {
      const body = request.body;
      const labels = Array.isArray(body) ? body : record(body).labels;
      if (!Array.isArray(labels) || labels.some((l) => typeof l !== 'string'))
        return validationFailed('Label', 'invalid', 'labels');
      for (const name of labels as string[]) {
        // Adding an unknown label creates it, as GitHub does.
        if (!store.labels.some((l) => l.name.toLowerCase() === name.toLowerCase()))
          store.labels.push({ name, color: 'ededed', description: null });
        const canonical = store.labels.find((l) => l.name.toLowerCase() === name.toLowerCase())?.name ?? name;
        if (!pr.labels.includes(canonical)) pr.labels.push(canonical);
      }
      return { status: 200, body: issueLabelsJson(request, store, pr) };
    })
  },
  {
    method: 'DELETE',
    pattern: /^\/issues\/(\d+)\/labels\/([^/]+)$/,
    handle: withIssue((request, store, pr, [encoded]) => {
      const name = decodeURIComponent(encoded);
      const index = pr.labels.findIndex((l) => l.toLowerCase() === name.toLowerCase());
      if (index < 0) return { status: 404, body: { message: 'Label does not exist', documentation_url: DOCS } };
      pr.labels.splice(index, 1);
      return { status: 200, body: issueLabelsJson(request, store, pr) };
    })
  },
  {
    method: 'GET',
    pattern: /^\/issues\/(\d+)\/comments$/,
    handle: withIssue((request, store, pr) =>
      paginated(
        request,
        pr.comments.map((c) => commentJson(request, store, pr.number, c))
      )
    )
  },
  {
    method: 'POST',
    pattern: /^\/issues\/(\d+)\/comments$/,
    handle: withIssue((request, store, pr) => {
      const body = record(request.body);
      if (typeof body.body !== 'string' || body.body === '')
        return validationFailed('IssueComment', 'missing_field', 'body');
      if (pr.locked) return LOCKED;
      const comment: FakeComment = {
        id: nextId(store),
        body: body.body,
        author: TOKEN_BOT_REST_LOGIN,
        authorType: 'Bot',
        association: 'NONE',
        createdAt: request.now.toISOString()
      };
      pr.comments.push(comment);
      return { status: 201, body: commentJson(request, store, pr.number, comment) };
    })
  },
  {
    method: 'PATCH',
    pattern: /^\/issues\/comments\/(\d+)$/,
    handle: (request, store, [id]) => {
      const found = findComment(store, Number(id));
      if (!found) return NOT_FOUND;
      if (found.pr.locked) return LOCKED;
      const body = record(request.body);
      if (typeof body.body !== 'string' || body.body === '')
        return validationFailed('IssueComment', 'missing_field', 'body');
      found.comment.body = body.body;
      found.comment.updatedAt = request.now.toISOString();
      return { status: 200, body: commentJson(request, store, found.pr.number, found.comment) };
    }
  },
  {
    method: 'DELETE',
    pattern: /^\/issues\/comments\/(\d+)$/,
    handle: (_request, store, [id]) => {
      const found = findComment(store, Number(id));
      if (!found) return NOT_FOUND;
      found.pr.comments.splice(found.pr.comments.indexOf(found.comment), 1);
      return { status: 204 };
    }
  },
  {
    // POST /repos/{owner}/{repo}/pulls/{n}/requested_reviewers: users by login, teams by slug (of the owner).
    method: 'POST',
    pattern: /^\/pulls\/(\d+)\/requested_reviewers$/,
    handle: withIssue((request, store, pr) => {
      const body = record(request.body);
      const users = Array.isArray(body.reviewers)
        ? body.reviewers.filter((r): r is string => typeof r === 'string')
        : [];
      const teams = Array.isArray(body.team_reviewers)
        ? body.team_reviewers
            .filter((t): t is string => typeof t === 'string')
            .map((t) => `${store.repository.owner}/${t}`)
        : [];
      if (users.length + teams.length === 0) return validationFailed('PullRequest', 'missing_field', 'reviewers');
      if (users.some((u) => u.toLowerCase() === pr.author.toLowerCase()))
        return validationFailed('PullRequest', 'custom', 'Review cannot be requested from pull request author.');
      for (const reviewer of [...users, ...teams]) {
        const requested = pr.reviewRequests ?? (pr.reviewRequests = []);
        if (!requested.some((r) => r.toLowerCase() === reviewer.toLowerCase())) requested.push(reviewer);
        pr.timeline.push({
          type: 'ReviewRequestedEvent',
          actor: TOKEN_BOT_REST_LOGIN,
          actorType: 'Bot',
          createdAt: request.now.toISOString(),
          requestedReviewer: reviewer
        });
      }
      return { status: 201, body: pullJson(request, store, pr) };
    })
  },
  {
    method: 'PATCH',
    pattern: /^\/pulls\/(\d+)$/,
    handle: withIssue((request, store, pr) => {
      const body = record(request.body);
      if (body.state !== undefined && body.state !== 'open' && body.state !== 'closed')
        return validationFailed('PullRequest', 'invalid', 'state');
      if (body.state === 'closed' && pr.state === 'OPEN') {
        pr.state = 'CLOSED';
        pr.closedAt = request.now.toISOString();
      }
      if (body.state === 'open' && pr.state === 'CLOSED') {
        pr.state = 'OPEN';
        pr.closedAt = null;
        pr.timeline.push({
          type: 'ReopenedEvent',
          actor: TOKEN_BOT_REST_LOGIN,
          actorType: 'Bot',
          createdAt: request.now.toISOString()
        });
      }
      if (typeof body.title === 'string') pr.title = body.title;
      return { status: 200, body: pullJson(request, store, pr) };
    })
  }
];

/** Routes a REST request under /repos/{owner}/{repo}; anything else is 404 as on GitHub. */
export function handleRest(store: FakeStore, request: RestRequest): RestResponse {
  const repoPath = /^\/repos\/([^/]+)\/([^/]+)(\/.*)$/.exec(request.path);
  if (!repoPath || !isRepository(store, decodeURIComponent(repoPath[1]), decodeURIComponent(repoPath[2])))
    return NOT_FOUND;
  const rest = repoPath[3];
  for (const route of ROUTES) {
    const match = route.method === request.method ? route.pattern.exec(rest) : null;
    if (!match) continue;
    if (isWrite(request.method) && request.access !== 'write') return FORBIDDEN;
    return route.handle(request, store, match.slice(1));
  }
  return NOT_FOUND;
}
