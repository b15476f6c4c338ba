// The job summary (README "What people see"). It answers first: the state of
// the queue in one line (or, in a gate, its PR's decision), what to do next,
// the charts; then the tables, folded where they run past a screen: who is
// admitted, waiting or in violation, stale and neglected PRs, what the run
// wrote (or would have), the settings and where each came from. One function
// per section. Every PR-derived string is escaped.
import type { Config } from '../config/types.js';
import { settingValueText } from '../config/settings.js';
import type {
  AdaptiveLimit,
  Decision,
  ExecutionReport,
  Plan,
  PullRequest,
  Snapshot,
  State,
  WriteOp
} from '../core/types.js';
import { expectedIn, paceText, violationSetting } from '../core/describe.js';
import { queueOutlook } from '../core/outlook.js';
import { neglectDays } from '../core/stale.js';
import { escapeMarkdown, truncate } from '../core/escape.js';
import { weeklyChart } from './mermaid.js';
import { closedNumbers, staledNumbers, writesTaken } from './outputs.js';
import { DAY_MS } from '../core/time.js';
import { describeWrite } from '../core/write-description.js';
import { staleMarkUnit } from '../core/writes.js';
import { count, decimal } from '../core/count.js';
import { byCodeUnits } from '../core/compare.js';

export interface SummaryInput {
  plan: Plan;
  snapshot: Snapshot;
  config: Config;
  execution: ExecutionReport;
  runUrl?: string;
}

const MAX_ROWS = 50;
const MAX_WAITING_ROWS = 20;
const MAX_AUTHORS = 10;
const MAX_VIOLATION_ROWS = 20;
const MAX_AFFECTED_AUTHORS = 3;
const MAX_NOT_APPLIED_SHOWN = 10;
const TITLE_MAX = 80;
/** Rows (or list items) a reader sees without scrolling past the table; longer ones are folded. */
const SCREEN_ROWS = 15;

const plural = (n: number, one: string, many = `${one}s`) => `${count(n)} ${n === 1 ? one : many}`;

/** Lookups the sections share. */
interface Context extends SummaryInput {
  prs: Map<number, PullRequest>;
  taken: WriteOp[];
}

export function renderSummary(input: SummaryInput): string {
  const context: Context = {
    ...input,
    prs: new Map(input.snapshot.pullRequests.map((p) => [p.number, p])),
    taken: writesTaken(input.plan, input.execution)
  };
  // A gate that decided from search counts read only its own PR: tables of one row would mislead.
  const onlyTheSubject = input.plan.read === 'counts';
  const queueSections = onlyTheSubject
    ? [
        "This gate counted the PRs ahead of this one with search and read no other PR; the scheduled sweep's summary shows the whole queue."
      ]
    : [
        countsSection(context),
        admittedSection(context),
        waitingSection(context),
        violationsSection(context),
        sharedIssuesSection(context),
        reviewersSection(context),
        authorsSection(context)
      ];
  // The first screen answers: a gate's reader came for their own PR, a sweep's for the queue.
  const answer = input.plan.subject
    ? [subjectSection(context), overview(context), dryRunNote(context), historySection(context)]
    : [
        headlineSection(context),
        nextStepsSection(context),
        dryRunNote(context),
        historySection(context),
        overview(context)
      ];
  const sections = [
    titleLine(context),
    ...answer,
    ...queueSections,
    staleSection(context),
    lockedSection(context),
    neglectedSection(context),
    writesSection(context),
    leftSection(context),
    settingsSection(context),
    requestsSection(context)
  ];
  return `${sections.filter((s) => s !== '').join('\n\n')}\n`;
}

// ---- helpers -------------------------------------------------------------

function prLink(context: Context, number: number): string {
  const url = context.prs.get(number)?.url;
  // Only a plain https URL goes into a link target; anything else stays text.
  return url && /^https:\/\/[^\s()<>]+$/.test(url) ? `[#${number}](${url})` : `#${number}`;
}

function title(context: Context, number: number): string {
  const pr = context.prs.get(number);
  return pr ? escapeMarkdown(truncate(pr.title, TITLE_MAX)) : '';
}

function author(context: Context, number: number): string {
  const login = context.prs.get(number)?.author;
  return login ? escapeMarkdown(login) : '';
}

function age(context: Context, number: number): string {
  const pr = context.prs.get(number);
  if (!pr) return '';
  const ms = Date.parse(context.plan.now) - Date.parse(pr.createdAt);
  return ms < DAY_MS ? `${Math.max(0, Math.floor(ms / 3_600_000))} h` : `${Math.floor(ms / DAY_MS)} d`;
}

