// Inputs + config file + built-in defaults -> a validated Config.
// Precedence per key: an input that is set > the file > the default.
// Every problem is collected, then thrown together as one ConfigError.
import {
  ASSOCIATIONS,
  INPUTS_RULE_NAME,
  MODES,
  STALE_WHEN,
  ASSIGN_REVIEWERS,
  VIOLATION_FEEDBACK,
  WAITING_FEEDBACK,
  type Budgets,
  type Config,
  type OpeningRate,
  type RequireIssue,
  type Rule,
  type Selector,
  type Setting
} from './types.js';
import { ConfigError } from './errors.js';
import { describe, isRecord, keyPathName, readConfigFile, type ConfigFile, type KeyPath } from './file.js';
import { TEMPLATE_PLACEHOLDERS, unknownPlaceholders } from './template.js';
import { HIDDEN_MARKER_PREFIX } from '../core/markers.js';
import { pathGlobProblem } from '../core/globs.js';
import { quoteValue, quoteItems } from './quote.js';
import { count } from '../core/count.js';

export const DEFAULT_CONFIG_PATH = '.github/backpressure.yml';
export const DEFAULT_STALE_MESSAGE =
  'This pull request has had no activity for {days} days while it waits on {author}. ' +
  'It is marked stale; push a commit or leave a comment to keep it open.';
export const DEFAULT_CLOSE_MESSAGE =
  'Closing this pull request, {author}: it stayed stale for {close_days} more days without activity. ' +
  'You are welcome to reopen it when you pick it up again.';

type Parsed<T> = { value: T } | { problem: string };

/** How one kind of value is read: from an input's text, and from a file value. */
interface Kind<T> {
  fromText(text: string): Parsed<T>;
  fromValue(value: unknown): Parsed<T>;
}

// ---- kinds -------------------------------------------------------------------

function textKind<T>(fromText: (text: string) => Parsed<T>, expected: string): Kind<T> {
  return {
    fromText,
    fromValue: (value) =>
      typeof value === 'string' && value.trim() !== '' ? fromText(value.trim()) : { problem: `expected ${expected}` }
  };
}

/**
 * Day counts stop here: a date that many days back is still a valid date
 * (JavaScript dates end ±100,000,000 days from 1970), and a century covers
 * any real lifecycle.
 */
const MAX_DAYS = 36_500;

function wholeNumber(min: number, note = '', max = Number.MAX_SAFE_INTEGER): Kind<number> {
  const expected =
    max === Number.MAX_SAFE_INTEGER
      ? `expected a whole number ≥ ${count(min)}${note}`
      : `expected a whole number from ${count(min)} to ${count(max)}${note}`;
  const check = (n: number): Parsed<number> =>
    Number.isSafeInteger(n) && n >= min && n <= max ? { value: n } : { problem: expected };
  return {
    fromText: (text) => (/^\d+$/.test(text) ? check(Number(text)) : { problem: expected }),
    fromValue: (value) => (typeof value === 'number' ? check(value) : { problem: expected })
  };
}

const WIP_LIMIT_EXPECTED = 'expected a whole number ≥ 0 (0 turns the limit off) or "auto"';
/** A limit: a whole number (0 turns it off) or `auto` (wip-limit, max-review-requests). */
const wipLimitKind: Kind<number | 'auto'> = {
  fromText: (text) =>
    text.toLowerCase() === 'auto'
      ? { value: 'auto' }
      : /^\d+$/.test(text) && Number.isSafeInteger(Number(text))
        ? { value: Number(text) }
        : { problem: WIP_LIMIT_EXPECTED },
  fromValue: (value) =>
    typeof value === 'string'
      ? wipLimitKind.fromText(value.trim())
      : typeof value === 'number' && Number.isSafeInteger(value) && value >= 0
        ? { value }
        : { problem: WIP_LIMIT_EXPECTED }
};

