// Whose move is it? Only a PR waiting on its author can go stale; one waiting
// on the maintainers is neglected, never closed. A wrong "author's move"
// closes someone's work, so only explicit signals make it the author's move,
// checked in this order (README "Stale lifecycle"):
//   1. a `maintainer-move-labels` label → maintainers; an `author-move-labels` label → author
//   2. draft → author
//   3. merge conflict → author
//   4. a failing check on the head commit (not the action's own) with no push since → author
//   5. the latest verdict of someone with write access requested changes, and
//      the author has not pushed, commented or re-requested review since → author
//   6. anything else → maintainers
import { sameLabel } from './label-names.js';
import type { Config } from '../config/types.js';
import { hasWriteAccess } from './write-access.js';
import { sameLogin } from './logins.js';
import type { HeadCheck, PullRequest, PullRequestEvent, WhoseMove } from './types.js';
import { daysBetween } from './time.js';

export interface MoveVerdict {
  whoseMove: WhoseMove;
  /** The last activity by anyone but the action itself, or the creation time (ISO). */
  lastActivity: string;
  /** The signal that decided, in a few words a person understands: "changes requested by @x on 2025-03-01". */
  reason: string;
}

/** Check states that mean the check failed: a status context's failure or error, a check run's failing conclusions. */
const FAILED_CHECK_STATES = new Set(['failure', 'error', 'timed_out', 'startup_failure']);

const latest = (events: PullRequestEvent[], fallback: string): string =>
  events.reduce((max, e) => (e.at > max ? e.at : max), fallback);
const day = (iso: string) => iso.slice(0, 10);

function firstLabel(pr: PullRequest, names: string[]): string | undefined {
  return pr.labels.find((label) => names.some((name) => sameLabel(name, label)));
}

/** Failing checks on the head commit, other than the action's own context, that completed after the last push. */
function failingChecks(pr: PullRequest, statusContext: string): HeadCheck[] {
  const lastPush = latest(
    pr.events.filter((e) => e.kind === 'commit'),
    ''
  );
  // Without a time the check cannot be shown to follow the last push: not a signal.
  return (pr.checks ?? []).filter(
    (c) =>
      FAILED_CHECK_STATES.has(c.state) && !sameLabel(c.name, statusContext) && c.at !== undefined && c.at > lastPush
  );
}

function ago(at: string, now: Date): string {
  const days = Math.max(0, daysBetween(at, now));
  return days === 0 ? 'today' : days === 1 ? '1 day ago' : `${days} days ago`;
}

/**
 * Whose move a PR is, and why. Pure: reads the PR's labels, draft and
 * mergeable state, head-commit checks and events; `actor` is the action's
 * own login (its comments are never activity), `now` dates the reason.
 */
export function whoseMove(pr: PullRequest, config: Config, actor: string, now: Date): MoveVerdict {
  const activity = pr.events.filter((e) => e.kind !== 'review_requested' && !sameLogin(e.actor, actor));
  const lastActivity = latest(activity, pr.createdAt);
  const verdict = (move: WhoseMove, reason: string): MoveVerdict => ({ whoseMove: move, lastActivity, reason });

  const maintainerLabel = firstLabel(pr, config.stale.maintainerMoveLabels);
  if (maintainerLabel) return verdict('maintainers', `label ${maintainerLabel}`);
  const authorLabel = firstLabel(pr, config.stale.authorMoveLabels);
  if (authorLabel) return verdict('author', `label ${authorLabel}`);
  if (pr.isDraft) return verdict('author', 'draft');
  if (pr.mergeable === 'CONFLICTING') return verdict('author', 'merge conflict');
  const failing = failingChecks(pr, config.statusContext);
  if (failing.length > 0)
    return verdict('author', `checks failing: ${[...new Set(failing.map((c) => c.name))].join(', ')}`);

  const reviews = activity.filter(
    (e) => e.kind === 'review' && hasWriteAccess(e.association) && !sameLogin(e.actor, pr.author)
  );
  // A COMMENTED review is no verdict; a dismissed one reads as DISMISSED and no longer counts.
  const lastVerdict = reviews
    .filter((e) => e.reviewState === 'APPROVED' || e.reviewState === 'CHANGES_REQUESTED')
    .reduce<PullRequestEvent | undefined>((last, e) => (last === undefined || e.at >= last.at ? e : last), undefined);
  if (lastVerdict?.reviewState === 'CHANGES_REQUESTED') {
    const requested = `changes requested by @${lastVerdict.actor} on ${day(lastVerdict.at)}`;
    // Pushes count as the author's, whoever the committer was; so does re-requesting review.
    const answered = pr.events.some(
      (e) =>
        e.at > lastVerdict.at &&
        (e.kind === 'commit' ||
          (sameLogin(e.actor, pr.author) &&
            (e.kind === 'comment' || e.kind === 'review' || e.kind === 'review_requested')))
    );
    return answered ? verdict('maintainers', `${requested}, answered by the author`) : verdict('author', requested);
  }
  if (lastVerdict)
    return verdict('maintainers', `approved by @${lastVerdict.actor} ${ago(lastVerdict.at, now)}, not merged`);
  return verdict('maintainers', reviews.length > 0 ? 'reviewed, no approval or change request yet' : 'no review yet');
}
