// A merge group's temporary commit gets the decision of the PR it carries,
// as a status the merge queue can wait for (README "Merge queues").
import { withMergeGroupStatus } from '../../src/core/merge-group.js';
import { plan } from '../../src/core/plan.js';
import { NOW, config, daysAgo, pr, snapshot } from './factories.js';

const GROUP_SHA = 'a'.repeat(40);
const queue = Array.from({ length: 5 }, (_, i) => pr(i + 1, { createdAt: daysAgo(10 - i) }));

describe('withMergeGroupStatus', () => {
  test.each([
    ['an admitted PR', 2, {}, 'success', 'Admitted: position 2 of 5 (limit 3)'],
    ['a waiting PR, on-waiting fail', 5, {}, 'failure', 'Waiting: position 5, 2 PRs ahead beyond the limit of 3'],
    [
      'a waiting PR, on-waiting label only',
      5,
      { 'on-waiting': 'label' },
      'success',
      'Waiting: position 5, 2 PRs ahead beyond the limit of 3'
    ]
  ])('%s: its decision on the merge group commit, first of the writes', (_name, number, inputs, state, description) => {
    const c = config({ 'wip-limit': '3', ...inputs });
    const subject = queue[number - 1];
    const judged = plan(snapshot(queue), c, NOW, { mode: 'gate', number });
    const withGroup = withMergeGroupStatus(judged, subject, GROUP_SHA);
    expect(withGroup.writes[0]).toEqual({
      kind: 'status',
      number,
      sha: GROUP_SHA,
      state,
      description,
      mergeGroup: true
    });
    expect(withGroup.writes.slice(1)).toEqual(judged.writes);
  });

  test('written even when the PR head already shows the same status (the merge group commit is new)', () => {
    const c = config({ 'wip-limit': '3' });
    const shown = pr(1, {
      labels: ['backpressure: admitted'],
      createdAt: daysAgo(10),
      status: { state: 'success', description: 'Admitted: position 1 of 1 (limit 3)' }
    });
    const judged = plan(snapshot([shown]), c, NOW, { mode: 'gate', number: 1 });
    expect(judged.writes.filter((w) => w.kind === 'status')).toEqual([]);
    expect(withMergeGroupStatus(judged, shown, GROUP_SHA).writes).toEqual([
      {
        kind: 'status',
        number: 1,
        sha: GROUP_SHA,
        state: 'success',
        description: 'Admitted: position 1 of 1 (limit 3)',
        mergeGroup: true
      }
    ]);
  });

  test('a plan without that subject is returned unchanged', () => {
    const c = config({ 'wip-limit': '3' });
    const swept = plan(snapshot(queue), c, NOW, { mode: 'sweep' });
    expect(withMergeGroupStatus(swept, queue[0], GROUP_SHA)).toBe(swept);
  });
});
