// Issue 6 end to end: `wip-limit: auto` from a known merge history, and a
// summary that shows hostile PR text as plain text.
import { pullRequestEvent, scheduleEvent } from '../../test-support/events.js';
import { createStore, makePullRequest } from '../../test-support/fake-github/store.js';
import { openPullRequests, session } from './harness.js';
import { DAY_MS } from '../../src/core/time.js';

describe('wip-limit auto', () => {
  test("the limit is the formula's value and the summary shows its inputs", async () => {
    // 56 PRs merged over the last 28 days (2 a day), and 3 older ones outside the window.
    const merged = Array.from({ length: 59 }, (_, i) => {
      const mergedAt = new Date(Date.now() - (i < 56 ? (i + 0.5) * 0.5 * DAY_MS : 40 * DAY_MS)).toISOString();
      const createdAt = new Date(Date.parse(mergedAt) - 3 * DAY_MS).toISOString();
      return makePullRequest({ number: 1000 + i, createdAt, state: 'MERGED', mergedAt, closedAt: mergedAt });
    });
    const store = createStore({ pullRequests: [...openPullRequests(40), ...merged] });
    const github = await session(store);
    try {
      const result = await github.run({
        eventName: 'schedule',
        event: scheduleEvent(),
        inputs: { 'wip-limit': 'auto', 'min-wip-limit': '5', 'target-review-days': '7' }
      });
      expect(result.exitCode).toBe(0);
      expect(result.outputs['wip-limit']).toBe('14'); // ceil(56 / 28 × 7)
      expect(JSON.parse(result.outputs.admitted)).toHaveLength(14);
      const summary = result.summary.replace(/\\/g, '');
      expect(summary).toContain('56 PRs merged in the last 28 days = 2 per day × 7 target review days = 14');
      expect(summary).toMatch(
        /\| 15 \| \[#15\]\([^)]*\) \| Change 15 \| author15 \| \d+ d \| {2}\| beyond the limit \| ~1 day \|/
      ); // 1 beyond the limit at 2 merges a day
      expect(github.status(15)?.description).toBe(
        'Waiting: position 15, 1 PRs ahead beyond the limit of 14; expected within a day'
      );
      // 8 weeks of inflow against merged: the chart and its table.
      expect(summary).toContain('xychart-beta');
      expect(summary).toMatch(/\| week of \| opened \| merged \| closed unmerged \| open at week's end \|/);
      expect(summary).toContain("Open PRs at each week's end");

      // A gate with auto reads the merge history the limit comes from: one GraphQL request more (README "API use").
      const gate = await github.run({
        eventName: 'pull_request',
        event: pullRequestEvent(store, 20, 'synchronize'),
        inputs: { 'wip-limit': 'auto', 'min-wip-limit': '5', 'target-review-days': '7' }
      });
      expect([gate.exitCode, gate.outputs['wip-limit'], gate.graphql]).toEqual([0, '14', 3]);
    } finally {
      await github.close();
    }
  });
});

describe('hostile PR text in the summary', () => {
  const titles = [
    'Ping @org/team and @octocat',
    '<script>alert(1)</script>',
    'a | b | c',
    'use `rm -rf /` here',
    'line one\nline two',
    '**bold** [link](https://evil.example)'
  ];

  test('renders as plain text in a valid table and pings nobody', async () => {
    const prs = openPullRequests(titles.length, (n) => ({
      title: titles[n - 1],
      labels: n === 1 ? ['<img src=x>'] : []
    }));
    const github = await session(createStore({ pullRequests: prs }));
    try {
      const result = await github.run({
        eventName: 'schedule',
        event: scheduleEvent(),
        inputs: { 'wip-limit': '3', 'on-waiting': 'fail,label,comment' }
      });
      expect(result.exitCode).toBe(0);
      const summary = result.summary;
      expect(summary).not.toMatch(/<script/i);
      expect(summary).not.toMatch(/<img/i);
      expect(summary).not.toMatch(/(^|[^&\w])@(org|octocat)\b/); // a mention GitHub would link and notify
      expect(summary).not.toContain('**bold**');
      expect(summary).not.toContain('](https://evil.example)');
      // Every table row keeps its cell count: escaped pipes and newlines break nothing.
      for (const table of summary.split('\n\n').filter((block) => block.startsWith('| position'))) {
        const rows = table.split('\n');
        const cells = (row: string) => row.replace(/\\\|/g, '').split('|').length;
        for (const row of rows) expect(cells(row)).toBe(cells(rows[0]));
      }
      // Sticky comments carry no PR text at all, so nothing to inject there.
      for (const pr of github.store.pullRequests)
        for (const comment of pr.comments) expect(comment.body).not.toMatch(/<script|@org/);
    } finally {
      await github.close();
    }
  });
});
