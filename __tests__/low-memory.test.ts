import { spawnSync } from 'node:child_process';
import { LOW_MEMORY_FLAGS } from '../src/app/low-memory.js';

describe('the low-memory V8 flags', () => {
  test('this Node (the action runs on 24) knows every one of them', () => {
    // V8 ignores a flag it does not know and prints "unrecognized flag": a typo would go unnoticed otherwise.
    const script = `import v8 from 'node:v8'; for (const f of ${JSON.stringify(LOW_MEMORY_FLAGS)}) v8.setFlagsFromString(f);`;
    const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(Number(process.versions.node.split('.')[0])).toBeGreaterThanOrEqual(24);
    expect(child.stderr).toBe('');
    expect(child.status).toBe(0);
  });

  test('a flag V8 does not know would show', () => {
    const script = `import v8 from 'node:v8'; v8.setFlagsFromString('--memory-saver-mod');`;
    const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(child.stderr).toMatch(/unrecognized flag --memory-saver-mod/);
  });
});
