// All of a plan's writes, in the order that matters when a budget cuts the
// run short: statuses first (what branch protection reads), then labels,
// comments, the stale lifecycle, and closes last, capped by max-closes-per-run.
import type { Config } from '../config/types.js';
import { closeCommentBody, staleCommentBody, violationCloseBody } from './comments.js';
import { duplicateCommentWrites } from './duplicates.js';
import { closesForViolation } from './feedback.js';
import { hasWriteAccess } from './write-access.js';
import { findLabel, hasLabel } from './label-names.js';
import { labelDefinitions } from './labels.js';
import { labelWrites, statusWrite, stickyWrite } from './reconcile.js';
import type { Decision, PullRequest, WriteOp } from './types.js';

export interface Evaluated {
  pr: PullRequest;
  decision: Decision;
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
}

/** All writes for the evaluated PRs, in order (see the top of this file). A PR this run closes gets no other comment write. */
export function planWrites(
  evaluated: Evaluated[],
  config: Config,
  { wipLimit, lifecycle, actor, existingLabels }: WriteContext
): PlannedWrites {
  const { wanted, keptOpen } = wantedCloses(evaluated, config, lifecycle);
  const allowed = wanted.slice(0, config.maxClosesPerRun);
  const closing = new Map(allowed.map((c) => [c.pr.number, c.reason]));

  const statuses: WriteOp[] = [];
  const labels: WriteOp[] = [];
  const comments: WriteOp[] = [];
  const stale: WriteOp[] = [];
  for (const { pr, decision } of evaluated) {
    comments.push(...duplicateCommentWrites(pr, actor));
    labels.push(...labelWrites(pr, decision, config));
    // A PR closed for a violation needs no status either: it leaves the queue.
    if (closing.get(pr.number) === 'violation') continue;
    const status = statusWrite(pr, decision);
    if (status) statuses.push(status);
    const sticky = closing.has(pr.number) ? undefined : stickyWrite(pr, decision, wipLimit);
    if (sticky) comments.push(sticky);

    if (!lifecycle || !decision.stale) continue;
    if (decision.stale.action === 'mark') stale.push(...markOps(pr, decision, config));
    else if (decision.stale.action === 'unmark')
      stale.push({
        kind: 'remove-label',
        number: pr.number,
        label: findLabel(pr.labels, config.stale.label) ?? config.stale.label
      });
  }

  const body = [...statuses, ...labels, ...comments, ...stale, ...allowed.flatMap(closeOps)];
  return {
    writes: [...labelCreates(body, config, existingLabels), ...body],
    deferredCloses: wanted.slice(config.maxClosesPerRun).map((c) => c.pr.number),
    keptOpen
  };
}
