// The stale lifecycle of one PR (spec §5): mark after stale-days without
// activity, close close-days after the mark, unmark on activity. Only PRs
// waiting on their author go stale (unless stale-when: always).
import type { Config } from '../config/types.js';
import type { PullRequest, StaleDecision } from './types.js';
import { whoseMove } from './whose-move.js';

const DAY_MS = 86_400_000;
/** With stale off, the report still lists PRs the maintainers left this long. */
export const NEGLECT_DAYS_WHEN_STALE_OFF = 14;

/** Full days on the maintainers' side after which a PR is listed as neglected. */
export function neglectDays(config: Config): number {
  return config.stale.days || NEGLECT_DAYS_WHEN_STALE_OFF;
}

function daysBetween(from: string, now: Date): number {
  return Math.floor((now.getTime() - new Date(from).getTime()) / DAY_MS);
}

function isExempt(pr: PullRequest, config: Config): boolean {
  const stale = config.stale;
  if (pr.isDraft && !stale.drafts) return true;
  if (stale.exemptAssigned && pr.assignees.length > 0) return true;
  if (stale.exemptMilestones && pr.hasMilestone) return true;
  return pr.labels.some((label) => stale.exemptLabels.includes(label));
}

export function decideStale(pr: PullRequest, config: Config, actor: string, now: Date): StaleDecision {
  const { whoseMove: move, lastActivity } = whoseMove(pr, actor);
  const idleDays = daysBetween(lastActivity, now);
  const stale = config.stale;
  const neglected = move === 'maintainers' && !pr.isDraft && idleDays >= neglectDays(config);
  const decision = (action: StaleDecision['action']): StaleDecision => ({ whoseMove: move, lastActivity, idleDays, action, neglected });

  const marked = pr.labels.includes(stale.label);
  const eligible = stale.days > 0 && !isExempt(pr, config) && (stale.when === 'always' || move === 'author');
  // Without the action's own stale comment (someone added the label by hand), the mark counts from when it was due.
  const markedAt = pr.staleMarkedAt ?? new Date(new Date(lastActivity).getTime() + stale.days * DAY_MS).toISOString();

  if (marked) {
    if (!eligible || lastActivity > markedAt || idleDays < stale.days) return decision('unmark');
    if (stale.closeDays > 0 && daysBetween(markedAt, now) >= stale.closeDays) return decision('close');
    return decision('none');
  }
  return decision(eligible && idleDays >= stale.days ? 'mark' : 'none');
}
