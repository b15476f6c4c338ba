// Load-aware assignment (README "Review capacity"): with
// `assign-reviewers: least-loaded`, an admitted PR that waits on nobody's
// review gets a review request from the `reviewer-pool` member with the most
// room (their limit minus the admitted PRs waiting on them), never its
// author. Waiting PRs get none: they are not in review yet.
import type { Config, Rule } from '../config/types.js';
import { sameLogin } from './logins.js';
import { reviewerKey } from './review-capacity.js';
import type { ReviewerLimit } from './seat-groups.js';
import type { Decision, PullRequest } from './types.js';

/** Who was asked to review, and why: their load and limit when the request was made. */
export interface Assignment {
  reviewer: string;
  /** Admitted PRs waiting on their review before this one. */
  load: number;
  /** Their limit under the first review-capacity rule that selects the PR, if any. */
  limit?: number;
}

/** The admitted PRs waiting on each reviewer (by reviewerKey), from what they wait on. */
export function reviewerLoads(admitted: readonly { reviewRequests?: readonly string[] }[]): Map<string, number> {
  const loads = new Map<string, number>();
  for (const pr of admitted)
    for (const reviewer of new Set((pr.reviewRequests ?? []).map(reviewerKey)))
      loads.set(reviewer, (loads.get(reviewer) ?? 0) + 1);
  return loads;
}

/** Whether a PR needs a reviewer: admitted, no pending request, and no review by anyone but its author yet. */
function needsReviewer(pr: PullRequest, decision: Decision): boolean {
  if (decision.state !== 'admitted' || (pr.reviewRequests ?? []).length > 0) return false;
  return !pr.events.some((e) => e.kind === 'review' && !sameLogin(e.actor, pr.author));
}

/**
 * The pool member for `pr` with the most room (limit − load; without a limit, the least load), ties
 * in pool order; never the PR's author; undefined when assignment is off, the PR needs no reviewer,
 * or only its author is in the pool. `limitOf` gives a member's limit for this PR (undefined: none).
 */
export function chooseReviewer(
  pr: PullRequest,
  decision: Decision,
  config: Pick<Config, 'reviewers'>,
  loads: ReadonlyMap<string, number>,
  limitOf: (reviewer: string) => number | undefined
): Assignment | undefined {
  if (config.reviewers.assign !== 'least-loaded' || !needsReviewer(pr, decision)) return undefined;
  const room = (a: Assignment) => (a.limit ?? Infinity) - a.load;
  let best: Assignment | undefined;
  for (const member of config.reviewers.pool) {
    if (sameLogin(member, pr.author)) continue;
    const limit = limitOf(member);
    const candidate = {
      reviewer: member,
      load: loads.get(reviewerKey(member)) ?? 0,
      ...(limit === undefined ? {} : { limit })
    };
    if (!best || room(candidate) > room(best) || (room(candidate) === room(best) && candidate.load < best.load))
      best = candidate;
  }
  return best;
}

/** A member's limit for a PR under `rules` (the ones that select it): the first review-capacity rule's. */
export function poolLimit(rules: readonly Rule[], limit: ReviewerLimit): (member: string) => number | undefined {
  const rule = rules.find((r) => r.budgets.maxReviewRequests !== undefined);
  return (member) => (rule ? limit(rule, member) : undefined);
}

/**
 * The reviewer the action asked for on this PR and who is still asked: this run's assignment, or a
 * review request the action's account made earlier (the sticky comment keeps saying why).
 */
export function assignedReviewer(pr: PullRequest, decision: Decision, actor: string): string | undefined {
  if (decision.assigned) return decision.assigned.reviewer;
  const pending = new Set((pr.reviewRequests ?? []).map(reviewerKey));
  const asked = pr.events.filter(
    (e) =>
      e.kind === 'review_requested' &&
      e.reviewer !== undefined &&
      sameLogin(e.actor, actor) &&
      pending.has(reviewerKey(e.reviewer))
  );
  return asked.at(-1)?.reviewer;
}
