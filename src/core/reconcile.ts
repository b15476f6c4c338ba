// The writes that make one PR show its decision: the commit status, the
// waiting/violation labels and the sticky comment (README "How the queue works" and README "What people see"). Nothing is
// written where the PR already shows the truth, so a second run writes nothing.
import type { Config } from '../config/types.js';
import { areaLabel, areaRules, waitingIsState } from './areas.js';
import { significantChange } from './change.js';
import { stickyBody } from './comments.js';
import { fitDescription, statusState } from './describe.js';
import { failsStatus } from './feedback.js';
import { findLabel } from './label-names.js';
import { selectorMatches } from './rules.js';
import type { Decision, PullRequest, WriteOp } from './types.js';

export function statusWrite(pr: PullRequest, decision: Decision): WriteOp | undefined {
  const state = statusState(decision, failsStatus(decision));
  const description = fitDescription(decision.summary);
  const current = pr.status;
  if (current && current.state === state && !significantChange(current.description, description)) return undefined;
  return { kind: 'status', number: pr.number, sha: pr.headSha, state, description };
}

/**
 * The waiting, violation and area labels. The action adds and removes only
 * the labels it is responsible for in the current configuration: the waiting
 * label only with `label` in on-waiting or with area rules (a label another
 * tool or an older configuration set is left alone).
 */
export function labelWrites(pr: PullRequest, decision: Decision, config: Config): WriteOp[] {
  const wanted = new Map<string, boolean>([
    // Kept whatever on-violation says: a gate counts the PRs ahead with `-label:`.
    [config.violationLabel, decision.state === 'violation'],
    // Area labels let a gate count an area's admitted PRs with `label:`.
    ...areaRules(config).map((rule): [string, boolean] => [
      areaLabel(rule),
      decision.state !== 'exempt' && selectorMatches(rule.selector, pr, config)
    ])
  ]);
  // With area rules the waiting label is the state a gate counts with.
  if (config.onWaiting.includes('label') || waitingIsState(config))
    wanted.set(config.waitingLabel, decision.state === 'waiting');
  const writes: WriteOp[] = [];
  for (const [label, want] of wanted) {
    // Removed by the name the PR carries: `Backpressure: Waiting` is the same label.
    const carried = findLabel(pr.labels, label);
    if (want && carried === undefined) writes.push({ kind: 'add-label', number: pr.number, label });
    if (!want && carried !== undefined) writes.push({ kind: 'remove-label', number: pr.number, label: carried });
  }
  return writes;
}

/** A new sticky comment where comment feedback is chosen; an existing one is kept truthful. None on a locked conversation. */
export function stickyWrite(pr: PullRequest, decision: Decision, wipLimit: number): WriteOp | undefined {
  if (pr.locked) return undefined;
  // The body is built only for a PR that has the comment or gets one: a sweep asks this of every PR.
  if (pr.sticky) {
    const body = stickyBody(decision, wipLimit);
    return significantChange(pr.sticky.body.trim(), body.trim())
      ? { kind: 'sticky-comment', number: pr.number, body, commentId: pr.sticky.id }
      : undefined;
  }
  return decision.feedback.includes('comment')
    ? { kind: 'sticky-comment', number: pr.number, body: stickyBody(decision, wipLimit) }
    : undefined;
}