/** A reviewer to assign: a login, or `org/team`. */
const reviewerList = checkedList(
  (item) => /^[A-Za-z0-9_-]+(\[bot\])?$/.test(item) || /^[A-Za-z0-9_-]+\/[A-Za-z0-9_.-]+$/.test(item),
  'logins or org/team names'
);

const booleanKind: Kind<boolean> = {
  fromText: (text) =>
    /^(true|false)$/i.test(text) ? { value: text.toLowerCase() === 'true' } : { problem: 'expected true or false' },
  fromValue: (value) => (typeof value === 'boolean' ? { value } : { problem: 'expected true or false' })
};

const REQUIRE_ISSUE_EXPECTED = 'expected true, false or assigned';
/** `require-issue`: false (off), true (linked) or assigned. */
const requireIssueKind: Kind<RequireIssue | false> = {
  fromText: (text) => {
    const value = text.toLowerCase();
    if (value === 'false') return { value: false };
    if (value === 'true') return { value: 'linked' };
    if (value === 'assigned') return { value: 'assigned' };
    return { problem: REQUIRE_ISSUE_EXPECTED };
  },
  fromValue: (value) =>
    typeof value === 'boolean'
      ? { value: value ? 'linked' : false }
      : typeof value === 'string'
        ? requireIssueKind.fromText(value.trim())
        : { problem: REQUIRE_ISSUE_EXPECTED }
};

const nonEmptyText: Kind<string> = textKind((text) => ({ value: text }), 'a non-empty text');

/** GitHub refuses label names over 50 characters; a line break can never be part of one. */
const MAX_LABEL_LENGTH = 50;
const LABEL_EXPECTED = `a label name of at most ${MAX_LABEL_LENGTH} characters on one line`;
function labelProblem(name: string): string | undefined {
  return [...name].length > MAX_LABEL_LENGTH || /[\r\n]/.test(name) ? LABEL_EXPECTED : undefined;
}
const labelName: Kind<string> = textKind<string>((text) => {
  const problem = labelProblem(text);
  return problem ? { problem: `expected ${problem}` } : { value: text };
}, LABEL_EXPECTED);

/** A commit status context: one line (GitHub shows it as the check's name). */
const statusContextKind: Kind<string> = textKind<string>(
  (text) => (/[\r\n]/.test(text) ? { problem: 'expected a non-empty text on one line' } : { value: text }),
  'a non-empty text on one line'
);

function oneOf<T extends string>(values: readonly T[]): Kind<T> {
  const expected = `expected one of ${values.join(', ')}`;
  return textKind<T>((text) => (values.includes(text as T) ? { value: text as T } : { problem: expected }), expected);
}

