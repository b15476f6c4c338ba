// `npm test` stays quiet: what the code under test prints to stdout is shown
// only for a test that fails (test-support/quiet-environment.mjs).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { REPO_ROOT } from '../test-support/run-action.js';

test("a passing test's log lines are held back; a failing test's are printed under its name", () => {
  const jest = path.join(REPO_ROOT, 'node_modules', 'jest', 'bin', 'jest.js');
  const run = spawnSync(
    process.execPath,
    [jest, '--roots', '<rootDir>/test-support/quiet', '--testMatch', '**/*.check.ts', '--ci'],
    { cwd: REPO_ROOT, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '--experimental-vm-modules' } }
  );
  const printed = `${run.stdout}\n${run.stderr}`;
  expect(run.status).toBe(1); // the fixture's second test fails on purpose
  expect(printed).toContain('--- stdout of "fails" ---\n::warning::a warning of a failing test');
  expect(printed).not.toContain('a debug line of a passing test');
});
