// A merge queue's temporary commit gets the same status as the PR it carries
// (README "Merge queues"): the queue waits for the required `backpressure`
// status on `merge_group.head_sha`, not on the PR's head.
import { statusWrite } from './reconcile.js';
import type { Plan, PullRequest } from './types.js';

/**
 * The plan with one more status write: the subject PR's decision on the merge group's head commit
 * (`sha`, 40 hex digits), first in line. That commit is new, so the status is always written.
 * Returns the plan unchanged when it has no subject.
 */
export function withMergeGroupStatus(plan: Plan, pr: PullRequest, sha: string): Plan {
  const decision = plan.subject;
  if (!decision || decision.number !== pr.number) return plan;
  const write = statusWrite({ ...pr, headSha: sha, status: undefined }, decision);
  if (write?.kind !== 'status') return plan;
  return { ...plan, writes: [{ ...write, mergeGroup: true }, ...plan.writes] };
}
