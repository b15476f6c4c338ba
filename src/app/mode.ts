// Which mode a run is in, from the `mode` input and the triggering event
// (README "Events and modes").
import type { Mode } from '../config/types.js';
import type { PlanScope } from '../core/types.js';
import { quoteValue } from '../config/quote.js';

/** A gate's plan scope, with what its triggering event adds. */
export type GateScope = Extract<PlanScope, { mode: 'gate' }> & {
  /** merge_group: the queue's temporary commit, which gets the PR's status too. */
  mergeGroupSha?: string;
  /** labeled / unlabeled: the label, checked again against the config file's own label names. */
  eventLabel?: string;
  /** pull_request* reopened: the PR comes back into the queue (it counted for nobody while closed). */
  reopened?: true;
  /** A review given or a review request withdrawn: the reviewer the PR may no longer wait on. */
  leftReviewer?: string;
};

/** What a run is about: a plan's scope (a gate with its event's extras), or nothing to do and why. */
export type RunScope = Exclude<PlanScope, { mode: 'gate' }> | GateScope | { mode: 'skip'; message: string };

const PULL_REQUEST_EVENTS = ['pull_request', 'pull_request_target'];
const SWEEP_EVENTS = ['schedule', 'workflow_dispatch'];
const REVIEW_ACTIONS = ['submitted', 'dismissed'];
const SUPPORTED =
  'PR Backpressure runs on pull_request and pull_request_target (gate; closed: advance), ' +
  'pull_request_review (submitted, dismissed) and merge_group (checks_requested) as a gate, schedule and workflow_dispatch (sweep)';

/** `refs/heads/gh-readonly-queue/<base>/pr-<N>-<sha>`: the branch GitHub's merge queue creates (the base may hold slashes). */
const MERGE_QUEUE_REF = /^(?:refs\/heads\/)?gh-readonly-queue\/.+\/pr-([1-9]\d*)-[0-9a-f]{40,64}$/;

interface EventPayload {
  action?: string;
  pull_request?: { number?: number; state?: string; user?: { login?: string } };
  review?: { user?: { login?: string; type?: string } };
  requested_reviewer?: { login?: string; type?: string };
  requested_team?: { slug?: string };
  repository?: { owner?: { login?: string } };
  label?: { name?: string };
  merge_group?: { head_ref?: string; head_sha?: string };
}

type Skip = Extract<RunScope, { mode: 'skip' }>;

/**
 * The run's scope. `isOwnLabel` tells the action's own labels by the names the inputs (or the
 * built-in defaults) give: a labeled/unlabeled event for one of them is skipped before any request.
 * Unsupported events and payloads that name no PR are a skip with a message saying why.
 */
export function resolveScope(
  mode: Mode,
  eventName: string,
  payload: EventPayload,
  isOwnLabel: (name: string) => boolean = () => false
): RunScope {
  const label = labelOfEvent(eventName, payload);
  if (label !== undefined && isOwnLabel(label)) {
    return {
      mode: 'skip',
      message: `The label ${quoteValue(label)} is one of the action's own (its own label writes trigger this event): nothing to do.`
    };
  }
  if (mode === 'sweep') return { mode: 'sweep' };
  const target = gateTarget(eventName, payload, label);
  if (mode === 'gate') {
    if (target) return target;
    return {
      mode: 'skip',
      message:
        'mode "gate" needs a pull_request, pull_request_target, pull_request_review or merge_group event; ' +
        `this run was triggered by "${eventName}".`
    };
  }
  const pr = payload.pull_request;
  if (PULL_REQUEST_EVENTS.includes(eventName) && typeof pr?.number === 'number' && payload.action === 'closed') {
    return { mode: 'advance', closedNumber: pr.number, closedAuthor: pr.user?.login };
  }
  if (target) return target;
  if (SWEEP_EVENTS.includes(eventName)) return { mode: 'sweep' };
  return { mode: 'skip', message: `${SUPPORTED}; "${eventName}" is not one of them, so there is nothing to do.` };
}

