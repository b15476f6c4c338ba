// The client's timing settings from the environment: write pacing (also the
// unit of retry back-off) and the per-request deadline. Kept apart from
// client.ts so that modules needing only these do not load Octokit.

/**
 * Writes are spaced `intervalMs` apart, as GitHub asks for content-creating
 * requests (1 s by default). Tests and the demo set
 * PR_BACKPRESSURE_WRITE_INTERVAL_MS=0; it is also the unit of retry back-off.
 */
export function writeIntervalFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.PR_BACKPRESSURE_WRITE_INTERVAL_MS;
  const value = raw === undefined || raw === '' ? 1000 : Number(raw);
  return Number.isFinite(value) && value >= 0 ? value : 1000;
}

/**
 * A request with no answer after PR_BACKPRESSURE_REQUEST_TIMEOUT_MS (30 s by
 * default; tests shorten it) is abandoned and retried like a network error.
 */
export function requestTimeoutFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const value = Number(env.PR_BACKPRESSURE_REQUEST_TIMEOUT_MS || 30_000);
  return Number.isFinite(value) && value > 0 ? value : 30_000;
}
