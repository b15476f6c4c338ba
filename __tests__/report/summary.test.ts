import type { WriteOp } from '../../src/core/types.js';
import { renderSummary } from '../../src/report/summary.js';
import { config, decision, dryRun, execution, plan, pr, snapshot } from './fixtures.js';

const HOSTILE_TITLE = '<img src=x onerror=alert(1)> | @octocat **bold**';
const HOSTILE_LOGIN = '*evil*_[x](http://e.vil)';

/** Markdown that, rendered by GitHub, would carry live HTML, a ping or a broken table. */
function liveInjection(markdown: string): string[] {
  const found: string[] = [];
  if (/<img/i.test(markdown)) found.push('raw <img>');
  if (/(^|[^&#;\w])@octocat/.test(markdown)) found.push('live @octocat');
  if (/(^|[^\\])\*\*bold/.test(markdown)) found.push('bold markup');
  if (/(^|[^\\])\[x\]\(http/.test(markdown)) found.push('link markup');
  return found;
}

describe('renderSummary', () => {
  test('PR titles and logins render escaped, without HTML, pings or table breakouts', () => {
    const prs = [pr(1, { title: HOSTILE_TITLE, author: HOSTILE_LOGIN }), pr(2, { author: 'octocat' })];
    const markdown = renderSummary({
      plan: plan([decision(1, 'admitted', { position: 1 }), decision(2, 'violation', { violations: [{ rule: 'inputs', budget: 'max-changed-lines', reason: '1,200 changed lines; the limit is 1,000' }] })]),
      snapshot: snapshot(prs),
      config,
      execution: execution()
    });
    expect(liveInjection(markdown)).toEqual([]);
    const row = markdown.split('\n').find((line) => line.includes('[#1]('))!;
    expect(row).toContain('&lt;img src=x onerror=alert\\(1\\)&gt; \\| @&#8203;octocat \\*\\*bold\\*\\*');
    // Escaped pipes are not cell separators: the row has exactly the table's five cells.
    expect(row.split(/(?<!\\)\|/).length - 2).toBe(5);
    expect(markdown).toContain('| [#2](https://github.com/acme/widgets/pull/2) | Change 2 | octocat | inputs | 1,200 changed lines; the limit is 1,000 |');
  });

  test('a gate shows its own PR and the decision first', () => {
    const subject = decision(7, 'waiting', { position: 5, ahead: 4, summary: 'Waiting: position 5, 3 PRs ahead beyond the limit of 2' });
    const markdown = renderSummary({ plan: plan([subject], { mode: 'gate', subject, queueSize: 6 }), snapshot: snapshot([pr(7, { title: 'Add caching' })]), config, execution: execution() });
    // The core's line is escaped too (`\\:` renders as `:`).
    const top = [
      '## PR Backpressure: gate of acme/widgets',
      '### This PR: [#7](https://github.com/acme/widgets/pull/7) Add caching by author7',
      '**Waiting\\: position 5, 3 PRs ahead beyond the limit of 2**',
      '**6 PRs** in the review queue · WIP limit **2**'
    ].join('\n\n');
    expect(markdown.slice(0, top.length)).toBe(top);
    // It read no other PR, so no tables of one row.
    expect(markdown).toContain("the scheduled sweep's summary shows the whole queue");
    expect(markdown).not.toContain('### Counts');
  });

  test('auto shows the formula, the clamp and the expected wait of the last waiting PR', () => {
    const decisions = [decision(1, 'admitted', { position: 1 }), ...[2, 3, 4].map((n) => decision(n, 'waiting', { position: 10 + n }))];
    const adaptive = { mergedInWindow: 42, windowDays: 28, perDay: 1.5, targetReviewDays: 7, raw: 11, min: 10, max: null, limit: 11 };
    const markdown = renderSummary({ plan: plan(decisions, { wipLimit: 11, adaptive }), snapshot: snapshot([1, 2, 3, 4].map((n) => pr(n))), config, execution: execution() });
    expect(markdown).toContain('WIP limit **11** (auto)');
    expect(markdown).toContain('Limit `auto`: 42 PRs merged in the last 28 days = 1.5 per day × 7 target review days = 11, clamped to [10, no maximum] → **11**');
    // #4 is at position 14: 3 beyond the limit of 11, at 1.5 a day: 2 days.
    expect(markdown).toContain('The last waiting PR, [#4](https://github.com/acme/widgets/pull/4) at position 14, is 3 beyond the limit: at 1.5 merges per day it can expect to wait about 2 days (3 / 1.5).');
  });

  test('auto with nothing merged says there is no estimate', () => {
    const adaptive = { mergedInWindow: 0, windowDays: 28, perDay: 0, targetReviewDays: 7, raw: 0, min: 10, max: 40, limit: 10 };
    const markdown = renderSummary({ plan: plan([decision(1, 'waiting', { position: 12 })], { wipLimit: 10, adaptive }), snapshot: snapshot([pr(1)]), config, execution: execution() });
    expect(markdown).toContain('clamped to [10, 40] → **10**');
    expect(markdown).toContain('no PR was merged in the window, so there is no estimate of its wait.');
  });

  test('auto with the last waiting PR held by an area rule gives no estimate', () => {
    const adaptive = { mergedInWindow: 42, windowDays: 28, perDay: 1.5, targetReviewDays: 7, raw: 11, min: 10, max: null, limit: 11 };
    const waiting = decision(1, 'waiting', { position: 3, waitingOnRule: 'docs' });
    const markdown = renderSummary({ plan: plan([waiting], { wipLimit: 11, adaptive }), snapshot: snapshot([pr(1)]), config, execution: execution() });
    expect(markdown).toContain('at position 3, waits for room in its area (rule docs), not for the WIP limit: there is no estimate of its wait.');
  });

  test('a dry-run says nothing was written and lists what would be', () => {
    const writes: WriteOp[] = [
      { kind: 'status', number: 1, sha: 'sha1', state: 'failure', description: 'Waiting: position 3' },
      { kind: 'add-label', number: 1, label: 'stale' },
      { kind: 'close', number: 2, reason: 'stale' }
    ];
    const decisions = [
      decision(1, 'waiting', { position: 3, stale: { whoseMove: 'author', lastActivity: NOW_MINUS_40, idleDays: 40, action: 'mark', neglected: false } }),
      decision(2, 'admitted', { position: 1, stale: { whoseMove: 'author', lastActivity: NOW_MINUS_40, idleDays: 40, action: 'close', neglected: false } })
    ];
    const markdown = renderSummary({ plan: plan(decisions, { writes }), snapshot: snapshot([pr(1), pr(2)]), config: { ...config, dryRun: true }, execution: dryRun(writes) });
    expect(markdown).toContain('Dry run: nothing was written.');
    expect(markdown).toContain('### Would write (3)');
    expect(markdown).toContain('- status failure on #1: Waiting\\: position 3\n- add label "stale" to #1\n- close #2 (stale)');
    expect(markdown).toContain('Would mark 1, would close 1.');
    expect(markdown).toContain('| [#1](https://github.com/acme/widgets/pull/1) | Change 1 | author1 | 40 | would be marked stale |');
    expect(markdown).not.toContain('### Writes');
  });

  test('a real run lists applied writes, what was not applied and why, warnings and deferred closes', () => {
    const applied: WriteOp[] = [{ kind: 'status', number: 1, sha: 'sha1', state: 'success', description: 'Admitted' }];
    const notApplied = [{ op: { kind: 'add-label', number: 1, label: '<b>x</b>' } as WriteOp, why: 'max-writes-per-run reached' }];
    const markdown = renderSummary({
      plan: plan([decision(1, 'admitted', { position: 1 })], { deferredCloses: [8, 9] }),
      snapshot: snapshot([pr(1), pr(8), pr(9)]),
      config,
      execution: execution({ applied, notApplied, warnings: ['Read-only token: writes skipped'], requests: { graphql: 3, restReads: 1, restWrites: 1, graphqlCost: 12 } })
    });
    expect(markdown).toContain('### Writes (1)\n\nstatuses: 1\n\n- status success on #1: Admitted');
    expect(markdown).toContain('**Not applied (1)**\n\nmax-writes-per-run reached (labels added: 1):\n\n- add label "&lt;b&gt;x&lt;/b&gt;" to #1');
    expect(markdown).toContain('**Warnings**\n\n- Read-only token\\: writes skipped');
    expect(markdown).toContain('- 2 closes held back by max-closes-per-run (10): [#8](https://github.com/acme/widgets/pull/8), [#9](https://github.com/acme/widgets/pull/9)');
    expect(markdown).toContain('Requests: 3 GraphQL queries (12 points), 1 REST read, 1 REST write');
  });

  test('long lists are bounded and say how many were left out', () => {
    const decisions = Array.from({ length: 130 }, (_, i) => decision(i + 1, i < 60 ? 'admitted' : 'waiting', { position: i + 1 }));
    const markdown = renderSummary({ plan: plan(decisions, { wipLimit: 60 }), snapshot: snapshot(decisions.map((d) => pr(d.number))), config, execution: execution() });
    expect(markdown).toContain('### Admitted (first 50 of 60)');
    expect(markdown).toContain('… and 10 more.');
    expect(markdown).toContain('### Waiting (first 20 of 70)');
    expect(markdown).toContain('… and 50 more.');
    expect(markdown).toContain('| 80 | [#80]');
    expect(markdown).not.toContain('| 81 | [#81]');
    expect(markdown).toContain('… and 120 more authors.');
  });

  test('counts by state, top authors, neglected PRs and the weekly chart', () => {
    const prs = [pr(1, { author: 'ann' }), pr(2, { author: 'ann' }), pr(3, { author: 'bob' }), pr(4, { author: 'bob', isDraft: true })];
    const neglect = { whoseMove: 'maintainers' as const, lastActivity: NOW_MINUS_40, idleDays: 40, action: 'none' as const, neglected: true };
    const decisions = [decision(1, 'admitted', { position: 1 }), decision(2, 'waiting', { position: 3 }), decision(3, 'admitted', { position: 2, stale: neglect }), decision(4, 'exempt', { exemptReason: 'draft' })];
    const history = { mergedInWindow: 5, weeks: [{ weekStart: '2026-11-16', opened: 7, merged: 2 }] };
    const markdown = renderSummary({ plan: plan(decisions), snapshot: snapshot(prs, { history }), config, execution: execution() });
    expect(markdown).toContain('| admitted | 2 |\n| waiting | 1 |\n| violation | 0 |\n| exempt | 1 |');
    expect(markdown).toContain('| ann | 2 | 1 | 1 | 0 |\n| bob | 1 | 1 | 0 | 0 |');
    expect(markdown).toContain('### Neglected (1)');
    expect(markdown).toContain('Waiting on the maintainers for 30 days or more');
    // With stale off (stale-days 0) the threshold shown is the one the core applies, never "0 days".
    const staleOff = { ...config, stale: { ...config.stale, days: 0 } };
    const off = renderSummary({ plan: plan(decisions), snapshot: snapshot(prs, { history }), config: staleOff, execution: execution() });
    expect(off).toContain('Waiting on the maintainers for 14 days or more');
    expect(off).not.toMatch(/\b0 days/);
    expect(markdown).toContain('| [#3](https://github.com/acme/widgets/pull/3) | Change 3 | bob | 40 |');
    expect(markdown).toContain('### Inflow vs merged');
    expect(markdown).toContain('| 2026-11-16 | 7 | 2 |');
  });

  test('a stale close of an author with write access says the PR stays marked', () => {
    const stale = { whoseMove: 'author' as const, lastActivity: NOW_MINUS_40, idleDays: 40, action: 'close' as const, neglected: false };
    const markdown = renderSummary({ plan: plan([decision(1, 'admitted', { position: 1, stale })]), snapshot: snapshot([pr(1, { authorAssociation: 'MEMBER' })]), config, execution: execution() });
    expect(markdown).toContain('stays marked: the author has write access, so it is never closed');
  });
});

const NOW_MINUS_40 = '2026-10-14T12:00:00.000Z';
