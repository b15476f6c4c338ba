// The fake GitHub API over real HTTP on 127.0.0.1 (random port): token
// checks, GraphQL and REST routing, a log of every request, rate-limit
// headers, and injected faults (5xx, secondary and primary rate limits).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { parse } from 'graphql';
import { queryNodes } from './cost.js';
import { executeGraphql, type GraphqlRequestBody, type RateLimitState } from './graphql.js';
import { handleRest, type RestResponse } from './rest.js';
import type { FakeStore } from './store.js';

/** `rate-limit`: GET /rate_limit, which GitHub does not count against any limit. */
export type RequestKind = 'graphql' | 'rest-read' | 'rest-write' | 'rate-limit';

export interface RecordedRequest {
  method: string;
  /** Path with its query string. */
  path: string;
  kind: RequestKind;
  /** Parsed JSON, the raw text when it is not JSON, or undefined when empty. */
  body: unknown;
  status: number;
}

export interface RequestCountsByKind {
  graphql: number;
  restReads: number;
  restWrites: number;
}

export interface FaultMatcher {
  method?: string;
  pathPrefix?: string;
  kind?: RequestKind;
}

export interface FaultResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface FakeGitHubOptions {
  /** The fake's clock for what writes stamp (statuses, comments, closes). */
  now?: () => Date;
  /** GraphQL points left at start (GitHub: 5,000 for an installation; 1,000 for GITHUB_TOKEN). */
  graphqlPoints?: number;
  /** REST requests left at start, reported in `x-ratelimit-remaining`; at 0 REST answers 403. */
  restRequests?: number;
  /** Simulated network and server time added to every response (the benchmark uses it). */
  latencyMs?: number;
  /**
   * Heavy queries time out: a GraphQL document that may return more nodes than
   * this (GitHub's node formula, cost.ts) gets GitHub's 502 timeout answer.
   */
  maxNodes?: number;
}

export interface FakeGitHub {
  url: string;
  requests: RecordedRequest[];
  counts(): RequestCountsByKind;
  close(): Promise<void>;
  store: FakeStore;
  /** The next `times` requests matching `matcher` get `response` instead of being handled. */
  failNext(matcher: FaultMatcher, response: FaultResponse, times?: number): void;
  setLatency(ms: number): void;
  /** See FakeGitHubOptions.maxNodes; undefined turns it off. */
  setMaxNodes(nodes: number | undefined): void;
}

const DOCS = 'https://docs.github.com/rest';

/** Canned faults as GitHub sends them. */
export const FAULTS = {
  badGateway: { status: 502, body: { message: 'Server Error' } } satisfies FaultResponse,
  /** What GitHub answers when a GraphQL query took too long. */
  graphqlTimeout: {
    status: 502,
    body: {
      data: null,
      errors: [
        {
          message:
            'Something went wrong while executing your query. This may be the result of a timeout, or it could be a GitHub bug. ' +
            'Please include `FAKE:0000` when reporting this issue.'
        }
      ]
    }
  } satisfies FaultResponse,
  secondaryRateLimit: {
    status: 403,
    headers: { 'retry-after': '1' },
    body: {
      message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
      documentation_url: `${DOCS}/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits`
    }
  } satisfies FaultResponse,
  primaryRateLimit(resetInSeconds = 3600): FaultResponse {
    return {
      status: 403,
      headers: {
        'x-ratelimit-limit': '1000',
        'x-ratelimit-remaining': '0',
        'x-ratelimit-used': '1000',
        'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + resetInSeconds)
      },
      body: {
        message: 'API rate limit exceeded for installation ID 1.',
        documentation_url: `${DOCS}/overview/rate-limits-for-the-rest-api`
      }
    };
  }
};

function kindOf(method: string, path: string): RequestKind {
  if (path === '/graphql' || path.startsWith('/graphql?')) return 'graphql';
  if (method === 'GET' && (path === '/rate_limit' || path.startsWith('/rate_limit?'))) return 'rate-limit';
  return method === 'GET' || method === 'HEAD' ? 'rest-read' : 'rest-write';
}

function tokenOf(header: string | undefined): string | undefined {
  const match = /^(?:token|bearer)\s+(\S+)$/i.exec(header ?? '');
  return match?.[1];
}

