// The generator, the event payloads and the runner emulation.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  closedEvent,
  pullRequestEvent,
  scheduleEvent,
  workflowDispatchEvent,
  writeEventFile
} from '../../test-support/events.js';
import { countSearch } from '../../test-support/fake-github/index.js';
import { DEFAULT_CONFIG_PATH } from '../../src/config/load.js';
import { generateRepository } from '../../test-support/generate.js';
import { parseOutputFile, runAction, workflowCommands } from '../../test-support/run-action.js';
import { DAY_MS } from '../../src/core/time.js';

const now = new Date('2025-06-02T12:00:00Z');

describe('generateRepository', () => {
  const store = generateRepository({
    seed: 7,
    openPullRequests: 1000,
    closedPerWeek: 50,
    now,
    config: 'wip-limit: 40\n'
  });
  const open = store.pullRequests.filter((pr) => pr.state === 'OPEN');

  test('is the same for the same seed and differs for another', () => {
    expect(
      JSON.stringify(
        generateRepository({ seed: 7, openPullRequests: 1000, closedPerWeek: 50, now, config: 'wip-limit: 40\n' })
      )
    ).toBe(JSON.stringify(store));
    expect(
      JSON.stringify(generateRepository({ seed: 8, openPullRequests: 1000, closedPerWeek: 50, now }).pullRequests)
    ).not.toBe(JSON.stringify(store.pullRequests));
  });

  test('holds the asked number of open PRs, numbered in creation order, none in the future', () => {
    expect(open).toHaveLength(1000);
    const times = store.pullRequests.map((pr) => pr.createdAt);
    expect(times).toEqual([...times].sort());
    expect(store.pullRequests.map((pr) => pr.number)).toEqual(store.pullRequests.map((_, i) => i + 1));
    expect(
      store.pullRequests.every((pr) => pr.createdAt <= now.toISOString() && pr.lastCommittedAt >= pr.createdAt)
    ).toBe(true);
  });

  test('mixes authors, drafts, labels, conflicts and sizes', () => {
    const authors = new Set(open.map((pr) => pr.author));
    for (const bot of ['dependabot[bot]', 'renovate[bot]', 'Copilot', 'copilot-swe-agent[bot]'])
      expect(authors).toContain(bot);
    expect(new Set(open.map((pr) => pr.authorAssociation))).toEqual(
      new Set(['OWNER', 'MEMBER', 'COLLABORATOR', 'CONTRIBUTOR', 'FIRST_TIME_CONTRIBUTOR', 'FIRST_TIMER', 'NONE'])
    );
    const share = (test: (pr: (typeof open)[number]) => boolean) => open.filter(test).length / open.length;
    expect(share((pr) => pr.isDraft)).toBeGreaterThan(0.05);
    expect(share((pr) => pr.isDraft)).toBeLessThan(0.25);
    expect(share((pr) => pr.mergeable === 'CONFLICTING')).toBeGreaterThan(0.03);
    for (const label of ['priority', 'docs', 'dependencies'])
      expect(open.some((pr) => pr.labels.includes(label))).toBe(true);
    const lines = open.map((pr) => pr.additions + pr.deletions).sort((a, b) => a - b);
    expect(lines[0]).toBeLessThan(10);
    expect(lines[lines.length - 1]).toBeGreaterThan(1000);
    const files = open.flatMap((pr) => pr.files);
    for (const prefix of ['src/', 'docs/', 'packages/']) expect(files.some((f) => f.startsWith(prefix))).toBe(true);
    expect(open.every((pr) => pr.changedFiles === pr.files.length)).toBe(true);
  });

  test('has 8 weeks of merged and closed history and the config file', () => {
    const merged = countSearch(
      store,
      `repo:acme/busy-repo is:pr is:merged merged:>=${new Date(now.getTime() - 56 * DAY_MS).toISOString().slice(0, 10)}`
    );
    expect(merged).toBeGreaterThan(8 * 50 * 0.6);
    expect(store.pullRequests.some((pr) => pr.state === 'CLOSED' && pr.mergedAt === null)).toBe(true);
    expect(store.repository.files[DEFAULT_CONFIG_PATH]).toBe('wip-limit: 40\n');
  });
});

