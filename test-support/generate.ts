// A busy repository for the fake GitHub, the same for the same seed: humans
// of every association and bots (dependabot, renovate, the Copilot agent),
// drafts, labels, lognormal sizes, files across src/, docs/ and packages/,
// reviews and comments of varied ages, conflicts, and 8 weeks of history.
import {
  createStore,
  fakeSha,
  type ActorType,
  type Association,
  type FakeComment,
  type FakePullRequest,
  type FakeReview,
  type FakeStore,
  type FakeTimelineEvent,
  type Mergeable
} from './fake-github/store.js';
import { DEFAULT_CONFIG_PATH } from '../src/config/load.js';
import { DAY_MS } from '../src/core/time.js';

export interface GenerateOptions {
  seed: number;
  openPullRequests: number;
  /** Closed or merged PRs per week of history; about 3 in 4 are merged. Default: a tenth of the open queue, at least 5. */
  closedPerWeek?: number;
  /** Weeks of merged/closed history. */
  historyWeeks?: number;
  now: Date;
  owner?: string;
  name?: string;
  /** A config file to put on the default branch. */
  config?: string;
  configPath?: string;
  /** Share of open PRs that are drafts. */
  draftShare?: number;
  /** Share of open PRs with merge conflicts. */
  conflictShare?: number;
}

export const GENERATED_LABELS = [
  { name: 'priority', color: 'b60205', description: 'Review first' },
  { name: 'docs', color: '0075ca', description: 'Documentation' },
  { name: 'dependencies', color: '0366d6', description: 'Dependency updates' },
  { name: 'bug', color: 'd73a4a', description: "Something isn't working" },
  { name: 'enhancement', color: 'a2eeef', description: 'New feature or request' }
];

const HOUR_MS = 3_600_000;

/** mulberry32: small, fast and good enough for test data; the same numbers for the same seed. */
export function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Author {
  login: string;
  type: ActorType;
  association: Association;
  weight: number;
  bot?: 'dependencies' | 'agent';
}

const MAINTAINERS: Author[] = [
  { login: 'mona', type: 'User', association: 'OWNER', weight: 3 },
  { login: 'hubot-dev', type: 'User', association: 'MEMBER', weight: 4 },
  { login: 'octo-lead', type: 'User', association: 'MEMBER', weight: 4 },
  { login: 'sam-core', type: 'User', association: 'MEMBER', weight: 3 },
  { login: 'kai-collab', type: 'User', association: 'COLLABORATOR', weight: 3 },
  { login: 'lee-collab', type: 'User', association: 'COLLABORATOR', weight: 2 }
];

const BOTS: Author[] = [
  { login: 'dependabot[bot]', type: 'Bot', association: 'NONE', weight: 10, bot: 'dependencies' },
  { login: 'renovate[bot]', type: 'Bot', association: 'NONE', weight: 6, bot: 'dependencies' },
  { login: 'Copilot', type: 'Bot', association: 'NONE', weight: 3, bot: 'agent' },
  { login: 'copilot-swe-agent[bot]', type: 'Bot', association: 'NONE', weight: 2, bot: 'agent' }
];

function authorsFor(random: () => number): Author[] {
  const contributors: Author[] = Array.from({ length: 40 }, (_, i) => ({
    login: `contributor-${i + 1}`,
    type: 'User',
    association: 'CONTRIBUTOR',
    // A few prolific contributors, a long tail of occasional ones.
    weight: i < 5 ? 4 : 1 + random()
  }));
  const newcomers: Author[] = Array.from({ length: 30 }, (_, i) => ({
    login: `newcomer-${i + 1}`,
    type: 'User',
    association: i % 3 === 0 ? 'NONE' : i % 3 === 1 ? 'FIRST_TIME_CONTRIBUTOR' : 'FIRST_TIMER',
    weight: 0.6
  }));
  return [...MAINTAINERS, ...contributors, ...newcomers, ...BOTS];
}

const AREAS = {
  src: ['core', 'api', 'cli', 'auth', 'storage', 'ui'],
  packages: ['client', 'server', 'shared', 'plugins'],
  docs: ['guide', 'reference', 'faq', 'changelog', 'contributing']
};

class Generator {
  readonly random: () => number;
  private readonly authors: Author[];
  private readonly totalWeight: number;

  constructor(seed: number) {
    this.random = prng(seed);
    this.authors = authorsFor(this.random);
    this.totalWeight = this.authors.reduce((sum, a) => sum + a.weight, 0);
  }

