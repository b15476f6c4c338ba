// GraphQL answers parsed with the plain JSON.parse. Octokit parses every JSON
// answer with json-with-bigint, whose reviver makes V8 allocate a source string
// for every value: about 8 times the answer's size in short-lived garbage, a
// sweep's largest allocation (docs/benchmarks.md). GitHub's GraphQL
// numbers all fit in a double, so nothing needs a BigInt.

import type { Client } from './client.js';

/**
 * The answer's text as Octokit would hand it over: parsed when it is JSON
 * (the text itself when it does not parse), else the text.
 */
async function readBody(body: unknown, contentType: unknown): Promise<unknown> {
  // The fetch may be undici's own (@actions/github's, for proxies): its stream is async-iterable, not the global type.
  const chunks: Uint8Array[] = [];
  if (body) for await (const chunk of body as AsyncIterable<Uint8Array>) chunks.push(chunk);
  const text = Buffer.concat(chunks).toString('utf8');
  if (!/^application\/(scim\+)?json\b/i.test(String(contentType ?? ''))) return text;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/**
 * An Octokit plugin: successful answers to POST /graphql come back parsed
 * with JSON.parse. It must be the first plugin, so that the retry and
 * throttling plugins, which look into `data.errors`, see the parsed answer.
 * Error answers (4xx, 5xx) are left to Octokit.
 */
export function nativeJson(octokit: Pick<Client, 'hook'>): Record<string, never> {
  octokit.hook.wrap('request', async (request, options) => {
    if (!String(options.url).endsWith('/graphql')) return request(options);
    // The hooks inside this one were bound to this very `options` object: it is changed, not replaced.
    options.request = { ...options.request, parseSuccessResponseBody: false };
    const response = await request(options);
    response.data = await readBody(response.data, response.headers['content-type']);
    return response;
  });
  return {};
}
