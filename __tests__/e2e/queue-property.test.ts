// The queue's stateful property through the bundled action (test-support/queue-property.ts):
// a fixed set of seeds here; `npm run fuzz` runs more (FUZZ_SEEDS=N, FUZZ_STEPS=M).
import { runSeed } from '../../test-support/queue-property.js';

const SEEDS = [1, 2, 3];
const STEPS = 14;

test.each(SEEDS)(
  'seed %i: gate = sweep, at most N admitted, no pre-emption, a settled end',
  async (seed) => {
    const { problems } = await runSeed(seed, STEPS);
    expect(problems).toEqual([]);
  },
  120_000
);
