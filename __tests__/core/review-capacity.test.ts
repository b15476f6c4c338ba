// Review capacity (README "Review capacity"): a WIP limit per reviewer,
// from a number or each reviewer's own pace; yield-days; least-loaded
// assignment. The same admission walk as the WIP limit: sticky, one waiting
// line, the gate agreeing with the sweep.
import { plan } from '../../src/core/plan.js';
import { autoReviewLimit, reviewPace, reviewerLimits } from '../../src/core/review-capacity.js';
import type { PullRequest } from '../../src/core/types.js';
import { NOW, applyWrites, config, daysAgo, pr, rule, snapshot } from './factories.js';
import { countsFromLabels, gatePlan } from './gate-model.js';

const sweep = { mode: 'sweep' } as const;
const asking = (n: number, reviewers: string[], fields: Partial<PullRequest> = {}) =>
  pr(n, { reviewRequests: reviewers, ...fields });
const states = (prs: PullRequest[], inputs: Record<string, string>) =>
  plan(snapshot(prs), config(inputs), NOW, sweep).decisions.map((d) => [d.number, d.state, d.summary]);

describe('max-review-requests: a number', () => {
  const inputs = { 'wip-limit': '10', 'max-review-requests': '2' };

  test.each<[string, PullRequest[], [number, string, string][]]>([
    [
      'three PRs asking one reviewer: the third waits and names the reviewer',
      [asking(1, ['ann']), asking(2, ['ann']), asking(3, ['ann'])],
      [
        [1, 'admitted', 'Admitted: position 1 of 3 (limit 10)'],
        [2, 'admitted', 'Admitted: position 2 of 3 (limit 10)'],
        [3, 'waiting', 'Waiting: position 3; @ann has 2 of 2 reviews in progress']
      ]
    ],
    [
      'a team is a reviewer of its own',
      [asking(1, ['acme/compiler']), asking(2, ['acme/compiler']), asking(3, ['Acme/Compiler'])],
      [
        [1, 'admitted', 'Admitted: position 1 of 3 (limit 10)'],
        [2, 'admitted', 'Admitted: position 2 of 3 (limit 10)'],
        [3, 'waiting', 'Waiting: position 3; @Acme/Compiler has 2 of 2 reviews in progress']
      ]
    ],
    [
      'a PR asking two reviewers waits when either is full; one asking another reviewer passes',
      [asking(1, ['ann']), asking(2, ['ann']), asking(3, ['bob', 'ann']), asking(4, ['bob'])],
      [
        [1, 'admitted', 'Admitted: position 1 of 4 (limit 10)'],
        [2, 'admitted', 'Admitted: position 2 of 4 (limit 10)'],
        [4, 'admitted', 'Admitted: position 3 of 4 (limit 10)'],
        [3, 'waiting', 'Waiting: position 4; @ann has 2 of 2 reviews in progress']
      ]
    ],
    [
      'a PR waiting on nobody is governed by the other limits only',
      [asking(1, ['ann']), asking(2, ['ann']), pr(3), asking(4, ['ann'])],
      [
        [1, 'admitted', 'Admitted: position 1 of 4 (limit 10)'],
        [2, 'admitted', 'Admitted: position 2 of 4 (limit 10)'],
        [3, 'admitted', 'Admitted: position 3 of 4 (limit 10)'],
        [4, 'waiting', 'Waiting: position 4; @ann has 2 of 2 reviews in progress']
      ]
    ],
    [
      'logins compare case-insensitively',
      [asking(1, ['Ann']), asking(2, ['ann']), asking(3, ['ANN'])],
      [
        [1, 'admitted', 'Admitted: position 1 of 3 (limit 10)'],
        [2, 'admitted', 'Admitted: position 2 of 3 (limit 10)'],
        [3, 'waiting', 'Waiting: position 3; @ANN has 2 of 2 reviews in progress']
      ]
    ]
  ])('%s', (_name, prs, expected) => {
    expect(states(prs, inputs)).toEqual(expected);
  });

  test('a review given frees its seat: the next PR waiting on the reviewer is admitted; no PR is pushed back', () => {
    const c = config(inputs);
    const start = snapshot([asking(1, ['ann']), asking(2, ['ann']), asking(3, ['ann'])]);
    const settled = applyWrites(start, plan(start, c, NOW, sweep).writes);
    // Ann reviews #1: GitHub removes her request.
    const reviewed = {
      ...settled,
      pullRequests: settled.pullRequests.map((p) => (p.number === 1 ? { ...p, reviewRequests: [] } : p))
    };
    const next = plan(reviewed, c, NOW, sweep);
    expect(next.decisions.map((d) => [d.number, d.state])).toEqual([
      [1, 'admitted'],
      [2, 'admitted'],
      [3, 'admitted']
    ]);
    // A new request to Ann on an admitted PR never costs it its seat: her queue drains instead.
    const asked = {
      ...applyWrites(reviewed, next.writes),
      pullRequests: applyWrites(reviewed, next.writes).pullRequests.map((p) =>
        p.number === 1 ? { ...p, reviewRequests: ['ann'] } : p
      )
    };
    expect(plan(asked, c, NOW, sweep).decisions.map((d) => d.state)).toEqual(['admitted', 'admitted', 'admitted']);
  });

  test('a rule scopes the limit to the PRs it selects: the compiler owner, not the docs team', () => {
    const base = config({ 'wip-limit': '10' });
    const compiler = rule('compiler', { selector: { paths: ['compiler/**'] }, budgets: { maxReviewRequests: 1 } });
    const c = { ...base, rules: [...base.rules, compiler] };
    const prs = [
      asking(1, ['ann'], { files: ['compiler/a.rs'] }),
      asking(2, ['ann'], { files: ['docs/a.md'] }),
      asking(3, ['ann'], { files: ['compiler/b.rs'] })
    ];
    const decisions = plan(snapshot(prs), c, NOW, sweep).decisions;
    expect(decisions.map((d) => [d.number, d.state])).toEqual([
      [1, 'admitted'],
      [2, 'admitted'],
      [3, 'waiting']
    ]);
    expect(decisions[2].waitingOnReviewer).toEqual({ reviewer: 'ann', rule: 'compiler', admitted: 1, limit: 1 });
  });
});

