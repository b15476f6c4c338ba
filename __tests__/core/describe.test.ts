import { stickyBody } from '../../src/core/comments.js';
import {
  admittedLine,
  expectedIn,
  expectedWaitSentence,
  fitDescription,
  STATUS_DESCRIPTION_MAX,
  waitingLine
} from '../../src/core/describe.js';

test('the status lines the README shows', () => {
  expect(admittedLine(12, 40, 50)).toBe('Admitted: position 12 of 40 (limit 50)');
  expect(waitingLine(73, 72, 50)).toBe('Waiting: position 73, 23 PRs ahead beyond the limit of 50');
  expect(waitingLine(4_501, 4_500, 50)).toBe('Waiting: position 4,501, 4,451 PRs ahead beyond the limit of 50');
});

test('descriptions fit the 140-character limit of a commit status', () => {
  const long = `Violation: ${'x'.repeat(300)}`;
  expect(fitDescription(long)).toHaveLength(STATUS_DESCRIPTION_MAX);
  expect(fitDescription(long).endsWith('…')).toBe(true);
  expect(fitDescription('short')).toBe('short');
});

describe("the expected wait (Little's law)", () => {
  test.each([
    [0.4, 'expected within a day'],
    [1, 'expected within a day'],
    [3.2, 'expected in about 4 days'],
    [1_200, 'expected in about 1,200 days']
  ])('%f days reads "%s"', (days, text) => {
    expect(expectedIn({ days, perDay: 1 })).toBe(text);
  });

  test('the comment sentence names the pace', () => {
    expect(expectedWaitSentence({ days: 3.2, perDay: 1.2142857 })).toBe(
      'Expected in about 4 days, at the recent pace of 1.2 merges a day.'
    );
    expect(expectedWaitSentence({ days: 30, perDay: 0.0357 })).toBe(
      'Expected in about 30 days, at the recent pace of 0.036 merges a day.'
    );
  });

  test('the status carries it where it fits in 140 characters, and drops it where not', () => {
    expect(waitingLine(73, 72, 50, undefined, { days: 3.2, perDay: 7 })).toBe(
      'Waiting: position 73, 23 PRs ahead beyond the limit of 50; expected in about 4 days'
    );
    const long = waitingLine(73, 72, 50, undefined, { days: 1e120, perDay: 7 });
    expect(long).toBe('Waiting: position 73, 23 PRs ahead beyond the limit of 50');
  });
});

describe('the sticky comment of a waiting PR', () => {
  const waiting = {
    number: 7,
    state: 'waiting' as const,
    position: 73,
    ahead: 72,
    violations: [],
    eta: { days: 3.2, perDay: 1.2 },
    summary: waitingLine(73, 72, 50, undefined, { days: 3.2, perDay: 1.2 }),
    feedback: ['fail' as const]
  };

  test('gives the expected wait and the pace once, below the position', () => {
    const body = stickyBody(waiting, 50);
    expect(body).toContain('**Waiting: position 73, 23 PRs ahead beyond the limit of 50**');
    expect(body).toContain('Expected in about 4 days, at the recent pace of 1.2 merges a day.');
    expect(body.match(/xpected/g)).toHaveLength(1);
  });

  test('says nothing of a wait when the history is not known', () => {
    const { eta: _eta, ...unknown } = waiting;
    expect(stickyBody({ ...unknown, summary: waitingLine(73, 72, 50) }, 50)).not.toMatch(/xpected/);
  });
});
