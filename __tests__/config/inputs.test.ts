// action.yml and INPUT_NAMES declare the same inputs, and the inputs the file
// can also set have no `default:` (the runner would pass it as if set, README "Inputs").
import fs from 'node:fs';
import { parse } from 'yaml';
import { INPUT_NAMES, readInputs } from '../../src/config/inputs.js';
import schema from '../../schema/backpressure.schema.json' with { type: 'json' };

interface ActionSpec {
  name: string;
  description: string;
  branding: { icon: string; color: string };
  runs: { using: string; main: string };
  inputs: Record<string, { description?: string; default?: string }>;
  outputs: Record<string, { description?: string }>;
}

const action = parse(fs.readFileSync('action.yml', 'utf8')) as ActionSpec;
const INPUT_ONLY = ['mode', 'dry-run', 'config-path', 'github-token'];

test('every input in INPUT_NAMES is in action.yml and vice versa', () => {
  expect(Object.keys(action.inputs).sort()).toEqual([...INPUT_NAMES].sort());
});

test('only config-path and github-token declare a default', () => {
  const withDefault = Object.entries(action.inputs).filter(([, spec]) => spec.default !== undefined);
  expect(Object.fromEntries(withDefault.map(([name, spec]) => [name, spec.default]))).toEqual({
    'config-path': '.github/backpressure.yml',
    'github-token': '${{ github.token }}'
  });
});

test('every input other than the input-only ones is a config file key, and the file has only rules besides', () => {
  const fileSettable = INPUT_NAMES.filter((name) => !INPUT_ONLY.includes(name));
  expect(Object.keys(schema.properties).sort()).toEqual([...fileSettable, 'rules'].sort());
  for (const name of fileSettable) expect([name, action.inputs[name].default]).toEqual([name, undefined]);
});

test.each(Object.entries(action.inputs))('input %s is described with its built-in default', (_name, spec) => {
  expect(spec.description).toMatch(/Built-in default: \S/);
});

test('every output is described', () => {
  expect(Object.keys(action.outputs).sort()).toEqual(
    [
      'admitted',
      'closed',
      'plan',
      'plan-file',
      'position',
      'queue-size',
      'result',
      'staled',
      'violations',
      'waiting',
      'wip-limit'
    ].sort()
  );
  for (const spec of Object.values(action.outputs)) expect(spec.description?.length).toBeGreaterThan(10);
});

test('the action runs dist/index.js on node24 and has branding', () => {
  expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' });
  expect(action.branding.icon).toBeTruthy();
  expect(action.branding.color).toBeTruthy();
  expect(action.name).toBeTruthy();
  expect(action.description).toBeTruthy();
});

test('readInputs trims every value and lists every input, empty when unset', () => {
  const given: Record<string, string> = { 'wip-limit': '  12 \n', 'exempt-labels': 'a, b' };
  const inputs = readInputs((name) => given[name] ?? '');
  expect(Object.keys(inputs)).toEqual([...INPUT_NAMES]);
  expect(inputs['wip-limit']).toBe('12');
  expect(inputs['exempt-labels']).toBe('a, b');
  expect(inputs.mode).toBe('');
});
