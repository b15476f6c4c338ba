// All of a plan's writes, in the order that matters when a budget cuts the
// run short: the queue's state labels first and the stamp that vouches for
// them (what makes gates cheap and right), then statuses (what branch
// protection reads), feedback labels, comments, the stale lifecycle, and
// closes last, capped by max-closes-per-run.
import type { Config } from '../config/types.js';
import { closeCommentBody, staleCommentBody, violationCloseBody } from './comments.js';
import { duplicateCommentWrites } from './duplicates.js';
import { closesForViolation } from './feedback.js';
import { hasWriteAccess } from './write-access.js';
import { findLabel, hasLabel, sameLabel } from './label-names.js';
import { ADMITTED_COLOR, labelDefinitions } from './labels.js';
import { feedbackLabelWrites, kindChanged, stateLabelWrites, statusWrite, stickyWrite } from './reconcile.js';
import type { Decision, PullRequest, WriteOp } from './types.js';

export interface Evaluated {
  pr: PullRequest;
  decision: Decision;
  /**
   * `changes` (advance, and the PRs around a gate's): labels where they differ, the status and
   * sticky comment only where the decision's kind changed (reconcile.ts kindChanged); `none`:
   * nothing (the closes a decision asks for included); default `all`.
   */
  shows?: 'all' | 'changes' | 'none';
}

export interface PlannedWrites {
  writes: WriteOp[];
  deferredCloses: number[];
  /** Stale PRs due to close that stay open, marked: the author has write access. */
  keptOpen: number[];
}

interface Close {
  pr: PullRequest;
  reason: 'stale' | 'violation';
  body: string;
}

/**
 * Whether the action's own close comment is already on the PR for this
 * close: posted after the PR was last opened (and, for a stale close, after
 * the stale mark). A close that failed after its comment went out is retried
 * without posting the comment again.
 */
function hasCloseComment(pr: PullRequest, reason: Close['reason']): boolean {
  if (pr.closeCommentedAt === undefined) return false;
  const opened = pr.events
    .filter((e) => e.kind === 'reopened')
    .reduce((max, e) => (e.at > max ? e.at : max), pr.createdAt);
  const since =
    reason === 'stale' && pr.staleMarkedAt !== undefined && pr.staleMarkedAt > opened ? pr.staleMarkedAt : opened;
  return pr.closeCommentedAt >= since;
}

/** The unit of a stale mark's writes (its comment and its label) on PR `number`. */
export function staleMarkUnit(number: number): string {
  return `stale #${number}`;
}

/** The close comment (unless it is already there) and the close, as one unit: no close without its comment. */
function closeOps({ pr, reason, body }: Close): WriteOp[] {
  const unit = `close #${pr.number}`;
  const close: WriteOp = { kind: 'close', number: pr.number, reason, unit };
  return hasCloseComment(pr, reason)
    ? [close]
    : [{ kind: 'comment', number: pr.number, body, purpose: 'close', unit }, close];
}

/** The stale mark as one unit: the comment first (it is the mark), then the label, each only where missing. */
function markOps(pr: PullRequest, decision: Decision, config: Config): WriteOp[] {
  const lifecycle = decision.stale!;
  const unit = staleMarkUnit(pr.number);
  const ops: WriteOp[] = [];
  const told = pr.staleMarkedAt !== undefined && pr.staleMarkedAt >= lifecycle.lastActivity;
  // A stale message since the last activity that the writer finds after posting is a racing run's.
  if (!told)
    ops.push({
      kind: 'comment',
      number: pr.number,
      body: staleCommentBody(pr, lifecycle, lifecycle.reason, config),
      purpose: 'stale',
      postedSince: lifecycle.lastActivity,
      unit
    });
  if (!hasLabel(pr.labels, config.stale.label))
    ops.push({ kind: 'add-label', number: pr.number, label: config.stale.label, unit });
  return ops;
}

/** The closes this run wants, in queue order, and the stale PRs it keeps open. */
function wantedCloses(
  evaluated: Evaluated[],
  config: Config,
  lifecycle: boolean
): { wanted: Close[]; keptOpen: number[] } {
  const wanted: Close[] = [];
  const keptOpen: number[] = [];
  for (const { pr, decision } of evaluated) {
    if (closesForViolation(pr, decision, config))
      wanted.push({ pr, reason: 'violation', body: violationCloseBody(pr, decision) });
    else if (lifecycle && decision.stale?.action === 'close') {
      // Stale never closes a PR of someone with write access: it stays marked.
      if (hasWriteAccess(pr.authorAssociation)) keptOpen.push(pr.number);
      else wanted.push({ pr, reason: 'stale', body: closeCommentBody(pr, decision.stale.reason, config) });
    }
  }
  return { wanted, keptOpen };
}

