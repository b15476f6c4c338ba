// The stateful property of the queue, run through the bundled action: a
// generated repository and a random sequence of GitHub events (open, close,
// merge, draft and ready, a push with other files, exempt and priority
// labels, a retarget, a review), each one made in the fake GitHub and sent to
// `dist/index.js` as GitHub would trigger it. After every run: the judged
// PR's decision equals a dry-run sweep's at that moment; at most `wip-limit`
// PRs show Admitted, and at most `max-open` per area; no PR that showed
// Admitted turns waiting unless the event was its own. At the end a sweep
// leaves a second sweep nothing to write. `__tests__/e2e/queue-property.test.ts`
// runs a fixed set of seeds; `npm run fuzz` runs more.
import { DEFAULT_CONFIG_PATH } from '../src/config/load.js';
import { readAndPlanQueue } from '../src/app/planned.js';
import type { Decision } from '../src/core/types.js';
import { closedEvent, pullRequestEvent, pullRequestReviewEvent, scheduleEvent, labelEvent } from './events.js';
import { startFakeGitHub, type FakeGitHub } from './fake-github/index.js';
import {
  createStore,
  latestStatuses,
  makePullRequest,
  WRITE_TOKEN,
  type FakePullRequest,
  type FakeStore
} from './fake-github/store.js';
import { runCounted, type CountedRun } from './counted-run.js';
import { fakeSession } from './fake-session.js';
import { prng } from './generate.js';

const FILES = [['src/x.ts'], ['docs/a.md'], ['src/api/y.ts'], ['docs/b.md', 'src/api/z.ts'], ['src/api/q.ts']];
const AUTHORS = ['ann', 'bob', 'cy', 'dee', 'eve'];
const REVIEWERS = ['rita', 'sam', 'tom'];
const AREAS = [
  { name: 'docs', prefix: 'docs/' },
  { name: 'api', prefix: 'src/api/' }
];

/** A configuration drawn by the seed: the limit, and maybe area rules, a per-author cap, a size cap. */
export interface Drawn {
  inputs: Record<string, string>;
  file: string;
  wipLimit: number;
  maxOpen: Record<string, number>;
}

function draw(next: () => number): Drawn {
  const wipLimit = 1 + Math.floor(next() * 4);
  const inputs: Record<string, string> = {
    'wip-limit': String(wipLimit),
    'priority-labels': 'urgent',
    'exempt-labels': 'hold',
    'base-branches': 'main',
    // Every status write shows the decision; labels and comments are what feedback adds.
    'on-waiting': next() < 0.5 ? 'fail' : 'fail,label,comment',
    'max-writes-per-run': '1000'
  };
  if (next() < 0.4) inputs['max-open-per-author'] = '2';
  if (next() < 0.3) inputs['max-changed-lines'] = '500';
  if (next() < 0.35) inputs['max-review-requests'] = String(1 + Math.floor(next() * 2));
  const maxOpen: Record<string, number> = {};
  let file = '';
  if (next() < 0.5) {
    const rules = AREAS.map((area) => {
      maxOpen[area.name] = 1 + Math.floor(next() * 2);
      return `  - name: ${area.name}\n    match: { paths: ["${area.prefix}**"] }\n    max-open: ${maxOpen[area.name]}\n`;
    });
    file = `rules:\n${rules.join('')}`;
  }
  return { inputs, file, wipLimit, maxOpen };
}

/** One event made in the store: what GitHub sends for it, and the PR it is about. */
interface Happened {
  number: number;
  eventName: string;
  event: object;
  what: string;
}

