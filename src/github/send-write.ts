// Sends one planned write to GitHub's REST API, the way a careful person
// would: a label that exists or is gone is no failure, the sticky comment is
// edited in place, and a comment is never posted twice by a blind retry or a
// racing run (README "Decisions where the spec is silent").
import * as core from '@actions/core';
import type { WriteOp } from '../core/types.js';
import { STALE_MARKER, STICKY_MARKER } from '../core/markers.js';
import { sameLogin } from '../core/logins.js';
import type { Client } from './client.js';
import { describeGitHubError, statusOf } from './errors.js';
import type { GitHubSession } from './session.js';

/** Sends one write; resolves to GitHub's answer (undefined when there was nothing to do). */
export type Send = (op: WriteOp) => Promise<unknown>;

export interface SendOptions {
  /** The commit status context (the `status-context` input). */
  statusContext: string;
  /** Each status's link (the run's summary). */
  targetUrl?: string;
  /** The token's login (REST form): whose comments are the action's own. */
  actor: string;
}

/** A REST call's target: the client, the repository as REST names it, and the action's login. */
interface Rest {
  client: Client;
  repo: { owner: string; repo: string };
  actor: string;
}

/** The action's own comments carrying `marker`, oldest first (GET /repos/{owner}/{repo}/issues/{number}/comments, paged). */
async function listOwnComments(
  { client, repo, actor }: Rest,
  number: number,
  marker: string
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
async function findSticky(rest: Rest, number: number): Promise<number | undefined> {
  return (await listOwnComments(rest, number, STICKY_MARKER))[0]?.id;
}

/**
 * After posting: when a racing run posted the same comment first (an own
 * comment with `marker`, older than ours and not before `since`), ours is
 * the duplicate and is deleted, so exactly one copy stays.
 */
async function yieldToOlderCopy(
  rest: Rest,
  number: number,
  marker: string,
  posted: unknown,
  since = ''
): Promise<void> {
  const id = (posted as { data?: { id?: number } } | undefined)?.data?.id;
  if (id === undefined) return;
  try {
    const copies = await listOwnComments(rest, number, marker);
    const from = since ? Date.parse(since) : -Infinity;
    if (copies.some((c) => c.id < id && Date.parse(c.created_at) >= from)) await deleteComment(rest, id);
  } catch (error) {
    // The comment is posted; a copy left here is deleted by the next run that reads the PR.
    core.info(describeGitHubError(error, `checking #${number} for a duplicate comment`));
  }
}

async function deleteComment({ client, repo }: Rest, id: number): Promise<unknown> {
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
  { client, repo }: Rest,
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

async function hasComment(rest: Rest, number: number, body: string): Promise<boolean> {
  return (await listOwnComments(rest, number, body)).some((c) => c.body === body);
}

async function postSticky(rest: Rest, op: Extract<WriteOp, { kind: 'sticky-comment' }>): Promise<unknown> {
  const { client, repo } = rest;
  const id = op.commentId ?? (await findSticky(rest, op.number));
  if (id) return client.rest.issues.updateComment({ ...repo, comment_id: id, body: op.body });
  const posted = await createOnce(rest, op.number, op.body, async () => {
    const created = await findSticky(rest, op.number);
    return created ? client.rest.issues.updateComment({ ...repo, comment_id: created, body: op.body }) : undefined;
  });
  await yieldToOlderCopy(rest, op.number, STICKY_MARKER, posted);
  return posted;
}

async function postComment(rest: Rest, op: Extract<WriteOp, { kind: 'comment' }>): Promise<unknown> {
  const posted = await createOnce(rest, op.number, op.body, async () =>
    (await hasComment(rest, op.number, op.body)) ? {} : undefined
  );
  if (op.postedSince !== undefined) await yieldToOlderCopy(rest, op.number, STALE_MARKER, posted, op.postedSince);
  return posted;
}

/** Resolves to undefined when GitHub answers `ignored` (the write's effect is already there). */
async function unlessStatus(ignored: number, call: () => Promise<unknown>): Promise<unknown> {
  try {
    return await call();
  } catch (error) {
    if (statusOf(error) === ignored) return undefined;
    throw error;
  }
}

/** The stamp in admitted-label's description: an update, or a create when the label is missing (either way round, as found). */
async function stampLabel({ client, repo }: Rest, op: Extract<WriteOp, { kind: 'stamp-label' }>): Promise<unknown> {
  const update = () => client.rest.issues.updateLabel({ ...repo, name: op.name, description: op.description });
  const create = () =>
    client.rest.issues.createLabel({ ...repo, name: op.name, color: op.color, description: op.description });
  try {
    return await (op.exists ? update() : create());
  } catch (error) {
    // Deleted or created since the read: the other request does it.
    if (statusOf(error) === (op.exists ? 404 : 422)) return op.exists ? create() : update();
    throw error;
  }
}

/**
 * The session's sender: create-label (POST …/labels), status (POST
 * …/statuses/{sha}), add/remove-label (…/issues/{n}/labels), comments
 * (POST/PATCH/DELETE …/comments), close (PATCH …/pulls/{n}), the state
 * stamp (PATCH or POST …/labels). Throws Octokit's
 * error for a write GitHub refuses or fails.
 */
export function writeSender(session: GitHubSession, options: SendOptions): Send {
  const { client } = session;
  const repo = { owner: session.repo.owner, repo: session.repo.name };
  const rest: Rest = { client, repo, actor: options.actor };
  return async (op) => {
    switch (op.kind) {
      case 'create-label': // 422: created meanwhile
        return unlessStatus(422, () =>
          client.rest.issues.createLabel({ ...repo, name: op.name, color: op.color, description: op.description })
        );
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
      case 'remove-label': // 404: already gone
        return unlessStatus(404, () =>
          client.rest.issues.removeLabel({ ...repo, issue_number: op.number, name: op.label })
        );
      case 'sticky-comment':
        return postSticky(rest, op);
      case 'comment':
        return postComment(rest, op);
      case 'delete-comment':
        return deleteComment(rest, op.commentId);
      case 'close':
        return client.rest.pulls.update({ ...repo, pull_number: op.number, state: 'closed' });
      case 'stamp-label':
        return stampLabel(rest, op);
      case 'request-review': {
        // A team is asked by its slug, in the repository owner's organisation.
        const team = op.reviewer.includes('/') ? op.reviewer.split('/')[1] : undefined;
        return client.rest.pulls.requestReviewers({
          ...repo,
          pull_number: op.number,
          ...(team ? { team_reviewers: [team] } : { reviewers: [op.reviewer.replace(/\[bot\]$/, '')] })
        });
      }
    }
  };
}
