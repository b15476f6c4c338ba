// Issue 13, label names and logins end to end: compared as GitHub compares
// them (case-insensitively; logins may hold `_`), so the sweep closes what it
// marked under a case-variant label and the gate and the sweep agree.
import { pullRequestEvent, scheduleEvent } from '../../test-support/events.js';
import { createStore, TOKEN_BOT_REST_LOGIN, type FakePullRequest } from '../../test-support/fake-github/store.js';
import { CLOSE_MARKER, STALE_MARKER } from '../../src/core/markers.js';
import { openPullRequests, session } from './harness.js';
import { DAY_MS } from '../../src/core/time.js';

const daysAgo = (days: number) => new Date(Date.now() - days * DAY_MS).toISOString();

test(
  'repository label "Stale", stale-label "stale": a PR marked 22 days ago (close-days 14) is closed, and the next sweep ' +
    'writes nothing',
  async () => {
    const marked: Partial<FakePullRequest> = {
      createdAt: daysAgo(90),
      lastCommittedAt: daysAgo(61),
      reviews: [{ state: 'CHANGES_REQUESTED', author: 'maintainer', association: 'MEMBER', submittedAt: daysAgo(60) }],
      labels: ['Stale'],
      comments: [
        {
          id: 11,
          body: `${STALE_MARKER}\nThis PR is stale.`,
          author: TOKEN_BOT_REST_LOGIN,
          authorType: 'Bot',
          association: 'NONE',
          createdAt: daysAgo(22)
        }
      ]
    };
    const store = createStore({
      pullRequests: openPullRequests(1, () => marked),
      labels: [{ name: 'Stale', color: 'ededed', description: null }]
    });
    const github = await session(store);
    try {
      const inputs = { 'wip-limit': '0', 'stale-days': '30', 'close-days': '14' };
      const first = await github.run({ eventName: 'schedule', event: scheduleEvent(), inputs });
      expect(first.exitCode).toBe(0);
      expect(JSON.parse(first.outputs.staled)).toEqual([]);
      expect(JSON.parse(first.outputs.closed)).toEqual([1]);
      const pr = store.pullRequests[0];
      expect(pr.state).toBe('CLOSED');
      expect(pr.labels).toEqual(['Stale']);
      expect(pr.comments.filter((c) => c.body.includes(CLOSE_MARKER))).toHaveLength(1);
      // No second stale label; admitted-label carries the stamp of the queue state (README "How the queue works").
      expect(store.labels.map((l) => l.name)).toEqual(['Stale', 'backpressure: admitted']);

      const second = await github.run({ eventName: 'schedule', event: scheduleEvent(), inputs });
      expect(second.exitCode).toBe(0);
      expect(second.writes).toBe(0);
    } finally {
      await github.close();
    }
  }
);

test('case-variant exempt, priority and own labels and an EMU login: every gate agrees with the sweep, and the sweep settles', async () => {
  const fields: Record<number, Partial<FakePullRequest>> = {
    2: { labels: ['Security'] }, // exempt-labels: security
    4: { labels: ['URGENT'] }, // priority-labels: urgent
    5: { author: 'JDoe_Acme' }, // exempt-authors: jdoe_acme
    6: { labels: ['Backpressure: Waiting'] }, // the waiting label, spelled otherwise
    7: { labels: ['urgent'] }
  };
  const store = createStore({
    pullRequests: openPullRequests(8, (n) => fields[n] ?? {}),
    labels: [{ name: 'Backpressure: Waiting', color: 'fbca04', description: null }]
  });
  const github = await session(store);
  try {
    const inputs = {
      'wip-limit': '3',
      'exempt-labels': 'security',
      'priority-labels': 'urgent',
      'exempt-authors': 'jdoe_acme',
      'on-waiting': 'fail,label'
    };
    const sweep = await github.run({ eventName: 'schedule', event: scheduleEvent(), inputs });
    expect(sweep.exitCode).toBe(0);
    // Priority #4 and #7 first, then #1 and #3; #2 and #5 are exempt.
    expect(JSON.parse(sweep.outputs.admitted)).toEqual([4, 7, 1]);
    expect(JSON.parse(sweep.outputs.waiting)).toEqual([3, 6, 8]);
    // #6 already carries the waiting label under another spelling: not added again, no second label created.
    expect(store.pullRequests[5].labels).toEqual(['Backpressure: Waiting']);
    expect(store.labels.map((l) => l.name.toLowerCase()).sort()).toEqual([
      'backpressure: admitted',
      'backpressure: waiting'
    ]);
    const settle = await github.run({ eventName: 'schedule', event: scheduleEvent(), inputs });
    expect(settle.writes).toBe(0);

    const expected: Record<number, [string, string]> = {
      1: ['admitted', '3'],
      2: ['exempt', ''],
      3: ['waiting', '4'],
      4: ['admitted', '1'],
      5: ['exempt', ''],
      6: ['waiting', '5'],
      7: ['admitted', '2'],
      8: ['waiting', '6']
    };
    for (const [number, [result, position]] of Object.entries(expected)) {
      const gate = await github.run({
        eventName: 'pull_request',
        event: pullRequestEvent(store, Number(number), 'synchronize'),
        inputs
      });
      expect([number, gate.outputs.result, gate.outputs.position]).toEqual([number, result, position]);
      // The sweep set the truth; the gate agrees, so it rewrites nothing.
      expect([number, gate.writes]).toEqual([number, 0]);
    }
  } finally {
    await github.close();
  }
});
