// Issue-search counts with the qualifiers the action writes, answered through
// the action's own aliased search document.
import { searchCountsQuery } from '../../src/github/queries.js';
import {
  createStore,
  makePullRequest,
  parseSearch,
  startFakeGitHub,
  WRITE_TOKEN,
  type FakeGitHub
} from '../../test-support/fake-github/index.js';

const at = (day: number, hour = 0) => new Date(Date.UTC(2025, 0, day, hour)).toISOString().replace('.000Z', 'Z');

const store = createStore({
  repository: { owner: 'acme', name: 'widgets' },
  pullRequests: [
    makePullRequest({ number: 1, createdAt: at(1), author: 'alice' }),
    makePullRequest({ number: 2, createdAt: at(2), author: 'alice', labels: ['priority'] }),
    makePullRequest({
      number: 3,
      createdAt: at(3),
      author: 'dependabot[bot]',
      authorType: 'Bot',
      labels: ['dependencies']
    }),
    makePullRequest({ number: 4, createdAt: at(4), author: 'bob', isDraft: true }),
    makePullRequest({ number: 5, createdAt: at(5), author: 'bob', baseRefName: 'gh-pages' }),
    makePullRequest({
      number: 6,
      createdAt: at(6),
      author: 'carol',
      labels: ['needs review', 'backpressure: waiting']
    }),
    makePullRequest({
      number: 7,
      createdAt: at(7),
      author: 'alice',
      state: 'MERGED',
      mergedAt: at(8),
      closedAt: at(8)
    }),
    makePullRequest({
      number: 8,
      createdAt: at(8),
      author: 'bob',
      state: 'MERGED',
      mergedAt: at(15),
      closedAt: at(15)
    }),
    makePullRequest({ number: 9, createdAt: at(9), author: 'bob', state: 'CLOSED', closedAt: at(10) })
  ]
});

const repo = 'repo:acme/widgets is:pr';
const queue = `${repo} is:open draft:false base:main`;

describe('fake GitHub issue search', () => {
  let fake: FakeGitHub;
  beforeAll(async () => {
    fake = await startFakeGitHub(store);
  });
  afterAll(() => fake.close());

  async function count(searches: string[]): Promise<{ counts: number[]; errors?: { message: string }[] }> {
    const aliases = searches.map((_, i) => `c${i}`);
    const response = await fetch(`${fake.url}/graphql`, {
      method: 'POST',
      headers: { authorization: `token ${WRITE_TOKEN}` },
      body: JSON.stringify({
        query: searchCountsQuery(aliases),
        variables: Object.fromEntries(searches.map((q, i) => [`q${i}`, q]))
      })
    });
    const answer = (await response.json()) as {
      data?: Record<string, { issueCount: number } | null>;
      errors?: { message: string }[];
    };
    return { counts: aliases.map((a) => answer.data?.[a]?.issueCount ?? -1), errors: answer.errors };
  }

  const cases: [string, string, number][] = [
    ['all PRs of the repository', repo, 9],
    ['another repository', 'repo:acme/other is:pr', 0],
    ['open ones', `${repo} is:open`, 6],
    ['the queue: not drafts, on main', queue, 4],
    ['drafts', `${repo} is:open draft:true`, 1],
    ['any of two labels', `${repo} label:priority,dependencies`, 2],
    ['a quoted label with a space', `${repo} label:"needs review"`, 1],
    ['without a quoted label', `${queue} -label:"backpressure: waiting"`, 3],
    ['without two labels', `${queue} -label:priority -label:dependencies`, 2],
    ['a bot author as app/name', `${repo} author:app/dependabot`, 1],
    ['without a bot author', `${queue} -author:app/dependabot`, 3],
    ['a human author', `${repo} author:alice`, 3],
    ['created before a time (exclusive)', `${queue} created:<${at(3)}`, 2],
    ['created in a range (inclusive)', `${repo} created:${at(2)}..${at(4)}`, 3],
    ['created in a range of dates', `${repo} created:2025-01-02..2025-01-04`, 3],
    ['merged', `${repo} is:merged`, 2],
    ['merged in a range', `${repo} is:merged merged:${at(7)}..${at(9)}`, 1],
    ['merged since a date', `${repo} merged:>=2025-01-10`, 1]
  ];

  test.each(cases)('%s', async (_name, search, expected) => {
    const { counts, errors } = await count([search]);
    expect(errors).toBeUndefined();
    expect(counts).toEqual([expected]);
  });

  test('many aliased counts in one request cost one GraphQL request', async () => {
    const before = fake.counts().graphql;
    const { counts } = await count(cases.map(([, search]) => search));
    expect(counts).toEqual(cases.map(([, , expected]) => expected));
    expect(fake.counts().graphql - before).toBe(1);
  });

  test.each([
    ['an unknown qualifier', `${repo} sort:created-asc`, 'unknown qualifier "sort:"'],
    ['free text', `${repo} hello`, 'free text "hello"'],
    ['an unreadable date', `${repo} created:<yesterday`, 'cannot read the date']
  ])('%s is an error so a test notices', async (_name, search, message) => {
    const { errors } = await count([search]);
    expect(errors).toEqual([expect.objectContaining({ message: expect.stringContaining(message) })]);
  });

  test('qualifier values split on commas outside quotes', () => {
    expect(parseSearch('-label:"a, b",c author:app/renovate')).toEqual([
      { negated: true, key: 'label', values: ['a, b', 'c'], raw: '-label:"a, b",c' },
      { negated: false, key: 'author', values: ['app/renovate'], raw: 'author:app/renovate' }
    ]);
  });
});
