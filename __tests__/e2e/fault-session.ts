// A fake GitHub behind a misbehaving network: the fake's own faults
// (`failNext`, rate limits) plus what only a proxy can do (hang, drop the
// connection, doctor a GraphQL answer), and a run of the bundled action with
// any environment, repository and token.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  startFakeGitHub,
  type FakeGitHub,
  type FakeGitHubOptions,
  type FaultResponse,
  type RequestKind
} from '../../test-support/fake-github/index.js';
import { runCounted, type CountedRun } from '../../test-support/counted-run.js';
import { WRITE_TOKEN, type FakeStore } from '../../test-support/fake-github/store.js';

export type Misbehaviour =
  | 'hang' // never answer: the client's timeout must end it
  | 'reset' // drop the connection before any answer
  | { rewrite: (body: unknown) => unknown } // pass the request on, doctor the fake's JSON answer
  | { respond: FaultResponse; applied?: boolean } // answer this instead, after passing the request on when `applied`
  | { page: { status: number; contentType: string; text: string } }; // answer a body that is not JSON (a proxy's error page)

export interface Interference {
  kind?: RequestKind;
  method?: string;
  path?: RegExp;
  /** Matching requests let through untouched before the misbehaviour starts. */
  skip?: number;
  times: number;
  act: Misbehaviour;
}

/** `sent`: requests as they left the action, the ones the proxy answered itself included. */
export type FaultRun = CountedRun & { writes: number; sent: { graphql: number } };

export interface FaultSession {
  fake: FakeGitHub;
  store: FakeStore;
  /** The next `times` requests that match `interference` misbehave. */
  interfere(interference: Interference): void;
  /** The interferences still pending; empty it to end them. */
  interferences: Interference[];
  run(options: {
    eventName: string;
    event: object;
    inputs?: Record<string, string>;
    token?: string;
    env?: Record<string, string>;
    repository?: string;
  }): Promise<FaultRun>;
  close(): Promise<void>;
}

function kindOf(method: string, path: string): RequestKind {
  if (path.startsWith('/graphql')) return 'graphql';
  return method === 'GET' || method === 'HEAD' ? 'rest-read' : 'rest-write';
}

async function readBody(request: http.IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function send(response: http.ServerResponse, status: number, headers: Record<string, string>, body: unknown): void {
  response.writeHead(status, { ...headers, 'content-type': 'application/json; charset=utf-8' });
  response.end(body === undefined ? '' : JSON.stringify(body));
}

const HOP_HEADERS = new Set(['connection', 'content-length', 'transfer-encoding', 'keep-alive', 'host']);

export async function faultSession(store: FakeStore, options: FakeGitHubOptions = {}): Promise<FaultSession> {
  const fake = await startFakeGitHub(store, options);
  const interferences: Interference[] = [];
  let graphqlSent = 0;

  const proxy = http.createServer((request, response) => {
    void (async () => {
      const method = (request.method ?? 'GET').toUpperCase();
      const path = request.url ?? '/';
      const body = await readBody(request);
      const kind = kindOf(method, path);
      if (kind === 'graphql') graphqlSent++;
      const interference = interferences.find(
        (i) =>
          i.times > 0 &&
          (i.kind === undefined || i.kind === kind) &&
          (i.method === undefined || i.method.toUpperCase() === method) &&
          (i.path === undefined || i.path.test(path))
      );
      const act = interference && (interference.skip ?? 0) > 0 ? undefined : interference?.act;
      if (interference && act === undefined) interference.skip = (interference.skip ?? 0) - 1;
      else if (interference) interference.times--;
      if (act === 'hang') return;
      if (act === 'reset') {
        request.socket.destroy();
        return;
      }
      if (act && 'page' in act) {
        response.writeHead(act.page.status, { 'content-type': act.page.contentType });
        response.end(act.page.text);
        return;
      }
      if (act && 'respond' in act && !act.applied)
        return send(response, act.respond.status, act.respond.headers ?? {}, act.respond.body);
      const headers = Object.fromEntries(
        Object.entries(request.headers).filter(([name]) => !HOP_HEADERS.has(name))
      ) as Record<string, string>;
      const answer = await fetch(`${fake.url}${path}`, {
        method,
        headers,
        body: body.length > 0 ? new Uint8Array(body) : undefined
      });
      const text = await answer.text();
      const answerHeaders: Record<string, string> = {};
      answer.headers.forEach((value, name) => {
        if (!HOP_HEADERS.has(name) && name !== 'content-encoding') answerHeaders[name] = value;
      });
      if (act && 'respond' in act)
        return send(response, act.respond.status, act.respond.headers ?? {}, act.respond.body);
      if (act && 'rewrite' in act) return send(response, answer.status, answerHeaders, act.rewrite(JSON.parse(text)));
      response.writeHead(answer.status, answerHeaders);
      response.end(text);
    })();
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;

  return {
    fake,
    store,
    interfere: (interference) => void interferences.push(interference),
    interferences,
    async run({
      eventName,
      event,
      inputs = {},
      token = WRITE_TOKEN,
      env = {},
      repository = `${store.repository.owner}/${store.repository.name}`
    }) {
      const before = graphqlSent;
      const result = await runCounted(fake, { apiUrl: url, token, eventName, event, inputs, repository, env });
      return { ...result, writes: result.restWrites, sent: { graphql: graphqlSent - before } };
    },
    async close() {
      proxy.closeAllConnections();
      await new Promise<void>((resolve) => proxy.close(() => resolve()));
      await fake.close();
    }
  };
}
