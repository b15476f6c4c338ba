// Which feedback a decision gets (README "Rules"): `on-waiting` for waiting PRs,
// `on-violation` (or a rule's own) for violations; and whether the job fails
// for it (README "Require the `backpressure` status").
import type { Config, Rule } from '../config/types.js';
import { hasWriteAccess } from './write-access.js';
import type { Decision, ExecutionReport, Feedback, PullRequest } from './types.js';

/** A decision before its feedback is known. */
export type Unjudged = Omit<Decision, 'feedback'>;

/**
 * The feedback a decision gets: `on-waiting` for a waiting PR, for a violation
 * the union of its rules' `on-violation` (or the input's). Called once per
 * decision, where it is made (decide.ts).
 */
function feedbackFor(decision: Unjudged, config: Config): Set<Feedback> {
  if (decision.state === 'waiting') return new Set(config.onWaiting);
  if (decision.state !== 'violation') return new Set();
  const chosen = new Set<Feedback>();
  for (const violation of decision.violations) {
    const rule = config.rules.find((r) => r.name === violation.rule);
    for (const feedback of rule?.onViolation ?? config.onViolation) chosen.add(feedback);
  }
  return chosen;
}

/** The decision with its feedback. */
export function judged(decision: Unjudged, config: Config): Decision {
  return { ...decision, feedback: [...feedbackFor(decision, config)] };
}

/** The PR's commit status is `failure` only where `fail` is chosen; otherwise `success` (the label or comment tells). */
export function failsStatus(decision: Decision): boolean {
  return decision.feedback.includes('fail');
}

/**
 * Why a gate's job fails for its PR, or undefined when it passes. The status
 * is the check: a failed job run would stay red on the PR after advance or a
 * sweep turns the status green, so by default the job passes and the
 * `failure` status carries the decision. The job fails for it only when the
 * user opts in (`fail-job`), or when that status was planned and not written
 * (a read-only token on a fork's PR, a fault): then the failed job is the only
 * signal. Dry-run writes nothing by choice and never fails for a decision.
 * `subject`: the gate's decision (undefined in advance and sweep: they pass).
 */
export function jobFailure(
  subject: Decision | undefined,
  execution: ExecutionReport,
  config: Pick<Config, 'failJob' | 'statusContext'>
): string | undefined {
  if (!subject || !failsStatus(subject)) return undefined;
  if (config.failJob) return subject.summary;
  if (execution.dryRun) return undefined;
  const unwritten = execution.notApplied.find(({ op }) => op.kind === 'status' && op.number === subject.number);
  if (!unwritten) return undefined;
  return (
    `${subject.summary} (the "${config.statusContext}" status could not be written: ${unwritten.why}; ` +
    `the failed job says it instead)`
  );
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
  if (decision.state !== 'violation' || !decision.feedback.includes('close')) return false;
  // A close needs its close comment first, and a locked conversation takes none.
  if (pr.locked) return false;
  if (!hasWriteAccess(pr.authorAssociation)) return true;
  return decision.violations.some((v) => namesAuthorsToClose(config.rules.find((r) => r.name === v.rule)));
}
