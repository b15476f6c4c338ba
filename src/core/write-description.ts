// What a write does, in words: one definition for the writer's messages
// ("GitHub failed (503) while adding label …") and the summary's lists
// ("- add label … to #3").
import type { WriteOp } from './types.js';

export interface DescribeOptions {
  /** `do`: "add label …" (lists of writes); `doing`: "adding label …" (after "while"). */
  form: 'do' | 'doing';
  /** Applied to names and descriptions that come from the repository (e.g. Markdown escaping). */
  escape?: (text: string) => string;
  /** Adds the status's description and the close's reason (the summary's lists show them). */
  detail?: boolean;
}

const VERBS: Record<string, [string, string]> = {
  create: ['create', 'creating'],
  set: ['set', 'setting'],
  add: ['add', 'adding'],
  remove: ['remove', 'removing'],
  post: ['post', 'posting'],
  update: ['update', 'updating'],
  delete: ['delete', 'deleting'],
  close: ['close', 'closing'],
  record: ['record', 'recording'],
  request: ['request', 'requesting']
};

/** The verb and the rest of the phrase for `op`, names passed through `escape`. */
function phrase(op: WriteOp, escape: (text: string) => string, detail: boolean): [string, string] {
  switch (op.kind) {
    case 'create-label':
      return ['create', `label "${escape(op.name)}"`];
    case 'status': {
      const commit = op.mergeGroup ? `'s merge group commit ${op.sha.slice(0, 7)}` : '';
      return ['set', `status ${op.state} on #${op.number}${commit}${detail ? `: ${escape(op.description)}` : ''}`];
    }
    case 'add-label':
      return ['add', `label "${escape(op.label)}" to #${op.number}`];
    case 'remove-label':
      return ['remove', `label "${escape(op.label)}" from #${op.number}`];
    case 'sticky-comment':
      return [op.commentId ? 'update' : 'post', `the backpressure comment on #${op.number}`];
    case 'comment':
      return ['post', `the ${op.purpose} comment on #${op.number}`];
    case 'delete-comment':
      return ['delete', `a duplicate ${op.purpose === 'sticky' ? 'backpressure' : 'stale'} comment on #${op.number}`];
    case 'close':
      return ['close', `#${op.number}${detail ? ` (${op.reason})` : ''}`];
    case 'request-review':
      return ['request', `a review from @${escape(op.reviewer)} on #${op.number}`];
    case 'stamp-label':
      return ['record', `the queue state in label "${escape(op.name)}"`];
  }
}

/** One line for `op`, e.g. `add label "stale" to #3` or `setting status failure on #3`. */
export function describeWrite(op: WriteOp, { form, escape = (text) => text, detail = false }: DescribeOptions): string {
  const [verb, rest] = phrase(op, escape, detail);
  return `${VERBS[verb][form === 'do' ? 0 : 1]} ${rest}`;
}
