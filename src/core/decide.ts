// The queue's decisions for a whole open set (README "How the queue works"
// and README "Rules"): who is exempt, who breaks a rule, and by the admission
// walk (admission.ts), who is admitted or waiting.
import type { Config, Rule } from '../config/types.js';
import { authorBudgetsApply, authorBudgetViolations, countsFromQueue, type AuthorCounts } from './author-budgets.js';
import { admittedLine, exemptLine, violationLine, waitingLine, yieldedLine } from './describe.js';
import { expectedWaitDays } from './adaptive.js';
import { judged, type Unjudged } from './feedback.js';
import { holdersFromQueue, issueBudgetViolations, repositoryName, type IssueHolders } from './issue-budgets.js';
import { byLogin, loginKey } from './logins.js';
import { exemptReason, isPriority, queueOrder } from './queue.js';
import { ownBudgetViolations, rulesFor } from './rules.js';
import { holdsSeat, keepsSeat, Seats, type Seat } from './admission.js';
import { areaLabel } from './areas.js';
import { groupsOf, type ReviewerLimit, type SeatGroup } from './seat-groups.js';
import { reviewerLimits, yieldedDays } from './review-capacity.js';
import { hasLabel } from './label-names.js';
import type { AuthorStats, Decision, ExpectedWait, PullRequest, Snapshot, Violation } from './types.js';

/** Every rule the PR breaks: its own budgets, its linked issues, then the per-author ones where they apply. */
export function violationsOf(
  pr: PullRequest,
  rules: Rule[],
  stats: AuthorStats | undefined,
  config: Config,
  counts: () => AuthorCounts,
  holders: IssueHolders
): Violation[] {
  return [
    ...ownBudgetViolations(pr, rules),
    ...issueBudgetViolations(pr, rules, holders),
    ...(authorBudgetsApply(pr, stats, config) ? authorBudgetViolations(pr, rules, counts()) : [])
  ];
}

export function exemptDecision(pr: PullRequest, config: Config): Decision | undefined {
  const reason = exemptReason(pr, config);
  return reason
    ? {
        number: pr.number,
        state: 'exempt',
        exemptReason: reason,
        violations: [],
        summary: exemptLine(reason),
        feedback: []
      }
    : undefined;
}

export function violationDecision(pr: PullRequest, violations: Violation[], config: Config): Decision {
  return judged({ number: pr.number, state: 'violation', violations, summary: violationLine(violations) }, config);
}

/** Little's law for a PR waiting on the WIP limit: undefined without a limit, a pace, or anyone ahead beyond it. */
function expectedWait(position: number, wipLimit: number, perDay: number | undefined): ExpectedWait | undefined {
  if (wipLimit === 0 || perDay === undefined || perDay <= 0) return undefined;
  const days = expectedWaitDays(position, wipLimit, perDay);
  return days === null || days <= 0 ? undefined : { days, perDay };
}

/** Where a countable PR in line stands: its place, and when given, the merge pace (per day) for its expected wait. */
export interface Place {
  position: number;
  admitted: boolean;
  queueSize: number;
  wipLimit: number;
  /** The full group (area rule or reviewer) that keeps it waiting, with the PRs it admits. */
  group?: { group: SeatGroup; admitted: number };
  /** It gave its seat up: its author's move for this many days (yield-days). */
  yielded?: number;
  perDay?: number;
  priority: boolean;
}

/** A countable PR in line: admitted, or waiting on the WIP limit or on an area rule. */
export function placeDecision(pr: PullRequest, place: Place, config: Config): Decision {
  return judged(placed(pr, place), config);
}

