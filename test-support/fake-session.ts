// The action's own GitHub session (retries, pacing, request counts), pointed
// at a running fake GitHub: for tests that call the readers and the writer
// in-process.
import { createClient } from '../src/github/client.js';
import type { RepoRef } from '../src/github/repo.js';
import type { GitHubSession } from '../src/github/session.js';
import type { FakeGitHub } from './fake-github/index.js';

export function fakeSession(
  fake: FakeGitHub,
  token: string,
  repo: RepoRef = { owner: fake.store.repository.owner, name: fake.store.repository.name },
  timeoutMs?: number
): GitHubSession {
  const counts = { graphql: 0, restReads: 0, restWrites: 0, graphqlCost: 0 };
  const client = createClient(token, counts, { intervalMs: 0, warn: () => undefined, timeoutMs });
  // The default base URL is fixed when @actions/github loads; the fake's port is known only now.
  const defaultBase = client.request.endpoint.DEFAULTS.baseUrl;
  client.hook.before('request', (options) => {
    options.baseUrl = fake.url;
    // paginate() hands on absolute URLs built from the default base.
    if (String(options.url).startsWith(defaultBase))
      options.url = `${fake.url}${String(options.url).slice(defaultBase.length)}`;
  });
  return { client, repo, counts };
}