function splitList(text: string): string[] {
  return text
    .split(/[,\n]/)
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

/** Lists: comma- or newline-separated text, or (in the file) a YAML sequence. */
function listOf<T extends string>(checkItems: (items: string[]) => Parsed<T[]>, expected: string): Kind<T[]> {
  return {
    fromText: (text) => checkItems(splitList(text)),
    fromValue: (value) => {
      if (typeof value === 'string') return checkItems(splitList(value));
      if (Array.isArray(value) && value.every((item) => typeof item === 'string'))
        return checkItems(value.map((item: string) => item.trim()).filter(Boolean));
      return { problem: `expected ${expected}` };
    }
  };
}

const labelList: Kind<string[]> = checkedList(
  (item) => labelProblem(item) === undefined,
  `label names of at most ${MAX_LABEL_LENGTH} characters, each on one line`,
  'a list of texts (a YAML sequence or a comma-separated text)'
);

/** A list whose every item must pass `valid`; the problem names the items that do not. `shape`: what a value that is no list gets told. */
function checkedList(valid: (item: string) => boolean, expected: string, shape = expected): Kind<string[]> {
  return listOf((items) => {
    const bad = items.filter((item) => !valid(item));
    if (bad.length > 0)
      return { problem: `expected ${expected} (${quoteItems(bad)} ${bad.length === 1 ? 'is' : 'are'} not)` };
    return { value: items };
  }, shape);
}

// Logins are letters, digits and hyphens, and underscores for Enterprise
// Managed Users (`jdoe_acme`); a bot's REST login ends in [bot].
const loginGlobs = checkedList(
  (item) => /^[A-Za-z0-9_*?-]+(\[bot\])?$/.test(item),
  'login globs: letters, digits, hyphens, underscores, * and ?, optionally ending in [bot]'
);
// Changed files are paths from the repository root: a leading / or ./ never matches.
const pathGlobs = checkedList(
  (item) => !/^\.?\//.test(item) && pathGlobProblem(item) === undefined,
  'path globs from the repository root, like docs/** ' +
    '(no leading / or ./; no extglobs or brace ranges; braces up to 64 patterns; at most 2 * in a segment)'
);
// Base branches are matched with the same matcher as paths, so the same limits hold.
const branchGlobs = checkedList(
  (item) => pathGlobProblem(item) === undefined,
  'branch globs like release/* (no extglobs or brace ranges; braces up to 64 patterns; at most 2 * in a segment)'
);

function anyOf<T extends string>(values: readonly T[]): Kind<T[]> {
  const expected = `any of ${values.join(', ')}`;
  return listOf((items) => {
    const unknown = items.filter((item) => !values.includes(item as T));
    if (unknown.length > 0)
      return { problem: `expected ${expected} (${quoteItems(unknown)} ${unknown.length === 1 ? 'is' : 'are'} not)` };
    return { value: [...new Set(items)] as T[] };
  }, `a list of ${expected}`);
}

const RATE_EXPECTED =
  'expected COUNT/DAYSd like 5/7d (at most COUNT PRs opened in DAYS days; ' +
  `COUNT ≥ 1, DAYS from 1 to ${count(MAX_DAYS)})`;
const openingRate: Kind<OpeningRate> = textKind<OpeningRate>(
  (text) => {
    const match = /^(\d+)\s*\/\s*(\d+)d$/i.exec(text);
    const count = Number(match?.[1]);
    const days = Number(match?.[2]);
    return match && Number.isSafeInteger(count) && count >= 1 && days >= 1 && days <= MAX_DAYS
      ? { value: { count, days } }
      : { problem: RATE_EXPECTED };
  },
  RATE_EXPECTED.replace(/^expected /, '')
);

/**
 * A message is posted as a comment: GitHub refuses bodies over 65,536
 * characters, and the action adds its marker and the placeholders' values.
 */
const MAX_MESSAGE_LENGTH = 60_000;
const PLACEHOLDER_LIST = TEMPLATE_PLACEHOLDERS.map((name) => `{${name}}`).join(', ');
const template: Kind<string> = textKind<string>((text) => {
  if (text.length > MAX_MESSAGE_LENGTH)
    return {
      problem:
        `expected a text of at most ${count(MAX_MESSAGE_LENGTH)} ` +
        `characters (it has ${count(text.length)}; GitHub refuses comments over 65,536)`
    };
  // The action finds its own comments by this marker: a message carrying it would pass for another of them.
  if (text.includes(HIDDEN_MARKER_PREFIX))
    return { problem: `expected a text without the action's hidden marker "${HIDDEN_MARKER_PREFIX}"` };
  const unknown = unknownPlaceholders(text);
  if (unknown.length === 0) return { value: text };
  return {
    problem: `expected a text using only the placeholders ${PLACEHOLDER_LIST}, lower-case and without spaces (${quoteItems(
      unknown.map((name) => `{${name}}`),
      ''
    )} ${unknown.length === 1 ? 'is' : 'are'} not one of them)`
  };
}, `a non-empty text; placeholders: ${PLACEHOLDER_LIST}`);

/**
 * A path inside the repository, as GitHub's `file(path:)` reads it: relative
 * to the root, no `..` or `.` segment (GitHub does not resolve them, so such
 * a path silently finds nothing), no empty segment.
 */
const CONFIG_PATH_EXPECTED =
  'a file path inside the repository relative to its root, like .github/backpressure.yml (no leading /, no .. or . segments)';
const configPathKind: Kind<string> = textKind<string>((text) => {
  const segments = text.split('/');
  const bad =
    /^[A-Za-z]:/.test(text) ||
    text.includes('\\') ||
    segments.some((segment) => segment === '' || segment === '.' || segment === '..');
  return bad ? { problem: `expected ${CONFIG_PATH_EXPECTED}` } : { value: text };
}, CONFIG_PATH_EXPECTED);

// ---- reading one setting -----------------------------------------------------

class Reader {
  readonly problems: string[];
  /** Each setting read so far, with its source: the report lists them. */
  readonly settings: Record<string, Setting> = {};

  constructor(
    private readonly inputs: Record<string, string>,
    private readonly file: ConfigFile | undefined
  ) {
    this.problems = file ? [...file.problems] : [];
  }

  /** An input-only setting. */
  input<T>(name: string, kind: Kind<T>, fallback: T): T {
    const text = (this.inputs[name] ?? '').trim();
    const value = text === '' ? fallback : this.fromInput(name, text, kind, fallback);
    this.settings[name] = { source: text === '' ? 'default' : 'input', value };
    return value;
  }

  /** A setting the input and the file can both set. */
  get<T>(name: string, kind: Kind<T>, fallback: T): T {
    const value = this.optional(name, kind);
    if (value !== undefined) return value;
    this.settings[name] = { source: 'default', value: fallback };
    return fallback;
  }

  /** Like get, but undefined when neither the input nor the file sets it. */
  optional<T>(name: string, kind: Kind<T>): T | undefined {
    const values = this.file?.values;
    const inFile = values !== undefined && name in values;
    // The file's value is checked even when an input wins: the file must stay valid on its own.
    const fromFile = inFile ? this.fromFile([name], values[name], kind) : undefined;
    const text = (this.inputs[name] ?? '').trim();
    if (text === '') {
      this.settings[name] = { source: fromFile === undefined ? 'default' : 'file', value: fromFile };
      return fromFile;
    }
    const value = this.fromInput(name, text, kind, undefined);
    this.settings[name] = { source: 'input', value, ...(inFile ? { overrides: fromFile } : {}) };
    return value;
  }

  /** `path:line:col` of a key in the file. */
  where(path: KeyPath): string {
    return this.file?.where(path) ?? '';
  }

  /** A value inside the file (rules), at its key path. */
  fromFile<T>(path: KeyPath, value: unknown, kind: Kind<T>): T | undefined {
    const parsed = kind.fromValue(value);
    if ('value' in parsed) return parsed.value;
    this.problems.push(
      `${this.file?.where(path)}: ${keyPathName(path)} is ${this.file?.shown(path) ?? describe(value)}: ${parsed.problem}`
    );
    return undefined;
  }

  private fromInput<T, F>(name: string, text: string, kind: Kind<T>, fallback: F): T | F {
    const parsed = kind.fromText(text);
    if ('value' in parsed) return parsed.value;
    this.problems.push(`Input "${name}" is ${quoteValue(text)}: ${parsed.problem}.`);
    return fallback;
  }
}

// ---- rules -------------------------------------------------------------------

function inputsRule(read: Reader): Rule | undefined {
  const budgets = definedOnly<Budgets>({
    maxOpenPerAuthor: read.optional('max-open-per-author', wholeNumber(1)),
    maxOpenedPerAuthor: read.optional('max-opened-per-author', openingRate),
    maxChangedLines: read.optional('max-changed-lines', wholeNumber(1)),
    maxChangedFiles: read.optional('max-changed-files', wholeNumber(1)),
    maxReviewRequests: positiveLimit(read.optional('max-review-requests', wipLimitKind)),
    ...issueBudgets(
      read,
      read.optional('require-issue', requireIssueKind),
      read.optional('issue-labels', labelList),
      read.optional('one-pr-per-issue', booleanKind),
      '"issue-labels" is set but "require-issue" is not: expected require-issue true or assigned with issue-labels.'
    )
  });
  return Object.keys(budgets).length > 0 ? { name: INPUTS_RULE_NAME, selector: {}, budgets } : undefined;
}

function fileRules(read: Reader, file: ConfigFile | undefined): Rule[] {
  const rules = file?.values.rules;
  if (!Array.isArray(rules)) return []; // a wrong shape is reported by readConfigFile
  return rules.flatMap((entry: unknown, index) => (isRecord(entry) ? [fileRule(read, entry, ['rules', index])] : []));
}

function fileRule(read: Reader, entry: Record<string, unknown>, path: KeyPath): Rule {
  const field = <T>(key: string, kind: Kind<T>): T | undefined =>
    key in entry ? read.fromFile([...path, key], entry[key], kind) : undefined;
  const name = field('name', nonEmptyText) ?? keyPathName(path);
  const budgets = definedOnly<Budgets>({
    maxOpen: field('max-open', wholeNumber(1)),
    maxOpenPerAuthor: field('max-open-per-author', wholeNumber(1)),
    maxOpenedPerAuthor: field('max-opened-per-author', openingRate),
    maxChangedLines: field('max-changed-lines', wholeNumber(1)),
    maxChangedFiles: field('max-changed-files', wholeNumber(1)),
    maxReviewRequests: positiveLimit(field('max-review-requests', wipLimitKind)),
    requireOwner: field('require-owner', booleanKind) || undefined,
    ...issueBudgets(
      read,
      field('require-issue', requireIssueKind),
      field('issue-labels', labelList),
      field('one-pr-per-issue', booleanKind),
      `${read.where([...path, 'issue-labels'])}: ${keyPathName([...path, 'issue-labels'])} is set ` +
        `but ${keyPathName([...path, 'require-issue'])} is not: expected require-issue true or assigned in the same rule`
    )
  });
  const onViolation = field('on-violation', anyOf(VIOLATION_FEEDBACK));
  const selector = isRecord(entry.match) ? fileSelector(read, entry.match, [...path, 'match']) : {};
  return { name, selector, budgets, ...(onViolation ? { onViolation } : {}) };
}

/**
 * The linked-issue budgets of one rule. issue-labels without any require-issue
 * would silently do nothing, so it is a problem; an explicit `false` (an input
 * turning the file's rule off) is not.
 */
function issueBudgets(
  read: Reader,
  requireIssue: RequireIssue | false | undefined,
  issueLabels: string[] | undefined,
  onePrPerIssue: boolean | undefined,
  labelsAlone: string
): Partial<Budgets> {
  if (issueLabels && issueLabels.length > 0 && requireIssue === undefined) read.problems.push(labelsAlone);
  return {
    ...(requireIssue ? { requireIssue } : {}),
    ...(requireIssue && issueLabels && issueLabels.length > 0 ? { issueLabels } : {}),
    ...(onePrPerIssue ? { onePrPerIssue } : {})
  };
}

function fileSelector(read: Reader, match: Record<string, unknown>, path: KeyPath): Selector {
  const field = <T>(key: string, kind: Kind<T>): T | undefined =>
    key in match ? read.fromFile([...path, key], match[key], kind) : undefined;
  return definedOnly<Selector>({
    authors: field('authors', loginGlobs),
    associations: field('associations', anyOf(ASSOCIATIONS)),
    labels: field('labels', labelList),
    paths: field('paths', pathGlobs),
    baseBranches: field('base-branches', branchGlobs),
    agents: field('agents', booleanKind)
  });
}

function definedOnly<T extends object>(fields: { [K in keyof T]: T[K] | undefined }): T {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as T;
}

/** Input problems first, then the file's from top to bottom, as the user reads the file. */
function inReadingOrder(problems: string[], filePath: string | undefined): string[] {
  const position = (problem: string): number[] => {
    if (filePath === undefined || !problem.startsWith(`${filePath}:`)) return [0, 0];
    return problem
      .slice(filePath.length + 1)
      .split(':', 2)
      .map(Number);
  };
  return [...problems].sort((a, b) => {
    const [lineA, colA] = position(a);
    const [lineB, colB] = position(b);
    return lineA - lineB || colA - colB;
  });
}

function duplicateRuleNames(rules: Rule[]): string[] {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const rule of rules) (seen.has(rule.name) ? repeated : seen).add(rule.name);
  return [...repeated].map(
    (name) =>
      `Rule name "${name}" is used more than once: expected a unique name per rule ` +
      `(inputs and agents are taken by the rules the inputs make).`
  );
}