function placed(pr: PullRequest, place: Place): Unjudged {
  const { position, queueSize, wipLimit, group } = place;
  const ahead = position - 1;
  const priority = place.priority ? { priority: true } : {};
  if (place.admitted)
    return {
      number: pr.number,
      state: 'admitted',
      position,
      ahead,
      violations: [],
      ...priority,
      summary: admittedLine(position, queueSize, wipLimit)
    };
  const waiting = { number: pr.number, state: 'waiting' as const, position, ahead, violations: [], ...priority };
  if (place.yielded !== undefined)
    return { ...waiting, yielded: place.yielded, summary: yieldedLine(position, place.yielded) };
  if (group?.group.reviewer !== undefined) {
    const { reviewer, rule, limit } = group.group;
    const waitingOnReviewer = { reviewer, rule: rule.name, admitted: group.admitted, limit };
    return {
      ...waiting,
      waitingOnReviewer,
      summary: waitingLine(position, ahead, wipLimit, undefined, undefined, waitingOnReviewer)
    };
  }
  if (group) {
    const { rule, limit: maxOpen } = group.group;
    return {
      ...waiting,
      waitingOnRule: rule.name,
      waitingOnArea: { rule: rule.name, admitted: group.admitted, maxOpen },
      summary: waitingLine(position, ahead, wipLimit, { name: rule.name, maxOpen })
    };
  }
  const eta = expectedWait(position, wipLimit, place.perDay);
  return { ...waiting, ...(eta ? { eta } : {}), summary: waitingLine(position, ahead, wipLimit, undefined, eta) };
}

export interface QueueDecisions {
  /** PRs in line by position (admitted first), then violations in queue order, then the rest by number. */
  decisions: Decision[];
  queueSize: number;
}

/** The rules each PR falls under, computed once per PR. */
function rulesMemo(config: Config): (pr: PullRequest) => Rule[] {
  const cache = new Map<number, Rule[]>();
  return (pr) => {
    let rules = cache.get(pr.number);
    if (!rules) cache.set(pr.number, (rules = rulesFor(pr, config)));
    return rules;
  };
}

/** The countable PRs by author, keyed by loginKey: `Octocat` and `octocat` are one author on GitHub. */
function byAuthorKey(countable: PullRequest[]): Map<string, PullRequest[]> {
  const byAuthor = new Map<string, PullRequest[]>();
  for (const pr of countable) {
    const list = byAuthor.get(loginKey(pr.author));
    if (list) list.push(pr);
    else byAuthor.set(loginKey(pr.author), [pr]);
  }
  return byAuthor;
}

/** A countable PR with the rules it breaks (none: it is in line) and the seat groups it is in. */
interface Judged {
  pr: PullRequest;
  rules: Rule[];
  groups: SeatGroup[];
  violations: Violation[];
  /** Its author's move for this many days, at least yield-days: it takes no seat (README "Review capacity"). */
  yielded?: number;
}

/**
 * The admission walk (admission.ts) over the whole line: the PRs that hold a
 * seat keep it; the waiting line, in queue order, takes the free seats.
 * Returns each PR's seat by number.
 */
function walkLine(inLine: Judged[], config: Config, wipLimit: number): Map<number, Seat> {
  const seating = inLine.filter((j) => j.yielded === undefined);
  const held = seatsHeld(seating, config);
  const heldByGroup: Record<string, number> = {};
  for (const j of held) for (const group of j.groups) heldByGroup[group.key] = (heldByGroup[group.key] ?? 0) + 1;
  const walk = new Seats(wipLimit, held.size, heldByGroup);
  const seats = new Map<number, Seat>();
  for (const j of inLine) {
    if (j.yielded !== undefined) seats.set(j.pr.number, { admitted: false, yielded: j.yielded });
    else seats.set(j.pr.number, held.has(j) ? { admitted: true } : walk.take(j.groups));
  }
  // The group a waiting PR waits on, once every seat is taken.
  for (const j of seating) {
    const seat = seats.get(j.pr.number) as Seat;
    if (!seat.admitted) seat.group = walk.fullGroup(j.groups);
  }
  return seats;
}

