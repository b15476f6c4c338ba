// One connection to one repository: the client every reader and the writer
// use, the repository they are about, and the tally of what they asked.
import { createClient, type Client, type ClientOptions, type RequestCounts } from './client.js';
import type { RepoRef } from './repo.js';

export interface GitHubSession {
  client: Client;
  repo: RepoRef;
  /** Requests and GraphQL points spent so far; readers and the writer add to it. */
  counts: RequestCounts;
}

/** A session for `repo` with a fresh request tally (see createClient for retries, pacing and counting). */
export function openSession(token: string, repo: RepoRef, options: ClientOptions = {}): GitHubSession {
  const counts: RequestCounts = { graphql: 0, restReads: 0, restWrites: 0, graphqlCost: 0 };
  return { client: createClient(token, counts, options), repo, counts };
}