// ---- the whole config --------------------------------------------------------

/** `wip-limit: auto`'s bounds and windows; min above max is a problem. */
/** A limit of 0 is off: no budget at all. */
function positiveLimit(limit: number | 'auto' | undefined): number | 'auto' | undefined {
  return limit === 0 ? undefined : limit;
}

function reviewersConfig(read: Reader): Config['reviewers'] {
  const minRequests = read.get('min-review-requests', wholeNumber(1), 1);
  const maxRequestsCap = read.optional('max-review-requests-cap', wholeNumber(1)) ?? null;
  if (maxRequestsCap !== null && maxRequestsCap < minRequests) {
    read.problems.push(
      `"max-review-requests-cap" is ${maxRequestsCap}, below "min-review-requests" ${minRequests}: ` +
        'expected max-review-requests-cap ≥ min-review-requests.'
    );
  }
  const assign = read.get('assign-reviewers', oneOf(ASSIGN_REVIEWERS), 'off');
  const pool = read.get('reviewer-pool', reviewerList, []);
  if (assign === 'least-loaded' && pool.length === 0)
    read.problems.push(
      '"assign-reviewers" is least-loaded but "reviewer-pool" is empty: expected the logins or org/team names to assign from.'
    );
  return {
    minRequests,
    maxRequestsCap,
    yieldDays: read.get('yield-days', wholeNumber(0, ' (0 turns it off)', MAX_DAYS), 0),
    assign,
    pool
  };
}

