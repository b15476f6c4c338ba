// The one line that explains a decision: the commit status description and
// the gate's step message (spec §7). GitHub cuts descriptions at 140 chars.
import { truncateText } from './truncate.js';
import type { Decision, ExemptReason, Violation } from './types.js';

export const STATUS_DESCRIPTION_MAX = 140;

const count = (n: number) => n.toLocaleString('en-US');

export function admittedLine(position: number, queueSize: number, wipLimit: number): string {
  const limit = wipLimit > 0 ? `limit ${count(wipLimit)}` : 'no WIP limit';
  return `Admitted: position ${count(position)} of ${count(queueSize)} (${limit})`;
}

export function waitingLine(position: number, ahead: number, wipLimit: number, waitingOnRule?: { name: string; maxOpen: number }): string {
  if (waitingOnRule) {
    return `Waiting: position ${count(position)}; rule "${waitingOnRule.name}" admits ${count(waitingOnRule.maxOpen)} open PRs at a time and is full`;
  }
  const beyond = Math.max(0, ahead - wipLimit + 1);
  return `Waiting: position ${count(position)}, ${count(beyond)} PRs ahead beyond the limit of ${count(wipLimit)}`;
}

export function violationLine(violations: Violation[]): string {
  return `Violation: ${violations.map((v) => v.reason).join('; ')}`;
}

const EXEMPT_LINES: Record<ExemptReason, string> = {
  draft: 'Draft: not counted',
  label: 'Exempt by label: not counted',
  author: 'Exempt author: not counted',
  'base-branch': 'Base branch not governed: not counted'
};

export function exemptLine(reason: ExemptReason): string {
  return EXEMPT_LINES[reason];
}

/** Fits GitHub's status description limit. */
export function fitDescription(line: string): string {
  return truncateText(line, STATUS_DESCRIPTION_MAX);
}

/** The status state a decision shows: failure only where `fail` feedback is selected. */
export function statusState(decision: Decision, fails: boolean): 'success' | 'failure' {
  return (decision.state === 'waiting' || decision.state === 'violation') && fails ? 'failure' : 'success';
}
