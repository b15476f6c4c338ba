// Issue search as the action uses it: `repo:o/r is:pr is:open draft:false
// label:a,b -label:x author:app/bot created:<T merged:A..B`. Any qualifier the
// fake does not know throws, so a test notices instead of counting wrong.
import { isRepository, type FakePullRequest, type FakeStore } from './store.js';

export interface SearchTerm {
  negated: boolean;
  key: string;
  /** Comma-separated values, unquoted. */
  values: string[];
  raw: string;
}

type Matcher = (pr: FakePullRequest) => boolean;

/** Splits on whitespace outside quotes, then `-key:value,"v w"` into parts. */
export function parseSearch(query: string): SearchTerm[] {
  const tokens: string[] = [];
  let current = '';
  let quoted = false;
  for (const char of query) {
    if (char === '"') quoted = !quoted;
    if (/\s/.test(char) && !quoted) {
      if (current) tokens.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  if (quoted) throw new Error(`Fake search: unbalanced quote in "${query}"`);
  if (current) tokens.push(current);
  return tokens.map((raw) => {
    const match = /^(-?)([a-z-]+):(.+)$/.exec(raw);
    if (!match) throw new Error(`Fake search: free text "${raw}" is not supported (query "${query}"); use qualifiers`);
    return { negated: match[1] === '-', key: match[2], values: splitValues(match[3]), raw };
  });
}

function splitValues(value: string): string[] {
  const values: string[] = [];
  let current = '';
  let quoted = false;
  for (const char of value) {
    if (char === '"') quoted = !quoted;
    else if (char === ',' && !quoted) {
      values.push(current);
      current = '';
    } else current += char;
  }
  values.push(current);
  return values;
}

/** Search writes bots as `app/name`. */
function restLoginOf(searchLogin: string): string {
  return searchLogin.startsWith('app/') ? `${searchLogin.slice(4)}[bot]` : searchLogin;
}

function sameText(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

interface Bound {
  /** Epoch seconds. */
  from: number;
  to: number;
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** One end of a date qualifier, as the seconds it starts and ends. */
function instant(text: string, raw: string): Bound {
  if (DATE_ONLY.test(text)) {
    const start = Date.parse(`${text}T00:00:00Z`) / 1000;
    return { from: start, to: start + 86_399 };
  }
  const ms = Date.parse(text);
  if (!Number.isFinite(ms)) throw new Error(`Fake search: cannot read the date "${text}" in ${raw}`);
  const seconds = Math.floor(ms / 1000);
  return { from: seconds, to: seconds };
}

/** `<T`, `<=T`, `>T`, `>=T`, `A..B` (either side `*`), or a date: the seconds it admits. */
export function dateRange(value: string, raw: string): Bound {
  const compare = /^(<=|>=|<|>)(.+)$/.exec(value);
  if (compare) {
    const bound = instant(compare[2], raw);
    switch (compare[1]) {
      case '<':
        return { from: -Infinity, to: bound.from - 1 };
      case '<=':
        return { from: -Infinity, to: bound.to };
      case '>':
        return { from: bound.to + 1, to: Infinity };
      default:
        return { from: bound.from, to: Infinity };
    }
  }
  const range = /^(.+)\.\.(.+)$/.exec(value);
  if (range) {
    return {
      from: range[1] === '*' ? -Infinity : instant(range[1], raw).from,
      to: range[2] === '*' ? Infinity : instant(range[2], raw).to
    };
  }
  return instant(value, raw);
}

function within(time: string | null, bound: Bound): boolean {
  if (!time) return false;
  const seconds = Math.floor(Date.parse(time) / 1000);
  return seconds >= bound.from && seconds <= bound.to;
}

function matcherFor(store: FakeStore, term: SearchTerm): Matcher {
  const { key, values, raw } = term;
  const one = values[0];
  switch (key) {
    case 'repo': {
      const [owner, name] = one.split('/');
      const same = isRepository(store, owner ?? '', name ?? '');
      return () => same;
    }
    case 'is':
    case 'state':
      switch (one) {
        case 'pr':
          return () => true;
        case 'issue':
          return () => false;
        case 'open':
          return (pr) => pr.state === 'OPEN';
        case 'closed':
          return (pr) => pr.state !== 'OPEN';
        case 'merged':
          return (pr) => pr.state === 'MERGED';
        case 'unmerged':
          return (pr) => pr.state !== 'MERGED';
        case 'draft':
          return (pr) => pr.isDraft;
        default:
          throw new Error(`Fake search: unknown value in ${raw}`);
      }
    case 'type':
      if (one === 'pr') return () => true;
      if (one === 'issue') return () => false;
      throw new Error(`Fake search: unknown value in ${raw}`);
    case 'draft':
      if (one !== 'true' && one !== 'false') throw new Error(`Fake search: ${raw} takes true or false`);
      return (pr) => pr.isDraft === (one === 'true');
    case 'base':
      return (pr) => values.some((v) => v === pr.baseRefName);
    case 'head':
      return (pr) => values.some((v) => v === pr.headRefName);
    case 'label':
      return (pr) => values.some((v) => pr.labels.some((l) => sameText(l, v)));
    case 'author':
      return (pr) => values.some((v) => sameText(restLoginOf(v), pr.author));
    case 'assignee':
      return (pr) => values.some((v) => pr.assignees.some((a) => sameText(a, v)));
    // Pending review requests of a user (or bot, `app/name`), of a team (`org/team`); reviews given.
    case 'review-requested':
      return (pr) =>
        values.some((v) => (pr.reviewRequests ?? []).some((r) => !r.includes('/') && sameText(r, restLoginOf(v))));
    case 'team-review-requested':
      return (pr) => values.some((v) => (pr.reviewRequests ?? []).some((r) => r.includes('/') && sameText(r, v)));
    case 'reviewed-by':
      return (pr) =>
        values.some((v) => pr.reviews.some((r) => r.submittedAt !== null && sameText(r.author, restLoginOf(v))));
    case 'created': {
      const bound = dateRange(one, raw);
      return (pr) => within(pr.createdAt, bound);
    }
    case 'merged': {
      const bound = dateRange(one, raw);
      return (pr) => within(pr.mergedAt, bound);
    }
    case 'closed': {
      const bound = dateRange(one, raw);
      return (pr) => within(pr.closedAt, bound);
    }
    default:
      throw new Error(`Fake search: unknown qualifier "${key}:" in ${raw}`);
  }
}

/** The store's PRs a search query matches (all qualifiers must hold). */
export function searchPullRequests(store: FakeStore, query: string): FakePullRequest[] {
  const matchers = parseSearch(query).map((term) => {
    const matches = matcherFor(store, term);
    return term.negated ? (pr: FakePullRequest) => !matches(pr) : matches;
  });
  return store.pullRequests.filter((pr) => matchers.every((m) => m(pr)));
}

export function countSearch(store: FakeStore, query: string): number {
  return searchPullRequests(store, query).length;
}
