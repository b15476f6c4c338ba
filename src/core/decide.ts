// The queue's decisions for a whole open set (spec §3, §4): who is exempt,
// who breaks a rule, and walking the order, who is admitted or waiting.
import type { Config, Rule } from '../config/types.js';
import { authorBudgetsApply, authorBudgetViolations, countsFromQueue, type AuthorCounts } from './author-budgets.js';
import { admittedLine, exemptLine, violationLine, waitingLine } from './describe.js';
import { byLogin, loginKey } from './logins.js';
import { exemptReason, queueOrder } from './queue.js';
import { ownBudgetViolations, rulesFor } from './rules.js';
import type { AuthorStats, Decision, PullRequest, Snapshot, Violation } from './types.js';

/** Every rule the PR breaks: its own budgets, then the per-author ones where they apply. */
export function violationsOf(pr: PullRequest, rules: Rule[], stats: AuthorStats | undefined, config: Config, counts: () => AuthorCounts): Violation[] {
  return [...ownBudgetViolations(pr, rules), ...(authorBudgetsApply(pr, stats, config) ? authorBudgetViolations(pr, rules, counts()) : [])];
}

export function exemptDecision(pr: PullRequest, config: Config): Decision | undefined {
  const reason = exemptReason(pr, config);
  return reason ? { number: pr.number, state: 'exempt', exemptReason: reason, violations: [], summary: exemptLine(reason) } : undefined;
}

export function violationDecision(pr: PullRequest, violations: Violation[]): Decision {
  return { number: pr.number, state: 'violation', violations, summary: violationLine(violations) };
}

/** A countable PR in line: admitted, or waiting on the WIP limit or on an area rule. */
export function placeDecision(pr: PullRequest, position: number, admitted: boolean, queueSize: number, wipLimit: number, areaRule?: Rule): Decision {
  const ahead = position - 1;
  if (admitted) return { number: pr.number, state: 'admitted', position, ahead, violations: [], summary: admittedLine(position, queueSize, wipLimit) };
  const onRule = areaRule ? { name: areaRule.name, maxOpen: areaRule.budgets.maxOpen ?? 0 } : undefined;
  return { number: pr.number, state: 'waiting', position, ahead, violations: [], waitingOnRule: onRule?.name, summary: waitingLine(position, ahead, wipLimit, onRule) };
}

export interface QueueDecisions {
  /** Countable PRs in queue order, then the rest by number. */
  decisions: Decision[];
  queueSize: number;
}

export function decideQueue(snapshot: Snapshot, config: Config, wipLimit: number, now: Date): QueueDecisions {
  const exempt: Decision[] = [];
  const countable: PullRequest[] = [];
  for (const pr of snapshot.pullRequests) {
    const decision = exemptDecision(pr, config);
    if (decision) exempt.push(decision);
    else countable.push(pr);
  }
  countable.sort(queueOrder(config));

  const rulesCache = new Map<number, Rule[]>();
  const rulesOf = (pr: PullRequest) => {
    let rules = rulesCache.get(pr.number);
    if (!rules) rulesCache.set(pr.number, (rules = rulesFor(pr, config)));
    return rules;
  };
  // Keyed by loginKey: `Octocat` and `octocat` are one author on GitHub.
  const byAuthor = new Map<string, PullRequest[]>();
  for (const pr of countable) {
    const list = byAuthor.get(loginKey(pr.author));
    if (list) list.push(pr);
    else byAuthor.set(loginKey(pr.author), [pr]);
  }
  const statsOf = byLogin(snapshot.authors);

  const admittedByRule = new Map<Rule, number>();
  let position = 0;
  let admitted = 0;
  const decisions: Decision[] = [];
  for (const pr of countable) {
    const rules = rulesOf(pr);
    const stats = statsOf(pr.author);
    const violations = violationsOf(pr, rules, stats, config, () => countsFromQueue(pr, byAuthor.get(loginKey(pr.author)) ?? [], rulesOf, stats, now));
    if (violations.length > 0) {
      decisions.push(violationDecision(pr, violations));
      continue;
    }
    position++;
    const underLimit = wipLimit === 0 || admitted < wipLimit;
    const fullArea = rules.find((rule) => rule.budgets.maxOpen !== undefined && (admittedByRule.get(rule) ?? 0) >= rule.budgets.maxOpen);
    if (underLimit && !fullArea) {
      admitted++;
      for (const rule of rules) if (rule.budgets.maxOpen !== undefined) admittedByRule.set(rule, (admittedByRule.get(rule) ?? 0) + 1);
    }
    decisions.push(placeDecision(pr, position, underLimit && !fullArea, countable.length, wipLimit, underLimit ? fullArea : undefined));
  }
  exempt.sort((a, b) => a.number - b.number);
  return { decisions: [...decisions, ...exempt], queueSize: countable.length };
}