/** The label of a pull_request* labeled / unlabeled event. */
function labelOfEvent(eventName: string, payload: EventPayload): string | undefined {
  if (!PULL_REQUEST_EVENTS.includes(eventName) || (payload.action !== 'labeled' && payload.action !== 'unlabeled'))
    return undefined;
  return typeof payload.label?.name === 'string' ? payload.label.name : undefined;
}

/** The PR a gate judges for this event; a skip when the event is one of ours but names none; undefined for other events. */
function gateTarget(eventName: string, payload: EventPayload, label: string | undefined): GateScope | Skip | undefined {
  const number = payload.pull_request?.number;
  // A review after the merge, a label on a closed PR: the action never touches closed PRs.
  if (
    (PULL_REQUEST_EVENTS.includes(eventName) || eventName === 'pull_request_review') &&
    payload.pull_request?.state === 'closed'
  ) {
    return { mode: 'skip', message: `Pull request #${number} is closed: the queue does not govern it, nothing to do.` };
  }
  if (PULL_REQUEST_EVENTS.includes(eventName)) {
    if (typeof number !== 'number') return undefined;
    if (payload.action === 'reopened') return { mode: 'gate', number, reopened: true };
    const withdrawn = withdrawnReviewer(payload);
    if (withdrawn) return { mode: 'gate', number, leftReviewer: withdrawn };
    return label === undefined ? { mode: 'gate', number } : { mode: 'gate', number, eventLabel: label };
  }
  if (eventName === 'pull_request_review') {
    if (!REVIEW_ACTIONS.includes(payload.action ?? '')) {
      return {
        mode: 'skip',
        message:
          `pull_request_review ${quoteValue(payload.action ?? '')} ` +
          `changes no review state (submitted and dismissed do): nothing to do.`
      };
    }
    if (typeof number !== 'number') return undefined;
    const reviewer = payload.review?.user;
    return reviewer?.login ? { mode: 'gate', number, leftReviewer: webhookLogin(reviewer) } : { mode: 'gate', number };
  }
  if (eventName === 'merge_group') return mergeGroupTarget(payload);
  return undefined;
}

/** A webhook's user as REST spells logins: bots as name[bot]. */
function webhookLogin(user: { login?: string; type?: string }): string {
  const login = user.login ?? '';
  return user.type === 'Bot' && !login.endsWith('[bot]') ? `${login}[bot]` : login;
}

/** pull_request review_request_removed: the user, or `org/team`, no longer asked to review. */
function withdrawnReviewer(payload: EventPayload): string | undefined {
  if (payload.action !== 'review_request_removed') return undefined;
  if (payload.requested_reviewer?.login) return webhookLogin(payload.requested_reviewer);
  const team = payload.requested_team?.slug;
  const org = payload.repository?.owner?.login;
  return team && org ? `${org}/${team}` : undefined;
}

function mergeGroupTarget(payload: EventPayload): GateScope | Skip {
  if (payload.action !== 'checks_requested') {
    return {
      mode: 'skip',
      message: `merge_group ${quoteValue(payload.action ?? '')} asks for no checks (checks_requested does): nothing to do.`
    };
  }
  const ref = payload.merge_group?.head_ref ?? '';
  const sha = payload.merge_group?.head_sha ?? '';
  const match = MERGE_QUEUE_REF.exec(ref);
  if (!match || !/^[0-9a-f]{40,64}$/.test(sha)) {
    return {
      mode: 'skip',
      message:
        `merge_group.head_ref ${quoteValue(ref)} and head_sha ${quoteValue(sha)} name no pull request ` +
        `(expected refs/heads/gh-readonly-queue/<base>/pr-<number>-<sha> and a commit sha): nothing was judged, no status was written.`
    };
  }
  return { mode: 'gate', number: Number(match[1]), mergeGroupSha: sha };
}
