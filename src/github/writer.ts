// Applies a plan's writes, in order, within the run's budgets. Stops cleanly
// (and says what is left) on dry-run, a read-only token, max-writes-per-run,
// a primary rate limit running low, or GitHub failing repeatedly. Writes of
// one unit (a stale comment and its label, a close comment and its close) are
// budgeted whole, and once one is not applied the rest are not sent. A
// comment refused on a locked conversation is not applicable, not a failure.
import * as core from '@actions/core';
import type { WriteOp } from '../core/types.js';
import { describeWrite } from '../core/write-description.js';
import { count } from '../core/count.js';
import type { Client } from './client.js';
import { describeGitHubError, isLockedError, isPermissionError, isRateLimitExhausted } from './errors.js';
import { writeSender, type Send, type SendOptions } from './send-write.js';
import type { GitHubSession } from './session.js';

/** Requests kept back for other workflows sharing the token's hourly budget. */
const RATE_LIMIT_RESERVE = 100;
const MAX_CONSECUTIVE_FAILURES = 3;
/** Why a comment on a locked conversation was not posted; the summary lists these apart from failures. */
const LOCKED_NOT_APPLICABLE = 'not applicable: the conversation is locked, so GitHub refuses comments on it';

export interface WriteOptions extends SendOptions {
  dryRun: boolean;
  /** max-writes-per-run: REST writes this run may send. */
  maxWrites: number;
  /** The triggering event (GITHUB_EVENT_NAME): the read-only warning says what writes the status instead. */
  eventName?: string;
}

export interface WriteResult {
  applied: WriteOp[];
  notApplied: { op: WriteOp; why: string }[];
  warnings: string[];
  /** Set when GitHub failures left writes undone: the run must not pass as if it had done its job. */
  failure?: string;
}

/** What the write loop needs from GitHub; a test passes stubs. */
export interface WriteChannel {
  send: Send;
  /** REST requests left this hour as last seen on any answer; undefined while unknown. */
  remaining: () => number | undefined;
  /** Asks GitHub what is left (GET /rate_limit, free), so that `remaining` knows. */
  askRemaining: () => Promise<void>;
}

const PERMISSION: Record<WriteOp['kind'], string> = {
  'create-label': 'issues: write',
  status: 'statuses: write',
  'add-label': 'pull-requests: write',
  'remove-label': 'pull-requests: write',
  'sticky-comment': 'pull-requests: write',
  comment: 'pull-requests: write',
  'delete-comment': 'pull-requests: write',
  close: 'pull-requests: write',
  'stamp-label': 'issues: write',
  'request-review': 'pull-requests: write'
};

/**
 * Sends `ops` in order through the session's REST client (see send-write.ts
 * for the endpoints) and reports what was applied, what not and why. Never
 * throws for a GitHub fault: failures are in `notApplied`, `warnings` and
 * `failure`. In dry-run nothing is sent.
 */
export async function applyWrites(session: GitHubSession, ops: WriteOp[], options: WriteOptions): Promise<WriteResult> {
  if (options.dryRun) return { applied: [], notApplied: ops.map((op) => ({ op, why: 'dry-run' })), warnings: [] };
  return sendWithinBudgets(ops, options, {
    send: writeSender(session, options),
    remaining: () => session.counts.restRemaining,
    askRemaining: () => askRemaining(session.client)
  });
}

/** The write loop of applyWrites, apart from GitHub: budgets, units and stops over `channel`. */
export async function sendWithinBudgets(
  ops: WriteOp[],
  options: WriteOptions,
  channel: WriteChannel
): Promise<WriteResult> {
  const run = new WriteRun(ops, options, channel);
  for (const [index, op] of ops.entries()) {
    const held = run.brokenUnit(op) ?? run.unvouched(op) ?? (await run.held(op));
    if (held) run.notApplied(op, held);
    else await run.send(op, index);
  }
  return run.result();
}

/** One run of writes: what was sent, what broke, and why the rest is held back. */
class WriteRun {
  private readonly applied: WriteOp[] = [];
  private readonly notSent: { op: WriteOp; why: string }[] = [];
  private readonly warnings: string[] = [];
  private writes = 0;
  /** Failures in a row, and in all. */
  private failuresInRow = 0;
  private failed = 0;
  /** Why every further write is held back, once a stop was reached. */
  private stopped?: string;
  /** A stop that makes the run fail (GitHub kept failing, the rate limit ran out). */
  private stoppedBy?: string;
  private askedRemaining = false;
  private readonly unitSizes = new Map<string, number>();
  private readonly startedUnits = new Set<string>();
  /** Units with a write not applied, and why the rest of the unit is not sent. */
  private readonly brokenUnits = new Map<string, string>();

  constructor(
    private readonly ops: WriteOp[],
    private readonly options: WriteOptions,
    private readonly channel: WriteChannel
  ) {
    for (const op of ops) if (op.unit) this.unitSizes.set(op.unit, (this.unitSizes.get(op.unit) ?? 0) + 1);
  }

  private warn(message: string): void {
    core.warning(message);
    this.warnings.push(message);
  }

  notApplied(op: WriteOp, why: string): void {
    this.notSent.push({ op, why });
    if (op.unit && !this.brokenUnits.has(op.unit)) {
      const what = describeWrite(op, { form: 'doing' });
      this.brokenUnits.set(
        op.unit,
        why === LOCKED_NOT_APPLICABLE ? `not applicable: goes with ${what}` : `not sent: ${what} was not applied`
      );
    }
  }