function adaptiveConfig(read: Reader): Config['adaptive'] {
  const minWipLimit = read.get('min-wip-limit', wholeNumber(1), 10);
  const maxWipLimit = read.optional('max-wip-limit', wholeNumber(1)) ?? null;
  if (maxWipLimit !== null && maxWipLimit < minWipLimit) {
    read.problems.push(
      `"max-wip-limit" is ${maxWipLimit}, below "min-wip-limit" ${minWipLimit}: expected max-wip-limit ≥ min-wip-limit.`
    );
  }
  return {
    minWipLimit,
    maxWipLimit,
    throughputWindowDays: read.get('throughput-window-days', wholeNumber(1, '', MAX_DAYS), 28),
    targetReviewDays: read.get('target-review-days', wholeNumber(1, '', MAX_DAYS), 7)
  };
}

/** The inputs' rule, the agents rule, then the file's rules, in that order; a name used twice is a problem. */
function allRules(read: Reader, configFile: ConfigFile | undefined): Rule[] {
  const rules: Rule[] = [];
  const fromInputs = inputsRule(read);
  if (fromInputs) rules.push(fromInputs);
  if (read.get('require-owner-for-agents', booleanKind, false)) {
    rules.push({ name: 'agents', selector: { agents: true }, budgets: { requireOwner: true } });
  }
  const fromFile = fileRules(read, configFile);
  rules.push(...fromFile);
  read.settings.rules = { source: fromFile.length > 0 ? 'file' : 'default', value: fromFile.map((r) => r.name) };
  read.problems.push(...duplicateRuleNames(rules));
  return rules;
}

