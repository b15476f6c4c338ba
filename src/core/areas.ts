// The label the action keeps on the countable PRs a seat rule selects (an
// area rule's `max-open`, a scoped rule's `max-review-requests`: see
// seat-groups.ts), so that a gate can count them with search without reading
// the queue (README "How the queue works").
import type { Rule } from '../config/types.js';

/** Every area label starts with this, so one prefix tells them all. */
export const AREA_LABEL_PREFIX = 'backpressure: area ';

/** The label the action keeps on the PRs a rule selects, e.g. `backpressure: area docs`. */
export function areaLabel(rule: Rule): string {
  return `${AREA_LABEL_PREFIX}${rule.name}`;
}
