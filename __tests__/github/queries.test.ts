// Every GraphQL document the action sends must be one GitHub would accept.
import { schema as published } from '@octokit/graphql-schema';
import { buildSchema, parse, validate } from 'graphql';
import {
  ALL_QUERIES,
  nestedPagesQuery,
  NESTED_LISTS,
  searchCountsQuery,
  type NestedListName
} from '../../src/github/queries.js';

// The published SDL repeats a few enterprise fields; GitHub's own server does not mind.
const schema = buildSchema(published.idl, { assumeValidSDL: true });

describe("GraphQL documents against GitHub's published schema", () => {
  it.each(Object.entries(ALL_QUERIES))('%s validates', (_name, document) => {
    expect(validate(schema, parse(document)).map((e) => e.message)).toEqual([]);
  });

  it('a batch of 20 aliased search counts validates', () => {
    const aliases = Array.from({ length: 20 }, (_, i) => `c${i}`);
    expect(validate(schema, parse(searchCountsQuery(aliases)))).toEqual([]);
  });

  it.each(Object.keys(NESTED_LISTS) as NestedListName[])('follow-up pages of %s alone validate', (list) => {
    const document = nestedPagesQuery([1, 2].map((number) => ({ number, list, cursor: 'x' })));
    expect(validate(schema, parse(document)).map((e) => e.message)).toEqual([]);
  });

  it('the check itself rejects a field GitHub does not have', () => {
    const broken = ALL_QUERIES.REPOSITORY_QUERY.replace('nameWithOwner', 'nameWithOwnr');
    expect(validate(schema, parse(broken)).map((e) => e.message)).toEqual([expect.stringContaining('nameWithOwnr')]);
  });
});