/** The action's labels that `writes` add and that are not known to exist: created first (GitHub answers 422 for one that does). */
function labelCreates(writes: WriteOp[], config: Config, existingLabels: string[] | undefined): WriteOp[] {
  const definitions = labelDefinitions(config);
  const exists = new Set((existingLabels ?? []).map((name) => name.toLowerCase()));
  const added = new Set(
    writes.flatMap((op) => (op.kind === 'add-label' && !exists.has(op.label.toLowerCase()) ? [op.label] : []))
  );
  return [...added].flatMap((name) => {
    const definition = definitions.get(name);
    return definition ? [definition] : [];
  });
}

/** What the writes of a run depend on besides the decisions and the config. */
export interface WriteContext {
  /** The WIP limit in effect (the sticky comment shows it). */
  wipLimit: number;
  /** True in a sweep, the only mode that marks, unmarks and closes stale PRs. */
  lifecycle: boolean;
  /** The action's login: whose comments are its own. */
  actor: string;
  /**
   * The action's labels known to exist in the repository (undefined: unknown, so every label the
   * writes add is created first; GitHub answers 422 for one that exists).
   */
  existingLabels?: string[];
  /** The stamp to write after the state labels (state-stamp.ts): a whole-queue run whose stamp is missing or old. */
  stamp?: string;
}

/** The stamp op, after every state label: it creates admitted-label when neither the repository nor this run has it. */
function stampOp(
  config: Config,
  description: string,
  existingLabels: string[] | undefined,
  writes: WriteOp[]
): WriteOp {
  const name = config.admittedLabel;
  const exists =
    (existingLabels ?? []).some((label) => sameLabel(label, name)) ||
    writes.some((op) => op.kind === 'create-label' && sameLabel(op.name, name));
  return { kind: 'stamp-label', name, color: ADMITTED_COLOR, description, exists };
}

/** All writes for the evaluated PRs, in order (see the top of this file). A PR this run closes gets no other comment write. */
export function planWrites(
  evaluated: Evaluated[],
  config: Config,
  { wipLimit, lifecycle, actor, existingLabels, stamp }: WriteContext
): PlannedWrites {
  const shown = evaluated.filter((e) => e.shows !== 'none');
  const { wanted, keptOpen } = wantedCloses(shown, config, lifecycle);
  const allowed = wanted.slice(0, config.maxClosesPerRun);
  const closing = new Map(allowed.map((c) => [c.pr.number, c.reason]));

  const state: WriteOp[] = [];
  const statuses: WriteOp[] = [];
  const labels: WriteOp[] = [];
  const comments: WriteOp[] = [];
  const stale: WriteOp[] = [];
  for (const { pr, decision, shows = 'all' } of shown) {
    // Copies a race left are cleaned where the PR is shown whole.
    if (shows === 'all') comments.push(...duplicateCommentWrites(pr, actor));
    state.push(...stateLabelWrites(pr, decision, config, wipLimit));
    labels.push(...feedbackLabelWrites(pr, decision, config));
    // A PR closed for a violation needs no status either: it leaves the queue.
    if (closing.get(pr.number) === 'violation') continue;
    if (decision.assigned)
      statuses.push({ kind: 'request-review', number: pr.number, reviewer: decision.assigned.reviewer });
    if (shows === 'all' || kindChanged(pr, decision)) {
      const status = statusWrite(pr, decision);
      if (status) statuses.push(status);
      const sticky = closing.has(pr.number) ? undefined : stickyWrite(pr, decision, wipLimit, actor);
      if (sticky) comments.push(sticky);
    }

    if (!lifecycle || !decision.stale) continue;
    if (decision.stale.action === 'mark') stale.push(...markOps(pr, decision, config));
    else if (decision.stale.action === 'unmark')
      stale.push({
        kind: 'remove-label',
        number: pr.number,
        label: findLabel(pr.labels, config.stale.label) ?? config.stale.label
      });
  }

  const body = [...state, ...statuses, ...labels, ...comments, ...stale, ...allowed.flatMap(closeOps)];
  const creates = labelCreates(body, config, existingLabels);
  const stamped = stamp === undefined ? [] : [stampOp(config, stamp, existingLabels, creates)];
  return {
    writes: [...creates, ...state, ...stamped, ...body.slice(state.length)],
    deferredCloses: wanted.slice(config.maxClosesPerRun).map((c) => c.pr.number),
    keptOpen
  };
}
