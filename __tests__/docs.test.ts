// The README documents every input and output exactly as action.yml declares them.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { withTables } from '../scripts/docs.js';
import { buildConfig } from '../src/config/load.js';

test('README tables equal action.yml (run `npm run docs` after changing action.yml)', () => {
  const readme = fs.readFileSync('README.md', 'utf8');
  expect(withTables(readme, fs.readFileSync('action.yml', 'utf8'))).toBe(readme);
});

test('the README quick start is two commands: the demo and the tests', () => {
  const readme = fs.readFileSync('README.md', 'utf8');
  const quickStart = /## Quick start[\s\S]*?```sh\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
  const commands = quickStart.split('\n').filter((line) => line.trim() && !line.trim().startsWith('#'));
  expect(commands.map((c) => c.replace(/\s+#.*$/, ''))).toEqual([
    'npm install && npm run demo',
    'npm install && npm test'
  ]);
  const ci = fs.readFileSync('.ci/run', 'utf8');
  expect(ci).toContain('npm install --no-audit --no-fund');
  expect(ci).toMatch(/npm test\b/);
});

const readme = () => fs.readFileSync('README.md', 'utf8');

/** Level-2 and level-3 headings, as GitHub turns them into anchors. */
function anchors(markdown: string): Set<string> {
  const headings = [...markdown.replace(/```[\s\S]*?```/g, '').matchAll(/^#{1,4} (.+)$/gm)].map((m) => m[1]);
  return new Set(
    headings.map((h) =>
      h
        .trim()
        .toLowerCase()
        .replace(/[^\p{L}\p{N} _-]/gu, '')
        .replace(/ /g, '-')
    )
  );
}

test('the README has the sections a user looks for', () => {
  const headings = [...readme().matchAll(/^(##+) (.+)$/gm)].map((m) => `${m[1]} ${m[2]}`);
  for (const heading of [
    '## Why',
    '## Quick start',
    '## Recipes',
    '### A WIP gate',
    '### Fork-friendly: `pull_request_target`, and why it is safe here',
    // The read-only warning points here.
    '### Pull requests from forks',
    '### Merge queues',
    '### A scheduled sweep',
    '### Require the `backpressure` status',
    '### Bots and coding agents: `require-owner`',
    '### A stale policy',
    '### Many repositories: a matrix job and an app token',
    '## Permissions',
    '## The config file',
    '## Preview on a real repository (CLI)',
    '## FAQ',
    '## Inputs',
    '## Outputs',
    '## Releases'
  ]) {
    expect(headings).toContain(heading);
  }
  const why = /## Why\n\n([\s\S]*?)\n\n##/.exec(readme())?.[1] ?? '';
  expect(why.split('\n')).toHaveLength(5);
});

test('every link to a README section or a repository file leads somewhere', () => {
  const text = readme();
  const targets = [...text.replace(/```[\s\S]*?```/g, '').matchAll(/\]\(([^)\s]+)\)/g)]
    .map((m) => m[1])
    .filter((t) => !/^https?:/.test(t));
  const known = anchors(text);
  for (const target of targets) {
    if (target.startsWith('#')) expect([target, known.has(target.slice(1))]).toEqual([target, true]);
    else expect([target, fs.existsSync(target.split('#')[0])]).toEqual([target, true]);
  }
});

test('every config file example in the README is valid', () => {
  const examples = [...readme().matchAll(/```yaml\n(# \.github\/backpressure\.yml\n[\s\S]*?)```/g)].map((m) => m[1]);
  expect(examples.length).toBeGreaterThanOrEqual(3);
  for (const text of examples) expect(() => buildConfig({}, { path: '.github/backpressure.yml', text })).not.toThrow();
});

test('the config error shown in the README is the one the action prints', () => {
  const shown = /fails with:\n\n```\n(.+)\n```/.exec(readme())?.[1];
  const text = ['wip-limit: 50', 'rules:', '  - name: huge', '    max-changed-lines: lots', ''].join('\n');
  expect(() => buildConfig({}, { path: '.github/backpressure.yml', text })).toThrow(shown);
});

test('the CLI options in the README are the ones the CLI accepts', () => {
  const cli = fs.readFileSync('src/cli.ts', 'utf8');
  const section = /## Preview on a real repository \(CLI\)([\s\S]*?)\n## /.exec(readme())?.[1] ?? '';
  const options = [...section.matchAll(/^\| `(--[a-z]+)/gm)].map((m) => m[1]);
  expect(options).toEqual(['--repo', '--config', '--input', '--json']);
  for (const option of options) expect(cli).toContain(`  ${option} `);
});

test('CHANGELOG.md has an entry for the next release', () => {
  const changelog = fs.readFileSync('CHANGELOG.md', 'utf8');
  expect(changelog).toMatch(/^## Unreleased$/m);
  expect(changelog).toContain('CLI');
});

/** Every heading's text, as written after the #s. */
function headingTexts(markdown: string): string[] {
  return [...markdown.replace(/```[\s\S]*?```/g, '').matchAll(/^#{1,4} (.+)$/gm)].map((m) => m[1].trim());
}

function filesUnder(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(ts|mjs)$/.test(e.name))
    .map((e) => path.join(e.parentPath, e.name));
}

test('the README opens with a contents list that links every section', () => {
  const text = readme();
  const sections = [...text.replace(/```[\s\S]*?```/g, '').matchAll(/^## (.+)$/gm)].map((m) => m[1].trim());
  expect(sections[0]).toBe('Contents');
  const contents = /## Contents\n([\s\S]*?)\n## /.exec(text)?.[1] ?? '';
  const linked = new Set([...contents.matchAll(/\]\(#([^)]+)\)/g)].map((m) => m[1]));
  const missing = sections
    .slice(1)
    .filter((section) => ![...anchors(`## ${section}`)].every((anchor) => linked.has(anchor)));
  expect(missing).toEqual([]);
});

test('every README section that a message or a comment cites exists', () => {
  const headings = headingTexts(readme());
  const cited = ['src', 'scripts', 'test-support']
    .flatMap(filesUnder)
    .flatMap((file) =>
      [...fs.readFileSync(file, 'utf8').matchAll(/README(?: section)? "([^"]+)"/g)].map((m) => `${file}: ${m[1]}`)
    );
  expect(cited.length).toBeGreaterThan(0);
  expect(cited.filter((c) => !headings.includes(c.slice(c.indexOf(': ') + 2)))).toEqual([]);
});

test('every input row of the README has its default in the default column', () => {
  const table = /<!-- inputs:start -->\n([\s\S]*?)\n<!-- inputs:end -->/.exec(readme())?.[1] ?? '';
  const [header, , ...rows] = table.split('\n');
  expect(header).toBe('| input | description | default |');
  expect(rows).toHaveLength(
    Object.keys((parse(fs.readFileSync('action.yml', 'utf8')) as { inputs: object }).inputs).length
  );
  const cells = rows.map((row) =>
    row
      .split(/(?<!\\)\|/)
      .slice(1, -1)
      .map((c) => c.trim())
  );
  expect(
    cells.filter(([, description, shown]) => !shown || /Built-in default/i.test(description)).map(([name]) => name)
  ).toEqual([]);
  const byName = Object.fromEntries(cells.map(([name, , shown]) => [name, shown]));
  expect([byName['`wip-limit`'], byName['`stale-label`'], byName['`github-token`']]).toEqual([
    '50',
    'stale',
    '`${{ github.token }}`'
  ]);
});

test('every npm script the README runs exists', () => {
  const scripts = (JSON.parse(fs.readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts;
  const used = [...new Set([...readme().matchAll(/npm run ([\w:-]+)/g)].map((m) => m[1]))];
  expect(used).toEqual(expect.arrayContaining(['demo', 'test:unit', 'build']));
  expect(used.filter((name) => !(name in scripts))).toEqual([]);
  expect(readme()).toContain('npm run demo -- --serve');
});
