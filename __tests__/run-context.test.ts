// The runner's environment, read once: a broken event file is one clear line, not a stack trace.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readRunContext } from '../src/app/run-context.js';

const file = (text: string) => {
  const at = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'run-context-')), 'event.json');
  fs.writeFileSync(at, text);
  return at;
};

test('reads the event, the repository and the run URL the runner sets', () => {
  const context = readRunContext({
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: file('{"action":"opened","number":7}'),
    GITHUB_REPOSITORY: 'acme/widgets',
    GITHUB_RUN_ID: '42'
  });
  expect(context).toEqual({
    eventName: 'pull_request',
    payload: { action: 'opened', number: 7 },
    repo: { owner: 'acme', name: 'widgets' },
    runUrl: 'https://github.com/acme/widgets/actions/runs/42'
  });
});

test('an event file that is not JSON is one line naming GITHUB_EVENT_PATH', () => {
  const at = file('{"action": "opened"');
  expect(() => readRunContext({ GITHUB_EVENT_PATH: at })).toThrow(
    new RegExp(`^GITHUB_EVENT_PATH \\(${at.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}\\) holds no JSON event payload: `)
  );
});