function secondOf(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

class World {
  readonly log: string[] = [];
  private nextNumber: number;

  constructor(
    readonly store: FakeStore,
    private readonly next: () => number
  ) {
    this.nextNumber = store.pullRequests.length + 1;
  }

  private pick<T>(values: readonly T[]): T {
    return values[Math.floor(this.next() * values.length)];
  }

  private open(): FakePullRequest[] {
    return this.store.pullRequests.filter((p) => p.state === 'OPEN');
  }

  /** A random event, made in the store. */
  event(): Happened {
    const open = this.open();
    const roll = this.next();
    if (roll < 0.25 || open.length === 0) return this.opened(open);
    const pr = this.pick(open);
    const on = (action: string, what: string): Happened => ({
      number: pr.number,
      eventName: 'pull_request',
      event: pullRequestEvent(this.store, pr.number, action),
      what: `${what} #${pr.number}`
    });
    if (roll < 0.4) {
      const merged = this.next() < 0.5;
      Object.assign(pr, {
        state: merged ? 'MERGED' : 'CLOSED',
        closedAt: new Date().toISOString(),
        mergedAt: merged ? new Date().toISOString() : null
      });
      return {
        number: pr.number,
        eventName: 'pull_request',
        event: closedEvent(this.store, pr.number),
        what: `${merged ? 'merge' : 'close'} #${pr.number}`
      };
    }
    if (roll < 0.5) {
      pr.isDraft = !pr.isDraft;
      return on(pr.isDraft ? 'converted_to_draft' : 'ready_for_review', pr.isDraft ? 'draft' : 'ready');
    }
    if (roll < 0.62) {
      pr.files = this.pick(FILES);
      pr.changedFiles = pr.files.length;
      pr.additions = this.next() < 0.15 ? 900 : 20;
      pr.headSha = fakeHead(pr.number, this.log.length);
      pr.lastCommittedAt = new Date().toISOString();
      return on('synchronize', 'push');
    }
    if (roll < 0.72 || roll < 0.82) {
      const label = roll < 0.72 ? 'hold' : 'urgent';
      const has = pr.labels.includes(label);
      pr.labels = has ? pr.labels.filter((l) => l !== label) : [...pr.labels, label];
      const action = has ? 'unlabeled' : 'labeled';
      return {
        number: pr.number,
        eventName: 'pull_request',
        event: labelEvent(this.store, pr.number, label, action, 'maintainer'),
        what: `${action} ${label} #${pr.number}`
      };
    }
    if (roll < 0.9) {
      pr.baseRefName = pr.baseRefName === 'main' ? 'release' : 'main';
      return on('edited', `retarget to ${pr.baseRefName}`);
    }
    return this.review(pr);
  }

  /** A review request (as CODEOWNERS or a maintainer makes it), or a review given, which ends its request. */
  private review(pr: FakePullRequest): Happened {
    const requested = pr.reviewRequests ?? (pr.reviewRequests = []);
    if (requested.length === 0 || this.next() < 0.4) {
      const reviewer = this.pick(REVIEWERS.filter((r) => !requested.includes(r)));
      if (reviewer) {
        requested.push(reviewer);
        const event = pullRequestEvent(this.store, pr.number, 'review_requested', 'maintainer');
        return {
          number: pr.number,
          eventName: 'pull_request',
          event: { ...event, requested_reviewer: { login: reviewer, type: 'User' } },
          what: `request ${reviewer} #${pr.number}`
        };
      }
    }
    const reviewer = this.pick(requested);
    pr.reviewRequests = requested.filter((r) => r !== reviewer);
    pr.reviews.push({
      state: 'APPROVED',
      author: reviewer,
      association: 'MEMBER',
      submittedAt: new Date().toISOString()
    });
    return {
      number: pr.number,
      eventName: 'pull_request_review',
      event: pullRequestReviewEvent(this.store, pr.number, { reviewer, state: 'approved' }),
      what: `review by ${reviewer} #${pr.number}`
    };
  }

  private opened(open: FakePullRequest[]): Happened {
    const number = this.nextNumber++;
    const last = open[open.length - 1];
    // A quarter of them in the same second as the last one: a tie, which goes by number.
    const createdAt = last && this.next() < 0.25 ? last.createdAt : secondOf(Date.now());
    const pr = makePullRequest({
      number,
      createdAt,
      author: this.pick(AUTHORS),
      files: this.pick(FILES),
      isDraft: this.next() < 0.15,
      labels: this.next() < 0.1 ? ['urgent'] : [],
      additions: this.next() < 0.1 ? 900 : 20,
      reviewRequests: this.next() < 0.5 ? [this.pick(REVIEWERS)] : []
    });
    pr.changedFiles = pr.files.length;
    this.store.pullRequests.push(pr);
    return {
      number,
      eventName: 'pull_request',
      event: pullRequestEvent(this.store, number, 'opened'),
      what: `open #${number}${last && createdAt === last.createdAt ? ' (same second)' : ''}`
    };
  }
}

function fakeHead(number: number, salt: number): string {
  return `${number.toString(16).padStart(8, '0')}${salt.toString(16).padStart(32, '0')}`.slice(0, 40);
}

/** What a PR shows: its `backpressure` status. */
function shown(store: FakeStore, pr: FakePullRequest): string {
  return latestStatuses(store, pr.headSha).find((s) => s.context === 'backpressure')?.description ?? '';
}

/** One seed's run: the problems found (none when the properties hold), with the events that led there. */
export async function runSeed(seed: number, steps: number): Promise<{ problems: string[]; runs: number }> {
  const next = prng(seed);
  const drawn = draw(next);
  const start = Date.now() - 6 * 3_600_000;
  const initial = Array.from({ length: 3 + Math.floor(next() * 6) }, (_, i) => {
    // Some created in the same second as the one before: ties that search counts cannot order.
    const at = start + (i > 0 && next() < 0.3 ? i - 1 : i) * 60_000;
    const pr = makePullRequest({
      number: i + 1,
      createdAt: secondOf(at),
      author: AUTHORS[Math.floor(next() * AUTHORS.length)],
      files: FILES[Math.floor(next() * FILES.length)]
    });
    pr.changedFiles = pr.files.length;
    return pr;
  });
  const store = createStore({
    pullRequests: initial,
    repository: drawn.file ? { files: { '.github/backpressure.yml': drawn.file } } : {}
  });
  const fake = await startFakeGitHub(store);
  const world = new World(store, next);
  const repository = `${store.repository.owner}/${store.repository.name}`;
  let runs = 0;
  const run = async (eventName: string, event: object): Promise<CountedRun> => {
    runs++;
    return runCounted(fake, {
      apiUrl: fake.url,
      token: WRITE_TOKEN,
      eventName,
      event,
      inputs: drawn.inputs,
      repository
    });
  };
  const problems: string[] = [];
  const fail = (text: string) =>
    problems.push(`seed ${seed}: ${text}\nconfig: ${JSON.stringify(drawn)}\nevents:\n${world.log.join('\n')}`);
  try {
    const install = await run('schedule', scheduleEvent());
    if (install.exitCode !== 0) fail(`the first sweep failed: ${install.errors.join('; ')}`);
    for (let step = 0; step < steps && problems.length === 0; step++) {
      const before = new Set(
        store.pullRequests
          .filter((p) => p.state === 'OPEN' && shown(store, p).startsWith('Admitted'))
          .map((p) => p.number)
      );
      const happened = world.event();
      world.log.push(happened.what);
      const result = await run(happened.eventName, happened.event);
      if (result.errors.length > 0 && result.outputs.result !== 'waiting' && result.outputs.result !== 'violation')
        fail(`step ${step}: the run failed: ${result.errors.join('; ')}`);
      await checkStep(fake, drawn, happened, result, before, fail);
    }
    if (problems.length === 0) {
      await run('schedule', scheduleEvent());
      const again = await run('schedule', scheduleEvent());
      if (again.restWrites !== 0) fail(`a sweep after a sweep wrote ${again.restWrites} times`);
    }
  } finally {
    await fake.close();
  }
  return { problems, runs };
}

async function checkStep(
  fake: FakeGitHub,
  drawn: Drawn,
  happened: Happened,
  result: CountedRun,
  before: Set<number>,
  fail: (text: string) => void
): Promise<void> {
  const { store } = fake;
  // A dry-run sweep at this moment, in-process through the same readers and core.
  const session = fakeSession(fake, WRITE_TOKEN);
  const sweep = await readAndPlanQueue(session, { ...drawn.inputs, 'dry-run': 'true' }, { mode: 'sweep' }, new Date(), {
    configPath: DEFAULT_CONFIG_PATH
  });
  const truth = sweep.plan.decisions.find((d: Decision) => d.number === happened.number);
  const judged = happened.eventName !== 'pull_request' || !happened.what.match(/^(close|merge) /);
  if (judged && result.outputs.result !== undefined && result.outputs.result !== 'skipped') {
    const mine = `${result.outputs.result} @${result.outputs.position ?? ''}`;
    const expected = truth ? `${truth.state} @${truth.position ?? ''}` : 'not open';
    if (mine !== expected) fail(`after "${happened.what}" the gate said ${mine}, a sweep says ${expected}`);
  }
  const open = store.pullRequests.filter((p) => p.state === 'OPEN');
  const admitted = open.filter((p) => shown(store, p).startsWith('Admitted'));
  if (admitted.length > drawn.wipLimit)
    fail(
      `after "${happened.what}" ${admitted.length} PRs show Admitted under a limit of ${drawn.wipLimit}: ` +
        admitted.map((p) => `#${p.number}`).join(', ')
    );
  for (const area of AREAS) {
    const max = drawn.maxOpen[area.name];
    if (max === undefined) continue;
    const inArea = admitted.filter((p) => p.files.some((f) => f.startsWith(area.prefix)));
    if (inArea.length > max)
      fail(`after "${happened.what}" ${inArea.length} PRs show Admitted in area ${area.name} (max-open ${max})`);
  }
  for (const number of before) {
    const pr = open.find((p) => p.number === number);
    if (pr && number !== happened.number && shown(store, pr).startsWith('Waiting'))
      fail(`after "${happened.what}" #${number} showed Admitted and now shows "${shown(store, pr)}"`);
  }
}
