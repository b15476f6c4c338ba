// More seeds of the queue's stateful property through the bundled action
// (test-support/queue-property.ts) than the test suite runs:
// `npm run fuzz` (FUZZ_SEEDS=50 FUZZ_STEPS=20 FUZZ_FROM=100 to choose). Run `npm run build` first.
import { runSeed } from '../test-support/queue-property.js';

const seeds = Number(process.env.FUZZ_SEEDS ?? 30);
const steps = Number(process.env.FUZZ_STEPS ?? 20);
const from = Number(process.env.FUZZ_FROM ?? 100);
let failed = 0;
let runs = 0;
for (let seed = from; seed < from + seeds; seed++) {
  const result = await runSeed(seed, steps);
  runs += result.runs;
  if (result.problems.length > 0) {
    failed++;
    console.log(result.problems.join('\n\n'));
  } else console.log(`seed ${seed}: ok (${result.runs} runs of the action)`);
}
console.log(`${seeds - failed} of ${seeds} seeds held, ${runs} runs of the bundled action.`);
process.exitCode = failed > 0 ? 1 : 0;
