// A stand-in for the throttling plugin's Bottleneck groups: spaces the start
// of scheduled jobs at least `intervalMs` apart, so the pacing can be turned
// down in tests and the demo while real runs keep GitHub's 1 s.
type Job = (...args: unknown[]) => unknown;

/**
 * A Bottleneck-like group for @octokit/plugin-throttling: `key().schedule(job)` runs jobs one at a
 * time, at least `intervalMs` milliseconds apart (writes about 1 s apart on GitHub).
 */
export function pacer(intervalMs: number) {
  let nextStart = 0;
  const limiter = {
    async schedule(first: unknown, ...rest: unknown[]): Promise<unknown> {
      // Bottleneck's signature: schedule([options], fn, ...args)
      const [job, ...args] = (typeof first === 'function' ? [first, ...rest] : rest) as [Job, ...unknown[]];
      const now = Date.now();
      const start = Math.max(now, nextStart);
      nextStart = start + intervalMs;
      if (start > now) await new Promise((resolve) => setTimeout(resolve, start - now));
      return job(...args);
    }
  };
  return { key: () => limiter };
}
