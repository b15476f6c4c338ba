import { pullRequestEvent, scheduleEvent } from '../../test-support/events.js';
import { createStore } from '../../test-support/fake-github/store.js';
import { FAULTS } from '../../test-support/fake-github/index.js';
import { openPullRequests } from './harness.js';
import { faultSession, type FaultRun } from './fault-session.js';

function show(name: string, r: FaultRun) {
  console.log(name, JSON.stringify({ exit: r.exitCode, errors: r.errors, warnings: r.warnings, writes: r.writes, graphql: r.graphql, reads: r.restReads, stderr: r.stderr.slice(0, 800), outputs: Object.keys(r.outputs) }, null, 1));
}
const inputs = { 'wip-limit': '5' };
test.each([
  ['502x2 graphql', (s: any) => s.fake.failNext({ kind: 'graphql' }, FAULTS.badGateway, 2)],
  ['502x10 graphql', (s: any) => s.fake.failNext({ kind: 'graphql' }, FAULTS.badGateway, 10)],
  ['503x10 writes', (s: any) => s.fake.failNext({ kind: 'rest-write' }, { status: 503, body: { message: 'Service Unavailable' } }, 100)],
  ['secondary x1 writes', (s: any) => s.fake.failNext({ kind: 'rest-write' }, FAULTS.secondaryRateLimit, 1)],
  ['secondary x5 writes', (s: any) => s.fake.failNext({ kind: 'rest-write' }, FAULTS.secondaryRateLimit, 5)],
  ['secondary graphql', (s: any) => s.fake.failNext({ kind: 'graphql' }, FAULTS.secondaryRateLimit, 1)],
  ['429 writes x1', (s: any) => s.fake.failNext({ kind: 'rest-write' }, { status: 429, headers: { 'retry-after': '1' }, body: { message: 'Too Many Requests' } }, 1)],
  ['429 graphql x10', (s: any) => s.fake.failNext({ kind: 'graphql' }, { status: 429, headers: { 'retry-after': '1' }, body: { message: 'Too Many Requests' } }, 10)],
  ['primary graphql', (s: any) => s.fake.failNext({ kind: 'graphql' }, FAULTS.primaryRateLimit(), 1)],
  ['primary write after 3', (s: any) => s.fake.failNext({ kind: 'rest-write' }, FAULTS.primaryRateLimit(), 100)],
  ['reset graphql x1', (s: any) => s.interfere({ kind: 'graphql', times: 1, act: 'reset' })],
  ['reset graphql x10', (s: any) => s.interfere({ kind: 'graphql', times: 10, act: 'reset' })],
  ['partial', (s: any) => s.interfere({ kind: 'graphql', times: 10, act: (b: any) => ({ ...b, errors: [{ type: 'SERVICE_UNAVAILABLE', message: 'timedout', path: ['repository'] }] }) })],
])('%s', async (name, setup) => {
  const s = await faultSession(createStore({ pullRequests: openPullRequests(10) }));
  setup(s);
  show(name, await s.run({ eventName: 'schedule', event: scheduleEvent(), inputs }));
  await s.close();
});
test('401', async () => {
  const s = await faultSession(createStore({ pullRequests: openPullRequests(10) }));
  show('401', await s.run({ eventName: 'schedule', event: scheduleEvent(), inputs, token: 'ghs_secret' }));
  show('404', await s.run({ eventName: 'schedule', event: scheduleEvent(), inputs, repository: 'acme/nope' }));
  show('404 gate', await s.run({ eventName: 'pull_request', event: pullRequestEvent(s.store, 3), inputs, repository: 'acme/nope' }));
  show('restRequests', await s.run({ eventName: 'schedule', event: scheduleEvent(), inputs }));
  await s.close();
});
test('limits', async () => {
  const s = await faultSession(createStore({ pullRequests: openPullRequests(10) }), { restRequests: 105, graphqlPoints: 3 });
  show('limits', await s.run({ eventName: 'schedule', event: scheduleEvent(), inputs }));
  show('limits2', await s.run({ eventName: 'schedule', event: scheduleEvent(), inputs }));
  await s.close();
});
