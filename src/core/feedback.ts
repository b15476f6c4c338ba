// Which feedback a decision gets (README "Rules"): `on-waiting` for waiting PRs,
// `on-violation` (or a rule's own) for violations.
import {
  WRITE_ASSOCIATIONS,
  type Config,
  type Rule,
  type ViolationFeedback,
  type WaitingFeedback
} from '../config/types.js';
import type { Decision, PullRequest } from './types.js';

export type Feedback = WaitingFeedback | ViolationFeedback;

export function feedbackFor(decision: Decision, config: Config): Set<Feedback> {
  if (decision.state === 'waiting') return new Set(config.onWaiting);
  if (decision.state !== 'violation') return new Set();
  const chosen = new Set<Feedback>();
  for (const violation of decision.violations) {
    const rule = config.rules.find((r) => r.name === violation.rule);
    for (const feedback of rule?.onViolation ?? config.onViolation) chosen.add(feedback);
  }
  return chosen;
}

export function failsStep(decision: Decision, config: Config): boolean {
  return feedbackFor(decision, config).has('fail');
}

export function hasWriteAccess(pr: PullRequest): boolean {
  return WRITE_ASSOCIATIONS.includes(pr.authorAssociation);
}

/** A rule that picks its authors by name or association and says `close` itself. */
function namesAuthorsToClose(rule: Rule | undefined): boolean {
  const selector = rule?.selector;
  const namesAuthors = selector?.authors !== undefined || selector?.associations !== undefined;
  return namesAuthors && (rule?.onViolation?.includes('close') ?? false);
}

/**
 * A violation closes the PR when `close` is chosen; for an author with write
 * access only when a violated rule names its authors explicitly and says
 * `close` itself. Never a locked PR (README "Stale lifecycle").
 */
export function closesForViolation(pr: PullRequest, decision: Decision, config: Config): boolean {
  if (decision.state !== 'violation' || !feedbackFor(decision, config).has('close')) return false;
  // A close needs its close comment first, and a locked conversation takes none.
  if (pr.locked) return false;
  if (!hasWriteAccess(pr)) return true;
  return decision.violations.some((v) => namesAuthorsToClose(config.rules.find((r) => r.name === v.rule)));
}
