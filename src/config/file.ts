// Reads the YAML config file: syntax, shape and unknown keys, each problem
// with `path:line:col`. Values are checked by load.ts with the same parsers
// as the inputs, so a bad value reads the same wherever it was written.
import AjvModule, { type ErrorObject, type ValidateFunction } from 'ajv';
import { LineCounter, isMap, isScalar, isSeq, parseDocument, type Node } from 'yaml';
import schema from '../../schema/backpressure.schema.json' with { type: 'json' };
import { closest } from './suggest.js';
import { quoteValue, shorten } from './quote.js';

export type KeyPath = readonly (string | number)[];

export interface ConfigFile {
  /** The file's top-level mapping as plain values; {} for an empty file. */
  values: Record<string, unknown>;
  /** `path:line:col` of the key at that path (or of the list item). */
  where(path: KeyPath): string;
  /** A number as the file writes it (`1e309`, `.inf`), where its value would read otherwise; else undefined. */
  shown(path: KeyPath): string | undefined;
  /** Syntax, shape and unknown-key problems; value problems are load.ts's. */
  problems: string[];
}

/** Inputs the file cannot set: they decide how the file itself is read or used. */
const INPUT_ONLY_KEYS = ['mode', 'config-path', 'github-token', 'dry-run'];

const BUDGET_KEYS = [
  'max-open',
  'max-open-per-author',
  'max-opened-per-author',
  'max-changed-lines',
  'max-changed-files'
];

/** Alias expansions a config file may make: a handful is plenty, thousands is an alias bomb. */
const MAX_ALIAS_COUNT = 100;

const Ajv = AjvModule.default;
let compiled: ValidateFunction | undefined;
/** Compiled on first use: most runs that read no file never pay for it at start-up. */
function validator(): ValidateFunction {
  compiled ??= new Ajv({ allErrors: true }).compile(schema);
  return compiled;
}

export function readConfigFile(file: { path: string; text: string }): ConfigFile {
  const lineCounter = new LineCounter();
  const doc = parseDocument(file.text, { lineCounter, prettyErrors: true });
  const at = (offset: number): string => {
    const { line, col } = lineCounter.linePos(offset);
    return `${file.path}:${line}:${col}`;
  };
  const where = (path: KeyPath): string => at(offsetOf(doc.contents, path));
  const shown = (path: KeyPath): string | undefined => {
    const node = nodeAt(doc.contents, path);
    return isScalar(node) && typeof node.value === 'number' && typeof node.source === 'string'
      ? shorten(node.source)
      : undefined;
  };

  // Only the first syntax error: the ones after it are mostly its echoes.
  const syntaxError = doc.errors[0];
  if (syntaxError) {
    const message = syntaxError.message.replace(/ at line \d+, column \d+:[\s\S]*$/, '');
    return { values: {}, where, shown, problems: [`${at(syntaxError.pos[0])}: ${shorten(message)} (YAML syntax)`] };
  }
  let values: unknown;
  try {
    values = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) ?? {};
  } catch (error) {
    // yaml throws on an alias bomb: a file of a few lines that would expand to millions of nodes.
    if (!/alias/i.test((error as Error).message)) throw error;
    return {
      values: {},
      where,
      shown,
      problems: [
        `${where([])}: too many YAML alias expansions (*name): expected at most ${MAX_ALIAS_COUNT} (YAML aliases)`
      ]
    };
  }
  if (!isRecord(values)) {
    return {
      values: {},
      where,
      shown,
      problems: [`${where([])}: the file holds ${describe(values)}: expected a mapping of keys, e.g. "wip-limit: 50"`]
    };
  }
  const validate = validator();
  const problems = validate(values) ? [] : (validate.errors ?? []).flatMap((error) => explain(error, values, where));
  return { values, where, shown, problems: [...new Set(problems)] };
}

