// Which mode each event and `mode` input gives (README "Events and modes"),
// on payloads shaped as GitHub sends them (@octokit/webhooks-examples).
import { createRequire } from 'node:module';
import { resolveScope, type RunScope } from '../src/app/mode.js';
import { isOneOfLabels } from '../src/core/labels.js';
import type { Mode } from '../src/config/types.js';

interface WebhookDefinition {
  name: string;
  examples: Record<string, unknown>[];
}
const definitions = createRequire(import.meta.url)('@octokit/webhooks-examples') as WebhookDefinition[];
function example(name: string, action?: string): Record<string, unknown> {
  const found = definitions
    .find((d) => d.name === name)
    ?.examples.find((e) => action === undefined || e.action === action);
  if (!found) throw new Error(`no ${name} ${action ?? ''} example`);
  return structuredClone(found);
}

const OWN = ['backpressure: waiting', 'backpressure: violation', 'stale'];
const SHA = '2ffea6db159f6b6c47a24e778fb9ef40cf6b1c7d';
const QUEUE_REF = `refs/heads/gh-readonly-queue/main/pr-104-929f8209d40f77f4abc622a499c93a83babdbe64`;

const pullRequest = (action: string, number = 7) => ({
  ...example('pull_request'),
  action,
  pull_request: { number, user: { login: 'octocat' } }
});
const labelEvent = (action: 'labeled' | 'unlabeled', name: string) => ({ ...pullRequest(action), label: { name } });
const review = (action: string) => ({
  ...example('pull_request_review', action === 'edited' ? undefined : action),
  action,
  pull_request: { number: 9 }
});
const mergeGroup = (headRef: string, headSha = SHA, action = 'checks_requested') => {
  const payload = example('merge_group');
  return {
    ...payload,
    action,
    merge_group: { ...(payload.merge_group as object), head_ref: headRef, head_sha: headSha }
  };
};

const resolve = (eventName: string, payload: object, mode: Mode = 'auto') =>
  resolveScope(mode, eventName, payload, (name) => isOneOfLabels(name, OWN));
const skipped = (scope: RunScope) => (scope.mode === 'skip' ? scope.message : undefined);

describe('auto mode, by event', () => {
  test.each<[string, string, object, RunScope]>([
    ['pull_request opened', 'pull_request', pullRequest('opened'), { mode: 'gate', number: 7 }],
    ['pull_request_target synchronize', 'pull_request_target', pullRequest('synchronize'), { mode: 'gate', number: 7 }],
    ['pull_request assigned', 'pull_request', pullRequest('assigned'), { mode: 'gate', number: 7 }],
    [
      'pull_request closed',
      'pull_request',
      pullRequest('closed'),
      { mode: 'advance', closedNumber: 7, closedAuthor: 'octocat' }
    ],
    // The reviewer may no longer be waited on: their review seat is freed (README "Review capacity").
    [
      'a review submitted',
      'pull_request_review',
      review('submitted'),
      { mode: 'gate', number: 9, leftReviewer: 'Codertocat' }
    ],
    [
      'a review dismissed',
      'pull_request_review',
      review('dismissed'),
      { mode: 'gate', number: 9, leftReviewer: 'Codertocat' }
    ],
    ['a merge group', 'merge_group', mergeGroup(QUEUE_REF), { mode: 'gate', number: 104, mergeGroupSha: SHA }],
    [
      'a merge group for a base branch with slashes',
      'merge_group',
      mergeGroup(`refs/heads/gh-readonly-queue/release/2.x/pr-12-${SHA}`),
      { mode: 'gate', number: 12, mergeGroupSha: SHA }
    ],
    [
      'a label people set',
      'pull_request',
      labelEvent('labeled', 'priority'),
      { mode: 'gate', number: 7, eventLabel: 'priority' }
    ],
    ['schedule', 'schedule', { schedule: '17 * * * *' }, { mode: 'sweep' }],
    ['workflow_dispatch', 'workflow_dispatch', example('workflow_dispatch'), { mode: 'sweep' }]
  ])('%s', (_name, eventName, payload, expected) => {
    expect(resolve(eventName, payload)).toEqual(expected);
  });
});