function staleConfig(read: Reader): Config['stale'] {
  return {
    days: read.get('stale-days', wholeNumber(0, ' (0 turns the stale lifecycle off)', MAX_DAYS), 0),
    closeDays: read.get('close-days', wholeNumber(0, ' (0 never closes)', MAX_DAYS), 0),
    label: read.get('stale-label', labelName, 'stale'),
    message: read.get('stale-message', template, DEFAULT_STALE_MESSAGE),
    closeMessage: read.get('close-message', template, DEFAULT_CLOSE_MESSAGE),
    when: read.get('stale-when', oneOf(STALE_WHEN), 'author'),
    exemptLabels: read.get('stale-exempt-labels', labelList, []),
    exemptAssigned: read.get('stale-exempt-assigned', booleanKind, false),
    exemptMilestones: read.get('stale-exempt-milestones', booleanKind, false),
    drafts: read.get('stale-drafts', booleanKind, false),
    maintainerMoveLabels: read.get('maintainer-move-labels', labelList, []),
    authorMoveLabels: read.get('author-move-labels', labelList, [])
  };
}

/**
 * Inputs (`{ name: value }`, as the runner passes them) and the config file's
 * text → one validated Config. Every problem is collected; any throws one
 * ConfigError listing them all, in the file's order.
 */
