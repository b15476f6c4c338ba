// Applies a plan's writes, in order, within the run's budgets. Stops cleanly
// (and says what is left) on dry-run, a read-only token, max-writes-per-run,
// a primary rate limit running low, or GitHub failing repeatedly. Writes of
// one unit (a stale comment and its label, a close comment and its close) are
// budgeted whole, and once one is not applied the rest are not sent. A
// comment refused on a locked conversation is not applicable, not a failure.
import * as core from '@actions/core';
import type { WriteOp } from '../core/types.js';
import { STALE_MARKER, STICKY_MARKER } from '../core/markers.js';
import { sameLogin } from '../core/logins.js';
import type { Client } from './client.js';
import { describeGitHubError, isLockedError, isPermissionError, isRateLimitExhausted, statusOf } from './errors.js';
import type { RepoRef } from './repo.js';

/** Requests kept back for other workflows sharing the token's hourly budget. */
const RATE_LIMIT_RESERVE = 100;
const MAX_CONSECUTIVE_FAILURES = 3;
/** Why a comment on a locked conversation was not posted; the summary lists these apart from failures. */
const LOCKED_NOT_APPLICABLE = 'not applicable: the conversation is locked, so GitHub refuses comments on it';

export interface WriteOptions {
  repo: RepoRef;
  statusContext: string;
  targetUrl?: string;
  dryRun: boolean;
  maxWrites: number;
  actor: string;
  /** The triggering event (GITHUB_EVENT_NAME): the read-only warning says what writes the status instead. */
  eventName?: string;
  /** REST requests left this hour as last seen on any answer (see createClient); undefined while unknown. */
  restRemaining?: () => number | undefined;
}

export interface WriteResult {
  applied: WriteOp[];
  notApplied: { op: WriteOp; why: string }[];
  warnings: string[];
  /** Set when GitHub failures left writes undone: the run must not pass as if it had done its job. */
  failure?: string;
}

const PERMISSION: Record<WriteOp['kind'], string> = {
  'create-label': 'issues: write',
  status: 'statuses: write',
  'add-label': 'pull-requests: write',
  'remove-label': 'pull-requests: write',
  'sticky-comment': 'pull-requests: write',
  comment: 'pull-requests: write',
  'delete-comment': 'pull-requests: write',
  close: 'pull-requests: write'
};

type Send = (op: WriteOp) => Promise<unknown>;

export async function applyWrites(client: Client, ops: WriteOp[], options: WriteOptions): Promise<WriteResult> {
  const result: WriteResult = { applied: [], notApplied: [], warnings: [] };
  const warn = (message: string) => {
    core.warning(message);
    result.warnings.push(message);
  };
  if (options.dryRun) {
    result.notApplied = ops.map((op) => ({ op, why: 'dry-run' }));
    return result;
  }
  const send = sender(client, options);
  let writes = 0;
  let failures = 0;
  let failed = 0;
  let stopped: string | undefined;
  let stoppedBy: string | undefined;
  let askedRemaining = false;
  const unitSizes = new Map<string, number>();
  for (const op of ops) if (op.unit) unitSizes.set(op.unit, (unitSizes.get(op.unit) ?? 0) + 1);
  const startedUnits = new Set<string>();
  /** Units with a write not applied, and why the rest of the unit is not sent. */
  const brokenUnits = new Map<string, string>();
  const notApplied = (op: WriteOp, why: string) => {
    result.notApplied.push({ op, why });
    if (op.unit && !brokenUnits.has(op.unit)) {
      const rest =
        why === LOCKED_NOT_APPLICABLE
          ? `not applicable: goes with ${describeOp(op)}`
          : `not sent: ${describeOp(op)} was not applied`;
      brokenUnits.set(op.unit, rest);
    }
  };
  // Checked before every write, as reads in between (the writer's own lookups,
  // or answers with no headers: a 422 label that exists, a 404 label that is
  // gone) also spend the hour's budget.
  const reserveReached = (remaining: number | undefined): string | undefined => {
    if (remaining === undefined || remaining >= RATE_LIMIT_RESERVE) return undefined;
    warn(`Stopped writing: only ${remaining} API requests are left this hour; keeping them for other workflows.`);
    return `the API rate limit is nearly used up (${remaining} left); left for the next run`;
  };
  for (const [index, op] of ops.entries()) {
    const broken = !stopped && op.unit && brokenUnits.get(op.unit);
    if (broken) {
      result.notApplied.push({ op, why: broken });
      continue;
    }
    // A unit (a stale label and its comment, a close and its comment) is budgeted whole.
    const needed = op.unit && !startedUnits.has(op.unit) ? (unitSizes.get(op.unit) ?? 1) : 1;
    if (!stopped && writes + needed > options.maxWrites) {
      stopped = `max-writes-per-run (${options.maxWrites}) reached; left for the next run`;
      warn(
        `Stopped writing: max-writes-per-run (${options.maxWrites}) reached. ${ops.length - result.applied.length} writes are left for the next run.`
      );
    }
    // A run whose first REST request is a write asks what is left first (GET /rate_limit costs nothing).
    if (!stopped && !askedRemaining && options.restRemaining?.() === undefined && options.restRemaining) {
      askedRemaining = true;
      await askRemaining(client);
    }
    if (!stopped) stopped = reserveReached(options.restRemaining?.());
    if (stopped) {
      notApplied(op, stopped);
      continue;
    }
    if (op.unit) startedUnits.add(op.unit);
    try {
      const response = await send(op);
      writes++;
      failures = 0;
      result.applied.push(op);
      // Without a tracker (a bare client), the write's own answer tells what is left.
      stopped = reserveReached(options.restRemaining ? options.restRemaining() : remainingIn(response));
    } catch (error) {
      if (isPermissionError(error)) {
        const needed = [...new Set(ops.slice(index).map((o) => PERMISSION[o.kind]))];
        stopped = `the token cannot write (${needed.join(', ')} needed)`;
        warn(readOnlyWarning(needed, options.eventName));
        notApplied(op, stopped);
        continue;
      }
      if (isLockedError(error)) {
        // Locked between the read and the write: a maintainer's decision, not a failure of the run.
        notApplied(op, LOCKED_NOT_APPLICABLE);
        continue;
      }
      failures++;
      failed++;
      const line = describeGitHubError(error, describeOp(op));
      notApplied(op, line);
      if (isRateLimitExhausted(error)) {
        // Every further request would be refused until the reset.
        stopped = stoppedBy = line;
        continue;
      }
      warn(line);
      if (failures >= MAX_CONSECUTIVE_FAILURES) {
        stopped = 'GitHub kept failing; left for the next run';
        stoppedBy = `Stopped writing after ${failures} failures in a row`;
        warn(`Stopped writing after ${failures} failures in a row; the rest is left for the next run.`);
      }
    }
  }
  const total = result.applied.length + result.notApplied.length;
  const left = `${result.notApplied.length} of ${total} writes are left for the next run.`;
  if (stoppedBy) result.failure = `${stoppedBy.replace(/\.$/, '')}: ${left}`;
  else if (failed > 0) result.failure = `${failed} writes failed (see the warnings): ${left}`;
  return result;
}

