// The README documents every input and output exactly as action.yml declares them.
import fs from 'node:fs';
import { withTables } from '../scripts/docs.js';

test('README tables equal action.yml (run `npm run docs` after changing action.yml)', () => {
  const readme = fs.readFileSync('README.md', 'utf8');
  expect(withTables(readme, fs.readFileSync('action.yml', 'utf8'))).toBe(readme);
});

test('the README quick start is two commands: the demo and the tests', () => {
  const readme = fs.readFileSync('README.md', 'utf8');
  const quickStart = /## Quick start[\s\S]*?```sh\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
  const commands = quickStart.split('\n').filter((line) => line.trim() && !line.trim().startsWith('#'));
  expect(commands.map((c) => c.replace(/\s+#.*$/, ''))).toEqual(['npm install && npm run demo', 'npm install && npm test']);
  const ci = fs.readFileSync('.ci/run', 'utf8');
  expect(ci).toContain('npm install --no-audit --no-fund');
  expect(ci).toMatch(/npm test\b/);
});
