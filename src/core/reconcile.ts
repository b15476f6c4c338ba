// The writes that make one PR show its decision: the commit status, the
// state and feedback labels and the sticky comment (README "How the queue works" and README "What people see"). Nothing is
// written where the PR already shows the truth, so a second run writes nothing.
import type { Config } from '../config/types.js';
import { areaLabel } from './areas.js';
import { isAreaRule, isReviewRule, labelledRules } from './seat-groups.js';
import { assignedReviewer } from './assign-reviewers.js';
import { sameKind, significantChange } from './change.js';
import { stickyBody } from './comments.js';
import { fitDescription, statusState } from './describe.js';
import { failsStatus } from './feedback.js';
import { findLabel } from './label-names.js';
import { selectorMatches } from './rules.js';
import type { Decision, PullRequest, WriteOp } from './types.js';

/**
 * Whether what the PR shows is of another kind than its decision: another
 * state, or another sentence (not only other numbers), or no status while it
 * is admitted (a required check it now passes). An advance rewrites only
 * these: a close moves every waiting PR up by one, which is no news.
 */
export function kindChanged(pr: PullRequest, decision: Decision): boolean {
  const current = pr.status;
  if (!current) return decision.state === 'admitted';
  return (
    current.state !== statusState(decision, failsStatus(decision)) ||
    !sameKind(current.description, fitDescription(decision.summary))
  );
}

export function statusWrite(pr: PullRequest, decision: Decision): WriteOp | undefined {
  const state = statusState(decision, failsStatus(decision));
  const description = fitDescription(decision.summary);
  const current = pr.status;
  if (current && current.state === state && !significantChange(current.description, description)) return undefined;
  return { kind: 'status', number: pr.number, sha: pr.headSha, state, description };
}

/** Adds and removes that make the PR carry exactly the wanted labels, by the names it carries them under. */
function toWanted(pr: PullRequest, wanted: Map<string, boolean>): WriteOp[] {
  const writes: WriteOp[] = [];
  for (const [label, want] of wanted) {
    // Removed by the name the PR carries: `Backpressure: Waiting` is the same label.
    const carried = findLabel(pr.labels, label);
    if (want && carried === undefined) writes.push({ kind: 'add-label', number: pr.number, label });
    if (!want && carried !== undefined) writes.push({ kind: 'remove-label', number: pr.number, label: carried });
  }
  return writes;
}

/**
 * The labels that are the queue's state, kept in every mode whatever the
 * feedback settings (README "How the queue works"): `violation-label` on PRs
 * in violation (a gate counts the line with `-label:`), an area label on the
 * countable PRs each area rule selects, and `admitted-label` on the admitted
 * PRs whose seat is limited (a WIP limit, or an area rule selects them).
 */
export function stateLabelWrites(pr: PullRequest, decision: Decision, config: Config, wipLimit: number): WriteOp[] {
  const labelled = labelledRules(config);
  const selecting =
    decision.state === 'exempt' ? [] : labelled.filter((rule) => selectorMatches(rule.selector, pr, config));
  // A seat is limited by the WIP limit, or by a group it could be in (with review capacity any PR may
  // come to wait on a reviewer, so every admitted PR is marked).
  const limited = wipLimit > 0 || selecting.some(isAreaRule) || config.rules.some(isReviewRule);
  return toWanted(
    pr,
    new Map<string, boolean>([
      [config.violationLabel, decision.state === 'violation'],
      [config.admittedLabel, decision.state === 'admitted' && limited],
      ...labelled.map((rule): [string, boolean] => [areaLabel(rule), selecting.includes(rule)])
    ])
  );
}

/**
 * `waiting-label`, with `label` in on-waiting. The action adds and removes
 * only the labels it is responsible for in the current configuration: a
 * waiting label another tool or an older configuration set is left alone.
 */
export function feedbackLabelWrites(pr: PullRequest, decision: Decision, config: Config): WriteOp[] {
  if (!config.onWaiting.includes('label')) return [];
  return toWanted(pr, new Map([[config.waitingLabel, decision.state === 'waiting']]));
}

/** A new sticky comment where comment feedback is chosen; an existing one is kept truthful. None on a locked conversation. */
export function stickyWrite(pr: PullRequest, decision: Decision, wipLimit: number, actor = ''): WriteOp | undefined {
  if (pr.locked) return undefined;
  const assigned = assignedReviewer(pr, decision, actor);
  // The body is built only for a PR that has the comment or gets one: a sweep asks this of every PR.
  if (pr.sticky) {
    const body = stickyBody(decision, wipLimit, assigned);
    return significantChange(pr.sticky.body.trim(), body.trim())
      ? { kind: 'sticky-comment', number: pr.number, body, commentId: pr.sticky.id }
      : undefined;
  }
  return decision.feedback.includes('comment')
    ? { kind: 'sticky-comment', number: pr.number, body: stickyBody(decision, wipLimit, assigned) }
    : undefined;
}