describe("the action's own label events are skipped before any request", () => {
  test.each([
    ['labeled', 'backpressure: waiting'],
    ['unlabeled', 'backpressure: violation'],
    ['labeled', 'Stale'],
    ['unlabeled', 'BACKPRESSURE: Waiting']
  ] as const)('%s "%s"', (action, name) => {
    for (const mode of ['auto', 'gate', 'sweep'] as const) {
      expect(skipped(resolve('pull_request_target', labelEvent(action, name), mode))).toBe(
        `The label "${name}" is one of the action's own (its own label writes trigger this event): nothing to do.`
      );
    }
  });

  test('a label that only contains an own label name is judged', () => {
    expect(resolve('pull_request', labelEvent('labeled', 'stale-ish'))).toEqual({
      mode: 'gate',
      number: 7,
      eventLabel: 'stale-ish'
    });
  });

  test('the names come from the caller (inputs): renamed labels are skipped, the defaults then are not', () => {
    const renamedOwn = (name: string) => isOneOfLabels(name, ['queue: full', 'queue: rule', 'idle']);
    const renamed = resolveScope('auto', 'pull_request', labelEvent('labeled', 'queue: full'), renamedOwn);
    expect(renamed.mode).toBe('skip');
    const defaultName = resolveScope('auto', 'pull_request', labelEvent('labeled', 'stale'), renamedOwn);
    expect(defaultName).toEqual({ mode: 'gate', number: 7, eventLabel: 'stale' });
  });
});

describe('events that name nothing to judge are one clear skip', () => {
  test.each([
    [
      'a head_ref outside the merge queue',
      mergeGroup('refs/heads/feature/pr-104-abc'),
      'merge_group.head_ref "refs/heads/feature/pr-104-abc"'
    ],
    ['a head_ref without a number', mergeGroup(`refs/heads/gh-readonly-queue/main/pr--${SHA}`), 'name no pull request'],
    ['a missing head_sha', mergeGroup(QUEUE_REF, ''), 'head_sha ""'],
    [
      'no merge_group object',
      { action: 'checks_requested' },
      'expected refs/heads/gh-readonly-queue/<base>/pr-<number>-<sha>'
    ],
    ['a destroyed merge group', mergeGroup(QUEUE_REF, SHA, 'destroyed'), 'merge_group "destroyed" asks for no checks']
  ])('merge_group: %s', (_name, payload, part) => {
    for (const mode of ['auto', 'gate'] as const)
      expect(skipped(resolve('merge_group', payload, mode))).toContain(part);
  });

  test('a very long head_ref is shortened in the message', () => {
    const message = skipped(resolve('merge_group', mergeGroup(`refs/heads/${'x'.repeat(5000)}`))) ?? '';
    expect(message.length).toBeLessThan(400);
    expect(message).toContain('…');
  });

  test.each([
    [
      'a review after the merge',
      'pull_request_review',
      { ...review('submitted'), pull_request: { number: 9, state: 'closed' } }
    ],
    [
      'a label on a closed PR',
      'pull_request',
      { ...labelEvent('labeled', 'priority'), pull_request: { number: 9, state: 'closed' } }
    ]
  ])('%s: the action never touches closed PRs', (_name, eventName, payload) => {
    for (const mode of ['auto', 'gate'] as const) {
      expect(skipped(resolve(eventName, payload, mode))).toBe(
        'Pull request #9 is closed: the queue does not govern it, nothing to do.'
      );
    }
  });

  test('an edited review changes nothing', () => {
    expect(skipped(resolve('pull_request_review', review('edited')))).toBe(
      'pull_request_review "edited" changes no review state (submitted and dismissed do): nothing to do.'
    );
  });

  test('an unsupported event names the supported ones', () => {
    const message = skipped(resolve('push', { ref: 'refs/heads/main' })) ?? '';
    expect(message).toContain('"push" is not one of them');
    for (const event of ['pull_request_target', 'pull_request_review', 'merge_group', 'schedule', 'workflow_dispatch'])
      expect(message).toContain(event);
  });
});

describe('the mode input overrides the event', () => {
  test('sweep sweeps on any event but the own labels', () => {
    expect(resolve('pull_request', pullRequest('opened'), 'sweep')).toEqual({ mode: 'sweep' });
    expect(resolve('merge_group', mergeGroup(QUEUE_REF), 'sweep')).toEqual({ mode: 'sweep' });
  });

  test('gate judges the PR of a closed event, a review and a merge group', () => {
    expect(resolve('pull_request', pullRequest('closed'), 'gate')).toEqual({ mode: 'gate', number: 7 });
    expect(resolve('pull_request_review', review('submitted'), 'gate')).toEqual({
      mode: 'gate',
      number: 9,
      leftReviewer: 'Codertocat'
    });
    expect(resolve('merge_group', mergeGroup(QUEUE_REF), 'gate')).toEqual({
      mode: 'gate',
      number: 104,
      mergeGroupSha: SHA
    });
  });

  test('gate on an event without a PR is a skip naming the events it needs', () => {
    expect(skipped(resolve('schedule', {}, 'gate'))).toBe(
      'mode "gate" needs a pull_request, pull_request_target, pull_request_review or merge_group event; this run was triggered ' +
        'by "schedule".'
    );
  });
});