describe('max-review-requests: auto', () => {
  const history = {
    windowDays: 28,
    pullRequests: [
      // Ann reviewed 14 merged PRs in the window (0.5 a day); the compiler team was asked on 2, and answered.
      ...Array.from({ length: 14 }, (_, i) => ({
        author: 'carl',
        reviews: [{ author: 'ann', at: daysAgo(i + 1) }],
        requests: i < 2 ? [{ reviewer: 'acme/compiler', at: daysAgo(i + 2) }] : []
      })),
      // Reviews outside the window and by the PR's own author do not count.
      {
        author: 'dee',
        reviews: [
          { author: 'ann', at: daysAgo(40) },
          { author: 'dee', at: daysAgo(1) }
        ],
        requests: []
      }
    ]
  };

  test('each reviewer’s pace: their reviews per day; a team’s, the reviews on PRs that asked it', () => {
    const pace = reviewPace(history, NOW);
    expect(pace.get('ann')).toBeCloseTo(14 / 28);
    expect(pace.get('acme/compiler')).toBeCloseTo(2 / 28);
    expect(pace.get('dee')).toBeUndefined();
  });

  test.each([
    ['ann: 0.5 a day × 7 days', 0.5, {}, { raw: 4, limit: 4 }],
    ['a slow reviewer gets min-review-requests', 0.05, { 'min-review-requests': '2' }, { raw: 1, limit: 2 }],
    ['a fast one at most max-review-requests-cap', 3, { 'max-review-requests-cap': '5' }, { raw: 21, limit: 5 }]
  ])('%s', (_name, perDay, inputs, expected) => {
    expect(autoReviewLimit(perDay, config({ 'max-review-requests': 'auto', ...inputs }))).toMatchObject(expected);
  });

  test('the limits the walk uses: a reviewer with no reviews in the window gets the minimum', () => {
    const c = config({ 'max-review-requests': 'auto' });
    const limit = reviewerLimits(c, reviewPace(history, NOW));
    expect([limit(c.rules[0], 'ann'), limit(c.rules[0], 'acme/compiler'), limit(c.rules[0], 'zed')]).toEqual([4, 1, 1]);
    const prs = [1, 2, 3, 4, 5].map((n) => asking(n, ['ann']));
    const decisions = plan(snapshot(prs, { reviewHistory: history }), c, NOW, sweep).decisions;
    expect(decisions.map((d) => d.state)).toEqual(['admitted', 'admitted', 'admitted', 'admitted', 'waiting']);
  });
});

describe('the gate decides review capacity as the sweep does', () => {
  test.each([
    ['a number, the WIP limit full', { 'wip-limit': '3', 'max-review-requests': '2' }],
    ['a number, the WIP limit with room', { 'wip-limit': '20', 'max-review-requests': '1' }],
    ['no WIP limit', { 'wip-limit': '0', 'max-review-requests': '2' }]
  ])('%s', (_name, inputs) => {
    const c = config(inputs);
    const reviewers = [['ann'], ['bob'], ['ann', 'bob'], [], ['acme/docs'], ['ann'], ['acme/docs'], ['bob']];
    const prs = Array.from({ length: 16 }, (_, i) => asking(i + 1, reviewers[i % reviewers.length]));
    const first = plan(snapshot(prs), c, NOW, sweep);
    const settled = applyWrites(snapshot(prs), first.writes).pullRequests;
    const full = plan(snapshot(settled), c, NOW, sweep);
    for (const subject of settled) {
      const gated = gatePlan(subject, countsFromLabels(subject, settled, c), snapshot([subject]), c);
      const truth = full.decisions.find((d) => d.number === subject.number);
      expect([subject.number, gated.subject?.state, gated.subject?.position, gated.subject?.summary]).toEqual([
        subject.number,
        truth?.state,
        truth?.position,
        truth?.summary
      ]);
    }
  });
});

