// A stateful property test of the admission model in the core (the bundled
// action gets its own, fewer runs, in __tests__/e2e/queue-property.test.ts):
// random repositories and random sequences of GitHub events, each run the
// way the action runs it (a gate counting by labels, a whole-queue gate, an
// advance on a close), with its writes applied to the repository. After every
// event: the judged PR's decision equals a dry-run sweep's; at most
// `wip-limit` PRs show Admitted, and at most `max-open` per area; no PR that
// showed Admitted turns waiting unless the event was its own. At the end a
// sweep leaves a second sweep nothing to write. Failures print the seed.
import type { Config } from '../../src/config/types.js';
import { isAreaRule } from '../../src/core/seat-groups.js';
import { planGateFromCounts } from '../../src/core/plan-gate.js';
import { plan } from '../../src/core/plan.js';
import { selectorMatches } from '../../src/core/rules.js';
import type { Plan, PullRequest, Snapshot } from '../../src/core/types.js';
import { applyWrites, config, NOW, pr, rule, snapshot } from './factories.js';
import { countsFromLabels } from './gate-model.js';
import { prng } from '../../test-support/generate.js';

const FILES = [['src/x.ts'], ['docs/a.md'], ['src/api/y.ts'], ['docs/b.md', 'src/api/z.ts']];
const AUTHORS = ['ann', 'bob', 'cy', 'dee'];

function configFor(next: () => number): Config {
  const pick = <T>(values: T[]): T => values[Math.floor(next() * values.length)];
  const areas = next() < 0.5;
  const inputs: Record<string, string> = {
    'wip-limit': String(areas && next() < 0.3 ? 0 : 1 + Math.floor(next() * 5)),
    'priority-labels': 'urgent',
    'exempt-labels': 'hold'
  };
  if (next() < 0.5) inputs['max-open-per-author'] = String(pick([1, 2]));
  if (next() < 0.4) inputs['max-review-requests'] = String(pick([1, 2]));
  if (next() < 0.3) inputs['max-changed-lines'] = '500';
  const base = config(inputs);
  const rules = areas
    ? [
        rule('docs', { selector: { paths: ['docs/**'] }, budgets: { maxOpen: 1 + Math.floor(next() * 2) } }),
        rule('api', { selector: { paths: ['src/api/**'] }, budgets: { maxOpen: 1 + Math.floor(next() * 2) } })
      ]
    : [];
  return { ...base, rules: [...base.rules, ...rules] };
}

interface World {
  snapshot: Snapshot;
  next: () => number;
  nextNumber: number;
  /** The clock: a minute per event; new PRs are created at it (or in the last one's second: a tie). */
  now: Date;
  log: string[];
}

const showsAdmitted = (p: PullRequest) => p.status?.state === 'success' && p.status.description.startsWith('Admitted');

/** One event on the repository (GitHub's part), and the PR it is about and whether it closed. */
const REVIEWERS = ['ann', 'bob', 'acme/docs'];

type Happened = { number: number; closed?: boolean; reopened?: boolean; leftReviewer?: string };

function event(world: World): Happened | undefined {
  const { next } = world;
  const open = world.snapshot.pullRequests;
  const any = open.length > 0 ? open[Math.floor(next() * open.length)] : undefined;
  const roll = next();
  const replace = (number: number, fields: Partial<PullRequest>) => {
    world.snapshot = {
      ...world.snapshot,
      pullRequests: world.snapshot.pullRequests.map((p) => (p.number === number ? { ...p, ...fields } : p))
    };
  };
  if (roll < 0.3 || !any) {
    const number = world.nextNumber++;
    const last = open[open.length - 1];
    const tie = last && next() < 0.25;
    const created = tie ? last.createdAt : world.now.toISOString().replace(/\.\d{3}Z$/, 'Z');
    const fresh = pr(number, {
      createdAt: created,
      author: AUTHORS[Math.floor(next() * AUTHORS.length)],
      files: FILES[Math.floor(next() * FILES.length)],
      isDraft: next() < 0.15,
      labels: next() < 0.1 ? ['urgent'] : [],
      additions: next() < 0.1 ? 900 : 20,
      reviewRequests: next() < 0.5 ? [REVIEWERS[Math.floor(next() * REVIEWERS.length)]] : []
    });
    world.snapshot = { ...world.snapshot, pullRequests: [...open, fresh] };
    world.log.push(`open #${number}${tie ? ' (same second)' : ''}`);
    return { number };
  }
  const number = any.number;
  if (roll < 0.45) {
    world.snapshot = { ...world.snapshot, pullRequests: open.filter((p) => p.number !== number) };
    world.log.push(`close #${number}`);
    return { number, closed: true };
  }
  if (roll < 0.55) {
    replace(number, { isDraft: !any.isDraft, status: any.status });
    world.log.push(`${any.isDraft ? 'ready' : 'draft'} #${number}`);
  } else if (roll < 0.7) {
    // A push: a new head commit (no status yet), other files and size.
    replace(number, {
      files: FILES[Math.floor(next() * FILES.length)],
      additions: next() < 0.15 ? 900 : 20,
      headSha: `${any.headSha}+`,
      status: undefined
    });
    world.log.push(`push #${number}`);
  } else if (roll < 0.8) {
    const has = any.labels.includes('hold');
    replace(number, { labels: has ? any.labels.filter((l) => l !== 'hold') : [...any.labels, 'hold'] });
    world.log.push(`${has ? 'unlabel' : 'label'} hold #${number}`);
  } else if (roll < 0.85) {
    // A review request, or a review given (GitHub then drops the request).
    const requested = any.reviewRequests ?? [];
    if (requested.length > 0 && next() < 0.5) {
      const reviewer = requested[Math.floor(next() * requested.length)];
      replace(number, { reviewRequests: requested.filter((r) => r !== reviewer) });
      world.log.push(`review by ${reviewer} #${number}`);
      return { number, leftReviewer: reviewer };
    }
    const reviewer = REVIEWERS[Math.floor(next() * REVIEWERS.length)];
    if (!requested.includes(reviewer)) replace(number, { reviewRequests: [...requested, reviewer] });
    world.log.push(`request ${reviewer} #${number}`);
  } else if (roll < 0.9) {
    const has = any.labels.includes('urgent');
    replace(number, { labels: has ? any.labels.filter((l) => l !== 'urgent') : [...any.labels, 'urgent'] });
    world.log.push(`${has ? 'unlabel' : 'label'} urgent #${number}`);
  } else {
    world.log.push(`review #${number}`);
  }
  return { number };
}

