// A run is short and waits on GitHub most of the time; a sweep of a busy
// repository holds its whole queue at once. So V8 is told to spend CPU,
// not memory. With all of them a 10,000-PR dry-run sweep peaked at 109 MB
// against the fake GitHub without latency (113 MB in docs/benchmarks.md);
// the megabytes noted are how much more it took with that flag alone left
// out (README "Decisions where the spec is silent").
import v8 from 'node:v8';

/**
 * V8 flags read each time V8 decides (whether to grow a space, optimize a
 * function, tier up WebAssembly), so setting them at start-up, after the
 * runner started Node, takes effect. Node keeps V8's flags writable for
 * v8.setFlagsFromString.
 */
export const LOW_MEMORY_FLAGS = [
  // The young generation stays at its start size instead of growing to 64 MB (9 MB).
  '--semi-space-growth-factor=1',
  // Smaller heap growth steps and earlier collections (12 MB).
  '--memory-saver-mode',
  // undici's HTTP parser (llhttp, WebAssembly) stays on V8's baseline compiler: its
  // tier-up to TurboFan runs in a compiler thread whose memory the allocator keeps (15 MB).
  '--wasm-tiering-budget=2000000000',
  // No optimizing JavaScript compilers, their code pages and compile memory
  // (TurboFan 13 MB, Maglev 6 MB): the interpreter and the baseline compiler
  // plan 10,000 PRs in about a second.
  '--no-turbofan',
  '--no-maglev'
];

/** The flags are Node 24's V8's (the action's runtime); an older V8 lacks some and would print "unrecognized flag". */
const FIRST_NODE_MAJOR = 24;

/** Applies LOW_MEMORY_FLAGS to this process (on Node 24 and later; the CLI may run on older ones); call once, first thing. */
export function useLowMemorySettings(): void {
  if (Number(process.versions.node.split('.')[0]) < FIRST_NODE_MAJOR) return;
  for (const flag of LOW_MEMORY_FLAGS) v8.setFlagsFromString(flag);
}