function table(header: string[], rows: string[][]): string {
  const align = header.map((h) =>
    /^(#|position|open|admitted|waiting|violations|idle days|PRs|writes)$/.test(h) ? '---:' : '---'
  );
  return [`| ${header.join(' | ')} |`, `|${align.join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

/**
 * `body` behind a disclosure when it has more than a screen of `rows`: GitHub
 * shows `summary` (plain text: HTML, not markdown) and opens the rest on a click.
 */
function folded(summary: string, body: string, rows: number): string {
  if (rows <= SCREEN_ROWS) return body;
  return ['<details>', `<summary>${summary}</summary>`, '', body, '', '</details>'].join('\n');
}

/** The first `max` items rendered by `render`, then a line saying how many were left out. */
function bounded<T>(items: T[], max: number, render: (shown: T[]) => string): string {
  const shown = render(items.slice(0, max));
  return items.length > max ? `${shown}\n\n… and ${count(items.length - max)} more.` : shown;
}

/** The first MAX_ROWS `items` as one table (see bounded), folded when that runs past a screen. */
function foldedRows<T>(summary: string, items: T[], render: (shown: T[]) => string): string {
  const shown = items.length > MAX_ROWS ? `${summary} (the first ${count(MAX_ROWS)})` : summary;
  return folded(shown, bounded(items, MAX_ROWS, render), Math.min(items.length, MAX_ROWS));
}

function numberList(context: Context, numbers: number[]): string {
  const shown = numbers.slice(0, MAX_ROWS).map((n) => prLink(context, n));
  return numbers.length > MAX_ROWS
    ? `${shown.join(', ')} … and ${count(numbers.length - MAX_ROWS)} more`
    : shown.join(', ');
}

const byState = (plan: Plan, state: State) => plan.decisions.filter((d) => d.state === state);

// ---- sections ------------------------------------------------------------

function titleLine(context: Context): string {
  const { repository } = context.snapshot;
  return `## PR Backpressure: ${context.plan.mode} of ${escapeMarkdown(repository.owner)}/${escapeMarkdown(repository.name)}`;
}

/** "WIP limit **50**", "WIP limit **190** (auto)" or "no WIP limit". */
function limitText(plan: Plan): string {
  return plan.wipLimit > 0 ? `WIP limit **${count(plan.wipLimit)}**${plan.adaptive ? ' (auto)' : ''}` : 'no WIP limit';
}

/**
 * The counts behind the decisions: in a gate, the queue size and limit it
 * counted (after its PR's line); in a sweep (whose headline has them) how
 * `auto` set the limit.
 */
function overview(context: Context): string {
  const { plan } = context;
  const lines = plan.subject ? [`**${plural(plan.queueSize, 'PR')}** in the review queue · ${limitText(plan)}`] : [];
  if (plan.adaptive) lines.push(...(lines.length > 0 ? [''] : []), adaptiveLine(plan.adaptive));
  return lines.join('\n');
}

function dryRunNote(context: Context): string {
  if (!context.execution.dryRun) return '';
  return ['> [!NOTE]', '> Dry run: nothing was written. The writes below are what the action would have done.'].join(
    '\n'
  );
}

/**
 * The state of the queue in one line: growing or shrinking and how fast, its
 * size and limit, and how long a PR opened now can expect to wait.
 */
function headlineSection(context: Context): string {
  const { plan } = context;
  const { trend, newPullRequest } = queueOutlook(plan);
  const size = `${plural(plan.queueSize, 'PR')} in the review queue, ${limitText(plan).replace(/\*\*/g, '')}`;
  const parts: string[] = [];
  if (trend) {
    const rate = `~${plural(Math.round(Math.abs(trend.perWeek)), 'PR')} a week`;
    const state = trend.direction === 'steady' ? 'steady' : `${trend.direction} by ${rate}`;
    parts.push(`**The queue is ${state}**: ${size}`);
  } else parts.push(`**${size}**`);
  if (newPullRequest) {
    const { waitDays } = newPullRequest;
    parts.push(
      waitDays === undefined
        ? `no PR was merged in the last ${plural(plan.pace?.windowDays ?? 0, 'day')}, so a new PR's wait has no estimate`
        : waitDays === 0
          ? 'a new PR is admitted at once'
          : `a new PR can expect to wait about ${plural(Math.ceil(waitDays), 'day')}`
    );
  }
  return `${parts.join('; ')}.`;
}

/** What a maintainer should do next, most pressing first; "nothing" when the queue keeps up. */
function nextStepsSection(context: Context): string {
  const steps = [growthStep(context), neglectStep(context), writesLeftStep(context)].filter((s) => s !== '');
  if (steps.length === 0) {
    const trend = queueOutlook(context.plan).trend;
    const why = trend ? ': merges keep up with the inflow' : '';
    return `> [!TIP]\n> **What to do next:** nothing needs you now${why}.`;
  }
  if (steps.length === 1) return `> [!IMPORTANT]\n> **What to do next:** ${steps[0]}`;
  return ['> [!IMPORTANT]', '> **What to do next:**', ...steps.map((s) => `> - ${s}`)].join('\n');
}

const round = (n: number) => count(Math.round(n));

/** When the open queue grows week by week: merge or close more, or slow the inflow. */
function growthStep(context: Context): string {
  const flow = context.plan.flow;
  if (!flow || queueOutlook(context.plan).trend?.direction !== 'growing') return '';
  const unmerged = flow.closedUnmergedPerWeek ? ` and ${round(flow.closedUnmergedPerWeek)} closed unmerged` : '';
  return (
    `merge or close more PRs a week, or slow the inflow (\`max-open-per-author\`, \`max-opened-per-author\`): ` +
    `${round(flow.openedPerWeek)} opened a week vs ${round(flow.mergedPerWeek)} merged${unmerged} ` +
    `(average of the last ${plural(flow.fullWeeks, 'full week')}). Raising the WIP limit alone only moves the wait.`
  );
}

/** PRs the maintainers left waiting: the oldest first. */
function neglectStep(context: Context): string {
  const neglected = context.plan.decisions.filter((d) => d.stale?.neglected).length;
  if (neglected === 0) return '';
  return (
    `review the ${plural(neglected, 'PR')} waiting on the maintainers for ${plural(neglectDays(context.config), 'day')} ` +
    `or more, oldest first (Neglected, below).`
  );
}

/** Writes a budget held back, and how many runs they take at max-writes-per-run. */
function writesLeftStep(context: Context): string {
  const { execution, config } = context;
  if (execution.dryRun) return '';
  const left = execution.notApplied.filter((n) => !n.why.startsWith('not applicable')).length;
  if (left === 0) return '';
  const byBudget = execution.notApplied.some((n) => n.why.startsWith('max-writes-per-run'));
  const max = config.maxWritesPerRun;
  if (!byBudget || max === 0) return `let the next run try the ${plural(left, 'write')} left again.`;
  return (
    `let the next ${plural(Math.ceil(left / max), 'run')} write the ${plural(left, 'write')} left, ` +
    `${count(max)} a run (\`max-writes-per-run\`; statuses first).`
  );
}

function fixed(n: number): string {
  return decimal(n, { maximumFractionDigits: 2 });
}

/** Little's law, with its inputs (README "`wip-limit: auto`"). */
function adaptiveLine(a: AdaptiveLimit): string {
  const range = `[${count(a.min)}, ${a.max === null ? 'no maximum' : count(a.max)}]`;
  return (
    `Limit \`auto\`: ${plural(a.mergedInWindow, 'PR')} merged in the last ${plural(a.windowDays, 'day')} = ${fixed(a.perDay)} per day` +
    ` × ${plural(a.targetReviewDays, 'target review day')} = ${count(a.raw)}, clamped to ${range} → **${count(a.limit)}**`
  );
}

/** What happens next to a gate's PR, in its reader's terms; '' for an admitted or exempt PR. */
function subjectNext(context: Context, subject: Decision): string {
  const check = `the \`${escapeMarkdown(context.config.statusContext)}\` status`;
  if (subject.state === 'violation')
    return `Next: its author acts on the reason above; ${check} is judged again at the PR's next event or the next sweep.`;
  if (subject.state !== 'waiting') return '';
  const when = subject.waitingOnArea
    ? `when rule ${escapeMarkdown(subject.waitingOnArea.rule)} has room`
    : `when room frees up${subject.eta ? ` (${expectedIn(subject.eta)})` : ''}`;
  return `Next: nothing to do; ${check} turns green by itself ${when}.`;
}

function subjectSection(context: Context): string {
  const subject = context.plan.subject;
  if (!subject) return '';
  const by = author(context, subject.number);
  const next = subjectNext(context, subject);
  return [
    `### This PR: ${prLink(context, subject.number)} ${title(context, subject.number)}${by ? ` by ${by}` : ''}`,
    '',
    `**${escapeMarkdown(subject.summary)}**`,
    ...subject.violations.map((v) => `- ${escapeMarkdown(v.reason)} (rule ${escapeMarkdown(v.rule)})`),
    ...(next ? ['', next] : []),
    ...(subject.stale
      ? [
          '',
          `Whose move: ${subject.stale.whoseMove === 'author' ? "the author's" : "the maintainers'"}` +
            ` (${escapeMarkdown(subject.stale.reason)}).`
        ]
      : [])
  ].join('\n');
}

function countsSection(context: Context): string {
  const { plan } = context;
  const states: State[] = ['admitted', 'waiting', 'violation', 'exempt'];
  // Here a gate read the whole queue (a path rule or a glob exemption needs it).
  const scope = plan.mode === 'gate' ? 'every open PR, read because a rule needs the whole queue' : 'every open PR';
  return [
    '### Counts',
    '',
    table(
      ['state', 'PRs'],
      states.map((s) => [s, count(byState(plan, s).length)])
    ),
    '',
    `${plural(plan.decisions.length, 'PR')} evaluated: ${scope}.`
  ].join('\n');
}

function queueRow(context: Context, d: Decision): string[] {
  return [
    d.position === undefined ? '' : count(d.position),
    prLink(context, d.number),
    title(context, d.number),
    author(context, d.number),
    age(context, d.number),
    d.priority ? 'priority' : ''
  ];
}

/** Why a PR waits, in the reader's terms: "area docs full (6/6)", "@ann full (2/2)" or "beyond the limit". */
function waitingWhy(d: Decision): string {
  const area = d.waitingOnArea;
  const reviewer = d.waitingOnReviewer;
  if (d.yielded !== undefined) return `the author's move for ${plural(d.yielded, 'day')}: seat given up`;
  if (reviewer)
    return `${escapeMarkdown(`@${reviewer.reviewer}`)} full (${count(reviewer.admitted)}/${count(reviewer.limit)})`;
  return area
    ? `area ${escapeMarkdown(area.rule)} full (${count(area.admitted)}/${count(area.maxOpen)})`
    : 'beyond the limit';
}

/** The expected wait the core computed (Little's law), or why there is none. */
function expectedWaitCell(context: Context, d: Decision): string {
  if (d.eta) return `~${plural(Math.ceil(d.eta.days), 'day')}`;
  if (d.waitingOnArea) return `when ${escapeMarkdown(d.waitingOnArea.rule)} has room`;
  return context.plan.pace && context.plan.pace.perDay <= 0 ? 'unknown: no merges' : 'n/a';
}

const HEADER = ['position', 'PR', 'title', 'author', 'age', 'priority'];

function priorityNote(context: Context, decisions: Decision[]): string[] {
  const labels = context.config.priorityLabels;
  const priority = decisions.filter((d) => d.priority).length;
  if (labels.length === 0 || priority === 0) return [];
  return [
    '',
    `${count(priority)} of these ${count(decisions.length)} carry a priority label (${labels.map((l) => escapeMarkdown(l)).join(', ')}) ` +
      `and come before every PR without one.`
  ];
}

function admittedSection(context: Context): string {
  const decisions = byState(context.plan, 'admitted');
  if (decisions.length === 0) return '';
  const shownNote =
    decisions.length > MAX_ROWS
      ? ` (first ${MAX_ROWS} of ${count(decisions.length)})`
      : ` (${count(decisions.length)})`;
  return [
    `### Admitted${shownNote}`,
    ...priorityNote(context, decisions),
    '',
    folded(
      `The ${decisions.length > MAX_ROWS ? `first ${count(MAX_ROWS)} ` : ''}admitted PRs in queue order`,
      bounded(decisions, MAX_ROWS, (shown) =>
        table(
          HEADER,
          shown.map((d) => queueRow(context, d))
        )
      ),
      Math.min(decisions.length, MAX_ROWS)
    )
  ].join('\n');
}

/**
 * The first waiting PRs of each reason, in queue order: the first rows of a
 * busy queue are often all waiting on one full area, and the rows beyond the
 * limit (the ones with an expected wait) would never show.
 */
function waitingSection(context: Context): string {
  const decisions = byState(context.plan, 'waiting');
  if (decisions.length === 0) return '';
  const groups = new Map<string, Decision[]>();
  for (const d of decisions) {
    const why = waitingWhy(d);
    const group = groups.get(why);
    if (group) group.push(d);
    else groups.set(why, [d]);
  }
  const perGroup = Math.max(5, Math.ceil(MAX_WAITING_ROWS / groups.size));
  const shown = [...groups.values()]
    .flatMap((group) => group.slice(0, perGroup))
    .sort((a, b) => (a.position ?? 0) - (b.position ?? 0));
  const reasons = [...groups.entries()].map(([why, group]) => `${why}: ${count(group.length)}`).join(' · ');
  const shownNote =
    shown.length < decisions.length
      ? ` (${count(decisions.length)}; the first of each reason shown)`
      : ` (${count(decisions.length)})`;
  const pace = context.plan.pace;
  const paceLine =
    pace && pace.perDay > 0
      ? [
          `Expected waits by Little's law: the PRs ahead beyond the limit ÷ ${paceText(pace.perDay)}` +
            ` merges a day (the last ${plural(pace.windowDays, 'day')}).`
        ]
      : [];
  const rows = shown.map((d) => [...queueRow(context, d), waitingWhy(d), expectedWaitCell(context, d)]);
  return [
    `### Waiting${shownNote}`,
    '',
    `Why: ${reasons}.`,
    ...priorityNote(context, decisions),
    ...(paceLine.length > 0 ? ['', ...paceLine] : []),
    '',
    folded(
      `The ${shown.length < decisions.length ? 'first waiting PRs of each reason' : 'waiting PRs'} in queue order`,
      [
        table([...HEADER, 'why', 'expected wait'], rows),
        ...(shown.length < decisions.length ? ['', `… and ${count(decisions.length - shown.length)} more.`] : [])
      ].join('\n'),
      rows.length
    )
  ].join('\n');
}

/** The budget as the reader set it: `max-open-per-author`, or `require-owner` (rule agents) for a file rule. */
function settingText(v: Decision['violations'][number]): string {
  const setting = violationSetting(v);
  return setting.rule === undefined
    ? `\`${setting.budget}\``
    : `\`${setting.budget}\` (rule ${escapeMarkdown(setting.rule)})`;
}

/** Violations grouped by the budget they break, with the authors most affected; then the first rows. */
function violationsSection(context: Context): string {
  const violating = byState(context.plan, 'violation');
  if (violating.length === 0) return '';
  const groups = new Map<string, { prs: Set<number>; authors: Map<string, number> }>();
  for (const d of violating) {
    const login = context.prs.get(d.number)?.author ?? '';
    for (const v of d.violations) {
      const key = settingText(v);
      const group = groups.get(key) ?? { prs: new Set<number>(), authors: new Map<string, number>() };
      if (!group.prs.has(d.number)) group.authors.set(login, (group.authors.get(login) ?? 0) + 1);
      group.prs.add(d.number);
      groups.set(key, group);
    }
  }
  const byPrs = [...groups.entries()].sort((x, y) => y[1].prs.size - x[1].prs.size || byCodeUnits(x[0], y[0]));
  const mostAffected = (authors: Map<string, number>) => {
    const top = [...authors.entries()]
      .filter(([login]) => login !== '')
      .sort((x, y) => y[1] - x[1] || byCodeUnits(x[0], y[0]));
    const shown = top.slice(0, MAX_AFFECTED_AUTHORS).map(([login, n]) => `${escapeMarkdown(login)} (${count(n)})`);
    return top.length > MAX_AFFECTED_AUTHORS
      ? `${shown.join(', ')} and ${count(top.length - MAX_AFFECTED_AUTHORS)} more`
      : shown.join(', ');
  };
  const rows = violating.flatMap((d) =>
    d.violations.map((v) => [
      prLink(context, d.number),
      title(context, d.number),
      author(context, d.number),
      settingText(v),
      escapeMarkdown(v.reason)
    ])
  );
  return [
    `### Violations (${count(violating.length)})`,
    '',
    'These PRs break a rule and take no place in line until their author acts.',
    '',
    table(
      ['budget', 'PRs', 'authors most affected'],
      byPrs.map(([key, group]) => [key, count(group.prs.size), mostAffected(group.authors)])
    ),
    '',
    folded(
      `The first ${count(MAX_VIOLATION_ROWS)} in queue order, with the reason each one shows`,
      bounded(rows, MAX_VIOLATION_ROWS, (shown) => table(['PR', 'title', 'author', 'budget', 'reason'], shown)),
      Math.min(rows.length, MAX_VIOLATION_ROWS)
    )
  ].join('\n');
}

function issueLink(context: Context, number: number): string {
  const { owner, name } = context.snapshot.repository;
  return /^[\w.-]+$/.test(owner) && /^[\w.-]+$/.test(name)
    ? `[#${number}](https://github.com/${owner}/${name}/issues/${number})`
    : `#${number}`;
}

/** Issues that several open PRs close: the holder goes first, the rest are duplicates (one-pr-per-issue). */
function sharedIssuesSection(context: Context): string {
  const shared = context.plan.sharedIssues ?? [];
  if (shared.length === 0) return '';
  const rows = shared.map((issue) => [
    issueLink(context, issue.number),
    issue.holder === undefined ? 'none (no PR in line)' : prLink(context, issue.holder),
    numberList(
      context,
      issue.pullRequests.filter((n) => n !== issue.holder)
    )
  ]);
  return [
    `### Issues with more than one open PR (${count(shared.length)})`,
    '',
    'The first PR in line holds the issue; the others can work together there.',
    '',
    folded(
      'Each issue, its holder and the other PRs',
      bounded(rows, MAX_ROWS, (shown) => table(['issue', 'held by', 'other PRs'], shown)),
      Math.min(rows.length, MAX_ROWS)
    )
  ].join('\n');
}

function authorsSection(context: Context): string {
  const tally = new Map<string, Record<'admitted' | 'waiting' | 'violation', number>>();
  for (const d of context.plan.decisions) {
    const login = context.prs.get(d.number)?.author;
    if (!login || d.state === 'exempt') continue;
    const row = tally.get(login) ?? { admitted: 0, waiting: 0, violation: 0 };
    row[d.state] += 1;
    tally.set(login, row);
  }
  const total = (r: Record<string, number>) => Object.values(r).reduce((a, b) => a + b, 0);
  const top = [...tally.entries()]
    .sort((a, b) => total(b[1]) - total(a[1]) || byCodeUnits(a[0], b[0]))
    .slice(0, MAX_AUTHORS);
  if (top.length === 0) return '';
  return [
    `### Authors with the most open PRs`,
    '',
    table(
      ['author', 'open', 'admitted', 'waiting', 'violations'],
      top.map(([login, r]) => [
        escapeMarkdown(login),
        count(total(r)),
        count(r.admitted),
        count(r.waiting),
        count(r.violation)
      ])
    ),
    ...(tally.size > MAX_AUTHORS ? ['', `… and ${plural(tally.size - MAX_AUTHORS, 'more author')}.`] : [])
  ].join('\n');
}

/** A stale write the plan made for the PR that the run did not apply (budget, fault): the mark is left for the next run. */
function deferredStaleWrite(context: Context, number: number): boolean {
  return !context.execution.dryRun && context.execution.notApplied.some(({ op }) => op.unit === staleMarkUnit(number));
}

function staleOutcome(context: Context, d: Decision): string {
  const would = context.execution.dryRun ? 'would be ' : '';
  switch (d.stale?.action) {
    case 'mark':
      if (context.execution.dryRun || staledNumbers(context.plan, context.taken).includes(d.number))
        return `${would}marked stale`;
      return deferredStaleWrite(context, d.number)
        ? 'would mark: deferred to the next run'
        : 'mark not applied (see the writes below)';
    case 'unmark':
      return `${would}unmarked: active again`;
    case 'close': {
      if (context.plan.deferredCloses.includes(d.number)) return 'close left for the next run (max-closes-per-run)';
      if (context.taken.some((op) => op.kind === 'close' && op.number === d.number)) return `${would}closed`;
      if (context.plan.writes.some((op) => op.kind === 'close' && op.number === d.number))
        return 'close not applied (see the writes below)';
      return context.plan.keptOpen.includes(d.number)
        ? 'stays marked: the author has write access, so it is never closed'
        : 'stays marked';
    }
    default:
      return '';
  }
}

function staleSection(context: Context): string {
  const { config } = context;
  // Only a sweep runs the lifecycle; a gate shows whose move its PR is in its own section.
  if (config.stale.days === 0 || context.plan.mode !== 'sweep') return '';
  const acted = context.plan.decisions.filter((d) => d.stale && d.stale.action !== 'none');
  const staled = staledNumbers(context.plan, context.taken);
  const closed = closedNumbers(context.taken).filter((n) =>
    context.plan.decisions.some((d) => d.number === n && d.stale?.action === 'close')
  );
  const verb = context.execution.dryRun ? 'Would mark' : 'Marked';
  const closeVerb = context.execution.dryRun ? 'would close' : 'closed';
  const deferred = acted.filter((d) => d.stale?.action === 'mark' && deferredStaleWrite(context, d.number)).length;
  const intro =
    `PRs waiting on their author go stale after ${plural(config.stale.days, 'day')} without activity` +
    (config.stale.closeDays > 0
      ? ` and close ${plural(config.stale.closeDays, 'day')} later.`
      : '; they are never closed.') +
    ` ${verb} ${count(staled.length)}, ${closeVerb} ${count(closed.length)}` +
    (deferred > 0 ? `; would mark ${count(deferred)}, deferred to the next run (writes not applied, see below).` : '.');
  if (acted.length === 0) return [`### Stale`, '', intro].join('\n');
  return [
    `### Stale`,
    '',
    intro,
    '',
    foldedRows('Each PR the lifecycle acted on', acted, (shown) =>
      table(
        ['PR', 'title', 'author', 'idle days', 'whose move', 'outcome'],
        shown.map((d) => [
          prLink(context, d.number),
          title(context, d.number),
          author(context, d.number),
          count(d.stale!.idleDays),
          escapeMarkdown(`${d.stale!.whoseMove}: ${d.stale!.reason}`),
          staleOutcome(context, d)
        ])
      )
    )
  ].join('\n');
}

/** Review capacity per reviewer: who is overloaded, who is idle, and the maintainers' own backlog. */
function reviewersSection(context: Context): string {
  const rows = context.plan.reviewers;
  if (!rows || rows.length === 0) return '';
  const overloaded = rows.filter((r) => r.state === 'overloaded').length;
  const idle = rows.filter((r) => r.state === 'idle').length;
  const backlog = rows.reduce((sum, r) => sum + r.neglected, 0);
  const days = (n: number | undefined) => (n === undefined ? 'n/a' : `~${plural(Math.ceil(n), 'day')}`);
  return [
    `### Reviewers (${count(rows.length)})`,
    '',
    `${plural(overloaded, 'reviewer')} overloaded (every seat taken and PRs waiting), ${count(idle)} idle (nothing admitted ` +
      `waiting on them).` +
      (backlog > 0
        ? ` ${plural(backlog, 'PR')} ${backlog === 1 ? 'has' : 'have'} waited on the maintainers for ` +
          `${plural(neglectDays(context.config), 'day')} or more (the backlog column).`
        : ''),
    '',
    foldedRows('Each reviewer, the most requested first', rows, (shown) =>
      table(
        [
          'reviewer',
          'requested',
          'admitted',
          'reviews a week',
          'limit',
          'expected wait',
          'oldest review owed',
          'backlog',
          ''
        ],
        shown.map((r) => [
          escapeMarkdown(`@${r.reviewer}`),
          count(r.requested),
          count(r.admitted),
          r.perWeek === undefined ? 'n/a' : fixed(r.perWeek),
          r.limit === undefined ? 'none' : count(r.limit),
          days(r.expectedWaitDays),
          r.oldestOwedDays === undefined ? '' : plural(r.oldestOwedDays, 'day'),
          count(r.neglected),
          r.state === 'ok' ? '' : r.state
        ])
      )
    )
  ].join('\n');
}

function neglectedSection(context: Context): string {
  const neglected = context.plan.decisions
    .filter((d) => d.stale?.neglected)
    .sort((a, b) => b.stale!.idleDays - a.stale!.idleDays);
  if (neglected.length === 0) return '';
  return [
    `### Neglected (${count(neglected.length)})`,
    '',
    // With stale off, stale-days is 0: the threshold is the one the core applied.
    `Waiting on the maintainers for ${plural(neglectDays(context.config), 'day')} or more: these are never marked stale or closed.`,
    '',
    foldedRows('Each neglected PR, oldest first', neglected, (shown) =>
      table(
        ['PR', 'title', 'author', 'idle days', 'waiting on the maintainers because'],
        shown.map((d) => [
          prLink(context, d.number),
          title(context, d.number),
          author(context, d.number),
          count(d.stale!.idleDays),
          escapeMarkdown(d.stale!.reason)
        ])
      )
    )
  ].join('\n');
}

/** Locked PRs the lifecycle skipped although it would have marked or closed them: maintainers may want to look. */
function lockedSection(context: Context): string {
  if (context.plan.mode !== 'sweep') return '';
  const skipped = context.plan.decisions.filter((d) => d.stale?.lockedSkip);
  if (skipped.length === 0) return '';
  return [
    `### Locked (${count(skipped.length)})`,
    '',
    'These conversations are locked, so the stale lifecycle leaves them alone and ' +
      'the action posts no comment on them; without the lock they would have been marked or closed.',
    '',
    foldedRows('Each locked PR', skipped, (shown) =>
      table(
        ['PR', 'title', 'author', 'idle days', 'would have been'],
        shown.map((d) => [
          prLink(context, d.number),
          title(context, d.number),
          author(context, d.number),
          count(d.stale!.idleDays),
          `${d.stale!.lockedSkip === 'close' ? 'closed' : 'marked stale'} (${escapeMarkdown(d.stale!.reason)})`
        ])
      )
    )
  ].join('\n');
}

function historySection(context: Context): string {
  const flow = context.plan.flow;
  if (!flow) return '';
  return [`### Inflow, merges and the open queue`, '', weeklyChart(flow)].join('\n');
}

/** One line per write, PR-derived parts escaped. */
function describeOne(op: WriteOp): string {
  return describeWrite(op, { form: 'do', escape: escapeMarkdown, detail: true });
}

const KIND_NAMES: Record<WriteOp['kind'], string> = {
  'create-label': 'labels created',
  status: 'statuses',
  'add-label': 'labels added',
  'remove-label': 'labels removed',
  'sticky-comment': 'backpressure comments',
  comment: 'stale and close comments',
  'delete-comment': 'duplicate comments deleted',
  close: 'closes',
  'stamp-label': 'queue state recorded',
  'request-review': 'review requests'
};

function tallyByKind(ops: WriteOp[]): string {
  const tally = new Map<WriteOp['kind'], number>();
  for (const op of ops) tally.set(op.kind, (tally.get(op.kind) ?? 0) + 1);
  return [...tally.entries()].map(([kind, n]) => `${KIND_NAMES[kind]}: ${count(n)}`).join(' · ');
}

/** A bullet list of the first MAX_ROWS items: only those are described, of a run's thousands of writes. */
function writeList<T>(items: T[], describe: (item: T) => string): string {
  return bounded(items, MAX_ROWS, (shown) => shown.map((item) => `- ${describe(item)}`).join('\n'));
}

/** writeList, folded when it runs past a screen. */
function foldedWriteList<T>(summary: string, items: T[], describe: (item: T) => string): string {
  return folded(summary, writeList(items, describe), Math.min(items.length, MAX_ROWS));
}

/** One group per reason: a budget that stops a run leaves thousands of writes with the same why. */
function notAppliedList(notApplied: ExecutionReport['notApplied']): string {
  const byWhy = new Map<string, WriteOp[]>();
  for (const { op, why } of notApplied) {
    const group = byWhy.get(why);
    if (group) group.push(op);
    else byWhy.set(why, [op]);
  }
  return [...byWhy.entries()]
    .map(([why, ops]) => {
      const shown = writeList(ops.slice(0, MAX_NOT_APPLIED_SHOWN), describeOne);
      const more =
        ops.length > MAX_NOT_APPLIED_SHOWN ? `\n\n… and ${count(ops.length - MAX_NOT_APPLIED_SHOWN)} more.` : '';
      return `${escapeMarkdown(why)} (${tallyByKind(ops)}):\n\n${shown}${more}`;
    })
    .join('\n\n');
}

function writesSection(context: Context): string {
  const { execution } = context;
  const lines: string[] = [];
  if (execution.dryRun) {
    const would = execution.notApplied.map((n) => n.op);
    lines.push(`### Would write (${count(would.length)})`, '');
    lines.push(
      would.length === 0
        ? 'Nothing: every PR already shows its state.'
        : `${tallyByKind(would)}\n\n${foldedWriteList('Each write, in order', would, describeOne)}`
    );
  } else {
    lines.push(`### Writes (${count(execution.applied.length)})`, '');
    lines.push(
      execution.applied.length === 0
        ? 'Nothing written: every PR already showed its state.'
        : `${tallyByKind(execution.applied)}\n\n${foldedWriteList('Each write, in order', execution.applied, describeOne)}`
    );
    if (execution.notApplied.length > 0) {
      lines.push(
        '',
        `**Not applied (${count(execution.notApplied.length)})**`,
        '',
        notAppliedList(execution.notApplied)
      );
    }
  }
  if (execution.warnings.length > 0) {
    lines.push('', '**Warnings**', '', writeList(execution.warnings, escapeMarkdown));
  }
  return lines.join('\n');
}

function leftSection(context: Context): string {
  const { plan, execution } = context;
  const lines: string[] = [];
  if (plan.deferredCloses.length > 0) {
    lines.push(
      `- ${plural(plan.deferredCloses.length, 'close')} held back by max-closes-per-run (${count(context.config.maxClosesPerRun)})` +
        `: ${numberList(context, plan.deferredCloses)}`
    );
  }
  // Comments refused on a locked conversation are not applicable, not left over.
  const left = execution.notApplied.filter((n) => !n.why.startsWith('not applicable'));
  if (!execution.dryRun && left.length > 0) {
    lines.push(`- ${plural(left.length, 'write')} not applied; the next run plans them again.`);
  }
  return lines.length === 0 ? '' : ['### Left for the next run', '', ...lines].join('\n');
}

const SOURCE_ORDER = { input: 0, file: 1, default: 2 } as const;

/**
 * Each effective setting and where it came from (input > file > default):
 * one line naming what the inputs and the file set, then every setting in a
 * folded table.
 */
function settingsSection(context: Context): string {
  const { config } = context;
  const settings = Object.entries(config.settings);
  if (settings.length === 0) return '';
  const file = `\`${escapeMarkdown(config.configPath)}\``;
  const names = (source: keyof typeof SOURCE_ORDER) =>
    settings.filter(([, s]) => s.source === source).map(([name]) => `\`${name}\``);
  const overridden = settings
    .filter(([, s]) => s.source === 'input' && 'overrides' in s)
    .map(([name]) => `\`${name}\``);
  const fromInputs = names('input');
  const fromFile = [...names('file'), ...overridden.map((name) => `${name} (overridden by its input)`)];
  const line = [
    fromInputs.length > 0 ? `From the inputs: ${fromInputs.join(', ')}.` : 'No input is set.',
    fromFile.length > 0 ? `From ${file}: ${fromFile.join(', ')}.` : `Nothing from ${file}.`,
    'Every other setting is its built-in default.'
  ].join(' ');
  const from = (s: (typeof settings)[number][1]) =>
    s.source === 'input'
      ? 'overrides' in s
        ? `input (the file says ${escapeMarkdown(settingValueText(s.overrides))})`
        : 'input'
      : s.source === 'file'
        ? 'file'
        : 'default';
  const rows = [...settings]
    .sort(([, a], [, b]) => SOURCE_ORDER[a.source] - SOURCE_ORDER[b.source])
    .map(([name, s]) => [`\`${name}\``, escapeMarkdown(settingValueText(s.value)), from(s)]);
  return [
    '### Settings',
    '',
    line,
    '',
    folded(
      `Every setting (${count(rows.length)}), its value and where it came from`,
      table(['setting', 'value', 'from'], rows),
      Number.POSITIVE_INFINITY
    )
  ].join('\n');
}

function requestsSection(context: Context): string {
  const r = context.execution.requests;
  const run = context.runUrl && /^https:\/\/[^\s()<>]+$/.test(context.runUrl) ? ` · [this run](${context.runUrl})` : '';
  const line =
    `<sub>Requests: ${plural(r.graphql, 'GraphQL query', 'GraphQL queries')} (${plural(r.graphqlCost, 'point')})` +
    `, ${plural(r.restReads, 'REST read')}, ${plural(r.restWrites, 'REST write')}${run}</sub>`;
  return [...readingNotes(context), line].join('\n\n');
}

/** How the read went where it matters to trust: pages GitHub could not answer whole, lists GitHub cuts. */
function readingNotes(context: Context): string[] {
  const r = context.execution.requests;
  const notes: string[] = [];
  if (r.pagesShrunk) {
    notes.push(
      `> GitHub failed ${plural(r.pagesShrunk, 'query', 'queries')} as too heavy; ` +
        `pages were shrunk (down to ${count(r.smallestPage ?? 0)}) and everything was still read.`
    );
  }
  if (r.filesCapped?.length) {
    notes.push(
      `> GitHub lists at most 3,000 changed files per PR; \`paths\` rules saw only those of ${numberList(context, r.filesCapped)}.`
    );
  }
  return notes;
}
