// All of a plan's writes, in the order that matters when a budget cuts the
// run short: statuses first (what branch protection reads), then labels,
// comments, the stale lifecycle, and closes last, capped by max-closes-per-run.
import type { Config } from '../config/types.js';
import { closeCommentBody, staleCommentBody, violationCloseBody } from './comments.js';
import { duplicateCommentWrites } from './duplicates.js';
import { closesForViolation, hasWriteAccess } from './feedback.js';
import { findLabel } from './label-names.js';
import { labelDefinitions } from './labels.js';
import { labelWrites, statusWrite, stickyWrite } from './reconcile.js';
import type { Decision, PullRequest, WriteOp } from './types.js';
import { whoseMove } from './whose-move.js';

export interface Evaluated {
  pr: PullRequest;
  decision: Decision;
}

export interface PlannedWrites {
  writes: WriteOp[];
  deferredCloses: number[];
}

/**
 * `existingLabels`: the action's labels known to exist in the repository
 * (undefined: unknown, so every label the writes add is created first; GitHub
 * answers 422 for one that exists).
 */
export function planWrites(evaluated: Evaluated[], config: Config, wipLimit: number, actor: string, existingLabels?: string[]): PlannedWrites {
  const statuses: WriteOp[] = [];
  const labels: WriteOp[] = [];
  const comments: WriteOp[] = [];
  const stale: WriteOp[] = [];
  const closes: { number: number; ops: WriteOp[] }[] = [];

  for (const { pr, decision } of evaluated) {
    comments.push(...duplicateCommentWrites(pr, actor));
    if (closesForViolation(pr, decision, config)) {
      labels.push(...labelWrites(pr, decision, config));
      closes.push({ number: pr.number, ops: [{ kind: 'comment', number: pr.number, body: violationCloseBody(pr, decision), purpose: 'close' }, { kind: 'close', number: pr.number, reason: 'violation' }] });
      continue;
    }
    const status = statusWrite(pr, decision, config);
    if (status) statuses.push(status);
    labels.push(...labelWrites(pr, decision, config));
    const sticky = stickyWrite(pr, decision, config, wipLimit);
    if (sticky) comments.push(sticky);

    const lifecycle = decision.stale;
    if (!lifecycle) continue;
    if (lifecycle.action === 'mark') {
      stale.push({ kind: 'add-label', number: pr.number, label: config.stale.label });
      // The message is posted once: not again when someone only removed the label.
      const alreadyTold = pr.staleMarkedAt !== undefined && pr.staleMarkedAt >= lifecycle.lastActivity;
      if (!alreadyTold) {
        const body = staleCommentBody(pr, lifecycle, whoseMove(pr, actor).reason, config);
        // A stale message since the last activity that the writer finds after posting is a racing run's.
        stale.push({ kind: 'comment', number: pr.number, body, purpose: 'stale', postedSince: lifecycle.lastActivity });
      }
    } else if (lifecycle.action === 'unmark') {
      stale.push({ kind: 'remove-label', number: pr.number, label: findLabel(pr.labels, config.stale.label) ?? config.stale.label });
    } else if (lifecycle.action === 'close' && !hasWriteAccess(pr)) {
      // Stale never closes a PR of someone with write access (spec §8): it stays marked.
      closes.push({
        number: pr.number,
        ops: [
          { kind: 'comment', number: pr.number, body: closeCommentBody(pr, whoseMove(pr, actor).reason, config), purpose: 'close' },
          { kind: 'close', number: pr.number, reason: 'stale' }
        ]
      });
    }
  }

  const allowed = closes.slice(0, config.maxClosesPerRun);
  const body = [...statuses, ...labels, ...comments, ...stale, ...allowed.flatMap((c) => c.ops)];
  const definitions = labelDefinitions(config);
  const exists = new Set((existingLabels ?? []).map((name) => name.toLowerCase()));
  const added = new Set(body.flatMap((op) => (op.kind === 'add-label' && !exists.has(op.label.toLowerCase()) ? [op.label] : [])));
  const creates = [...added].flatMap((name) => {
    const definition = definitions.get(name);
    return definition ? [definition] : [];
  });
  return { writes: [...creates, ...body], deferredCloses: closes.slice(config.maxClosesPerRun).map((c) => c.number) };
}
