// The report's view of review capacity (README "Review capacity"): per
// reviewer, how many PRs ask them, how many of those are admitted, their
// pace, limit, expected wait and the oldest review they owe; who is
// overloaded or idle; and the maintainers' own backlog by reviewer. Decided
// here so that the summary only renders it.
import type { Config } from '../config/types.js';
import { reviewerKey } from './review-capacity.js';
import { isReviewRule, type ReviewerLimit } from './seat-groups.js';
import { rulesFor } from './rules.js';
import type { Decision, PullRequest } from './types.js';
import { daysBetween } from './time.js';
import { byCodeUnits } from './compare.js';

export interface ReviewerRow {
  reviewer: string;
  /** Countable PRs waiting on their review (admitted or not). */
  requested: number;
  admitted: number;
  /** Their reviews per week over the throughput window, when the review history was read. */
  perWeek?: number;
  /** Their limit under the plain inputs' rule (or the first review-capacity rule), when there is one. */
  limit?: number;
  /** Days until the last PR waiting on them is reviewed at their pace, when known. */
  expectedWaitDays?: number;
  /** Days the oldest request to them on an admitted PR has waited. */
  oldestOwedDays?: number;
  /** PRs waiting on the maintainers longer than the neglect threshold that ask them. */
  neglected: number;
  state: 'overloaded' | 'idle' | 'ok';
}

/** When a reviewer was asked on a PR: the latest request event for them, else the PR's creation. */
function askedAt(pr: PullRequest, reviewer: string): string {
  const key = reviewerKey(reviewer);
  const asked = pr.events.filter((e) => e.kind === 'review_requested' && e.reviewer && reviewerKey(e.reviewer) === key);
  return asked.at(-1)?.at ?? pr.createdAt;
}

/**
 * One row per reviewer waited on by a countable PR, the busiest first; empty without review
 * capacity or assignment. `pace`: reviews per day by reviewerKey, when read.
 */
export function reviewerRows(
  evaluated: { pr: PullRequest; decision: Decision }[],
  config: Config,
  limit: ReviewerLimit,
  now: Date,
  pace?: ReadonlyMap<string, number>
): ReviewerRow[] {
  const reviewRule = config.rules.find(isReviewRule);
  if (!reviewRule && config.reviewers.assign === 'off') return [];
  const rows = new Map<string, ReviewerRow & { waiting: number }>();
  for (const { pr, decision } of evaluated) {
    if (decision.state === 'exempt') continue;
    for (const reviewer of new Set(pr.reviewRequests ?? [])) {
      const key = reviewerKey(reviewer);
      const rule = rulesFor(pr, config).find(isReviewRule) ?? reviewRule;
      const row = rows.get(key) ?? {
        reviewer,
        requested: 0,
        admitted: 0,
        waiting: 0,
        neglected: 0,
        state: 'ok' as const,
        ...(rule ? { limit: limit(rule, reviewer) } : {})
      };
      row.requested++;
      if (decision.state === 'admitted') {
        row.admitted++;
        const owed = daysBetween(askedAt(pr, reviewer), now);
        row.oldestOwedDays = Math.max(row.oldestOwedDays ?? 0, owed);
      }
      if (decision.state === 'waiting') row.waiting++;
      if (decision.stale?.neglected) row.neglected++;
      rows.set(key, row);
    }
  }
  return [...rows.entries()]
    .map(([key, { waiting, ...row }]) => {
      const perDay = pace?.get(key);
      const overloaded = row.limit !== undefined && row.admitted >= row.limit && waiting > 0;
      return {
        ...row,
        ...(perDay === undefined ? {} : { perWeek: perDay * 7 }),
        ...(perDay ? { expectedWaitDays: (row.admitted + waiting) / perDay } : {}),
        state: overloaded ? ('overloaded' as const) : row.admitted === 0 ? ('idle' as const) : ('ok' as const)
      };
    })
    .sort((a, b) => b.requested - a.requested || byCodeUnits(a.reviewer, b.reviewer));
}
