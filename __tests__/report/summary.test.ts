import type { WriteOp } from '../../src/core/types.js';
import { renderSummary } from '../../src/report/summary.js';
import { flowOf } from '../../src/core/flow.js';
import { buildConfig } from '../../src/config/load.js';
import { ADAPTIVE, NOW, config, decision, dryRun, execution, plan, pr, snapshot } from './fixtures.js';

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
      plan: plan([
        decision(1, 'admitted', { position: 1 }),
        decision(2, 'violation', {
          violations: [
            { rule: 'inputs', budget: 'max-changed-lines', reason: '1,200 changed lines; the limit is 1,000' }
          ]
        })
      ]),
      snapshot: snapshot(prs),
      config,
      execution: execution()
    });
    expect(liveInjection(markdown)).toEqual([]);
    const row = markdown.split('\n').find((line) => line.includes('[#1]('))!;
    expect(row).toContain('&lt;img src=x onerror=alert\\(1\\)&gt; \\| @&#8203;octocat \\*\\*bold\\*\\*');
    // Escaped pipes are not cell separators: the row has exactly the table's six cells.
    expect(row.split(/(?<!\\)\|/).length - 2).toBe(6);
    expect(markdown).toContain(
      '| [#2](https://github.com/acme/widgets/pull/2) | Change 2 | octocat | `max-changed-lines` | 1,200 changed lines; the ' +
        'limit is 1,000 |'
    );
  });

  test('a gate shows its own PR, the decision and what happens next first', () => {
    const subject = decision(7, 'waiting', {
      position: 5,
      ahead: 4,
      summary: 'Waiting: position 5, 3 PRs ahead beyond the limit of 2; expected in about 2 days',
      eta: { days: 1.5, perDay: 2 }
    });
    const markdown = renderSummary({
      plan: plan([subject], { mode: 'gate', subject, queueSize: 6, pace }),
      snapshot: snapshot([pr(7, { title: 'Add caching' })]),
      config,
      execution: execution()
    });
    // The core's line is escaped too (`\\:` renders as `:`).
    const top = [
      '## PR Backpressure: gate of acme/widgets',
      '### This PR: [#7](https://github.com/acme/widgets/pull/7) Add caching by author7',
      '**Waiting\\: position 5, 3 PRs ahead beyond the limit of 2; expected in about 2 days**',
      'Next: nothing to do; the `backpressure` status turns green by itself when room frees up (expected in about 2 days).',
      '**6 PRs** in the review queue · WIP limit **2**'
    ].join('\n\n');
    expect(markdown.slice(0, top.length)).toBe(top);
    // It read no other PR, so no tables of one row, and no claims about the rest of the queue.
    expect(markdown).toContain("the scheduled sweep's summary shows the whole queue");
    expect(markdown).not.toContain('### Counts');
    expect(markdown).not.toMatch(/No PR is waiting|last waiting PR|a new PR/);
  });

  test("a gate's summary makes no claim about the queue beyond its PR, whatever its PR's state", () => {
    const history = {
      mergedInWindow: 56,
      openNow: 400,
      weeks: ['2026-11-02', '2026-11-09', '2026-11-16', '2026-11-23'].map((weekStart) => ({
        weekStart,
        opened: 90,
        merged: 40,
        closed: 50
      }))
    };
    for (const subject of [
      decision(3, 'admitted', { position: 3, summary: 'Admitted: position 3 of 400 (limit 11)' }),
      decision(9, 'waiting', { position: 200, summary: 'Waiting: position 200, 189 PRs ahead beyond the limit of 11' }),
      decision(4, 'violation', { summary: 'Violation: 1,200 changed lines; the limit is 1,000' })
    ]) {
      const markdown = renderSummary({
        plan: plan([subject], {
          mode: 'gate',
          subject,
          queueSize: 400,
          wipLimit: 11,
          adaptive: ADAPTIVE,
          pace,
          flow: flowOf(history, new Date(NOW))
        }),
        snapshot: snapshot([pr(subject.number)], { history }),
        config,
        execution: execution()
      });
      expect(markdown).not.toMatch(/No PR is waiting|last waiting PR|a new PR|What to do next|The queue is/);
      // The counts it read: the queue size, the limit and how auto set it, and the weekly history.
      expect(markdown).toContain('**400 PRs** in the review queue · WIP limit **11** (auto)');
      expect(markdown).toContain('### Inflow, merges and the open queue');
    }
  });

  const pace = { mergedInWindow: 42, windowDays: 28, perDay: 1.5 };

  test("auto shows the formula and the clamp; the headline gives a new PR's expected wait", () => {
    const decisions = [
      decision(1, 'admitted', { position: 1 }),
      ...[2, 3, 4].map((n) =>
        decision(n, 'waiting', { position: 10 + n, ...(n > 1 ? { eta: { days: (n - 1) / 1.5, perDay: 1.5 } } : {}) })
      )
    ];
    const markdown = renderSummary({
      plan: plan(decisions, { wipLimit: 11, adaptive: ADAPTIVE, pace }),
      snapshot: snapshot([1, 2, 3, 4].map((n) => pr(n))),
      config,
      execution: execution()
    });
    expect(markdown).toContain(
      'Limit `auto`: 42 PRs merged in the last 28 days = 1.5 per day × 7 target review days = 11, clamped to [10, no maximum] → **11**'
    );
    // The last in line is at position 14: a new PR would be 15th, 4 beyond the limit of 11, at 1.5 a day: 2.7 days.
    expect(markdown).toContain(
      '**4 PRs in the review queue, WIP limit 11 (auto)**; a new PR can expect to wait about 3 days.'
    );
  });

  test('auto with nothing merged says there is no estimate', () => {
    const adaptive = {
      mergedInWindow: 0,
      windowDays: 28,
      perDay: 0,
      targetReviewDays: 7,
      raw: 0,
      min: 10,
      max: 40,
      limit: 10
    };
    const markdown = renderSummary({
      plan: plan([decision(1, 'waiting', { position: 12 })], {
        wipLimit: 10,
        adaptive,
        pace: { mergedInWindow: 0, windowDays: 28, perDay: 0 }
      }),
      snapshot: snapshot([pr(1)]),
      config,
      execution: execution()
    });
    expect(markdown).toContain('clamped to [10, 40] → **10**');
    expect(markdown).toContain("no PR was merged in the last 28 days, so a new PR's wait has no estimate.");
    expect(markdown).toContain(
      '| 12 | [#1](https://github.com/acme/widgets/pull/1) | Change 1 | author1 | 11 d |  | beyond the limit | unknown: no merges |'
    );
  });

  test('a PR waiting for room in an area has no estimate: it waits until its area has room', () => {
    const waiting = decision(1, 'waiting', {
      position: 3,
      waitingOnRule: 'docs',
      waitingOnArea: { rule: 'docs', admitted: 6, maxOpen: 6 }
    });
    const markdown = renderSummary({
      plan: plan([waiting], { wipLimit: 11, adaptive: ADAPTIVE, pace }),
      snapshot: snapshot([pr(1)]),
      config,
      execution: execution()
    });
    expect(markdown).toContain(
      '| 3 | [#1](https://github.com/acme/widgets/pull/1) | Change 1 | author1 | 11 d |  | area docs full (6/6) | when docs has room |'
    );
  });

  test('a dry-run says nothing was written and lists what would be', () => {
    const writes: WriteOp[] = [
      { kind: 'status', number: 1, sha: 'sha1', state: 'failure', description: 'Waiting: position 3' },
      { kind: 'add-label', number: 1, label: 'stale', unit: 'stale #1' },
      { kind: 'close', number: 2, reason: 'stale', unit: 'close #2' }
    ];
    const decisions = [
      decision(1, 'waiting', {
        position: 3,
        stale: {
          whoseMove: 'author',
          reason: 'merge conflict',
          lastActivity: NOW_MINUS_40,
          idleDays: 40,
          action: 'mark',
          neglected: false
        }
      }),
      decision(2, 'admitted', {
        position: 1,
        stale: {
          whoseMove: 'author',
          reason: 'label needs-info',
          lastActivity: NOW_MINUS_40,
          idleDays: 40,
          action: 'close',
          neglected: false
        }
      })
    ];
    const markdown = renderSummary({
      plan: plan(decisions, { writes }),
      snapshot: snapshot([pr(1), pr(2)]),
      config: { ...config, dryRun: true },
      execution: dryRun(writes)
    });
    expect(markdown).toContain('Dry run: nothing was written.');
    expect(markdown).toContain('### Would write (3)');
    expect(markdown).toContain(
      '- set status failure on #1: Waiting\\: position 3\n- add label "stale" to #1\n- close #2 (stale)'
    );
    expect(markdown).toContain('Would mark 1, would close 1.');
    expect(markdown).toContain(
      '| [#1](https://github.com/acme/widgets/pull/1) | Change 1 | author1 | 40 | author\\: merge conflict | would be marked stale |'
    );
    expect(markdown).not.toContain('### Writes');
  });

  test('a real run lists applied writes, what was not applied and why, warnings and deferred closes', () => {
    const applied: WriteOp[] = [{ kind: 'status', number: 1, sha: 'sha1', state: 'success', description: 'Admitted' }];
    const notApplied = [
      { op: { kind: 'add-label', number: 1, label: '<b>x</b>' } as WriteOp, why: 'max-writes-per-run reached' }
    ];
    const markdown = renderSummary({
      plan: plan([decision(1, 'admitted', { position: 1 })], { deferredCloses: [8, 9] }),
      snapshot: snapshot([pr(1), pr(8), pr(9)]),
      config,
      execution: execution({
        applied,
        notApplied,
        warnings: ['Read-only token: writes skipped'],
        requests: { graphql: 3, restReads: 1, restWrites: 1, graphqlCost: 12 }
      })
    });
    expect(markdown).toContain('### Writes (1)\n\nstatuses: 1\n\n- set status success on #1: Admitted');
    expect(markdown).toContain(
      '**Not applied (1)**\n\nmax-writes-per-run reached (labels added: 1):\n\n- add label "&lt;b&gt;x&lt;/b&gt;" to #1'
    );
    expect(markdown).toContain('**Warnings**\n\n- Read-only token\\: writes skipped');
    expect(markdown).toContain(
      '- 2 closes held back by max-closes-per-run (10): [#8](https://github.com/acme/widgets/pull/8), ' +
        '[#9](https://github.com/acme/widgets/pull/9)'
    );
    expect(markdown).toContain('Requests: 3 GraphQL queries (12 points), 1 REST read, 1 REST write');
  });

  test('long lists are bounded and say how many were left out', () => {
    const decisions = Array.from({ length: 130 }, (_, i) =>
      decision(i + 1, i < 60 ? 'admitted' : 'waiting', { position: i + 1 })
    );
    const markdown = renderSummary({
      plan: plan(decisions, { wipLimit: 60 }),
      snapshot: snapshot(decisions.map((d) => pr(d.number))),
      config,
      execution: execution()
    });
    expect(markdown).toContain('### Admitted (first 50 of 60)');
    expect(markdown).toContain('… and 10 more.');
    expect(markdown).toContain('### Waiting (70; the first of each reason shown)');
    expect(markdown).toContain('Why: beyond the limit: 70.');
    expect(markdown).toContain('… and 50 more.');
    expect(markdown).toContain('| 80 | [#80]');
    expect(markdown).not.toContain('| 81 | [#81]');
    expect(markdown).toContain('… and 120 more authors.');
  });

  test('counts by state, top authors, neglected PRs and the weekly chart', () => {
    const prs = [
      pr(1, { author: 'ann' }),
      pr(2, { author: 'ann' }),
      pr(3, { author: 'bob' }),
      pr(4, { author: 'bob', isDraft: true })
    ];
    const neglect = {
      whoseMove: 'maintainers' as const,
      reason: 'approved by @maintainer 40 days ago, not merged',
      lastActivity: NOW_MINUS_40,
      idleDays: 40,
      action: 'none' as const,
      neglected: true
    };
    const decisions = [
      decision(1, 'admitted', { position: 1 }),
      decision(2, 'waiting', { position: 3 }),
      decision(3, 'admitted', { position: 2, stale: neglect }),
      decision(4, 'exempt', { exemptReason: 'draft' })
    ];
    const history = { mergedInWindow: 5, weeks: [{ weekStart: '2026-11-16', opened: 7, merged: 2 }] };
    const markdown = renderSummary({
      plan: plan(decisions, { flow: flowOf(history, new Date(NOW)) }),
      snapshot: snapshot(prs, { history }),
      config,
      execution: execution()
    });
    expect(markdown).toContain('| admitted | 2 |\n| waiting | 1 |\n| violation | 0 |\n| exempt | 1 |');
    expect(markdown).toContain('| ann | 2 | 1 | 1 | 0 |\n| bob | 1 | 1 | 0 | 0 |');
    expect(markdown).toContain('### Neglected (1)');
    expect(markdown).toContain('Waiting on the maintainers for 30 days or more');
    // With stale off (stale-days 0) the threshold shown is the one the core applies, never "0 days".
    const staleOff = { ...config, stale: { ...config.stale, days: 0 } };
    const off = renderSummary({
      plan: plan(decisions),
      snapshot: snapshot(prs, { history }),
      config: staleOff,
      execution: execution()
    });
    expect(off).toContain('Waiting on the maintainers for 14 days or more');
    expect(off).not.toMatch(/\b0 days/);
    expect(markdown).toContain(
      '| [#3](https://github.com/acme/widgets/pull/3) | Change 3 | bob | 40 | approved by @&#8203;maintainer 40 days ago, not merged |'
    );
    expect(markdown).toContain('### Inflow, merges and the open queue');
    expect(markdown).toContain('| 2026-11-16 | 7 | 2 |');
  });

  test('waiting rows say why, priority PRs are marked in both tables, and the first of each reason shows', () => {
    const area = { rule: 'docs', admitted: 6, maxOpen: 6 };
    const decisions = [
      decision(1, 'admitted', { position: 1, priority: true }),
      decision(3, 'admitted', { position: 41 }),
      decision(2, 'waiting', { position: 2, priority: true, waitingOnRule: 'docs', waitingOnArea: area }),
      ...Array.from({ length: 30 }, (_, i) =>
        decision(10 + i, 'waiting', { position: 3 + i, waitingOnRule: 'docs', waitingOnArea: area })
      ),
      decision(50, 'waiting', { position: 40, eta: { days: 3.5, perDay: 2 } })
    ];
    const markdown = renderSummary({
      plan: plan(decisions, { wipLimit: 10, pace: { mergedInWindow: 56, windowDays: 28, perDay: 2 } }),
      snapshot: snapshot(decisions.map((d) => pr(d.number))),
      config: { ...config, priorityLabels: ['urgent'] },
      execution: execution()
    });
    expect(markdown).toContain(
      '| position | PR | title | author | age | priority |\n|---:|---|---|---|---|---|\n| 1 | ' +
        '[#1](https://github.com/acme/widgets/pull/1) | Change 1 | author1 | 11 d | priority |'
    );
    expect(markdown).toContain('1 of these 2 carry a priority label (urgent) and come before every PR without one.');
    expect(markdown).toContain('Why: area docs full (6/6): 31 · beyond the limit: 1.');
    expect(markdown).toContain(
      '| 2 | [#2](https://github.com/acme/widgets/pull/2) | Change 2 | author2 | 12 d | priority | area docs full (6/6) | when ' +
        'docs has room |'
    );
    // The one PR beyond the limit shows although 31 area rows come first in line.
    expect(markdown).toContain(
      '| 40 | [#50](https://github.com/acme/widgets/pull/50) | Change 50 | author50 | 60 d |  | beyond the limit | ~4 days |'
    );
    expect(markdown).toContain(
      "Expected waits by Little's law: the PRs ahead beyond the limit ÷ 2 merges a day (the last 28 days)."
    );
    expect(markdown).toContain('… and 21 more.');
  });

  test('violations are grouped by the budget the reader set, with counts and the authors most affected, then the first rows', () => {
    const perAuthor = (login: string) => ({
      rule: 'inputs',
      budget: 'max-open-per-author' as const,
      reason: `${login} has more than 15 open PRs and this is one of the newest; the limit is 15 per author`
    });
    const owner = {
      rule: 'coding agents',
      budget: 'require-owner' as const,
      reason: 'needs an assignee or an approving review from someone with write access'
    };
    const logins = ['ann', 'ann', 'ann', 'bob', 'bob', 'cy', 'dee', 'eve'];
    const decisions = [
      ...logins.map((login, i) => decision(i + 1, 'violation', { violations: [perAuthor(login)] })),
      ...Array.from({ length: 25 }, (_, i) => decision(100 + i, 'violation', { violations: [owner] }))
    ];
    const prs = [
      ...logins.map((login, i) => pr(i + 1, { author: login })),
      ...Array.from({ length: 25 }, (_, i) => pr(100 + i, { author: 'Copilot' }))
    ];
    const markdown = renderSummary({ plan: plan(decisions), snapshot: snapshot(prs), config, execution: execution() });
    expect(markdown).toContain(
      [
        '| budget | PRs | authors most affected |',
        '|---|---:|---|',
        '| `require-owner` (rule coding agents) | 25 | Copilot (25) |',
        '| `max-open-per-author` | 8 | ann (3), bob (2), cy (1) and 2 more |'
      ].join('\n')
    );
    expect(markdown).toContain('<summary>The first 20 in queue order, with the reason each one shows</summary>');
    expect(markdown).toContain(
      '| [#1](https://github.com/acme/widgets/pull/1) | Change 1 | ann | `max-open-per-author` | ann has more than 15 open PRs'
    );
    expect(markdown).toContain('… and 13 more.');
    expect(markdown).not.toContain('| inputs |');
  });

  test("a sweep's summary answers first: the queue in one line, what to do next, then the charts", () => {
    const history = {
      mergedInWindow: 800,
      openNow: 3_000,
      weeks: [
        '2026-10-05',
        '2026-10-12',
        '2026-10-19',
        '2026-10-26',
        '2026-11-02',
        '2026-11-09',
        '2026-11-16',
        '2026-11-23'
      ].map((weekStart) => ({ weekStart, opened: 431, merged: 205, closed: 205 }))
    };
    const last = decision(9, 'waiting', { position: 1_100, eta: { days: 40.2, perDay: 28 } });
    const queue = { queueSize: 1_100, pace: { mergedInWindow: 784, windowDays: 28, perDay: 28 } };
    const growing = renderSummary({
      plan: plan([last], { ...queue, flow: flowOf(history, new Date(NOW)) }),
      snapshot: snapshot([pr(9)], { history }),
      config,
      execution: execution()
    });
    // A new PR joins at 1,101: 1,099 beyond the limit of 2 at 28 merges a day, 39.25 days.
    const headline =
      '**The queue is growing by ~226 PRs a week**: 1,100 PRs in the review queue, WIP limit 2; ' +
      'a new PR can expect to wait about 40 days.';
    const next =
      '> [!IMPORTANT]\n> **What to do next:** merge or close more PRs a week, or slow the inflow (`max-open-per-author`, ' +
      '`max-opened-per-author`): 431 opened a week vs 205 merged (average of the last 7 full weeks). Raising the WIP limit ' +
      'alone only moves the wait.';
    expect(growing.split('\n\n').slice(0, 3)).toEqual(['## PR Backpressure: sweep of acme/widgets', headline, next]);
    expect(growing.indexOf('```mermaid')).toBeGreaterThan(growing.indexOf(next));
    expect(growing.indexOf('### Waiting')).toBeGreaterThan(growing.indexOf('```mermaid'));

    const steady = { ...history, weeks: history.weeks.map((w) => ({ ...w, opened: 200 })) };
    const shrinking = renderSummary({
      plan: plan([last], { ...queue, flow: flowOf(steady, new Date(NOW)) }),
      snapshot: snapshot([pr(9)], { history: steady }),
      config,
      execution: execution()
    });
    expect(shrinking.split('\n\n').slice(1, 3)).toEqual([
      '**The queue is shrinking by ~5 PRs a week**: 1,100 PRs in the review queue, WIP limit 2; a new PR can expect to wait ' +
        'about 40 days.',
      '> [!TIP]\n> **What to do next:** nothing needs you now: merges keep up with the inflow.'
    ]);
  });

  test('what to do next lists each step: neglected PRs, and the runs the writes left take', () => {
    const neglect = {
      whoseMove: 'maintainers' as const,
      reason: 'no review yet',
      lastActivity: NOW_MINUS_40,
      idleDays: 40,
      action: 'none' as const,
      neglected: true
    };
    const statuses: WriteOp[] = Array.from({ length: 700 }, (_, i) => ({
      kind: 'status',
      number: i + 1,
      sha: 'abc',
      state: 'success',
      description: 'Admitted'
    }));
    const markdown = renderSummary({
      plan: plan([decision(1, 'admitted', { position: 1, stale: neglect }), decision(2, 'admitted', { position: 2 })], {
        writes: statuses
      }),
      snapshot: snapshot([pr(1), pr(2)]),
      config: { ...config, maxWritesPerRun: 300 },
      execution: execution({
        applied: statuses.slice(0, 300),
        notApplied: statuses
          .slice(300)
          .map((op) => ({ op, why: 'max-writes-per-run (300) reached; left for the next run' }))
      })
    });
    expect(markdown).toContain(
      [
        '> [!IMPORTANT]',
        '> **What to do next:**',
        '> - review the 1 PR waiting on the maintainers for 30 days or more, oldest first (Neglected, below).',
        '> - let the next 2 runs write the 400 writes left, 300 a run (`max-writes-per-run`; statuses first).'
      ].join('\n')
    );
    // 300 writes listed: the first 50, folded.
    expect(markdown).toContain('<details>\n<summary>Each write, in order</summary>\n\n- set status success on #1');
  });

  test('the settings say where each value came from: input, file or default', () => {
    const withFile = buildConfig(
      { 'wip-limit': '50', 'max-changed-lines': '900' },
      { path: '.github/backpressure.yml', text: 'wip-limit: auto\nstale-days: 30\n' }
    );
    const markdown = renderSummary({
      plan: plan([decision(1, 'admitted', { position: 1 })]),
      snapshot: snapshot([pr(1)]),
      config: withFile,
      execution: execution()
    });
    expect(markdown).toContain(
      '### Settings\n\nFrom the inputs: `wip-limit`, `max-changed-lines`. From `.github/backpressure.yml`: `stale-days`, ' +
        '`wip-limit` (overridden by its input). Every other setting is its built-in default.'
    );
    const settings = Object.keys(withFile.settings).length;
    expect(settings).toBeGreaterThan(40);
    expect(markdown).toContain(`<summary>Every setting (${settings}), its value and where it came from</summary>`);
    expect(markdown).toContain('| `wip-limit` | 50 | input (the file says auto) |');
    expect(markdown).toContain('| `stale-days` | 30 | file |');
    expect(markdown).toContain('| `min-wip-limit` | 10 | default |');
    expect(markdown).toContain('| `on-waiting` | fail | default |');
  });

  test('stale marks the write budget held back say "would mark: deferred", not marked', () => {
    const stale = {
      whoseMove: 'author' as const,
      reason: 'merge conflict',
      lastActivity: NOW_MINUS_40,
      idleDays: 40,
      action: 'mark' as const,
      neglected: false
    };
    const writes: WriteOp[] = [1, 2].flatMap((n) => [
      { kind: 'comment', number: n, body: 'stale', purpose: 'stale', unit: `stale #${n}` } as WriteOp,
      { kind: 'add-label', number: n, label: 'stale', unit: `stale #${n}` } as WriteOp
    ]);
    const markdown = renderSummary({
      plan: plan([decision(1, 'admitted', { position: 1, stale }), decision(2, 'admitted', { position: 2, stale })], {
        writes
      }),
      snapshot: snapshot([pr(1), pr(2)]),
      config,
      execution: execution({
        applied: writes.slice(0, 2),
        notApplied: writes.slice(2).map((op) => ({ op, why: 'max-writes-per-run (300) reached' }))
      })
    });
    expect(markdown).toContain(
      'Marked 1, closed 0; would mark 1, deferred to the next run (writes not applied, see below).'
    );
    expect(markdown).toContain(
      '| [#1](https://github.com/acme/widgets/pull/1) | Change 1 | author1 | 40 | author\\: merge conflict | marked stale |'
    );
    expect(markdown).toContain(
      '| [#2](https://github.com/acme/widgets/pull/2) | Change 2 | author2 | 40 | author\\: merge conflict | would mark: ' +
        'deferred to the next run |'
    );
  });

  test('a sweep lists locked PRs the lifecycle skipped, with what would have happened and why', () => {
    const skipped = {
      whoseMove: 'author' as const,
      reason: 'merge conflict',
      lastActivity: NOW_MINUS_40,
      idleDays: 40,
      action: 'none' as const,
      neglected: false,
      lockedSkip: 'mark' as const
    };
    const markdown = renderSummary({
      plan: plan([decision(1, 'admitted', { position: 1, stale: skipped }), decision(2, 'admitted', { position: 2 })]),
      snapshot: snapshot([pr(1), pr(2)]),
      config,
      execution: execution()
    });
    expect(markdown).toContain('### Locked (1)');
    expect(markdown).toContain(
      '| [#1](https://github.com/acme/widgets/pull/1) | Change 1 | author1 | 40 | marked stale (merge conflict) |'
    );
    expect(markdown).not.toContain('[#2](https://github.com/acme/widgets/pull/2) | Change 2 | author2 | 40');
  });

  test("a gate's summary says whose move its PR is, and runs no stale table", () => {
    const stale = {
      whoseMove: 'author' as const,
      reason: 'changes requested by @maintainer on 2026-10-14',
      lastActivity: NOW_MINUS_40,
      idleDays: 40,
      action: 'mark' as const,
      neglected: false
    };
    const subject = decision(1, 'admitted', { position: 1, stale });
    const markdown = renderSummary({
      plan: plan([subject], { mode: 'gate', subject }),
      snapshot: snapshot([pr(1)]),
      config: { ...config, stale: { ...config.stale, days: 30 } },
      execution: execution()
    });
    expect(markdown).toContain("Whose move: the author's (changes requested by @&#8203;maintainer on 2026-10-14).");
    expect(markdown).not.toContain('### Stale');
  });

  test('a stale close of an author with write access says the PR stays marked', () => {
    const stale = {
      whoseMove: 'author' as const,
      reason: 'draft',
      lastActivity: NOW_MINUS_40,
      idleDays: 40,
      action: 'close' as const,
      neglected: false
    };
    const markdown = renderSummary({
      plan: plan([decision(1, 'admitted', { position: 1, stale })], { keptOpen: [1] }),
      snapshot: snapshot([pr(1, { authorAssociation: 'MEMBER' })]),
      config,
      execution: execution()
    });
    expect(markdown).toContain('stays marked: the author has write access, so it is never closed');
  });
});

const NOW_MINUS_40 = '2026-10-14T12:00:00.000Z';
