// A token without `issues: read` gets FORBIDDEN for the gate's linked issues
// alone: the rest of the answer is used; any other error is not.
import { GraphqlResponseError } from '@octokit/graphql';
import { dataWithoutIssues } from '../../src/github/issues-forbidden.js';

const data = { repository: { pullRequest: { number: 5, closingIssuesReferences: null } } };
const forbidden = (path: (string | number)[]) => ({
  type: 'FORBIDDEN',
  message: 'Resource not accessible by integration',
  path,
  locations: [{ line: 1, column: 1 }]
});

function answer(errors: object[]): GraphqlResponseError<typeof data> {
  return new GraphqlResponseError({ method: 'POST', url: '/graphql' }, {}, { data, errors } as never);
}

test.each([
  [
    'FORBIDDEN on the linked issues only: the rest of the answer',
    [forbidden(['repository', 'pullRequest', 'closingIssuesReferences'])],
    data
  ],
  [
    'FORBIDDEN on one issue’s open PRs',
    [forbidden(['repository', 'pullRequest', 'closingIssuesReferences', 'nodes', 0, 'closedByPullRequestsReferences'])],
    data
  ],
  [
    'FORBIDDEN elsewhere too: rethrown',
    [
      forbidden(['repository', 'pullRequest', 'closingIssuesReferences']),
      forbidden(['repository', 'defaultBranchRef'])
    ],
    undefined
  ],
  [
    'another error under the issues: rethrown',
    [
      {
        type: 'SERVICE_UNAVAILABLE',
        message: 'timeout',
        path: ['repository', 'pullRequest', 'closingIssuesReferences']
      }
    ],
    undefined
  ]
])('%s', (_name, errors, expected) => {
  expect(dataWithoutIssues(answer(errors))).toEqual(expected);
});

test('an error without data is never taken for an answer', () => {
  expect(dataWithoutIssues(new Error('socket hang up'))).toBeUndefined();
});