  chance(p: number): boolean {
    return this.random() < p;
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.random() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.random() * items.length)];
  }

  author(): Author {
    let left = this.random() * this.totalWeight;
    for (const author of this.authors) {
      left -= author.weight;
      if (left <= 0) return author;
    }
    return this.authors[this.authors.length - 1];
  }

  maintainer(): Author {
    return this.pick(MAINTAINERS);
  }

  /** Box-Muller: a standard normal draw. */
  normal(): number {
    return Math.sqrt(-2 * Math.log(1 - this.random())) * Math.cos(2 * Math.PI * this.random());
  }

  /** Changed lines: lognormal around 60, from a one-liner to thousands. */
  lines(author: Author): number {
    const median = author.bot === 'dependencies' ? 12 : 60;
    return Math.max(1, Math.round(median * Math.exp(1.3 * this.normal())));
  }

  files(author: Author, lines: number): string[] {
    if (author.bot === 'dependencies')
      return this.chance(0.5)
        ? ['package.json', 'package-lock.json']
        : [`packages/${this.pick(AREAS.packages)}/package.json`];
    const count = Math.min(60, 1 + Math.floor(lines / 40) + this.int(0, 2));
    const docsOnly = this.chance(0.12);
    const paths = new Set<string>();
    while (paths.size < count) {
      const kind = docsOnly ? 'docs' : this.pick(['src', 'src', 'src', 'packages', 'packages', 'docs'] as const);
      const file = `${this.pick(['index', 'util', 'types', 'handler', 'model', 'service'])}${this.int(1, 9)}`;
      if (kind === 'docs') paths.add(`docs/${this.pick(AREAS.docs)}/${file}.md`);
      else if (kind === 'packages') paths.add(`packages/${this.pick(AREAS.packages)}/src/${file}.ts`);
      else paths.add(`src/${this.pick(AREAS.src)}/${file}.ts`);
    }
    return [...paths];
  }

  /** A time between `from` and `to`, whole seconds (as GitHub stamps them). */
  between(from: number, to: number): string {
    const t = from + this.random() * Math.max(0, to - from);
    return new Date(Math.floor(t / 1000) * 1000).toISOString();
  }
}

interface Draft {
  createdAt: number;
  author: Author;
  state: FakePullRequest['state'];
  closedAt: number | null;
}

function activity(g: Generator, author: Author, created: number, until: number, ids: { next: number }) {
  // Activity ages vary widely: some PRs are busy today, some silent for months.
  const lastActive = created + (until - created) * g.pick([0, 0.1, 0.5, 0.9, 1, 1]);
  const end = Math.max(created, Math.min(until, lastActive + g.int(0, 3) * HOUR_MS));
  const comments: FakeComment[] = Array.from({ length: g.int(0, 4) }, () => {
    const by = g.chance(0.5) ? author : g.maintainer();
    return {
      id: ids.next++,
      body: g.pick([
        'Thanks!',
        'Could you add a test?',
        'Rebased.',
        'Any update?',
        'LGTM once CI passes.',
        'Done, please take another look.'
      ]),
      author: by.login,
      authorType: by.type,
      association: by.association,
      createdAt: g.between(created, end)
    };
  });
  const reviews: FakeReview[] = Array.from({ length: g.int(0, 2) }, () => {
    const by = g.maintainer();
    return {
      state: g.pick(['APPROVED', 'CHANGES_REQUESTED', 'COMMENTED', 'COMMENTED'] as const),
      author: by.login,
      authorType: 'User',
      association: by.association,
      submittedAt: g.between(created, end)
    };
  });
  const timeline: FakeTimelineEvent[] = [];
  if (g.chance(0.1))
    timeline.push({
      type: 'ReadyForReviewEvent',
      actor: author.login,
      actorType: author.type,
      createdAt: g.between(created, end)
    });
  if (g.chance(0.15))
    timeline.push({
      type: 'HeadRefForcePushedEvent',
      actor: author.login,
      actorType: author.type,
      createdAt: g.between(created, end)
    });
  comments.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  reviews.sort((a, b) => (a.submittedAt ?? '').localeCompare(b.submittedAt ?? ''));
  timeline.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  return { comments, reviews, timeline, lastCommittedAt: g.between(created, end) };
}

function labelsFor(g: Generator, author: Author, files: string[]): string[] {
  const labels: string[] = [];
  if (author.bot === 'dependencies') labels.push('dependencies');
  if (files.length > 0 && files.every((f) => f.startsWith('docs/'))) labels.push('docs');
  if (g.chance(0.05)) labels.push('priority');
  if (g.chance(0.15)) labels.push(g.pick(['bug', 'enhancement']));
  return labels;
}

