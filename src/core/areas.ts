// Area rules (`max-open`) as state a gate can count with search: the action
// keeps one label per area rule on the countable PRs the rule selects, and
// (while any area rule exists) `waiting-label` on exactly the waiting PRs.
// A gate then counts the admitted PRs ahead of it, overall and per area,
// without reading the queue (README "How the queue works").
import type { Config, Rule } from '../config/types.js';

/** Every area label starts with this, so one label search finds them all. */
const AREA_LABEL_PREFIX = 'backpressure: area ';

/** Rules with a `max-open` budget, in config order. */
export function areaRules(config: Config): Rule[] {
  return config.rules.filter((rule) => rule.budgets.maxOpen !== undefined);
}

/** The label the action keeps on the PRs an area rule selects, e.g. `backpressure: area docs`. */
export function areaLabel(rule: Rule): string {
  return `${AREA_LABEL_PREFIX}${rule.name}`;
}

/**
 * Whether `waiting-label` is state the gate counts with (any area rule), not
 * only feedback chosen with `on-waiting: label`.
 */
export function waitingIsState(config: Config): boolean {
  return areaRules(config).length > 0;
}
