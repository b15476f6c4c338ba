// The groups a seat counts against besides the WIP limit, as README
// "Review capacity" says: each area rule (`max-open`, the PRs it selects)
// and each reviewer of a rule with `max-review-requests` (the PRs it selects
// that wait on that reviewer's review). A PR takes a seat only when every
// group it is in has room; it takes a place in each.
import type { Config, Rule } from '../config/types.js';
import { areaLabel } from './areas.js';
import { hasLabel } from './label-names.js';

/** One group of seats with its limit. */
export interface SeatGroup {
  /** `area:NAME` or `review:RULE:REVIEWER` (lower case): the same group whoever counts it. */
  key: string;
  rule: Rule;
  /** For review capacity: the reviewer, a login or `org/team`, as GitHub spells it. */
  reviewer?: string;
  limit: number;
}

/** Each reviewer's limit under a rule's `max-review-requests` (`auto` resolved from their pace). */
export type ReviewerLimit = (rule: Rule, reviewer: string) => number;

export const isAreaRule = (rule: Rule): boolean => rule.budgets.maxOpen !== undefined;
export const isReviewRule = (rule: Rule): boolean => rule.budgets.maxReviewRequests !== undefined;

/** Rules whose PRs take a place in a group: area rules and review-capacity rules. */
export function seatRules(config: Pick<Config, 'rules'>): Rule[] {
  return config.rules.filter((rule) => isAreaRule(rule) || isReviewRule(rule));
}

/**
 * Rules the action labels on the PRs they select (`backpressure: area NAME`), so that a gate can
 * count by them: every area rule, and each review-capacity rule with a selector (one without, like
 * the plain inputs' rule, selects every PR).
 */
export function labelledRules(config: Pick<Config, 'rules'>): Rule[] {
  return seatRules(config).filter((rule) => isAreaRule(rule) || Object.keys(rule.selector).length > 0);
}

/** The group key of a reviewer under a rule: logins and team names compare case-insensitively. */
export function reviewKey(rule: Rule, reviewer: string): string {
  return `review:${rule.name.toLowerCase()}:${reviewer.toLowerCase().replace(/\[bot\]$/, '')}`;
}

export function areaKey(rule: Rule): string {
  return `area:${rule.name.toLowerCase()}`;
}

/** The groups of a PR that falls under `rules` (the ones that select it) and waits on `reviewers`. */
export function groupsOf(rules: readonly Rule[], reviewers: readonly string[], limit: ReviewerLimit): SeatGroup[] {
  const groups: SeatGroup[] = [];
  for (const rule of rules) {
    if (isAreaRule(rule)) groups.push({ key: areaKey(rule), rule, limit: rule.budgets.maxOpen ?? 0 });
    if (isReviewRule(rule))
      for (const reviewer of reviewers)
        groups.push({ key: reviewKey(rule, reviewer), rule, reviewer, limit: limit(rule, reviewer) });
  }
  return groups;
}

/**
 * The groups of a PR known only by its labels and review requests (the PRs a gate reads live):
 * a labelled rule selects the PRs carrying its label; the inputs' rule, every PR.
 */
export function groupsByLabels(
  pr: { labels: readonly string[]; reviewRequests?: readonly string[] },
  config: Pick<Config, 'rules'>,
  limit: ReviewerLimit
): SeatGroup[] {
  const labelled = labelledRules(config);
  const rules = seatRules(config).filter((rule) => !labelled.includes(rule) || hasLabel(pr.labels, areaLabel(rule)));
  return groupsOf(rules, pr.reviewRequests ?? [], limit);
}

/** How a group is named to people: `rule "docs"` or `@acme/compiler`. */
export function groupName(group: SeatGroup): string {
  return group.reviewer === undefined ? `rule "${group.rule.name}"` : `@${group.reviewer}`;
}
