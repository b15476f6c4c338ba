// The README documents every input and output exactly as action.yml declares them.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { withTables } from '../scripts/docs.js';
import { buildConfig } from '../src/config/load.js';
import { RECENT_PULL_REQUESTS, SEARCH_LAG_MS } from '../src/core/gate-searches.js';
import { neglectDays } from '../src/core/stale.js';

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

// ---- the numbers the README quotes ------------------------------------------

interface BenchmarkRow {
  openPrs: number;
  run: string;
  graphql: number;
  points: number;
  peakMb: number;
}

/** The first table of docs/benchmarks.md (`npm run bench`): one row per queue size and run. */
function benchmarkRows(): BenchmarkRow[] {
  const text = fs.readFileSync('docs/benchmarks.md', 'utf8');
  const table = /\| open PRs \| run \|[^\n]*\n\|[^\n]*\n((?:\|[^\n]*\n)+)/.exec(text)?.[1] ?? '';
  return table
    .trim()
    .split('\n')
    .map((row) => row.split('|').map((cell) => cell.trim()))
    .map(([, open, run, graphql, points, , , , memory]) => ({
      openPrs: Number(open.replace(/,/g, '')),
      run,
      graphql: Number(graphql),
      points: Number(points),
      peakMb: Number(memory.replace(/ MB$/, ''))
    }));
}

/** The first match of `pattern` in the README, as numbers (commas dropped); fails the test when it is gone. */
function quoted(pattern: RegExp): number[] {
  const match = pattern.exec(readme().replace(/\s*\n\s*/g, ' '));
  expect([pattern.source, match !== null]).toEqual([pattern.source, true]);
  return match!.slice(1).map((n) => Number(n.replace(/,/g, '')));
}

describe('the README quotes the benchmark', () => {
  const rows = benchmarkRows();
  const gates = rows.filter((r) => r.run.startsWith('gate'));
  const settled = rows.filter((r) => r.run === 'sweep of a settled repository');

  test('the benchmark has gate and sweep rows at 100, 2,500 and 10,000 open PRs', () => {
    expect([...new Set(rows.map((r) => r.openPrs))]).toEqual([100, 2500, 10000]);
    expect(gates.length).toBeGreaterThanOrEqual(6);
    expect(settled).toHaveLength(3);
  });

  test('a gate: the same requests and points at every queue size, area rules included', () => {
    const [requests, points] = quoted(/a \*\*gate\*\* costs (\d+) GraphQL requests \((\d+) points\)/);
    for (const gate of gates)
      expect([gate.openPrs, gate.run, gate.graphql, gate.points]).toEqual([gate.openPrs, gate.run, requests, points]);
    expect(gates.some((g) => g.run.includes('area'))).toBe(true);
    // The same number in "The config file" and "API use".
    expect(quoted(/so a gate stays at (\d+) GraphQL requests however long the queue/)).toEqual([requests]);
    expect(quoted(/whatever the queue size: (\d+) GraphQL requests/)).toEqual([requests]);
  });

  test('a sweep: ⌈N/100⌉ + 2 requests, about 7 points a page, and the totals quoted for 2,500 and 10,000 PRs', () => {
    const [plus, perPage] = quoted(
      /a \*\*sweep\*\* costs ⌈N\/100⌉ \+ (\d+) GraphQL requests \(about (\d+) points per page of 100 PRs/
    );
    const [at10000] = quoted(/included: about ([\d,]+) points for 10,000 open PRs\)/);
    expect(quoted(/A sweep costs ⌈open PRs \/ 100⌉ \+ (\d+) GraphQL requests/)).toEqual([plus]);
    for (const sweep of settled) {
      const pages = Math.ceil(sweep.openPrs / 100);
      expect([sweep.openPrs, sweep.graphql, sweep.points]).toEqual([
        sweep.openPrs,
        pages + plus,
        pages * perPage + plus
      ]);
    }
    expect(settled.find((s) => s.openPrs === 10_000)?.points).toBe(at10000);
    const [hourly] = quoted(/An hourly sweep of a 2,500-PR queue takes about ([\d,]+) points an hour/);
    expect(settled.find((s) => s.openPrs === 2_500)?.points).toBe(hourly);
  });

  test("a gate's memory: about the peak the benchmark measured", () => {
    const [gateMb] = quoted(/a gate at about (\d+) MB/);
    for (const gate of gates) expect(Math.abs(gate.peakMb - gateMb)).toBeLessThanOrEqual(5);
  });
});

