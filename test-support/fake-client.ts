// The action's own Octokit (retries, pacing, request counts), pointed at a
// running fake GitHub: for tests that call the reader and writer in-process.
import { createClient, type Client, type RequestCounts } from '../src/github/client.js';
import type { FakeGitHub } from './fake-github/index.js';

export function fakeClient(
  fake: FakeGitHub,
  token: string,
  counts: RequestCounts = { graphql: 0, restReads: 0, restWrites: 0, graphqlCost: 0 }
): Client {
  const client = createClient(token, counts, 0, () => undefined);
  // The default base URL is fixed when @actions/github loads; the fake's port is known only now.
  const defaultBase = client.request.endpoint.DEFAULTS.baseUrl;
  client.hook.before('request', (options) => {
    options.baseUrl = fake.url;
    // paginate() hands on absolute URLs built from the default base.
    if (String(options.url).startsWith(defaultBase))
      options.url = `${fake.url}${String(options.url).slice(defaultBase.length)}`;
  });
  return client;
}
