// The linked-issue budgets, table by table: require-issue (linked, assigned,
// issue-labels) and one-pr-per-issue (the holder, duplicates, take-over on
// advance), in the whole-queue plan and in the gate's constant-cost path.
import { stickyBody } from '../../src/core/comments.js';
import { decideQueue } from '../../src/core/decide.js';
import { ALONE, gateDecision } from './gate-model.js';
import { claimsIncomplete } from '../../src/core/issue-budgets.js';
import { plan } from '../../src/core/plan.js';
import type { Config } from '../../src/config/types.js';
import type { Decision, IssueClaims, LinkedIssue, PullRequest, Snapshot } from '../../src/core/types.js';
import { NOW, applyWrites, config, pr, rule, snapshot } from './factories.js';

const REPO = 'acme/widgets';
const issue = (number: number, fields: Partial<LinkedIssue> = {}): LinkedIssue => ({
  repository: REPO,
  number,
  assignees: [],
  labels: [],
  ...fields
});
const closing = (...issues: LinkedIssue[]) => ({ closingIssues: { issues, complete: true } });
const noLink = { closingIssues: { issues: [], complete: true } };

function decide(prs: PullRequest[], c: Config): Record<number, Decision> {
  const limit = c.wipLimit === 'auto' ? 0 : c.wipLimit;
  return Object.fromEntries(decideQueue(snapshot(prs), c, limit, NOW).decisions.map((d) => [d.number, d]));
}

const reasons = (d: Decision) => d.violations.map((v) => v.reason);

describe('require-issue', () => {
  const author = (n: number, fields: Partial<PullRequest>) => pr(n, { author: 'ann', ...fields });

  test.each<[string, Record<string, string>, Partial<PullRequest>, string[]]>([
    ['no link', { 'require-issue': 'true' }, noLink, ['link an issue with `Fixes #N`']],
    ['a linked issue', { 'require-issue': 'true' }, closing(issue(101)), []],
    [
      'only another repository’s issue',
      { 'require-issue': 'true' },
      closing(issue(5, { repository: 'someone/else' })),
      ['link an issue of this repository with `Fixes #N`']
    ],
    [
      'linked and assigned to the author',
      { 'require-issue': 'assigned' },
      closing(issue(101, { assignees: ['ann'] })),
      []
    ],
    [
      'assigned, logins compared case-insensitively',
      { 'require-issue': 'assigned' },
      closing(issue(101, { assignees: ['ANN'] })),
      []
    ],
    [
      'linked but assigned to someone else',
      { 'require-issue': 'assigned' },
      closing(issue(101, { assignees: ['bob'] })),
      ['#101 is not assigned to you: ask in the issue']
    ],
    [
      'linked but assigned to nobody',
      { 'require-issue': 'assigned' },
      closing(issue(101)),
      ['#101 is not assigned to you: ask in the issue']
    ],
    ['assigned without a link', { 'require-issue': 'assigned' }, noLink, ['link an issue with `Fixes #N`']],
    [
      'an issue without the label',
      { 'require-issue': 'true', 'issue-labels': 'accepted' },
      closing(issue(102, { labels: ['bug'] })),
      ['#102 has no accepted label']
    ],
    [
      'an issue with the label in another case',
      { 'require-issue': 'true', 'issue-labels': 'accepted' },
      closing(issue(102, { labels: ['Accepted'] })),
      []
    ],
    [
      'one of several accepted labels',
      { 'require-issue': 'true', 'issue-labels': 'accepted, help wanted' },
      closing(issue(102, { labels: ['help wanted'] })),
      []
    ],
    [
      'none of several accepted labels',
      { 'require-issue': 'true', 'issue-labels': 'accepted, help wanted' },
      closing(issue(102)),
      ['#102 has no accepted or help wanted label']
    ],
    [
      'neither assigned nor labelled',
      { 'require-issue': 'assigned', 'issue-labels': 'accepted' },
      closing(issue(103, { assignees: ['bob'] })),
      ['#103 is not assigned to you and has no accepted label: ask in the issue']
    ],
    [
      'two issues, one of them fit',
      { 'require-issue': 'assigned' },
      closing(issue(101, { assignees: ['bob'] }), issue(104, { assignees: ['ann'] })),
      []
    ],
    [
      'two issues, neither fit: both are named',
      { 'require-issue': 'assigned', 'issue-labels': 'accepted' },
      closing(issue(101, { assignees: ['bob'], labels: ['accepted'] }), issue(102, { assignees: ['ann'] })),
      ['#101 is not assigned to you: ask in the issue; #102 has no accepted label']
    ],
    ['links not read (no rule asked for them): nothing flagged', { 'require-issue': 'true' }, {}, []],
    [
      'more issues than were read, none fit so far: nothing flagged',
      { 'require-issue': 'assigned' },
      { closingIssues: { issues: [issue(101)], complete: false } },
      []
    ],
    ['off', { 'require-issue': 'false' }, noLink, []]
  ])('%s', (_name, inputs, fields, expected) => {
    const decisions = decide([pr(1, noLink), author(2, fields)], config({ 'wip-limit': '10', ...inputs }));
    expect(reasons(decisions[2])).toEqual(expected);
    expect(decisions[2].state).toBe(expected.length > 0 ? 'violation' : 'admitted');
    if (expected.length > 0) expect(decisions[2].summary).toBe(`Violation: ${expected.join('; ')}`);
  });

  test('a rule for agents only: "agents may only work on assigned issues"', () => {
    const c = config({ 'wip-limit': '10' });
    c.rules = [rule('agents on issues', { selector: { agents: true }, budgets: { requireIssue: 'assigned' } })];
    const decisions = decide(
      [
        pr(1, { author: 'Copilot', ...closing(issue(101, { assignees: ['copilot'] })) }),
        pr(2, { author: 'Copilot', ...closing(issue(102, { assignees: ['ann'] })) }),
        pr(3, { author: 'ann', ...noLink })
      ],
      c
    );
    expect([decisions[1].state, decisions[2].state, decisions[3].state]).toEqual(['admitted', 'violation', 'admitted']);
    expect(decisions[2].violations).toEqual([
      { rule: 'agents on issues', budget: 'require-issue', reason: '#102 is not assigned to you: ask in the issue' }
    ]);
  });

  test('the sticky comment says what is missing and what to do', () => {
    const decisions = decide([pr(1, noLink)], config({ 'require-issue': 'true' }));
    const body = stickyBody(decisions[1], 50);
    expect(body).toContain('- link an issue with \\`Fixes \\#N\\` (rule inputs)');
    expect(body).toContain('Link the issue this PR resolves: write `Fixes #N` in the description');
  });
});

