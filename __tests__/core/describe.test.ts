import { admittedLine, fitDescription, STATUS_DESCRIPTION_MAX, waitingLine } from '../../src/core/describe.js';

test('the lines the spec shows', () => {
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