/** The action's run for an event, as the action runs it; returns the judged PR's plan when it was a gate. */
function run(world: World, c: Config, happened: Happened): Plan | undefined {
  const now = world.now;
  const s = world.snapshot;
  if (happened.closed) {
    const advance = plan(s, c, now, { mode: 'advance', closedNumber: happened.number });
    world.snapshot = applyWrites(s, advance.writes, now.toISOString());
    return undefined;
  }
  const subject = s.pullRequests.find((p) => p.number === happened.number) as PullRequest;
  const counts = countsFromLabels(subject, s.pullRequests, c, now);
  const answer = planGateFromCounts(subject, counts, { ...s, pullRequests: [subject] }, c, now, {
    reopened: happened.reopened,
    ...(happened.leftReviewer ? { leftReviewer: happened.leftReviewer } : {})
  });
  const gate = 'plan' in answer ? answer.plan : plan(s, c, now, { mode: 'gate', number: happened.number });
  world.log.push(`  gate #${happened.number}: ${'plan' in answer ? 'counts' : `queue (${answer.needsQueue})`}`);
  world.snapshot = applyWrites(s, gate.writes, now.toISOString());
  return gate;
}

function checkInvariants(
  world: World,
  c: Config,
  judged: number,
  gate: Plan | undefined,
  before: Set<number>
): string[] {
  const problems: string[] = [];
  const s = world.snapshot;
  const sweep = plan(s, c, world.now, { mode: 'sweep' });
  if (gate) {
    const mine = gate.subject;
    const truth = sweep.decisions.find((d) => d.number === judged);
    if (mine?.state !== truth?.state || mine?.position !== truth?.position)
      problems.push(`gate #${judged}: ${mine?.state} @${mine?.position}; sweep: ${truth?.state} @${truth?.position}`);
  }
  const admitted = s.pullRequests.filter(showsAdmitted);
  if (c.wipLimit !== 0 && admitted.length > (c.wipLimit as number))
    problems.push(
      `${admitted.length} PRs show Admitted under a limit of ${c.wipLimit}: ${admitted.map((p) => p.number)}`
    );
  for (const area of c.rules.filter(isAreaRule)) {
    const inArea = admitted.filter((p) => selectorMatches(area.selector, p, c));
    if (inArea.length > (area.budgets.maxOpen ?? 0))
      problems.push(`${inArea.length} PRs show Admitted in ${area.name} (max-open ${area.budgets.maxOpen})`);
  }
  // (A PR may turn into a violation by another PR's event: its author's older PR reopened puts the
  // newest beyond max-open-per-author, as the rule says. It never turns waiting: no pre-emption.)
  for (const number of before) {
    const now = s.pullRequests.find((p) => p.number === number);
    if (now && number !== judged && now.status?.description.startsWith('Waiting'))
      problems.push(`#${number} showed Admitted and now shows "${now.status?.description}" after another PR's event`);
  }
  return problems;
}

const SEEDS = Array.from({ length: 150 }, (_, i) => i + 1);
const STEPS = 40;

test.each(SEEDS)('seed %i: gate = sweep, at most N admitted, no pre-emption, a settled end', (seed) => {
  const next = prng(seed);
  const c = configFor(next);
  const initial = Array.from({ length: Math.floor(next() * 8) }, (_, i) =>
    pr(i + 1, { author: AUTHORS[i % AUTHORS.length], files: FILES[Math.floor(next() * FILES.length)] })
  );
  const world: World = {
    snapshot: snapshot(initial, { stateStamp: null }),
    next,
    nextNumber: initial.length + 1,
    now: new Date(NOW.getTime() - 24 * 3_600_000),
    log: []
  };
  // The install: a first sweep reconciles the queue and stamps it.
  world.snapshot = applyWrites(world.snapshot, plan(world.snapshot, c, world.now, { mode: 'sweep' }).writes);
  for (let step = 0; step < STEPS; step++) {
    world.now = new Date(world.now.getTime() + 60_000);
    const before = new Set(world.snapshot.pullRequests.filter(showsAdmitted).map((p) => p.number));
    const happened = event(world);
    if (!happened) continue;
    const gate = run(world, c, happened);
    const problems = checkInvariants(world, c, happened.number, gate, before);
    if (problems.length > 0)
      throw new Error(`seed ${seed}, step ${step}:\n${problems.join('\n')}\nevents:\n${world.log.join('\n')}`);
  }
  const settled = applyWrites(world.snapshot, plan(world.snapshot, c, world.now, { mode: 'sweep' }).writes);
  expect([seed, plan(settled, c, world.now, { mode: 'sweep' }).writes]).toEqual([seed, []]);
});
