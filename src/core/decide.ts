// The queue's decisions for a whole open set (README "How the queue works"
// and README "Rules"): who is exempt, who breaks a rule, and walking the
// order, who is admitted or waiting.
import type { Config, Rule } from '../config/types.js';
import { authorBudgetsApply, authorBudgetViolations, countsFromQueue, type AuthorCounts } from './author-budgets.js';
import { admittedLine, exemptLine, violationLine, waitingLine } from './describe.js';
import { expectedWaitDays } from './adaptive.js';
import { judged, type Unjudged } from './feedback.js';
import { holdersFromQueue, issueBudgetViolations, repositoryName, type IssueHolders } from './issue-budgets.js';
import { byLogin, loginKey } from './logins.js';
import { exemptReason, isPriority, queueOrder } from './queue.js';
import { ownBudgetViolations, rulesFor } from './rules.js';
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

/** Where a countable PR stands: its place, and when given, the merge pace (per day) for its expected wait. */
export interface Place {
  position: number;
  admitted: boolean;
  queueSize: number;
  wipLimit: number;
  /** The full area rule that keeps it waiting (with the PRs it admitted), when the WIP limit has room. */
  area?: { rule: Rule; admitted: number };
  perDay?: number;
  priority: boolean;
}

/** A countable PR in line: admitted, or waiting on the WIP limit or on an area rule. */
export function placeDecision(pr: PullRequest, place: Place, config: Config): Decision {
  return judged(placed(pr, place), config);
}

function placed(pr: PullRequest, place: Place): Unjudged {
  const { position, queueSize, wipLimit, area } = place;
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
  if (area) {
    const maxOpen = area.rule.budgets.maxOpen ?? 0;
    return {
      ...waiting,
      waitingOnRule: area.rule.name,
      waitingOnArea: { rule: area.rule.name, admitted: area.admitted, maxOpen },
      summary: waitingLine(position, ahead, wipLimit, { name: area.rule.name, maxOpen })
    };
  }
  const eta = expectedWait(position, wipLimit, place.perDay);
  return { ...waiting, ...(eta ? { eta } : {}), summary: waitingLine(position, ahead, wipLimit, undefined, eta) };
}

export interface QueueDecisions {
  /** Countable PRs in queue order, then the rest by number. */
  decisions: Decision[];
  queueSize: number;
}

/** Seats under the WIP limit and under each area rule's `max-open`, taken in queue order. */
class Seats {
  private position = 0;
  private admitted = 0;
  private readonly byRule = new Map<Rule, number>();

  constructor(private readonly wipLimit: number) {}

  /** The next countable PR's place: admitted when the limit and every area it is in have room. */
  take(rules: Rule[]): Pick<Place, 'position' | 'admitted' | 'area'> {
    this.position++;
    const underLimit = this.wipLimit === 0 || this.admitted < this.wipLimit;
    const fullArea = rules.find(
      (rule) => rule.budgets.maxOpen !== undefined && (this.byRule.get(rule) ?? 0) >= rule.budgets.maxOpen
    );
    if (underLimit && !fullArea) {
      this.admitted++;
      for (const rule of rules)
        if (rule.budgets.maxOpen !== undefined) this.byRule.set(rule, (this.byRule.get(rule) ?? 0) + 1);
      return { position: this.position, admitted: true };
    }
    // Waiting on an area rule only while the WIP limit itself has room.
    const area = underLimit && fullArea ? { rule: fullArea, admitted: this.byRule.get(fullArea) ?? 0 } : undefined;
    return { position: this.position, admitted: false, area };
  }
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

/**
 * Every open PR's decision: exempt ones apart; the countable ones in queue
 * order, each a violation or placed (admitted or waiting) in the order.
 * `perDay`: the merge pace for expected waits, when the history was read.
 */
export function decideQueue(
  snapshot: Snapshot,
  config: Config,
  wipLimit: number,
  now: Date,
  perDay?: number
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
  const seats = new Seats(wipLimit);

  const decisions = countable.map((pr) => {
    const rules = rulesOf(pr);
    const stats = statsOf(pr.author);
    const authorCounts = () => countsFromQueue(pr, byAuthor.get(loginKey(pr.author)) ?? [], rulesOf, stats, now);
    const violations = violationsOf(pr, rules, stats, config, authorCounts, holders);
    if (violations.length > 0) return violationDecision(pr, violations, config);
    const place = { ...seats.take(rules), queueSize: countable.length, wipLimit, perDay };
    return placeDecision(pr, { ...place, priority: isPriority(pr, config) }, config);
  });
  exempt.sort((a, b) => a.number - b.number);
  return { decisions: [...decisions, ...exempt], queueSize: countable.length };
}
