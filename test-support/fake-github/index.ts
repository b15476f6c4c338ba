// The fake GitHub API: one import for tests, the demo and benchmarks.
export { startFakeGitHub, FAULTS } from './server.js';
export type {
  FakeGitHub,
  FakeGitHubOptions,
  FaultMatcher,
  FaultResponse,
  RecordedRequest,
  RequestCountsByKind,
  RequestKind
} from './server.js';
export { executeGraphql, githubSchema } from './graphql.js';
export { countSearch, parseSearch, searchPullRequests } from './search.js';
export {
  createStore,
  fakeSha,
  findPullRequest,
  latestStatuses,
  makeIssue,
  makePullRequest,
  READ_TOKEN,
  TOKEN_BOT,
  TOKEN_BOT_REST_LOGIN,
  WRITE_TOKEN
} from './store.js';
export type {
  ActorType,
  Association,
  FakeComment,
  FakeIssue,
  FakeLabel,
  FakePullRequest,
  FakeRepository,
  FakeReview,
  FakeStatus,
  FakeStore,
  FakeTimelineEvent,
  Mergeable,
  PullRequestState,
  ReviewState,
  StatusState,
  TokenAccess
} from './store.js';
