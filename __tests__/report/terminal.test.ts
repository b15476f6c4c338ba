import { markdownToTerminal } from '../../src/report/terminal.js';
import { renderSummary } from '../../src/report/summary.js';
import { config, decision, execution, plan, pr, snapshot } from './fixtures.js';

describe('markdownToTerminal', () => {
  test.each([
    ['a top heading is upper-cased and underlined', '## Queue of acme', 'QUEUE OF ACME\n============='],
    ['a section heading is underlined', '### Waiting (3)', 'Waiting (3)\n-----------'],
    ['bold and code lose their markers', '**6 PRs** · limit `auto`', '6 PRs · limit auto'],
    ['a PR link shows its number', 'see [#12](https://github.com/a/b/pull/12)', 'see #12'],
    [
      'another link keeps its address',
      '[this run](https://github.com/a/b/actions/runs/1)',
      'this run (https://github.com/a/b/actions/runs/1)'
    ],
    [
      'escapes and entities show the literal text',
      '&lt;img&gt; \\*\\*bold\\*\\* @&#8203;octocat a &amp;lt; b',
      '<img> **bold** @octocat a &lt; b'
    ],
    [
      'HTML comments, details and small tags go',
      '<!-- marker -->\n<details>\n<summary>More</summary>\n<sub>Requests: 3</sub>\n</details>',
      'More\nRequests: 3'
    ],
    [
      'a note marker goes, its text stays',
      '> [!NOTE]\n> Dry run: nothing was written.',
      'Dry run: nothing was written.'
    ]
  ])('%s', (_, markdown, expected) => {
    expect(markdownToTerminal(markdown)).toBe(expected);
  });

  test('tables are aligned in columns and escaped pipes stay inside their cell', () => {
    const markdown = [
      '| PR | title |',
      '|---:|---|',
      '| [#1](https://x/1) | a \\| b |',
      '| [#100](https://x/100) | long title |'
    ].join('\n');
    expect(markdownToTerminal(markdown)).toBe(
      ['PR    title', '----  ----------', '#1    a | b', '#100  long title'].join('\n')
    );
  });

  test('a long reason shared by many rows is printed once per group, with its count', () => {
    const reason = 'ann has more than 15 open PRs and this is one of the newest';
    const markdown = [
      '| PR | author | reason |',
      '|---|---|---|',
      ...[1, 2, 3].map((n) => `| [#${n}](https://x/${n}) | ann | ${reason} |`),
      '| [#40](https://x/40) | bob | 12,000 changed lines; the limit is 3,000 |'
    ].join('\n');
    expect(markdownToTerminal(markdown)).toBe(
      [
        'PR   author',
        '',
        `reason: ${reason} (3)`,
        '  #1   ann',
        '  #2   ann',
        '  #3   ann',
        '',
        'reason: 12,000 changed lines; the limit is 3,000 (1)',
        '  #40  bob'
      ].join('\n')
    );
  });

  test('short or varied last columns stay a plain table', () => {
    const markdown = [
      '| state | PRs |',
      '|---|---:|',
      '| admitted | 2 |',
      '| waiting | 2 |',
      '| violation | 2 |',
      '| exempt | 2 |'
    ].join('\n');
    expect(markdownToTerminal(markdown)).toBe(
      ['state      PRs', '---------  ---', 'admitted   2', 'waiting    2', 'violation  2', 'exempt     2'].join('\n')
    );
  });

  test('a mermaid chart is dropped; the table of the same numbers stays', () => {
    const markdown = [
      '### Inflow',
      '',
      '```mermaid',
      'xychart-beta',
      '  bar [1, 2]',
      '```',
      '',
      '| week of | opened |',
      '|---|---:|',
      '| 2026-11-16 | 7 |'
    ].join('\n');
    expect(markdownToTerminal(markdown)).toBe(
      ['Inflow', '------', '', 'week of     opened', '----------  ------', '2026-11-16  7'].join('\n')
    );
  });

  test('a whole summary reads as plain text with the hostile title shown literally', () => {
    const markdown = renderSummary({
      plan: plan([decision(1, 'admitted', { position: 1 })]),
      snapshot: snapshot([pr(1, { title: '<img src=x> | @octocat **bold**' })], {
        history: { mergedInWindow: 1, weeks: [{ weekStart: '2026-11-16', opened: 3, merged: 1 }] }
      }),
      config,
      execution: execution()
    });
    const text = markdownToTerminal(markdown);
    expect(text).toContain('PR BACKPRESSURE: SWEEP OF ACME/WIDGETS');
    expect(text).toMatch(/^1\s+#1\s+<img src=x> \| @octocat \*\*bold\*\*\s+author1\s+11 d$/m);
    expect(text).not.toMatch(/mermaid|xychart|&#8203;|&lt;|\\/);
  });
});
