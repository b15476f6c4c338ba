// A sweep builds its picture of the queue (thousands of PRs) in one go, and
// V8 answers objects that live on by growing its young generation, up to
// 64 MB on 64-bit Node: for a sweep of 10,000 PRs that was a third of the
// run's memory (docs/benchmarks.md). A run lasts seconds, so the extra
// scavenges of a young generation that stays at its start size cost little.
import v8 from 'node:v8';

/**
 * Keeps V8's young generation at its start size for the rest of the process.
 * V8 reads the growth factor each time it considers growing the young
 * generation, so setting it after start-up takes effect.
 */
export function keepYoungGenerationSmall(): void {
  v8.setFlagsFromString('--semi-space-growth-factor=1');
}
