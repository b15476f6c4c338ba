// Regenerates the inputs and outputs tables in README.md from action.yml,
// between the <!-- inputs:start/end --> and <!-- outputs:start/end --> markers.
// A test fails when README.md and action.yml disagree: run `npm run docs`.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function cell(text: unknown): string {
  return String(text ?? '')
    .replace(/\s*\n\s*/g, ' ')
    .replace(/\|/g, '\\|')
    .trim();
}

interface ActionSpec {
  inputs?: Record<string, { description?: string; default?: unknown }>;
  outputs?: Record<string, { description?: string }>;
}

/**
 * An input's row: the description without its closing "Built-in default: …"
 * sentence, which goes to the default column, or action.yml's `default:` (as
 * code) where it declares one. Throws when an input states no default.
 */
function inputRow(name: string, spec: { description?: string; default?: unknown }): string {
  const match = /^(.*?)\s*Built-in default: (.+?)\.?$/.exec(cell(spec.description));
  if (!match) throw new Error(`action.yml: the description of input ${name} does not end with "Built-in default: …"`);
  const [, description, builtIn] = match;
  const shown = spec.default === undefined ? builtIn : `\`${cell(spec.default)}\``;
  return `| \`${name}\` | ${description} | ${shown} |`;
}

export function tables(actionYml: string): { inputs: string; outputs: string } {
  const action = parse(actionYml) as ActionSpec;
  const inputs = Object.entries(action.inputs ?? {}).map(([name, spec]) => inputRow(name, spec));
  const outputs = Object.entries(action.outputs ?? {}).map(
    ([name, spec]) => `| \`${name}\` | ${cell(spec.description)} |`
  );
  return {
    inputs: ['| input | description | default |', '|---|---|---|', ...inputs].join('\n'),
    outputs: ['| output | description |', '|---|---|', ...outputs].join('\n')
  };
}

export function withTables(readme: string, actionYml: string): string {
  const generated = tables(actionYml);
  let text = readme;
  for (const name of ['inputs', 'outputs'] as const) {
    const pattern = new RegExp(`(<!-- ${name}:start -->\\n)[\\s\\S]*?(\\n<!-- ${name}:end -->)`);
    if (!pattern.test(text)) throw new Error(`README.md has no <!-- ${name}:start --> … <!-- ${name}:end --> markers`);
    text = text.replace(pattern, `$1${generated[name]}$2`);
  }
  return text;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const readmePath = path.join(root, 'README.md');
  const updated = withTables(
    fs.readFileSync(readmePath, 'utf8'),
    fs.readFileSync(path.join(root, 'action.yml'), 'utf8')
  );
  fs.writeFileSync(readmePath, updated);
  console.log('README.md tables regenerated from action.yml');
}
