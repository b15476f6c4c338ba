import { significantChange } from '../../src/core/change.js';

test.each([
  ['same text', 'Admitted: position 3 of 40 (limit 50)', 'Admitted: position 3 of 40 (limit 50)', false],
  [
    'a small move',
    'Waiting: position 73, 23 PRs ahead beyond the limit of 50',
    'Waiting: position 70, 20 PRs ahead beyond the limit of 50',
    false
  ],
  [
    'a move of 10',
    'Waiting: position 73, 23 PRs ahead beyond the limit of 50',
    'Waiting: position 63, 13 PRs ahead beyond the limit of 50',
    true
  ],
  [
    '10 % of a long queue',
    'Waiting: position 2,000, 1,950 PRs ahead beyond the limit of 50',
    'Waiting: position 1,850, 1,800 PRs ahead beyond the limit of 50',
    false
  ],
  [
    'more than 10 % of a long queue',
    'Waiting: position 2,000, 1,950 PRs ahead beyond the limit of 50',
    'Waiting: position 1,799, 1,749 PRs ahead beyond the limit of 50',
    true
  ],
  ['a new limit', 'Admitted: position 3 of 40 (limit 50)', 'Admitted: position 3 of 40 (limit 60)', true],
  [
    'another state',
    'Waiting: position 51, 1 PRs ahead beyond the limit of 50',
    'Admitted: position 50 of 90 (limit 50)',
    true
  ],
  [
    'another violation number',
    'Violation: 1,200 changed lines; the limit is 1,000',
    'Violation: 1,300 changed lines; the limit is 1,000',
    true
  ],
  // The expected wait is refreshed with a rewrite, never the cause of one: the pace moves every day.
  [
    'only the expected wait moved',
    'Waiting: position 73, 23 PRs ahead beyond the limit of 50; expected in about 4 days',
    'Waiting: position 72, 22 PRs ahead beyond the limit of 50; expected within a day',
    false
  ],
  [
    'the expected wait and a large move',
    'Waiting: position 73, 23 PRs ahead beyond the limit of 50; expected in about 4 days',
    'Waiting: position 60, 10 PRs ahead beyond the limit of 50; expected in about 2 days',
    true
  ],
  [
    'an expected wait appears',
    'Waiting: position 73, 23 PRs ahead beyond the limit of 50',
    'Waiting: position 73, 23 PRs ahead beyond the limit of 50; expected in about 4 days',
    true
  ],
  [
    "only the comment's pace moved",
    "**Waiting: position 73**\nExpected in about 4 days, at the recent pace of 1.2 merges a day. (Little's law.)",
    "**Waiting: position 73**\nExpected in about 12 days, at the recent pace of 0.45 merges a day. (Little's law.)",
    false
  ]
])('%s', (_name, before, after, expected) => {
  expect(significantChange(before, after)).toBe(expected);
});
