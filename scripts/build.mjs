// Bundles the action (dist/index.js) and the read-only CLI (dist/cli.js)
// with ncc. --no-cache keeps the output reproducible, so CI can compare
// the committed dist/ with a fresh build.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ncc = path.join(root, 'node_modules', '@vercel', 'ncc', 'dist', 'ncc', 'cli.js');

function bundle(entry, outDir) {
  execFileSync(
    process.execPath,
    [ncc, 'build', entry, '-o', outDir, '--source-map', '--license', 'licenses.txt', '--no-cache', '--quiet'],
    {
      cwd: root,
      stdio: 'inherit'
    }
  );
}

fs.rmSync(path.join(root, 'dist'), { recursive: true, force: true });
bundle('src/index.ts', 'dist');
bundle('src/cli.ts', 'dist/cli');
// `node dist/cli.js` and the package bin point here; the bundle lives in dist/cli/.
fs.writeFileSync(path.join(root, 'dist', 'cli.js'), "#!/usr/bin/env node\nimport './cli/index.js';\n", { mode: 0o755 });
