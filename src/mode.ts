// Which mode a run is in, from the `mode` input and the triggering event (spec §2).
import type { Mode } from './config/types.js';

export type RunScope =
  | { mode: 'gate'; number: number }
  | { mode: 'advance'; closedNumber: number; closedAuthor?: string }
  | { mode: 'sweep' }
  | { mode: 'skip'; message: string };

const PULL_REQUEST_EVENTS = ['pull_request', 'pull_request_target'];
const SWEEP_EVENTS = ['schedule', 'workflow_dispatch'];

interface EventPayload {
  action?: string;
  pull_request?: { number?: number; user?: { login?: string } };
}

export function resolveScope(mode: Mode, eventName: string, payload: EventPayload): RunScope {
  const pr = payload.pull_request;
  if (mode === 'sweep') return { mode: 'sweep' };
  if (mode === 'gate') {
    if (typeof pr?.number !== 'number') {
      return { mode: 'skip', message: `mode "gate" needs a pull_request or pull_request_target event; this run was triggered by "${eventName}".` };
    }
    return { mode: 'gate', number: pr.number };
  }
  if (PULL_REQUEST_EVENTS.includes(eventName) && typeof pr?.number === 'number') {
    return payload.action === 'closed'
      ? { mode: 'advance', closedNumber: pr.number, closedAuthor: pr.user?.login }
      : { mode: 'gate', number: pr.number };
  }
  if (SWEEP_EVENTS.includes(eventName)) return { mode: 'sweep' };
  return {
    mode: 'skip',
    message: `PR Backpressure runs on pull_request and pull_request_target (gate; closed: advance), schedule and workflow_dispatch (sweep); "${eventName}" is not one of them, so there is nothing to do.`
  };
}
