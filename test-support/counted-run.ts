// One run of the bundled action with the requests it sent to the fake GitHub:
// what the end-to-end tests and the demo assert and print.
import type { FakeGitHub } from './fake-github/index.js';
import { runAction, type ActionRun, type RunActionOptions } from './run-action.js';

export type CountedRun = ActionRun & { graphql: number; restReads: number; restWrites: number };

/** Runs the action (via `options.apiUrl`, which may be a proxy in front of `fake`) and counts this run's requests only. */
export async function runCounted(fake: FakeGitHub, options: RunActionOptions): Promise<CountedRun> {
  const before = fake.counts();
  const result = await runAction(options);
  const after = fake.counts();
  return {
    ...result,
    graphql: after.graphql - before.graphql,
    restReads: after.restReads - before.restReads,
    restWrites: after.restWrites - before.restWrites
  };
}