function explain(error: ErrorObject, values: Record<string, unknown>, where: (path: KeyPath) => string): string[] {
  const path = pointerToPath(error.instancePath);
  const name = keyPathName(path);
  if (error.keyword === 'additionalProperties') {
    const key = String((error.params as { additionalProperty: string }).additionalProperty);
    return [`${where([...path, key])}: ${unknownKeyMessage(shorten(key), path)}`];
  }
  const value = valueAt(values, path);
  if (error.keyword === 'type' && path.length === 1 && path[0] === 'rules') {
    return [
      `${where(path)}: rules is ${describe(value)}: expected a list of rules, each a mapping with match: and at least one budget`
    ];
  }
  if (error.keyword === 'type' && isRulePath(path)) {
    return [
      `${where(path)}: ${name} is ${describe(value)}: expected a rule, a mapping with match: and at least one budget`
    ];
  }
  if (error.keyword === 'type' && isMatchPath(path)) {
    return [
      `${where(path)}: ${name} is ${describe(value)}: expected a mapping of selector keys (${matchKeys().join(', ')})`
    ];
  }
  if (error.keyword === 'anyOf' && isRulePath(path)) {
    return [
      `${where(path)}: ${name} has no budget: expected at least one of ${BUDGET_KEYS.join(', ')}, ` +
        `or require-owner: true, require-issue: true or assigned, one-pr-per-issue: true`
    ];
  }
  // Every other error is about a single value, which load.ts reports in the input's words.
  return [];
}

function unknownKeyMessage(key: string, container: KeyPath): string {
  const where = container.length === 0 ? '' : ` in ${keyPathName(container)}`;
  if (container.length === 0 && INPUT_ONLY_KEYS.includes(key)) {
    return `${key} is an action input only (with: in the workflow), not a config file key`;
  }
  const accepted = isMatchPath(container) ? matchKeys() : isRulePath(container) ? ruleKeys() : topLevelKeys();
  const suggestion = closest(key, accepted);
  return suggestion
    ? `unknown key "${key}"${where}: did you mean "${suggestion}"?`
    : `unknown key "${key}"${where}: expected one of ${accepted.join(', ')}`;
}

function topLevelKeys(): string[] {
  return Object.keys(schema.properties);
}

function ruleKeys(): string[] {
  return Object.keys(schema.definitions.rule.properties);
}

function matchKeys(): string[] {
  return Object.keys(schema.definitions.rule.properties.match.properties);
}

function isRulePath(path: KeyPath): boolean {
  return path.length === 2 && path[0] === 'rules' && typeof path[1] === 'number';
}

function isMatchPath(path: KeyPath): boolean {
  return path.length === 3 && isRulePath(path.slice(0, 2)) && path[2] === 'match';
}

/** `rules[0].match.authors` for ['rules', 0, 'match', 'authors']. */
export function keyPathName(path: KeyPath): string {
  return path.map((part, i) => (typeof part === 'number' ? `[${part}]` : i === 0 ? part : `.${part}`)).join('');
}

/** A file value as the user wrote it: strings quoted, lists and mappings as JSON. */
export function describe(value: unknown): string {
  if (value === null || value === undefined) return 'empty';
  if (Array.isArray(value)) return `a list ${shorten(JSON.stringify(value))}`;
  if (isRecord(value)) return `a mapping ${shorten(JSON.stringify(value))}`;
  // JSON has no Infinity or NaN: it would print them as null.
  if (typeof value === 'number' && !Number.isFinite(value))
    return Number.isNaN(value) ? '.nan' : value > 0 ? '.inf' : '-.inf';
  return typeof value === 'string' ? quoteValue(value) : shorten(JSON.stringify(value) ?? String(value));
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function pointerToPath(pointer: string): (string | number)[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

function valueAt(values: unknown, path: KeyPath): unknown {
  return path.reduce<unknown>((node, part) => (node as Record<string | number, unknown> | undefined)?.[part], values);
}

/** The value node at the path, or undefined when the path is missing. */
function nodeAt(root: unknown, path: KeyPath): unknown {
  let node = root as Node | null | undefined;
  for (const part of path) {
    if (isMap(node))
      node = node.items.find((item) => isScalar(item.key) && item.key.value === part)?.value as Node | null | undefined;
    else if (isSeq(node) && typeof part === 'number') node = node.items[part] as Node | undefined;
    else return undefined;
  }
  return node;
}

/** Offset of the key (in a mapping) or item (in a list) at the path; the nearest parent when the path is missing. */
function offsetOf(root: unknown, path: KeyPath): number {
  let node = root as Node | null;
  let offset = node?.range?.[0] ?? 0;
  for (const part of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && item.key.value === part);
      if (!pair) break;
      const key = pair.key as Node;
      offset = key.range?.[0] ?? offset;
      node = pair.value as Node | null;
    } else if (isSeq(node) && typeof part === 'number') {
      const item = node.items[part] as Node | undefined;
      if (!item) break;
      offset = item.range?.[0] ?? offset;
      node = item;
    } else {
      break;
    }
  }
  return offset;
}