describe('the README quotes the code', () => {
  const defaults = buildConfig({});

  test('the budgets of a run and the neglect threshold are the built-in defaults', () => {
    expect(quoted(/`max-writes-per-run` \(default (\d+)\) and `max-closes-per-run` \(default (\d+)\)/)).toEqual([
      defaults.maxWritesPerRun,
      defaults.maxClosesPerRun
    ]);
    expect(quoted(/At most `max-writes-per-run` \((\d+)\) per run/)).toEqual([defaults.maxWritesPerRun]);
    expect(quoted(/\((\d+) days when stale is off\)/)).toEqual([neglectDays(defaults)]);
    expect(quoted(/the built-in defaults apply: a WIP limit of (\d+)/)).toEqual([defaults.wipLimit]);
  });

  test("the gate's live read of the newest PRs and the search lag it covers", () => {
    expect(quoted(/reads the \*\*(\d+) newest open PRs live\*\*/)).toEqual([RECENT_PULL_REQUESTS]);
    expect(quoted(/every PR created in the last (\d+) minutes/)).toEqual([SEARCH_LAG_MS / 60_000]);
    expect(quoted(/A burst of more than (\d+) PRs within (\d+) minutes/)).toEqual([
      RECENT_PULL_REQUESTS,
      SEARCH_LAG_MS / 60_000
    ]);
  });

  /** A `const NAME = 123;` of a source file whose value the README quotes. */
  const constant = (file: string, name: string) =>
    Number(new RegExp(`const ${name} = ([\\d_]+);`).exec(fs.readFileSync(file, 'utf8'))?.[1]?.replace(/_/g, ''));

  test('the rate-limit waits and the reserve of requests', () => {
    const [seconds, reserve] = quoted(
      /Secondary rate limits are waited out \(`retry-after`, at most twice, at most (\d+) s\)\. Writes stop while (\d+) requests/
    );
    expect(constant('src/github/client.ts', 'MAX_SECONDARY_RETRIES')).toBe(2); // "at most twice"
    expect(constant('src/github/client.ts', 'MAX_RATE_LIMIT_WAIT_SECONDS')).toBe(seconds);
    expect(constant('src/github/writer.ts', 'RATE_LIMIT_RESERVE')).toBe(reserve);
  });

  /** Whether an `engines.node` range (`>=18`, `18 || 20 || >=22`, `^20.17.0`) admits every Node `major`.x. */
  const acceptsMajor = (range: string, major: number) =>
    range.split('||').some((alternative) => {
      const bound = /^(>=?|\^|~)?\s*v?(\d+)/.exec(alternative.trim());
      if (!bound) return true; // `*` or something this check cannot read: npm would not warn on it here
      const n = Number(bound[2]);
      return bound[1]?.startsWith('>') ? major >= n : major === n;
    });

  test('Node 20, as the README says: the engines field, and every runtime dependency accepts it', () => {
    const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8')) as { engines: { node: string } };
    const [major] = quoted(/On a fresh machine with Node\.js (\d+) or newer/);
    expect(pkg.engines.node).toBe(`>=${major}`);
    const lock = JSON.parse(fs.readFileSync('package-lock.json', 'utf8')) as {
      packages: Record<string, { dev?: boolean; engines?: { node?: string } }>;
    };
    const tooNew = Object.entries(lock.packages)
      .filter(([name, p]) => name !== '' && !p.dev && p.engines?.node)
      .filter(([, p]) => !acceptsMajor(p.engines!.node!, major))
      .map(([name, p]) => `${name} ${p.engines!.node}`);
    expect(tooNew).toEqual([]);
  });
});
