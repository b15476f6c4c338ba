// GraphQL answers are parsed with the plain JSON.parse, not Octokit's
// json-with-bigint reviver (which allocates a string per value: a sweep's
// largest garbage), and before the retry and throttling plugins read them.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { jest } from '@jest/globals';
import type { Client } from '../../src/github/client.js';

/** What the server answers next, one per request; every answer is JSON. */
let answers: { body: string; headers?: Record<string, string> }[] = [];
let received = 0;
const server = http.createServer((request, response) => {
  request.resume();
  request.on('end', () => {
    received++;
    const answer = answers.shift() ?? { body: '{"message":"no answer left"}' };
    response.writeHead(200, { 'content-type': 'application/json; charset=utf-8', ...answer.headers });
    response.end(answer.body);
  });
});

let client: Client;
const warnings: string[] = [];
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  // @actions/github takes its base URL from the environment when it first loads.
  process.env.GITHUB_API_URL = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const { createClient } = await import('../../src/github/client.js');
  const counts = { graphql: 0, restReads: 0, restWrites: 0, graphqlCost: 0 };
  client = createClient('a-token', counts, {
    intervalMs: 0,
    warn: (message) => warnings.push(message),
    timeoutMs: 10_000
  });
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  answers = [];
  received = 0;
  warnings.length = 0;
});
afterEach(() => jest.restoreAllMocks());

test('a GraphQL answer is parsed without a reviver, its numbers as numbers', async () => {
  const body = JSON.stringify({ data: { node: { databaseId: 2 ** 40, title: 'Fix #1 — “quotes”' } } });
  answers = [{ body }];
  const parse = jest.spyOn(JSON, 'parse');
  const data = await client.graphql('query { node(id: "x") { ... on Issue { databaseId title } } }');
  expect(data).toEqual({ node: { databaseId: 2 ** 40, title: 'Fix #1 — “quotes”' } });
  const ofAnswer = parse.mock.calls.filter(([text]) => text === body);
  expect(ofAnswer).toEqual([[body]]);
});

test('the retry plugin still sees GitHub’s “something went wrong” error and asks again', async () => {
  answers = [
    { body: JSON.stringify({ errors: [{ message: 'Something went wrong while executing your query.' }] }) },
    { body: JSON.stringify({ data: { viewer: { login: 'octocat' } } }) }
  ];
  await expect(client.graphql('query { viewer { login } }')).resolves.toEqual({ viewer: { login: 'octocat' } });
  expect(received).toBe(2);
});

test('the throttling plugin still sees a RATE_LIMITED answer: one warning, then the answer after the wait', async () => {
  const reset = String(Math.floor(Date.now() / 1000));
  answers = [
    {
      body: JSON.stringify({ errors: [{ type: 'RATE_LIMITED', message: 'API rate limit exceeded' }] }),
      headers: { 'x-ratelimit-reset': reset, 'x-ratelimit-remaining': '0' }
    },
    { body: JSON.stringify({ data: { viewer: { login: 'octocat' } } }) }
  ];
  await expect(client.graphql('query { viewer { login } }')).resolves.toEqual({ viewer: { login: 'octocat' } });
  expect(warnings).toHaveLength(1);
  expect(warnings[0]).toMatch(/^GitHub's rate limit is exhausted \(POST \/graphql\)/);
});

test('an answer that is not JSON is handed over as text, as Octokit does: no data', async () => {
  answers = [{ body: '<html>Unicorn!</html>' }];
  await expect(client.graphql('query { viewer { login } }')).resolves.toBeUndefined();
});
