// One sticky comment and one stale message per mark, also when runs race
// (README, "Decisions"): two runs that start together can both post. The
// oldest copy is kept (and the sticky one edited as usual); newer copies are
// deleted.
import { sameLogin } from './logins.js';
import { byCodeUnits } from './compare.js';
import type { PullRequest, WriteOp } from './types.js';

/**
 * Stale messages posted with no activity between them are copies of one
 * mark; every message after an earlier one without activity in between is
 * deleted. `actor`'s own events are never activity.
 */
function duplicateStaleIds(pr: PullRequest, actor: string): number[] {
  // Most PRs have no stale message or one: nothing to compare, nothing to allocate.
  if ((pr.staleComments?.length ?? 0) < 2) return [];
  const comments = [...(pr.staleComments ?? [])].sort((a, b) => byCodeUnits(a.at, b.at) || a.id - b.id);
  const activity = pr.events.filter((e) => !sameLogin(e.actor, actor)).map((e) => e.at);
  return comments.slice(1).flatMap((comment, i) => {
    const previous = comments[i].at;
    return activity.some((at) => at > previous && at <= comment.at) ? [] : [comment.id];
  });
}

/** The deletes that leave one sticky comment and one stale message per mark on the PR. */
export function duplicateCommentWrites(pr: PullRequest, actor: string): WriteOp[] {
  if (!pr.extraStickyIds?.length && (pr.staleComments?.length ?? 0) < 2) return [];
  const sticky = (pr.extraStickyIds ?? []).map((commentId): WriteOp => ({
    kind: 'delete-comment',
    number: pr.number,
    commentId,
    purpose: 'sticky'
  }));
  const stale = duplicateStaleIds(pr, actor).map((commentId): WriteOp => ({
    kind: 'delete-comment',
    number: pr.number,
    commentId,
    purpose: 'stale'
  }));
  return [...sticky, ...stale];
}