describe('one-pr-per-issue', () => {
  const c = (inputs: Record<string, string> = {}) =>
    config({ 'wip-limit': '10', 'one-pr-per-issue': 'true', ...inputs });
  const summaries = (decisions: Record<number, Decision>) =>
    Object.fromEntries(Object.entries(decisions).map(([n, d]) => [n, d.summary]));

  test('two PRs on one issue: the first in line holds it, the second is a duplicate', () => {
    const decisions = decide([pr(1, closing(issue(7))), pr(2, closing(issue(7))), pr(3, noLink)], c());
    expect(summaries(decisions)).toEqual({
      1: 'Admitted: position 1 of 3 (limit 10)',
      2: 'Violation: duplicate of #1: work together there',
      3: 'Admitted: position 2 of 3 (limit 10)'
    });
    expect(decisions[2].violations).toEqual([
      {
        rule: 'inputs',
        budget: 'one-pr-per-issue',
        reason: 'duplicate of #1: work together there',
        holder: 1,
        issue: 7
      }
    ]);
  });

  test('three PRs on one issue: both later ones are duplicates of the first', () => {
    const decisions = decide([pr(3, closing(issue(7))), pr(1, closing(issue(7))), pr(2, closing(issue(7)))], c());
    expect([decisions[1].state, reasons(decisions[2]), reasons(decisions[3])]).toEqual([
      'admitted',
      ['duplicate of #1: work together there'],
      ['duplicate of #1: work together there']
    ]);
  });

  test('queue order decides, not numbers: a priority label goes first; a draft holds nothing', () => {
    const decisions = decide(
      [
        pr(1, { ...closing(issue(7)), isDraft: true }),
        pr(2, closing(issue(7))),
        pr(3, { ...closing(issue(7)), labels: ['urgent'] })
      ],
      c({ 'priority-labels': 'urgent' })
    );
    expect([decisions[1].state, reasons(decisions[2]), decisions[3].state]).toEqual([
      'exempt',
      ['duplicate of #3: work together there'],
      'admitted'
    ]);
  });

  test('the holder keeps the issue while it breaks another rule (it is still the PR to work on)', () => {
    const decisions = decide(
      [pr(1, { ...closing(issue(7)), additions: 5000 }), pr(2, closing(issue(7)))],
      c({ 'max-changed-lines': '1000' })
    );
    expect(reasons(decisions[1])).toEqual(['5,002 changed lines; the limit is 1,000']);
    expect(reasons(decisions[2])).toEqual(['duplicate of #1: work together there']);
  });

  test('a PR linking two issues holds the one it came first to and duplicates the other', () => {
    const decisions = decide(
      [
        pr(1, closing(issue(7))),
        pr(2, closing(issue(7), issue(8))),
        pr(3, closing(issue(8))),
        pr(4, closing(issue(9), issue(7)))
      ],
      c()
    );
    expect(reasons(decisions[1])).toEqual([]);
    expect(reasons(decisions[2])).toEqual(['duplicate of #1: work together there']);
    expect(reasons(decisions[3])).toEqual(['duplicate of #2: work together there']);
    expect(reasons(decisions[4])).toEqual(['duplicate of #1: work together there']);
  });

  test('two issues held by the same PR make one violation, not two', () => {
    const decisions = decide([pr(1, closing(issue(7), issue(8))), pr(2, closing(issue(7), issue(8)))], c());
    expect(reasons(decisions[2])).toEqual(['duplicate of #1: work together there']);
  });

  test('issues of other repositories and PRs without links are never duplicates', () => {
    const other = issue(7, { repository: 'someone/else' });
    const decisions = decide([pr(1, closing(other)), pr(2, closing(other)), pr(3, noLink), pr(4, noLink)], c());
    expect(Object.values(decisions).map((d) => d.state)).toEqual(['admitted', 'admitted', 'admitted', 'admitted']);
  });

  test('a rule for agents judges agents’ PRs against everyone’s: a human PR is never their duplicate', () => {
    const scoped = config({ 'wip-limit': '10' });
    scoped.rules = [rule('agents', { selector: { agents: true }, budgets: { onePrPerIssue: true } })];
    const decisions = decide(
      [pr(1, closing(issue(7))), pr(2, { author: 'Copilot', ...closing(issue(7)) }), pr(3, closing(issue(7)))],
      scoped
    );
    expect([decisions[1].state, reasons(decisions[2]), decisions[3].state]).toEqual([
      'admitted',
      ['duplicate of #1: work together there'],
      'admitted'
    ]);
  });

  test('the sticky comment links the holder and the issue', () => {
    const decisions = decide([pr(1, closing(issue(7))), pr(2, closing(issue(7)))], c());
    const body = stickyBody(decisions[2], 10);
    expect(body).toContain('- duplicate of \\#&#8203;1\\: work together there (rule inputs)');
    expect(body).toContain('\n- #1 holds #7.\n');
    expect(body).toContain('work together there (review it, suggest your changes)');
  });

  test('the holder closing: on advance the next PR takes the issue over and the third follows it', () => {
    const cfg = c({ 'wip-limit': '2' });
    const prs = [
      pr(1, closing(issue(7))),
      pr(2, closing(issue(7))),
      pr(3, closing(issue(7))),
      pr(4, noLink),
      pr(5, noLink)
    ];
    const settled = applyWrites(snapshot(prs), plan(snapshot(prs), cfg, NOW, { mode: 'sweep' }).writes);
    expect(settled.pullRequests.map((p) => [p.number, p.status?.description])).toEqual([
      [1, 'Admitted: position 1 of 5 (limit 2)'],
      [2, 'Violation: duplicate of #1: work together there'],
      [3, 'Violation: duplicate of #1: work together there'],
      [4, 'Admitted: position 2 of 5 (limit 2)'],
      [5, 'Waiting: position 3, 1 PRs ahead beyond the limit of 2']
    ]);
    const after: Snapshot = { ...settled, pullRequests: settled.pullRequests.filter((p) => p.number !== 1) };
    const result = plan(after, cfg, NOW, { mode: 'advance', closedNumber: 1, closedAuthor: 'author1' });
    expect(result.writes).toEqual([
      // #2 holds the issue now, comes back into line and takes the seat #1 freed.
      { kind: 'remove-label', number: 2, label: 'backpressure: violation' },
      { kind: 'add-label', number: 2, label: 'backpressure: admitted' },
      { kind: 'status', number: 2, sha: 'sha2', state: 'success', description: 'Admitted: position 1 of 4 (limit 2)' },
      {
        kind: 'status',
        number: 3,
        sha: 'sha3',
        state: 'failure',
        description: 'Violation: duplicate of #2: work together there'
      }
    ]);
    // #5 moved up but stays beyond the limit: advance leaves it alone, as without linked issues.
    const again = applyWrites(after, result.writes);
    expect(plan(again, cfg, NOW, { mode: 'advance', closedNumber: 1 }).writes).toEqual([]);
  });

  test('the plan lists the issues several open PRs close, holder first', () => {
    const prs = [
      pr(1, { ...closing(issue(7)), isDraft: true }),
      pr(2, closing(issue(7), issue(8))),
      pr(3, closing(issue(7))),
      pr(4, closing(issue(9)))
    ];
    expect(plan(snapshot(prs), c(), NOW, { mode: 'sweep' }).sharedIssues).toEqual([
      { number: 7, holder: 2, pullRequests: [2, 3, 1] }
    ]);
    expect(plan(snapshot([pr(1)]), c(), NOW, { mode: 'sweep' }).sharedIssues).toBeUndefined();
  });
});