export function buildConfig(inputs: Record<string, string>, file?: { path: string; text: string }): Config {
  const configFile = file ? readConfigFile(file) : undefined;
  const read = new Reader(inputs, configFile);
  const config: Config = {
    mode: read.input('mode', oneOf(MODES), 'auto'),
    wipLimit: read.get('wip-limit', wipLimitKind, 50),
    adaptive: adaptiveConfig(read),
    reviewers: reviewersConfig(read),
    countDrafts: read.get('count-drafts', booleanKind, false),
    baseBranches: read.get('base-branches', branchGlobs, []),
    exemptLabels: read.get('exempt-labels', labelList, []),
    exemptAuthors: read.get('exempt-authors', loginGlobs, []),
    priorityLabels: read.get('priority-labels', labelList, []),
    authorLimitAssociations: read.get('author-limit-associations', anyOf(ASSOCIATIONS), [
      'CONTRIBUTOR',
      'FIRST_TIME_CONTRIBUTOR',
      'FIRST_TIMER',
      'NONE',
      'MANNEQUIN'
    ]),
    trustedAfterMerged: read.get('trusted-after-merged', wholeNumber(0, ' (0 turns it off)'), 0),
    agentAuthors: read.get('agent-authors', loginGlobs, [
      'Copilot',
      'copilot-swe-agent[bot]',
      'devin-ai-integration[bot]'
    ]),
    agentLabels: read.get('agent-labels', labelList, []),
    rules: allRules(read, configFile),
    onWaiting: read.get('on-waiting', anyOf(WAITING_FEEDBACK), ['fail']),
    onViolation: read.get('on-violation', anyOf(VIOLATION_FEEDBACK), ['fail']),
    failJob: read.get('fail-job', booleanKind, false),
    waitingLabel: read.get('waiting-label', labelName, 'backpressure: waiting'),
    violationLabel: read.get('violation-label', labelName, 'backpressure: violation'),
    admittedLabel: read.get('admitted-label', labelName, 'backpressure: admitted'),
    statusContext: read.get('status-context', statusContextKind, 'backpressure'),
    stale: staleConfig(read),
    dryRun: read.input('dry-run', booleanKind, false),
    maxClosesPerRun: read.get('max-closes-per-run', wholeNumber(0), 10),
    maxWritesPerRun: read.get('max-writes-per-run', wholeNumber(0), 300),
    configPath: read.input('config-path', configPathKind, DEFAULT_CONFIG_PATH),
    settings: read.settings
  };
  // The runner passes action.yml's default path as if it were set: that is no choice of the user's.
  if (config.configPath === DEFAULT_CONFIG_PATH) read.settings['config-path'].source = 'default';
  if (read.problems.length > 0) throw new ConfigError(inReadingOrder(read.problems, file?.path));
  return config;
}