function parseBody(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

async function readBody(request: http.IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

interface Fault {
  matcher: FaultMatcher;
  response: FaultResponse;
  remaining: number;
}

function matches(matcher: FaultMatcher, method: string, path: string, kind: RequestKind): boolean {
  return (
    (matcher.method === undefined || matcher.method.toUpperCase() === method) &&
    (matcher.pathPrefix === undefined || path.startsWith(matcher.pathPrefix)) &&
    (matcher.kind === undefined || matcher.kind === kind)
  );
}

export async function startFakeGitHub(store: FakeStore, options: FakeGitHubOptions = {}): Promise<FakeGitHub> {
  const now = options.now ?? (() => new Date());
  const requests: RecordedRequest[] = [];
  const faults: Fault[] = [];
  const hourFromStart = Math.floor(now().getTime() / 1000) + 3600;
  const graphqlLimit: RateLimitState = {
    limit: options.graphqlPoints ?? 5000,
    remaining: options.graphqlPoints ?? 5000,
    resetAt: new Date(hourFromStart * 1000).toISOString()
  };
  const restLimit = { limit: options.restRequests ?? 5000, remaining: options.restRequests ?? 5000 };
  let baseUrl = '';
  let latencyMs = options.latencyMs ?? 0;
  let maxNodes = options.maxNodes;

  function tooHeavy(body: unknown): boolean {
    const { query, variables } = (body ?? {}) as { query?: unknown; variables?: Record<string, unknown> };
    if (maxNodes === undefined || typeof query !== 'string') return false;
    try {
      return queryNodes(parse(query), variables ?? {}) > maxNodes;
    } catch {
      return false; // not GraphQL: executeGraphql answers with the parse error
    }
  }

  async function respond(
    request: http.IncomingMessage,
    method: string,
    path: string,
    kind: RequestKind,
    body: unknown
  ): Promise<RestResponse> {
    const fault = faults.find((f) => f.remaining > 0 && matches(f.matcher, method, path, kind));
    if (fault) {
      fault.remaining--;
      return fault.response;
    }
    const token = tokenOf(request.headers.authorization);
    const access = token === undefined ? undefined : store.tokens[token];
    if (!access) return { status: 401, body: { message: 'Bad credentials', documentation_url: DOCS } };

    if (kind === 'graphql') {
      graphqlLimit.remaining = Math.max(0, graphqlLimit.remaining - 1);
      const headers = {
        'x-ratelimit-limit': String(graphqlLimit.limit),
        'x-ratelimit-remaining': String(graphqlLimit.remaining),
        'x-ratelimit-reset': String(hourFromStart),
        'x-ratelimit-resource': 'graphql'
      };
      if (method !== 'POST') return { status: 404, body: { message: 'Not Found', documentation_url: DOCS }, headers };
      if (tooHeavy(body)) return { ...FAULTS.graphqlTimeout, headers };
      return {
        status: 200,
        body: await executeGraphql(store, (body ?? {}) as GraphqlRequestBody, graphqlLimit),
        headers
      };
    }

    if (kind === 'rate-limit') {
      // What is left, without spending any of it.
      const core = {
        limit: restLimit.limit,
        remaining: restLimit.remaining,
        used: restLimit.limit - restLimit.remaining,
        reset: hourFromStart
      };
      const graphql = {
        limit: graphqlLimit.limit,
        remaining: graphqlLimit.remaining,
        used: graphqlLimit.limit - graphqlLimit.remaining,
        reset: hourFromStart
      };
      return {
        status: 200,
        body: { resources: { core, graphql }, rate: core },
        headers: {
          'x-ratelimit-limit': String(restLimit.limit),
          'x-ratelimit-remaining': String(restLimit.remaining),
          'x-ratelimit-reset': String(hourFromStart)
        }
      };
    }
    const headers = {
      'x-ratelimit-limit': String(restLimit.limit),
      'x-ratelimit-remaining': String(Math.max(0, restLimit.remaining - 1)),
      'x-ratelimit-used': String(restLimit.limit - restLimit.remaining + 1),
      'x-ratelimit-reset': String(hourFromStart),
      'x-ratelimit-resource': 'core'
    };
    if (restLimit.remaining <= 0)
      return { ...FAULTS.primaryRateLimit(), headers: { ...headers, 'x-ratelimit-remaining': '0' } };
    restLimit.remaining--;
    const url = new URL(path, baseUrl);
    const answer = handleRest(store, {
      method,
      path: url.pathname,
      query: url.searchParams,
      body,
      baseUrl,
      access,
      now: now()
    });
    return { ...answer, headers: { ...headers, ...answer.headers } };
  }

  const server = http.createServer((request, response) => {
    void (async () => {
      const method = (request.method ?? 'GET').toUpperCase();
      const path = request.url ?? '/';
      const kind = kindOf(method, path);
      const body = parseBody(await readBody(request));
      const entry: RecordedRequest = { method, path, kind, body, status: 0 };
      requests.push(entry);
      let answer: RestResponse;
      try {
        answer = await respond(request, method, path, kind, body);
      } catch (error) {
        answer = { status: 500, body: { message: `Fake GitHub failed: ${(error as Error).stack ?? String(error)}` } };
      }
      entry.status = answer.status;
      if (latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, latencyMs));
      const text = answer.body === undefined ? '' : JSON.stringify(answer.body);
      response.writeHead(answer.status, {
        'content-type': 'application/json; charset=utf-8',
        'x-github-request-id': `FAKE:${requests.length}`,
        ...answer.headers
      });
      response.end(text);
    })();
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  baseUrl = `http://127.0.0.1:${port}`;

  return {
    url: baseUrl,
    requests,
    store,
    counts: () => ({
      graphql: requests.filter((r) => r.kind === 'graphql').length,
      restReads: requests.filter((r) => r.kind === 'rest-read').length,
      restWrites: requests.filter((r) => r.kind === 'rest-write').length
    }),
    setLatency: (ms) => {
      latencyMs = ms;
    },
    setMaxNodes: (nodes) => {
      maxNodes = nodes;
    },
    failNext: (matcher, response, times = 1) => {
      faults.push({ matcher, response, remaining: times });
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      })
  };
}