/** One warning for a token that may only read: why that happens on this event, and what writes the status instead. */
function readOnlyWarning(needed: string[], eventName?: string): string {
  const permissions = needed.map((p) => `"${p}"`).join(', ');
  if (eventName === 'pull_request_review') {
    // There is no pull_request_review_target: a fork's review event always gets a read-only token.
    return (
      `The token may only read, so nothing was written (a review on a pull request from a fork gets a read-only token). ` +
      `The next sweep writes this PR's status; to write it at once, add the review recipe of the README section "Pull requests from forks" (or, for a pull request from this repository, grant ${permissions} in the workflow's permissions).`
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

function remainingIn(response: unknown): number | undefined {
  const remaining = Number((response as { headers?: Record<string, string> })?.headers?.['x-ratelimit-remaining']);
  return Number.isFinite(remaining) ? remaining : undefined;
}

export function describeOp(op: WriteOp): string {
  switch (op.kind) {
    case 'create-label':
      return `creating label "${op.name}"`;
    case 'status':
      return `setting status ${op.state} on #${op.number}${op.mergeGroup ? `'s merge group commit ${op.sha.slice(0, 7)}` : ''}`;
    case 'add-label':
      return `adding label "${op.label}" to #${op.number}`;
    case 'remove-label':
      return `removing label "${op.label}" from #${op.number}`;
    case 'sticky-comment':
      return `${op.commentId ? 'updating' : 'posting'} the backpressure comment on #${op.number}`;
    case 'comment':
      return `posting the ${op.purpose} comment on #${op.number}`;
    case 'delete-comment':
      return `deleting a duplicate ${op.purpose === 'sticky' ? 'backpressure' : 'stale'} comment on #${op.number}`;
    case 'close':
      return `closing #${op.number}`;
  }
}

/** REST routes name the repository `repo`, GraphQL `name`. */
function restRepo(repo: RepoRef): { owner: string; repo: string } {
  return { owner: repo.owner, repo: repo.name };
}

type RestRepo = { owner: string; repo: string };

/** The action's own comments carrying `marker`, oldest first (GET /repos/{owner}/{repo}/issues/{number}/comments, paged). */
async function ownComments(
  client: Client,
  repo: RestRepo,
  number: number,
  marker: string,
  actor: string
): Promise<{ id: number; created_at: string; body?: string }[]> {
  const comments = await client.paginate(client.rest.issues.listComments, {
    ...repo,
    issue_number: number,
    per_page: 100
  });
  // A marker in anyone else's comment means nothing.
  return comments
    .filter((c) => c.body?.includes(marker) && c.user && sameLogin(c.user.login, actor))
    .sort((a, b) => a.id - b.id);
}

/** The oldest own sticky comment's id when a reader's window of recent comments missed it. */
async function findSticky(client: Client, repo: RestRepo, number: number, actor: string): Promise<number | undefined> {
  return (await ownComments(client, repo, number, STICKY_MARKER, actor))[0]?.id;
}

/**
 * After posting: when a racing run posted the same comment first (an own
 * comment with `marker`, older than ours and not before `since`), ours is
 * the duplicate and is deleted, so exactly one copy stays.
 */
async function yieldToOlderCopy(
  client: Client,
  repo: RestRepo,
  number: number,
  marker: string,
  actor: string,
  posted: unknown,
  since = ''
): Promise<void> {
  const id = (posted as { data?: { id?: number } } | undefined)?.data?.id;
  if (id === undefined) return;
  try {
    const copies = await ownComments(client, repo, number, marker, actor);
    const from = since ? Date.parse(since) : -Infinity;
    if (copies.some((c) => c.id < id && Date.parse(c.created_at) >= from)) await deleteComment(client, repo, id);
  } catch (error) {
    // The comment is posted; a copy left here is deleted by the next run that reads the PR.
    core.info(describeGitHubError(error, `checking #${number} for a duplicate comment`));
  }
}

async function deleteComment(client: Client, repo: RestRepo, id: number): Promise<unknown> {
  try {
    return await client.rest.issues.deleteComment({ ...repo, comment_id: id });
  } catch (error) {
    if (statusOf(error) === 404) return undefined; // already gone
    throw error;
  }
}

/**
 * Posts a comment without blind retries: GitHub may have created it before
 * failing (a 502 after the write), and a retry would post it twice. After
 * such a failure `findCreated` looks for it; only when it is not there is it
 * posted again, with the usual retries.
 */
async function createOnce(
  client: Client,
  repo: { owner: string; repo: string },
  number: number,
  body: string,
  findCreated: () => Promise<unknown>
): Promise<unknown> {
  try {
    return await client.rest.issues.createComment({ ...repo, issue_number: number, body, request: { retries: 0 } });
  } catch (error) {
    const status = statusOf(error);
    if (status !== undefined && status < 500) throw error;
    return (await findCreated()) ?? client.rest.issues.createComment({ ...repo, issue_number: number, body });
  }
}

async function hasComment(
  client: Client,
  repo: RestRepo,
  number: number,
  body: string,
  actor: string
): Promise<boolean> {
  return (await ownComments(client, repo, number, body, actor)).some((c) => c.body === body);
}

function sender(client: Client, options: WriteOptions): Send {
  const repo = restRepo(options.repo);
  return async (op) => {
    switch (op.kind) {
      case 'create-label':
        try {
          return await client.rest.issues.createLabel({
            ...repo,
            name: op.name,
            color: op.color,
            description: op.description
          });
        } catch (error) {
          if ((error as { status?: number }).status === 422) return undefined; // created meanwhile
          throw error;
        }
      case 'status':
        return client.rest.repos.createCommitStatus({
          ...repo,
          sha: op.sha,
          state: op.state,
          context: options.statusContext,
          description: op.description,
          target_url: options.targetUrl
        });
      case 'add-label':
        return client.rest.issues.addLabels({ ...repo, issue_number: op.number, labels: [op.label] });
      case 'remove-label':
        try {
          return await client.rest.issues.removeLabel({ ...repo, issue_number: op.number, name: op.label });
        } catch (error) {
          if ((error as { status?: number }).status === 404) return undefined; // already gone
          throw error;
        }
      case 'sticky-comment': {
        const id = op.commentId ?? (await findSticky(client, repo, op.number, options.actor));
        if (id) return client.rest.issues.updateComment({ ...repo, comment_id: id, body: op.body });
        const posted = await createOnce(client, repo, op.number, op.body, async () => {
          const created = await findSticky(client, repo, op.number, options.actor);
          return created
            ? client.rest.issues.updateComment({ ...repo, comment_id: created, body: op.body })
            : undefined;
        });
        await yieldToOlderCopy(client, repo, op.number, STICKY_MARKER, options.actor, posted);
        return posted;
      }
      case 'comment': {
        const posted = await createOnce(client, repo, op.number, op.body, async () =>
          (await hasComment(client, repo, op.number, op.body, options.actor)) ? {} : undefined
        );
        if (op.postedSince !== undefined)
          await yieldToOlderCopy(client, repo, op.number, STALE_MARKER, options.actor, posted, op.postedSince);
        return posted;
      }
      case 'delete-comment':
        return deleteComment(client, repo, op.commentId);
      case 'close':
        return client.rest.pulls.update({ ...repo, pull_number: op.number, state: 'closed' });
    }
  };
}