/**
 * The PRs in line that keep their seat: they carry admitted-label, and any
 * area they moved into (no area label yet) had room, in queue order.
 */
function seatsHeld(inLine: Judged[], config: Config): Set<Judged> {
  const carrying = inLine.filter((j) => holdsSeat(j.pr, config));
  const counted: Record<string, number> = {};
  const count = (group: SeatGroup) => (counted[group.key] = (counted[group.key] ?? 0) + 1);
  const labelled = (j: Judged, group: SeatGroup) =>
    group.reviewer === undefined && hasLabel(j.pr.labels, areaLabel(group.rule));
  for (const j of carrying) for (const group of j.groups) if (labelled(j, group)) count(group);
  const kept = new Set<Judged>();
  for (const j of carrying) {
    if (!keepsSeat(j.pr, j.groups, counted)) continue;
    kept.add(j);
    for (const group of j.groups) if (!labelled(j, group)) count(group);
  }
  return kept;
}

/**
 * Every open PR's decision: exempt ones apart; the countable ones in queue
 * order, each a violation or placed (admitted or waiting) by the admission
 * walk. Positions: an admitted PR's is its rank among the admitted ones in
 * queue order; a waiting PR's comes after every admitted PR and the waiting
 * PRs before it. `perDay`: the merge pace for expected waits,
 * when the history was read; `reviewerLimit`: each reviewer's limit (review-capacity.ts).
 */
export function decideQueue(
  snapshot: Snapshot,
  config: Config,
  wipLimit: number,
  now: Date,
  perDay?: number,
  reviewerLimit: ReviewerLimit = reviewerLimits(config)
): QueueDecisions {
  const exempt: Decision[] = [];
  const countable: PullRequest[] = [];
  for (const pr of snapshot.pullRequests) {
    const decision = exemptDecision(pr, config);
    if (decision) exempt.push(decision);
    else countable.push(pr);
  }
  countable.sort(queueOrder(config));
  const holders = holdersFromQueue(countable, repositoryName(snapshot));
  const rulesOf = rulesMemo(config);
  const byAuthor = byAuthorKey(countable);
  const statsOf = byLogin(snapshot.authors);

  const judgedPrs: Judged[] = countable.map((pr) => {
    const rules = rulesOf(pr);
    const stats = statsOf(pr.author);
    const authorCounts = () => countsFromQueue(pr, byAuthor.get(loginKey(pr.author)) ?? [], rulesOf, stats, now);
    const groups = groupsOf(rules, pr.reviewRequests ?? [], reviewerLimit);
    const violations = violationsOf(pr, rules, stats, config, authorCounts, holders);
    const yielded = yieldedDays(pr, config, snapshot.actor, now);
    return { pr, rules, groups, violations, ...(yielded === undefined ? {} : { yielded }) };
  });
  const seats = walkLine(
    judgedPrs.filter((j) => j.violations.length === 0),
    config,
    wipLimit
  );

  const admittedTotal = [...seats.values()].filter((seat) => seat.admitted).length;
  let admittedBefore = 0;
  let waitingBefore = 0;
  const decisions = judgedPrs.map(({ pr, violations }) => {
    if (violations.length > 0) return violationDecision(pr, violations, config);
    const seat = seats.get(pr.number) as Seat;
    const position = seat.admitted ? ++admittedBefore : admittedTotal + ++waitingBefore;
    const place = {
      position,
      admitted: seat.admitted,
      group: seat.group,
      yielded: seat.yielded,
      queueSize: countable.length,
      wipLimit,
      perDay
    };
    return placeDecision(pr, { ...place, priority: isPriority(pr, config) }, config);
  });
  exempt.sort((a, b) => a.number - b.number);
  // Stable: violations keep their queue order after every PR in line.
  decisions.sort((a, b) => (a.position ?? Infinity) - (b.position ?? Infinity));
  return { decisions: [...decisions, ...exempt], queueSize: countable.length };
}