describe('event payloads', () => {
  const store = generateRepository({ seed: 1, openPullRequests: 20, now });
  const pr = store.pullRequests.find((p) => p.state === 'OPEN' && p.labels.length > 0) ?? store.pullRequests[0];

  test('pull_request events carry the store repository and the PR facts', () => {
    const event = pullRequestEvent(store, pr.number, 'synchronize');
    expect(event).toMatchObject({
      action: 'synchronize',
      number: pr.number,
      repository: { full_name: 'acme/busy-repo', name: 'busy-repo', owner: { login: 'acme' } }
    });
    expect(event.pull_request).toMatchObject({
      number: pr.number,
      user: { login: pr.author, type: pr.authorType },
      draft: pr.isDraft,
      head: { sha: pr.headSha, ref: pr.headRefName },
      base: { ref: pr.baseRefName },
      labels: pr.labels.map((name) => expect.objectContaining({ name }))
    });
  });

  test('closed, schedule and workflow_dispatch payloads', () => {
    expect(closedEvent(store, pr.number)).toMatchObject({ action: 'closed', sender: { login: 'maintainer' } });
    expect(scheduleEvent()).toEqual({ schedule: '*/30 * * * *' });
    expect(workflowDispatchEvent(store, { mode: 'sweep' })).toMatchObject({
      inputs: { mode: 'sweep' },
      ref: 'refs/heads/main',
      repository: { full_name: 'acme/busy-repo' }
    });
    expect(() => pullRequestEvent(store, 9999)).toThrow('no PR #9999');
  });

  test('writeEventFile writes JSON the action can read', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fake-events-'));
    const file = writeEventFile(dir, scheduleEvent());
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toEqual({ schedule: '*/30 * * * *' });
    fs.rmSync(dir, { recursive: true });
  });
});

describe('runner emulation', () => {
  test('reads heredoc and plain outputs', () => {
    expect(
      parseOutputFile('result<<ghadelimiter_1\nwaiting\nghadelimiter_1\nlist<<EOF\n[1,\n2]\nEOF\nplain=yes\n')
    ).toEqual({ result: 'waiting', list: '[1,\n2]', plain: 'yes' });
  });

  test('reads ::error:: and ::warning:: commands, unescaped', () => {
    const stdout = 'hello\n::error::Waiting: position 60%0Anext line\n::warning title=x::50%25 used\n::debug::no';
    expect(workflowCommands(stdout, 'error')).toEqual(['Waiting: position 60\nnext line']);
    expect(workflowCommands(stdout, 'warning')).toEqual(['50% used']);
  });

  test('runs a script with the env the runner sets and reads back what it wrote', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fake-runner-'));
    const script = path.join(dir, 'action.mjs');
    fs.writeFileSync(
      script,
      `import fs from 'node:fs';
const env = process.env;
const event = JSON.parse(fs.readFileSync(env.GITHUB_EVENT_PATH, 'utf8'));
fs.appendFileSync(env.GITHUB_OUTPUT, 'limit<<D\\n' + env['INPUT_WIP-LIMIT'] + '\\nD\\n');
fs.appendFileSync(env.GITHUB_OUTPUT, 'seen<<D\\n' + [env.GITHUB_EVENT_NAME, env.GITHUB_REPOSITORY, env.GITHUB_API_URL, ` +
        `env['INPUT_GITHUB-TOKEN'], env.PR_BACKPRESSURE_WRITE_INTERVAL_MS, env.GITHUB_ACTIONS, event.schedule].join(' ') + '\\nD\\n');
fs.appendFileSync(env.GITHUB_STEP_SUMMARY, '## Summary\\n');
console.log('::warning::careful%0Anow');
console.log('::error::stopped');
process.exit(1);
`
    );
    try {
      const run = await runAction({
        apiUrl: 'http://127.0.0.1:9',
        token: 'tok',
        eventName: 'schedule',
        event: scheduleEvent(),
        inputs: { 'wip-limit': '50' },
        repository: 'acme/widgets',
        entry: script
      });
      expect(run).toMatchObject({
        exitCode: 1,
        outputs: { limit: '50', seen: 'schedule acme/widgets http://127.0.0.1:9 tok 0 true */30 * * * *' },
        summary: '## Summary\n',
        errors: ['stopped'],
        warnings: ['careful\nnow']
      });
    } finally {
      fs.rmSync(dir, { recursive: true });
    }
  });
});
