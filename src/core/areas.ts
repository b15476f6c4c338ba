// Area rules (`max-open`) as state a gate can count with search: the action
// keeps one label per area rule on the countable PRs the rule selects, and
// `admitted-label` on the PRs holding a seat. A gate then counts the seats
// held overall and per area, and the waiting line ahead of a PR per area,
// without reading the queue (README "How the queue works").
import type { Config, Rule } from '../config/types.js';

/** Every area label starts with this, so one label search finds them all. */
export const AREA_LABEL_PREFIX = 'backpressure: area ';

/** Rules with a `max-open` budget, in config order. */
export function areaRules(config: Pick<Config, 'rules'>): Rule[] {
  return config.rules.filter(isAreaRule);
}

export function isAreaRule(rule: Rule): boolean {
  return rule.budgets.maxOpen !== undefined;
}

/** Of the rules a PR falls under, the area rules. */
export function areasOf(rules: readonly Rule[]): Rule[] {
  return rules.filter(isAreaRule);
}

/** The label the action keeps on the PRs an area rule selects, e.g. `backpressure: area docs`. */
export function areaLabel(rule: Rule): string {
  return `${AREA_LABEL_PREFIX}${rule.name}`;
}
