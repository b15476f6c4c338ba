// The writes that make one PR show its decision: the commit status, the
// waiting/violation labels and the sticky comment (spec §3, §7). Nothing is
// written where the PR already shows the truth, so a second run writes nothing.
import type { Config } from '../config/types.js';
import { areaLabel, areaRules, waitingIsState } from './areas.js';
import { significantChange } from './change.js';
import { stickyBody } from './comments.js';
import { fitDescription, statusState } from './describe.js';
import { feedbackFor } from './feedback.js';
import { findLabel } from './label-names.js';
import { selectorMatches } from './rules.js';
import type { Decision, PullRequest, WriteOp } from './types.js';

export function statusWrite(pr: PullRequest, decision: Decision, config: Config): WriteOp | undefined {
  const state = statusState(decision, feedbackFor(decision, config).has('fail'));
  const description = fitDescription(decision.summary);
  const current = pr.status;
  if (current && current.state === state && !significantChange(current.description, description)) return undefined;
  return { kind: 'status', number: pr.number, sha: pr.headSha, state, description };
}

export function labelWrites(pr: PullRequest, decision: Decision, config: Config): WriteOp[] {
  const wanted = new Map<string, boolean>([
    [config.waitingLabel, decision.state === 'waiting' && (config.onWaiting.includes('label') || waitingIsState(config))],
    // Kept whatever on-violation says: a gate counts the PRs ahead with `-label:`.
    [config.violationLabel, decision.state === 'violation'],
    // Area labels let a gate count an area's admitted PRs with `label:`.
    ...areaRules(config).map((rule): [string, boolean] => [areaLabel(rule), decision.state !== 'exempt' && selectorMatches(rule.selector, pr, config)])
  ]);
  const writes: WriteOp[] = [];
  for (const [label, want] of wanted) {
    // Removed by the name the PR carries: `Backpressure: Waiting` is the same label.
    const carried = findLabel(pr.labels, label);
    if (want && carried === undefined) writes.push({ kind: 'add-label', number: pr.number, label });
    if (!want && carried !== undefined) writes.push({ kind: 'remove-label', number: pr.number, label: carried });
  }
  return writes;
}

/** A new sticky comment where comment feedback is chosen; an existing one is kept truthful. */
export function stickyWrite(pr: PullRequest, decision: Decision, config: Config, wipLimit: number): WriteOp | undefined {
  const body = stickyBody(decision, wipLimit);
  if (pr.sticky) {
    return significantChange(pr.sticky.body.trim(), body.trim())
      ? { kind: 'sticky-comment', number: pr.number, body, commentId: pr.sticky.id }
      : undefined;
  }
  return feedbackFor(decision, config).has('comment') ? { kind: 'sticky-comment', number: pr.number, body } : undefined;
}