  /** Why the rest of `op`'s unit is not sent, once a write of the unit was not applied (before any stop). */
  brokenUnit(op: WriteOp): string | undefined {
    return !this.stopped && op.unit ? this.brokenUnits.get(op.unit) : undefined;
  }

  /** The queue state's stamp vouches for every write before it (core/state-stamp.ts): not sent once one was not applied. */
  unvouched(op: WriteOp): string | undefined {
    return op.kind === 'stamp-label' && this.notSent.length > 0
      ? 'not sent: a queue label before it was not applied, so the stamp would vouch for labels that are missing'
      : undefined;
  }

  /** Why `op` is not sent (a budget or stop reached), or undefined when it may go now. */
  async held(op: WriteOp): Promise<string | undefined> {
    // A unit (a stale label and its comment, a close and its comment) is budgeted whole.
    const needed = op.unit && !this.startedUnits.has(op.unit) ? (this.unitSizes.get(op.unit) ?? 1) : 1;
    if (!this.stopped && this.writes + needed > this.options.maxWrites) {
      this.stopped = `max-writes-per-run (${count(this.options.maxWrites)}) reached; left for the next run`;
      this.warn(
        `Stopped writing: max-writes-per-run (${count(this.options.maxWrites)}) reached.` +
          ` ${count(this.ops.length - this.applied.length)} writes are left for the next run.`
      );
    }
    // A run whose first REST request is a write asks what is left first (GET /rate_limit costs nothing).
    if (!this.stopped && !this.askedRemaining && this.channel.remaining() === undefined) {
      this.askedRemaining = true;
      await this.channel.askRemaining();
    }
    if (!this.stopped) this.stopped = this.reserveReached();
    return this.stopped;
  }

  // Checked before every write and after each, as reads in between (the
  // writer's own lookups, or answers with no headers: a 422 label that
  // exists, a 404 label that is gone) also spend the hour's budget.
  private reserveReached(): string | undefined {
    const remaining = this.channel.remaining();
    if (remaining === undefined || remaining >= RATE_LIMIT_RESERVE) return undefined;
    this.warn(
      `Stopped writing: only ${count(remaining)} API requests are left this hour; keeping them for other workflows.`
    );
    return `the API rate limit is nearly used up (${count(remaining)} left); left for the next run`;
  }

  async send(op: WriteOp, index: number): Promise<void> {
    if (op.unit) this.startedUnits.add(op.unit);
    try {
      await this.channel.send(op);
      this.writes++;
      this.failuresInRow = 0;
      this.applied.push(op);
      this.stopped = this.reserveReached();
    } catch (error) {
      this.failure(op, index, error);
    }
  }

  private failure(op: WriteOp, index: number, error: unknown): void {
    if (isPermissionError(error)) {
      const needed = [...new Set(this.ops.slice(index).map((o) => PERMISSION[o.kind]))];
      this.stopped = `the token cannot write (${needed.join(', ')} needed)`;
      this.warn(readOnlyWarning(needed, this.options.eventName));
      this.notApplied(op, this.stopped);
      return;
    }
    if (isLockedError(error)) {
      // Locked between the read and the write: a maintainer's decision, not a failure of the run.
      this.notApplied(op, LOCKED_NOT_APPLICABLE);
      return;
    }
    this.failuresInRow++;
    this.failed++;
    const line = describeGitHubError(error, describeWrite(op, { form: 'doing' }));
    this.notApplied(op, line);
    if (isRateLimitExhausted(error)) {
      // Every further request would be refused until the reset.
      this.stopped = this.stoppedBy = line;
      return;
    }
    this.warn(line);
    if (this.failuresInRow >= MAX_CONSECUTIVE_FAILURES) {
      this.stopped = 'GitHub kept failing; left for the next run';
      this.stoppedBy = `Stopped writing after ${this.failuresInRow} failures in a row`;
      this.warn(`Stopped writing after ${this.failuresInRow} failures in a row; the rest is left for the next run.`);
    }
  }

  result(): WriteResult {
    const result: WriteResult = { applied: this.applied, notApplied: this.notSent, warnings: this.warnings };
    const left = `${count(this.notSent.length)} of ${count(this.applied.length + this.notSent.length)} writes are left for the next run.`;
    if (this.stoppedBy) result.failure = `${this.stoppedBy.replace(/\.$/, '')}: ${left}`;
    else if (this.failed > 0) result.failure = `${count(this.failed)} writes failed (see the warnings): ${left}`;
    return result;
  }
}

/** One warning for a token that may only read: why that happens on this event, and what writes the status instead. */
function readOnlyWarning(needed: string[], eventName?: string): string {
  const permissions = needed.map((p) => `"${p}"`).join(', ');
  if (eventName === 'pull_request_review') {
    // There is no pull_request_review_target: a fork's review event always gets a read-only token.
    return (
      `The token may only read, so nothing was written (a review on a pull request from a fork gets a read-only token). ` +
      `The next sweep writes this PR's status; to write it at once, ` +
      `add the review recipe of the README section "Pull requests from forks" ` +
      `(or, for a pull request from this repository, grant ${permissions} in the workflow's permissions).`
    );
  }
  return (
    `The token may only read, so nothing was written (a pull request from a fork gets a read-only token on pull_request). ` +
    `Grant ${permissions} in the workflow's permissions, or see the README section "Pull requests from forks".`
  );
}

/** GET /rate_limit, which counts against no limit; its headers update the client's tracker (client.ts). A failure leaves it unknown. */
async function askRemaining(client: Client): Promise<void> {
  try {
    await client.rest.rateLimit.get();
  } catch (error) {
    core.debug(describeGitHubError(error, 'asking for the rate limit'));
  }
}