describe('the gate decides one-pr-per-issue from the issue’s open PRs, as the whole-queue plan does', () => {
  const cfg = config({
    'wip-limit': '10',
    'one-pr-per-issue': 'true',
    'priority-labels': 'urgent',
    'exempt-labels': 'security'
  });
  const claimOf = (p: PullRequest) => ({
    number: p.number,
    createdAt: p.createdAt,
    isDraft: p.isDraft,
    baseRef: p.baseRef,
    author: p.author,
    labels: p.labels,
    repository: REPO
  });

  /** The subject as the gate reads it: each of its issues with the open PRs that close it. */
  function asGateReads(subject: PullRequest, all: PullRequest[], complete = true): PullRequest {
    const issues = (subject.closingIssues?.issues ?? []).map((i) => {
      const claims: IssueClaims = {
        pullRequests: all.filter((p) => p.closingIssues?.issues.some((o) => o.number === i.number)).map(claimOf),
        complete
      };
      return { ...i, claims };
    });
    return { ...subject, closingIssues: { issues, complete: true } };
  }

  const prs = [
    pr(1, { ...closing(issue(7)), isDraft: true }),
    pr(2, { ...closing(issue(7)), labels: ['security'] }),
    pr(3, closing(issue(7), issue(8))),
    pr(4, closing(issue(7))),
    pr(5, { ...closing(issue(8)), labels: ['urgent'] }),
    pr(6, closing(issue(9))),
    pr(7, closing(issue(9)))
  ];

  // The queue as a sweep left it: the violation label on the PRs in violation, which a gate reads
  // on the issue's other open PRs.
  const settled = applyWrites(snapshot(prs), plan(snapshot(prs), cfg, NOW, { mode: 'sweep' }).writes).pullRequests;

  test.each(prs.map((p) => p.number))('PR #%i', (number) => {
    const whole = plan(snapshot(prs), cfg, NOW, { mode: 'sweep' }).decisions.find((d) => d.number === number)!;
    // As a sweep left it: the violation label on the PRs in violation.
    const shown = prs.find((p) => p.number === number)!;
    const labels = whole.state === 'violation' ? [...shown.labels, 'backpressure: violation'] : shown.labels;
    const subject = asGateReads({ ...shown, labels }, settled);
    const gate = gateDecision(subject, ALONE, snapshot([subject]), cfg);
    expect([gate.state, gate.violations]).toEqual([whole.state, whole.violations]);
  });

  test('the expected holders: #3 for #7 (drafts and exempt PRs hold nothing), priority #5 for #8, #6 for #9', () => {
    const whole = plan(snapshot(prs), cfg, NOW, { mode: 'sweep' });
    expect(whole.decisions.filter((d) => d.state === 'violation').map((d) => [d.number, reasons(d)])).toEqual([
      [3, ['duplicate of #5: work together there']],
      [4, ['duplicate of #3: work together there']],
      [7, ['duplicate of #6: work together there']]
    ]);
  });

  test('a PR of another repository closing the issue is no competitor', () => {
    const subject = asGateReads(pr(4, closing(issue(7))), [pr(4, closing(issue(7)))]);
    subject.closingIssues!.issues[0].claims!.pullRequests.push({ ...claimOf(pr(1)), repository: 'someone/fork' });
    expect(gateDecision(subject, ALONE, snapshot([subject]), cfg).state).toBe('admitted');
  });

  test(
    'an incomplete list: a PR read ahead still makes a duplicate; first among those read is not known to hold, so nothing is ' +
      'flagged',
    () => {
      const behind = asGateReads({ ...prs[3], labels: ['backpressure: violation'] }, settled, false);
      expect(reasons(gateDecision(behind, ALONE, snapshot([behind]), cfg))).toEqual([
        'duplicate of #3: work together there'
      ]);
      const first = asGateReads(prs[5], settled, false);
      expect(gateDecision(first, ALONE, snapshot([first]), cfg).state).toBe('admitted');
    }
  );

  test.each([
    ['a complete list', 5, true, false],
    ['an incomplete list with a PR read ahead: certain', 4, false, false],
    ['an incomplete list, the subject first among those read: the gate reads the whole queue', 5, false, true],
    ['a PR with no one-pr-per-issue rule', 6, false, false]
  ])('claimsIncomplete: %s', (_name, number, complete, expected) => {
    const subject = asGateReads(
      prs.find((p) => p.number === number)!,
      prs,
      complete
    );
    const rules = number === 6 ? [] : cfg.rules;
    expect(claimsIncomplete(subject, rules, cfg, REPO)).toBe(expected);
  });
});
