// The one line that explains a decision: the commit status description and
// the gate's step message (README "What people see"). GitHub cuts descriptions at 140 chars.
import { INPUTS_RULE_NAME } from '../config/types.js';
import { truncateText } from './truncate.js';
import type { BudgetName, Decision, ExemptReason, ExpectedWait, Violation } from './types.js';
import { count, decimal } from './count.js';

export const STATUS_DESCRIPTION_MAX = 140;

export function admittedLine(position: number, queueSize: number, wipLimit: number): string {
  const limit = wipLimit > 0 ? `limit ${count(wipLimit)}` : 'no WIP limit';
  return `Admitted: position ${count(position)} of ${count(queueSize)} (${limit})`;
}

export function waitingLine(
  position: number,
  ahead: number,
  wipLimit: number,
  waitingOnRule?: { name: string; maxOpen: number },
  eta?: ExpectedWait,
  waitingOnReviewer?: { reviewer: string; admitted: number; limit: number }
): string {
  if (waitingOnReviewer) {
    const { reviewer, admitted, limit } = waitingOnReviewer;
    return `Waiting: position ${count(position)}; @${reviewer} has ${count(admitted)} of ${count(limit)} reviews in progress`;
  }
  if (waitingOnRule) {
    return (
      `Waiting: position ${count(position)}; rule "${waitingOnRule.name}" admits ${count(waitingOnRule.maxOpen)} ` +
      `open PRs at a time and is full`
    );
  }
  const beyond = Math.max(0, ahead - wipLimit + 1);
  const line = `Waiting: position ${count(position)}, ${count(beyond)} PRs ahead beyond the limit of ${count(wipLimit)}`;
  // The expected wait goes into the status only where it fits whole.
  const withEta = eta ? `${line}; ${expectedIn(eta)}` : line;
  return withEta.length <= STATUS_DESCRIPTION_MAX ? withEta : line;
}

/** A PR that gave its seat up (yield-days): what happened and what brings it back. */
export function yieldedLine(position: number, days: number): string {
  return (
    `Waiting: position ${count(position)}; the author's move for ${count(days)} days, ` +
    'so its seat went to the next PR: act on it to rejoin the line'
  );
}

/** "expected in about 4 days" / "expected within a day": whole days, rounded up. */
export function expectedIn(eta: ExpectedWait): string {
  const days = Math.ceil(eta.days);
  return days <= 1 ? 'expected within a day' : `expected in about ${count(days)} days`;
}

/** Merges per day with two significant digits: "1.2", "0.036", "27". */
export function paceText(perDay: number): string {
  return decimal(perDay, { maximumSignificantDigits: 2 });
}

/** The comment's sentence: "Expected in about 4 days, at the recent pace of 1.2 merges a day." */
export function expectedWaitSentence(eta: ExpectedWait): string {
  const text = expectedIn(eta);
  const pace = paceText(eta.perDay);
  return `${text[0].toUpperCase()}${text.slice(1)}, at the recent pace of ${pace} ${pace === '1' ? 'merge' : 'merges'} a day.`;
}

/**
 * The expected-wait wording in a status or comment, whatever its numbers: the
 * pace moves every day, and a rewrite of every waiting PR for it would spend
 * the API budget on noise (see change.ts).
 */
export const EXPECTED_WAIT_TEXT =
  /\b[Ee]xpected (?:in about [\d,]+ days|within a day)(?:, at the recent pace of [\d.,]+ merges? a day)?/g;

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

/** Whether a status description says the PR is not counted (an exempt line). */
export function isExemptLine(description: string): boolean {
  return Object.values(EXEMPT_LINES).includes(description);
}

/** Fits GitHub's status description limit. */
export function fitDescription(line: string): string {
  return truncateText(line, STATUS_DESCRIPTION_MAX);
}

/** The status state a decision shows: failure only where `fail` feedback is selected. */
export function statusState(decision: Decision, fails: boolean): 'success' | 'failure' {
  return (decision.state === 'waiting' || decision.state === 'violation') && fails ? 'failure' : 'success';
}

/** The setting a violation breaks as the reader wrote it: the budget key, and the rule's name when the rule came from the config file. */
export function violationSetting(v: Violation): { budget: BudgetName; rule?: string } {
  return v.rule === INPUTS_RULE_NAME ? { budget: v.budget } : { budget: v.budget, rule: v.rule };
}
