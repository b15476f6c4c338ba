// Whose move is it (spec §5)? Only a PR waiting on its author can go stale;
// one waiting on the maintainers is neglected, never closed.
import { WRITE_ASSOCIATIONS } from '../config/types.js';
import { sameLogin } from './logins.js';
import type { PullRequest, PullRequestEvent, WhoseMove } from './types.js';

export interface MoveVerdict {
  whoseMove: WhoseMove;
  /** The last activity by anyone but the action itself (spec §5), or the creation time. */
  lastActivity: string;
  /** Why, in a few words a person understands. */
  reason: string;
}

const latest = (events: PullRequestEvent[], fallback: string): string => events.reduce((max, e) => (e.at > max ? e.at : max), fallback);

function isMaintainer(event: PullRequestEvent): boolean {
  return event.association !== undefined && WRITE_ASSOCIATIONS.includes(event.association);
}

export function whoseMove(pr: PullRequest, actor: string): MoveVerdict {
  const activity = pr.events.filter((e) => !sameLogin(e.actor, actor));
  const lastActivity = latest(activity, pr.createdAt);
  const verdict = (move: WhoseMove, reason: string): MoveVerdict => ({ whoseMove: move, lastActivity, reason });

  if (pr.isDraft) return verdict('author', 'it is a draft');
  if (pr.mergeable === 'CONFLICTING') return verdict('author', 'it has merge conflicts');

  // Pushes count as the author's, whoever the committer was.
  const byAuthor = activity.filter((e) => e.kind === 'commit' || sameLogin(e.actor, pr.author));
  const authorLast = latest(byAuthor, pr.createdAt);
  const fromMaintainers = activity.filter((e) => !sameLogin(e.actor, pr.author) && isMaintainer(e));
  const lastVerdict = [...fromMaintainers].reverse().find((e) => e.kind === 'review' && (e.reviewState === 'CHANGES_REQUESTED' || e.reviewState === 'APPROVED'));
  if (lastVerdict?.reviewState === 'CHANGES_REQUESTED' && lastVerdict.at > authorLast) return verdict('author', 'changes were requested');
  if (fromMaintainers.some((e) => e.at > authorLast)) return verdict('author', 'a maintainer replied');
  return verdict('maintainers', 'it waits for review');
}
