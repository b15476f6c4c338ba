// The stale lifecycle of one PR (README "Stale lifecycle"): mark after stale-days without
// activity, close close-days after the mark, unmark on activity. Only PRs
// waiting on their author go stale (unless stale-when: always).
import type { Config } from '../config/types.js';
import { hasAnyLabel, hasLabel } from './label-names.js';
import type { PullRequest, StaleDecision } from './types.js';
import { whoseMove } from './whose-move.js';
import { daysBetween } from './time.js';

/** With stale off, the report still lists PRs the maintainers left this long. */
const NEGLECT_DAYS_WHEN_STALE_OFF = 14;

/** Full days on the maintainers' side after which a PR is listed as neglected. */
export function neglectDays(config: Config): number {
  return config.stale.days || NEGLECT_DAYS_WHEN_STALE_OFF;
}

function isExempt(pr: PullRequest, config: Config): boolean {
  const stale = config.stale;
  if (pr.isDraft && !stale.drafts) return true;
  if (stale.exemptAssigned && pr.assignees.length > 0) return true;
  if (stale.exemptMilestones && pr.hasMilestone) return true;
  return hasAnyLabel(pr.labels, stale.exemptLabels);
}

/**
 * What the lifecycle does to an unlocked PR. A PR is marked only when it has
 * the label and the action's own stale comment, posted after the last
 * activity: a label alone is repaired (the comment is posted when the mark is
 * due, the label removed when not), and the close clock starts at the comment.
 */
function lifecycleAction(
  pr: PullRequest,
  config: Config,
  eligible: boolean,
  lastActivity: string,
  idleDays: number,
  now: Date
): StaleDecision['action'] {
  const stale = config.stale;
  const labelled = hasLabel(pr.labels, stale.label);
  const markedAt = pr.staleMarkedAt !== undefined && pr.staleMarkedAt >= lastActivity ? pr.staleMarkedAt : undefined;
  if (labelled && markedAt) {
    if (!eligible || idleDays < stale.days) return 'unmark';
    return stale.closeDays > 0 && daysBetween(markedAt, now) >= stale.closeDays ? 'close' : 'none';
  }
  if (eligible && idleDays >= stale.days) return 'mark';
  return labelled ? 'unmark' : 'none';
}

/**
 * The stale lifecycle of one PR: whose move it is (and why), how long it has
 * been idle, whether it is neglected, and what to do. With stale-days 0 the
 * action is responsible for no stale label: it never adds or removes one. A
 * locked PR is skipped; `lockedSkip` says what would have happened.
 */
export function decideStale(pr: PullRequest, config: Config, actor: string, now: Date): StaleDecision {
  const { whoseMove: move, lastActivity, reason } = whoseMove(pr, config, actor, now);
  const idleDays = daysBetween(lastActivity, now);
  const stale = config.stale;
  const neglected = move === 'maintainers' && !pr.isDraft && idleDays >= neglectDays(config);
  const decision = (action: StaleDecision['action']): StaleDecision => ({
    whoseMove: move,
    reason,
    lastActivity,
    idleDays,
    action,
    neglected
  });
  if (stale.days === 0) return decision('none');
  const eligible = !isExempt(pr, config) && (stale.when === 'always' || move === 'author');
  const action = lifecycleAction(pr, config, eligible, lastActivity, idleDays, now);
  if (!pr.locked) return decision(action);
  // A locked conversation is a maintainer's decision: the lifecycle leaves it alone.
  return action === 'mark' || action === 'close' ? { ...decision('none'), lockedSkip: action } : decision('none');
}