describe('yield-days', () => {
  const c = config({ 'wip-limit': '1', 'yield-days': '10' });
  const changesRequested = (days: number) => [
    { kind: 'commit' as const, actor: 'author1', at: daysAgo(days + 1) },
    {
      kind: 'review' as const,
      actor: 'maintainer',
      association: 'MEMBER' as const,
      at: daysAgo(days),
      reviewState: 'CHANGES_REQUESTED' as const
    }
  ];

  test('an admitted PR that has been its author’s move for yield-days gives its seat to the next PR', () => {
    const idle = pr(1, { labels: ['backpressure: admitted'], events: changesRequested(12) });
    const decisions = plan(snapshot([idle, pr(2)]), c, NOW, sweep).decisions;
    expect(decisions.map((d) => [d.number, d.state])).toEqual([
      [2, 'admitted'],
      [1, 'waiting']
    ]);
    expect(decisions[1].summary).toBe(
      "Waiting: position 2; the author's move for 12 days, so its seat went to the next PR: act on it to rejoin the line"
    );
  });

  test('under yield-days, or the maintainers’ move, it keeps its seat; the author acting puts it back in line', () => {
    const recent = pr(1, { labels: ['backpressure: admitted'], events: changesRequested(5) });
    expect(plan(snapshot([recent, pr(2)]), c, NOW, sweep).decisions.map((d) => d.number)).toEqual([1, 2]);
    const answered = pr(1, {
      events: [...changesRequested(12), { kind: 'commit', actor: 'author1', at: daysAgo(1) }]
    });
    // It rejoins the waiting line in order (older than #2, which holds the seat now).
    const decisions = plan(
      snapshot([answered, pr(2, { labels: ['backpressure: admitted'] })]),
      c,
      NOW,
      sweep
    ).decisions;
    expect(decisions.map((d) => [d.number, d.state])).toEqual([
      [2, 'admitted'],
      [1, 'waiting']
    ]);
  });
});

describe('assign-reviewers: least-loaded', () => {
  const c = config({
    'wip-limit': '10',
    'max-review-requests': '3',
    'assign-reviewers': 'least-loaded',
    'reviewer-pool': 'ann,bob,cy'
  });

  test('an admitted PR waiting on nobody gets the pool member with the most room, never its author', () => {
    const prs = [asking(1, ['ann']), asking(2, ['ann']), asking(3, ['bob']), pr(4, { author: 'cy' }), pr(5)];
    const result = plan(snapshot(prs), c, NOW, sweep);
    const requests = result.writes.filter((w) => w.kind === 'request-review');
    // #4: cy has the most room (0 of 3) but wrote it; bob (1 of 3) over ann (2 of 3). #5: then cy.
    expect(requests).toEqual([
      { kind: 'request-review', number: 4, reviewer: 'bob' },
      { kind: 'request-review', number: 5, reviewer: 'cy' }
    ]);
    expect(result.decisions.find((d) => d.number === 4)?.assigned).toEqual({ reviewer: 'bob', load: 1, limit: 3 });
  });

  test('waiting PRs, PRs already reviewed and PRs with a request get none', () => {
    const prs = [
      pr(1, { events: [{ kind: 'review', actor: 'dee', at: daysAgo(1), reviewState: 'COMMENTED' }] }),
      asking(2, ['dee'])
    ];
    const oneSeat = config({ 'wip-limit': '1', 'assign-reviewers': 'least-loaded', 'reviewer-pool': 'ann' });
    expect(
      plan(snapshot([...prs, pr(3)]), oneSeat, NOW, sweep).writes.filter((w) => w.kind === 'request-review')
    ).toEqual([]);
  });
});

describe('the reviewer report', () => {
  test('per reviewer: requested, admitted, pace, limit, expected wait, oldest review owed; overloaded and idle marked', () => {
    const c = config({ 'wip-limit': '10', 'max-review-requests': '2' });
    const prs = [
      asking(1, ['ann'], { createdAt: daysAgo(9) }),
      asking(2, ['ann'], { createdAt: daysAgo(3) }),
      asking(3, ['ann', 'bob'], { createdAt: daysAgo(2) }),
      asking(4, ['acme/docs'], { isDraft: true })
    ];
    const history = {
      windowDays: 28,
      pullRequests: [
        {
          author: 'carl',
          reviews: [
            { author: 'ann', at: daysAgo(1) },
            { author: 'ann', at: daysAgo(2) }
          ],
          requests: []
        }
      ]
    };
    const rows = plan(snapshot(prs, { reviewHistory: history }), c, NOW, sweep).reviewers;
    expect(rows).toEqual([
      {
        reviewer: 'ann',
        requested: 3,
        admitted: 2,
        perWeek: 0.5,
        limit: 2,
        expectedWaitDays: 3 / (2 / 28),
        oldestOwedDays: 9,
        neglected: 0,
        state: 'overloaded'
      },
      { reviewer: 'bob', requested: 1, admitted: 0, limit: 2, neglected: 0, state: 'idle' }
    ]);
  });

  test('no review capacity and no assignment: no reviewer report', () => {
    expect(plan(snapshot([asking(1, ['ann'])]), config(), NOW, sweep).reviewers).toBeUndefined();
  });
});
