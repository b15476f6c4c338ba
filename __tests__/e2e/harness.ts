// One end-to-end run: a fake GitHub holding `store`, the bundled action run
// as the Actions runner runs it, and what a user would look at afterwards.
import { scheduleEvent } from '../../test-support/events.js';
import { startFakeGitHub, type FakeGitHubOptions } from '../../test-support/fake-github/index.js';
import { runCounted, type CountedRun } from '../../test-support/counted-run.js';
import {
  latestStatuses,
  makePullRequest,
  WRITE_TOKEN,
  type FakePullRequest,
  type FakeStatus,
  type FakeStore
} from '../../test-support/fake-github/store.js';

const HOUR_MS = 3_600_000;

/** PRs 1..count, opened an hour apart (1 is the oldest), ending an hour ago. */
export function openPullRequests(
  count: number,
  fields: (n: number) => Partial<FakePullRequest> = () => ({})
): FakePullRequest[] {
  const start = Date.now() - (count + 1) * HOUR_MS;
  return Array.from({ length: count }, (_, i) => {
    const number = i + 1;
    return makePullRequest({
      number,
      createdAt: new Date(start + number * HOUR_MS).toISOString(),
      author: `author${number}`,
      ...fields(number)
    });
  });
}

/** A counted run; `writes` are its REST write requests. */
export type Run = CountedRun & { writes: number };

export interface Session {
  store: FakeStore;
  url: string;
  /** Runs the action once; counts are this run's requests only. */
  run(options: { eventName: string; event: object; inputs?: Record<string, string>; token?: string }): Promise<Run>;
  status(number: number, context?: string): FakeStatus | undefined;
  close(): Promise<void>;
}

export async function session(store: FakeStore, options: FakeGitHubOptions = {}): Promise<Session> {
  const fake = await startFakeGitHub(store, options);
  const repository = `${store.repository.owner}/${store.repository.name}`;
  return {
    store,
    url: fake.url,
    async run({ eventName, event, inputs = {}, token = WRITE_TOKEN }) {
      const result = await runCounted(fake, { apiUrl: fake.url, token, eventName, event, inputs, repository });
      return { ...result, writes: result.restWrites };
    },
    status(number, context = 'backpressure') {
      const pr = store.pullRequests.find((p) => p.number === number);
      return pr && latestStatuses(store, pr.headSha).find((s) => s.context === context);
    },
    close: () => fake.close()
  };
}

/**
 * The action installed before the store's PRs were opened: a sweep with
 * `inputs` over the repository as it was then (no open PRs) creates
 * admitted-label with the stamp of this configuration, so the gates that
 * follow, each PR's first run, count in two reads (README "How the queue
 * works"). Without it every gate of a fresh repository reads the whole queue.
 */
export async function installed(github: Session, inputs: Record<string, string> = {}): Promise<void> {
  const opened = github.store.pullRequests;
  github.store.pullRequests = opened.filter((p) => p.state !== 'OPEN');
  try {
    const sweep = await github.run({ eventName: 'schedule', event: scheduleEvent(), inputs });
    if (sweep.exitCode !== 0) throw new Error(`the install sweep failed: ${sweep.errors.join('; ')}`);
  } finally {
    github.store.pullRequests = opened;
  }
}
