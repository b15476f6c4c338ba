// Run by __tests__/quiet.test.ts (not by `npm test`): one test that passes and
// one that fails, both printing through @actions/core as the readers do.
import * as core from '@actions/core';

test('passes', () => {
  core.debug('a debug line of a passing test');
  expect(1).toBe(1);
});

test('fails', () => {
  core.warning('a warning of a failing test');
  expect(1).toBe(2);
});