function titleFor(g: Generator, author: Author, number: number): string {
  if (author.bot === 'dependencies')
    return `Bump ${g.pick(['lodash', 'typescript', 'eslint', 'jest', '@types/node'])} from 1.${g.int(0, 9)}.0 to 1.${g.int(10, 20)}.0`;
  if (author.bot === 'agent')
    return `[WIP] ${g.pick(['Fix flaky test', 'Add input validation', 'Refactor config loader'])} (#${number})`;
  return (
    `${g.pick(['Fix', 'Add', 'Improve', 'Refactor', 'Document', 'Speed up'])} ` +
    `${g.pick(['parser', 'cache', 'login flow', 'CLI help', 'retry logic', 'docs page'])}`
  );
}

/** A deterministic repository: `openPullRequests` open PRs plus `historyWeeks` of closed and merged ones. */
export function generateRepository(options: GenerateOptions): FakeStore {
  const g = new Generator(options.seed);
  const now = options.now.getTime();
  const weeks = options.historyWeeks ?? 8;
  const closedPerWeek = options.closedPerWeek ?? Math.max(5, Math.round(options.openPullRequests / 10));
  const drafts: Draft[] = [];

  for (let i = 0; i < options.openPullRequests; i++) {
    // Most of the queue is recent; a long tail reaches back about a year.
    const ageDays = g.chance(0.7) ? g.random() * 30 : 30 + Math.pow(g.random(), 2) * 335;
    drafts.push({
      createdAt: now - ageDays * DAY_MS - g.int(1, 3600) * 1000,
      author: g.author(),
      state: 'OPEN',
      closedAt: null
    });
  }
  for (let week = 0; week < weeks; week++) {
    const count = Math.max(0, Math.round(closedPerWeek * (0.8 + 0.4 * g.random())));
    for (let i = 0; i < count; i++) {
      const closedAt = now - (week + g.random()) * 7 * DAY_MS;
      drafts.push({
        createdAt: closedAt - g.random() * 20 * DAY_MS - HOUR_MS,
        author: g.author(),
        state: g.chance(0.75) ? 'MERGED' : 'CLOSED',
        closedAt
      });
    }
  }
  drafts.sort((a, b) => a.createdAt - b.createdAt);

  const ids = { next: 500_000 };
  const pullRequests = drafts.map((draft, index): FakePullRequest => {
    const number = index + 1;
    const { author } = draft;
    const createdAt = g.between(draft.createdAt, draft.createdAt);
    const lines = g.lines(author);
    const additions = Math.max(1, Math.round(lines * (0.5 + 0.4 * g.random())));
    const files = g.files(author, lines);
    const until = draft.closedAt ?? now;
    const closedAt = draft.closedAt === null ? null : g.between(draft.closedAt, draft.closedAt);
    const mergeable: Mergeable =
      draft.state !== 'OPEN'
        ? 'MERGEABLE'
        : g.chance(options.conflictShare ?? 0.08)
          ? 'CONFLICTING'
          : g.chance(0.03)
            ? 'UNKNOWN'
            : 'MERGEABLE';
    return {
      number,
      title: titleFor(g, author, number),
      author: author.login,
      authorType: author.type,
      authorAssociation: author.association,
      createdAt,
      closedAt,
      mergedAt: draft.state === 'MERGED' ? closedAt : null,
      state: draft.state,
      isDraft: draft.state === 'OPEN' && (author.bot === 'agent' ? g.chance(0.6) : g.chance(options.draftShare ?? 0.1)),
      baseRefName: g.chance(0.95) ? 'main' : 'release/1.x',
      headRefName:
        author.bot === 'dependencies'
          ? `${author.login.replace('[bot]', '')}/npm/update-${number}`
          : `${author.login}/change-${number}`,
      headSha: fakeSha(number),
      additions,
      deletions: Math.max(0, lines - additions),
      changedFiles: files.length,
      files,
      labels: labelsFor(g, author, files),
      assignees: g.chance(0.2) ? [g.maintainer().login] : [],
      milestone: g.chance(0.1) ? g.int(1, 3) : null,
      mergeable,
      ...activity(g, author, Date.parse(createdAt), until, ids)
    };
  });

  return createStore({
    repository: {
      owner: options.owner ?? 'acme',
      name: options.name ?? 'busy-repo',
      defaultBranch: 'main',
      files: options.config === undefined ? {} : { [options.configPath ?? DEFAULT_CONFIG_PATH]: options.config }
    },
    pullRequests,
    labels: GENERATED_LABELS.map((l) => ({ ...l })),
    nextId: ids.next + 1_000_000
  });
}
