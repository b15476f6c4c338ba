// The job summary (spec §7): the queue at a glance, how the limit was set,
// who is admitted, waiting or in violation, what the run wrote (or would
// have), and inflow versus throughput. Every PR-derived string is escaped.
import { WRITE_ASSOCIATIONS, type Config } from '../config/types.js';
import type { AdaptiveLimit, Decision, ExecutionReport, Plan, PullRequest, Snapshot, State, WriteOp } from '../core/types.js';
import { adaptiveLimit, expectedWaitDays } from '../core/adaptive.js';
import { neglectDays } from '../core/stale.js';
import { escapeMarkdown, truncate } from './escape.js';
import { weeklyChart } from './mermaid.js';
import { closedNumbers, staledNumbers, writesTaken } from './outputs.js';

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
const MAX_NOT_APPLIED_SHOWN = 10;
const TITLE_MAX = 80;
const DAY_MS = 86_400_000;

const count = (n: number) => n.toLocaleString('en-US');
const plural = (n: number, one: string, many = `${one}s`) => `${count(n)} ${n === 1 ? one : many}`;

/** Lookups the sections share. */
interface Context extends SummaryInput {
  prs: Map<number, PullRequest>;
  taken: WriteOp[];
}

export function renderSummary(input: SummaryInput): string {
  const context: Context = { ...input, prs: new Map(input.snapshot.pullRequests.map((p) => [p.number, p])), taken: writesTaken(input.plan, input.execution) };
  // A gate that decided from search counts read only its own PR: tables of one row would mislead.
  const onlyTheSubject = input.plan.mode === 'gate' && input.plan.decisions.length <= 1;
  const queueSections = onlyTheSubject
    ? ['This gate counted the PRs ahead of this one with search and read no other PR; the scheduled sweep\'s summary shows the whole queue.']
    : [
        countsSection(context),
        queueSection(context, 'admitted', 'Admitted', MAX_ROWS),
        queueSection(context, 'waiting', 'Waiting', MAX_WAITING_ROWS),
        violationsSection(context),
        authorsSection(context)
      ];
  const sections = [
    titleLine(context),
    // A gate's reader came for their own PR: its decision comes first.
    subjectSection(context),
    overview(context),
    ...queueSections,
    staleSection(context),
    neglectedSection(context),
    historySection(context),
    writesSection(context),
    leftSection(context),
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
  const align = header.map((h) => (/^(#|position|open|admitted|waiting|violations|idle days|PRs|writes)$/.test(h) ? '---:' : '---'));
  return [`| ${header.join(' | ')} |`, `|${align.join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

/** The first `max` items rendered by `render`, then a line saying how many were left out. */
function bounded<T>(items: T[], max: number, render: (shown: T[]) => string): string {
  const shown = render(items.slice(0, max));
  return items.length > max ? `${shown}\n\n… and ${count(items.length - max)} more.` : shown;
}

function numberList(context: Context, numbers: number[]): string {
  const shown = numbers.slice(0, MAX_ROWS).map((n) => prLink(context, n));
  return numbers.length > MAX_ROWS ? `${shown.join(', ')} … and ${count(numbers.length - MAX_ROWS)} more` : shown.join(', ');
}

const byState = (plan: Plan, state: State) => plan.decisions.filter((d) => d.state === state);

// ---- sections ------------------------------------------------------------

function titleLine(context: Context): string {
  const { repository } = context.snapshot;
  return `## PR Backpressure: ${context.plan.mode} of ${escapeMarkdown(repository.owner)}/${escapeMarkdown(repository.name)}`;
}

function overview(context: Context): string {
  const { plan, execution } = context;
  const limit = plan.wipLimit > 0 ? `WIP limit **${count(plan.wipLimit)}**${plan.adaptive ? ' (auto)' : ''}` : 'no WIP limit';
  const lines = [`**${plural(plan.queueSize, 'PR')}** in the review queue · ${limit}`];
  if (plan.adaptive) lines.push('', adaptiveLine(plan.adaptive), '', expectedWaitLine(context, plan.adaptive));
  if (execution.dryRun) lines.push('', '> [!NOTE]', '> Dry run: nothing was written. The writes below are what the action would have done.');
  return lines.join('\n');
}

function fixed(n: number): string {
  return n.toLocaleString('en-US', { maximumFractionDigits: 2 });
}

/** Little's law, with its inputs (spec §6). */
function adaptiveLine(a: AdaptiveLimit): string {
  const range = `[${count(a.min)}, ${a.max === null ? 'no maximum' : count(a.max)}]`;
  return (
    `Limit \`auto\`: ${plural(a.mergedInWindow, 'PR')} merged in the last ${plural(a.windowDays, 'day')} = ${fixed(a.perDay)} per day` +
    ` × ${plural(a.targetReviewDays, 'target review day')} = ${count(a.raw)}, clamped to ${range} → **${count(a.limit)}**`
  );
}

function expectedWaitLine(context: Context, a: AdaptiveLimit): string {
  const last = byState(context.plan, 'waiting').at(-1);
  if (!last || last.position === undefined) return 'No PR is waiting.';
  const beyond = last.position - context.plan.wipLimit;
  const at = `The last waiting PR, ${prLink(context, last.number)} at position ${count(last.position)}`;
  if (beyond <= 0) {
    const rule = last.waitingOnRule ? ` (rule ${escapeMarkdown(last.waitingOnRule)})` : '';
    return `${at}, waits for room in its area${rule}, not for the WIP limit: there is no estimate of its wait.`;
  }
  const who = `${at}, is ${count(beyond)} beyond the limit`;
  if (a.perDay <= 0) return `${who}; no PR was merged in the window, so there is no estimate of its wait.`;
  return `${who}: at ${fixed(a.perDay)} merges per day it can expect to wait about ${plural(Math.ceil(beyond / a.perDay), 'day')} (${count(beyond)} / ${fixed(a.perDay)}).`;
}

function subjectSection(context: Context): string {
  const subject = context.plan.subject;
  if (!subject) return '';
  const by = author(context, subject.number);
  return [
    `### This PR: ${prLink(context, subject.number)} ${title(context, subject.number)}${by ? ` by ${by}` : ''}`,
    '',
    `**${escapeMarkdown(subject.summary)}**`,
    ...subject.violations.map((v) => `- ${escapeMarkdown(v.reason)} (rule ${escapeMarkdown(v.rule)})`)
  ].join('\n');
}

function countsSection(context: Context): string {
  const { plan } = context;
  const states: State[] = ['admitted', 'waiting', 'violation', 'exempt'];
  // Here a gate read the whole queue (a path rule or a glob exemption needs it).
  const scope = plan.mode === 'gate' ? 'every open PR, read because a rule needs the whole queue' : 'every open PR';
  return ['### Counts', '', table(['state', 'PRs'], states.map((s) => [s, count(byState(plan, s).length)])), '', `${plural(plan.decisions.length, 'PR')} evaluated: ${scope}.`].join('\n');
}

function queueRow(context: Context, d: Decision): string[] {
  return [d.position === undefined ? '' : count(d.position), prLink(context, d.number), title(context, d.number), author(context, d.number), age(context, d.number)];
}

/** Merges per day over the throughput window, when the run read the history. */
function mergesPerDay(context: Context): number | undefined {
  if (context.plan.adaptive) return context.plan.adaptive.perDay;
  const history = context.snapshot.history;
  return history ? adaptiveLimit(history, context.config.adaptive).perDay : undefined;
}

/** Little's law for one waiting PR: the PRs ahead of it beyond the limit, at the merge pace. */
function expectedWait(context: Context, d: Decision, perDay: number): string {
  if (d.waitingOnRule || d.position === undefined || context.plan.wipLimit === 0) return 'n/a';
  const days = expectedWaitDays(d.position, context.plan.wipLimit, perDay);
  return days === null ? 'n/a' : `~${plural(Math.ceil(days), 'day')}`;
}

function queueSection(context: Context, state: 'admitted' | 'waiting', heading: string, max: number): string {
  const decisions = byState(context.plan, state);
  if (decisions.length === 0) return '';
  const shownNote = decisions.length > max ? ` (first ${max} of ${count(decisions.length)})` : ` (${count(decisions.length)})`;
  const perDay = state === 'waiting' ? mergesPerDay(context) : undefined;
  const header = ['position', 'PR', 'title', 'author', 'age', ...(perDay === undefined ? [] : ['expected wait'])];
  const row = (d: Decision) => [...queueRow(context, d), ...(perDay === undefined ? [] : [expectedWait(context, d, perDay)])];
  return [`### ${heading}${shownNote}`, '', bounded(decisions, max, (shown) => table(header, shown.map(row)))].join('\n');
}

function violationsSection(context: Context): string {
  const rows = byState(context.plan, 'violation').flatMap((d) =>
    d.violations.map((v) => [prLink(context, d.number), title(context, d.number), author(context, d.number), escapeMarkdown(v.rule), escapeMarkdown(v.reason)])
  );
  if (rows.length === 0) return '';
  return [
    `### Violations (${count(byState(context.plan, 'violation').length)})`,
    '',
    'These PRs break a rule and take no place in line until their author acts.',
    '',
    bounded(rows, MAX_ROWS, (shown) => table(['PR', 'title', 'author', 'rule', 'reason'], shown))
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
  const top = [...tally.entries()].sort((a, b) => total(b[1]) - total(a[1]) || a[0].localeCompare(b[0])).slice(0, MAX_AUTHORS);
  if (top.length === 0) return '';
  return [
    `### Authors with the most open PRs`,
    '',
    table(
      ['author', 'open', 'admitted', 'waiting', 'violations'],
      top.map(([login, r]) => [escapeMarkdown(login), count(total(r)), count(r.admitted), count(r.waiting), count(r.violation)])
    ),
    ...(tally.size > MAX_AUTHORS ? ['', `… and ${plural(tally.size - MAX_AUTHORS, 'more author')}.`] : [])
  ].join('\n');
}

function staleOutcome(context: Context, d: Decision): string {
  const would = context.execution.dryRun ? 'would be ' : '';
  switch (d.stale?.action) {
    case 'mark':
      return `${would}marked stale`;
    case 'unmark':
      return `${would}unmarked: active again`;
    case 'close': {
      if (context.plan.deferredCloses.includes(d.number)) return 'close left for the next run (max-closes-per-run)';
      if (context.plan.writes.some((op) => op.kind === 'close' && op.number === d.number)) return `${would}closed`;
      const association = context.prs.get(d.number)?.authorAssociation;
      return association && WRITE_ASSOCIATIONS.includes(association) ? 'stays marked: the author has write access, so it is never closed' : 'stays marked';
    }
    default:
      return '';
  }
}

function staleSection(context: Context): string {
  const { config } = context;
  if (config.stale.days === 0) return '';
  const acted = context.plan.decisions.filter((d) => d.stale && d.stale.action !== 'none');
  const staled = staledNumbers(context.plan, context.taken);
  const closed = closedNumbers(context.taken).filter((n) => context.plan.decisions.some((d) => d.number === n && d.stale?.action === 'close'));
  const verb = context.execution.dryRun ? 'Would mark' : 'Marked';
  const closeVerb = context.execution.dryRun ? 'would close' : 'closed';
  const intro =
    `PRs waiting on their author go stale after ${plural(config.stale.days, 'day')} without activity` +
    (config.stale.closeDays > 0 ? ` and close ${plural(config.stale.closeDays, 'day')} later.` : '; they are never closed.') +
    ` ${verb} ${count(staled.length)}, ${closeVerb} ${count(closed.length)}.`;
  if (acted.length === 0) return [`### Stale`, '', intro].join('\n');
  return [
    `### Stale`,
    '',
    intro,
    '',
    bounded(acted, MAX_ROWS, (shown) =>
      table(
        ['PR', 'title', 'author', 'idle days', 'outcome'],
        shown.map((d) => [prLink(context, d.number), title(context, d.number), author(context, d.number), count(d.stale!.idleDays), staleOutcome(context, d)])
      )
    )
  ].join('\n');
}

function neglectedSection(context: Context): string {
  const neglected = context.plan.decisions.filter((d) => d.stale?.neglected).sort((a, b) => b.stale!.idleDays - a.stale!.idleDays);
  if (neglected.length === 0) return '';
  return [
    `### Neglected (${count(neglected.length)})`,
    '',
    // With stale off, stale-days is 0: the threshold is the one the core applied.
    `Waiting on the maintainers for ${plural(neglectDays(context.config), 'day')} or more: these are never marked stale or closed.`,
    '',
    bounded(neglected, MAX_ROWS, (shown) =>
      table(
        ['PR', 'title', 'author', 'idle days'],
        shown.map((d) => [prLink(context, d.number), title(context, d.number), author(context, d.number), count(d.stale!.idleDays)])
      )
    )
  ].join('\n');
}

function historySection(context: Context): string {
  const history = context.snapshot.history;
  if (!history) return '';
  return [`### Inflow vs merged`, '', weeklyChart(history.weeks)].join('\n');
}

/** One line per write, PR-derived parts escaped. */
function describeWrite(op: WriteOp): string {
  switch (op.kind) {
    case 'create-label':
      return `create label "${escapeMarkdown(op.name)}"`;
    case 'status':
      return `status ${op.state} on #${op.number}: ${escapeMarkdown(op.description)}`;
    case 'add-label':
      return `add label "${escapeMarkdown(op.label)}" to #${op.number}`;
    case 'remove-label':
      return `remove label "${escapeMarkdown(op.label)}" from #${op.number}`;
    case 'sticky-comment':
      return `${op.commentId ? 'update' : 'post'} the backpressure comment on #${op.number}`;
    case 'comment':
      return `post the ${op.purpose} comment on #${op.number}`;
    case 'close':
      return `close #${op.number} (${op.reason})`;
  }
}

const KIND_NAMES: Record<WriteOp['kind'], string> = {
  'create-label': 'labels created',
  status: 'statuses',
  'add-label': 'labels added',
  'remove-label': 'labels removed',
  'sticky-comment': 'backpressure comments',
  comment: 'stale and close comments',
  close: 'closes'
};

function tallyByKind(ops: WriteOp[]): string {
  const tally = new Map<WriteOp['kind'], number>();
  for (const op of ops) tally.set(op.kind, (tally.get(op.kind) ?? 0) + 1);
  return [...tally.entries()].map(([kind, n]) => `${KIND_NAMES[kind]}: ${count(n)}`).join(' · ');
}

function writeList(ops: string[]): string {
  return bounded(ops, MAX_ROWS, (shown) => shown.map((line) => `- ${line}`).join('\n'));
}

/** One group per reason: a budget that stops a run leaves thousands of writes with the same why. */
function notAppliedList(notApplied: ExecutionReport['notApplied']): string {
  const byWhy = new Map<string, WriteOp[]>();
  for (const { op, why } of notApplied) byWhy.set(why, [...(byWhy.get(why) ?? []), op]);
  return [...byWhy.entries()]
    .map(([why, ops]) => `${escapeMarkdown(why)} (${tallyByKind(ops)}):\n\n${writeList(ops.slice(0, MAX_NOT_APPLIED_SHOWN).map(describeWrite))}${ops.length > MAX_NOT_APPLIED_SHOWN ? `\n\n… and ${count(ops.length - MAX_NOT_APPLIED_SHOWN)} more.` : ''}`)
    .join('\n\n');
}

function writesSection(context: Context): string {
  const { execution } = context;
  const lines: string[] = [];
  if (execution.dryRun) {
    const would = execution.notApplied.map((n) => n.op);
    lines.push(`### Would write (${count(would.length)})`, '');
    lines.push(would.length === 0 ? 'Nothing: every PR already shows its state.' : `${tallyByKind(would)}\n\n${writeList(would.map(describeWrite))}`);
  } else {
    lines.push(`### Writes (${count(execution.applied.length)})`, '');
    lines.push(execution.applied.length === 0 ? 'Nothing written: every PR already showed its state.' : `${tallyByKind(execution.applied)}\n\n${writeList(execution.applied.map(describeWrite))}`);
    if (execution.notApplied.length > 0) {
      lines.push('', `**Not applied (${count(execution.notApplied.length)})**`, '', notAppliedList(execution.notApplied));
    }
  }
  if (execution.warnings.length > 0) {
    lines.push('', '**Warnings**', '', writeList(execution.warnings.map((w) => escapeMarkdown(w))));
  }
  return lines.join('\n');
}

function leftSection(context: Context): string {
  const { plan, execution } = context;
  const lines: string[] = [];
  if (plan.deferredCloses.length > 0) {
    lines.push(`- ${plural(plan.deferredCloses.length, 'close')} held back by max-closes-per-run (${count(context.config.maxClosesPerRun)}): ${numberList(context, plan.deferredCloses)}`);
  }
  if (!execution.dryRun && execution.notApplied.length > 0) {
    lines.push(`- ${plural(execution.notApplied.length, 'write')} not applied; the next run plans them again.`);
  }
  return lines.length === 0 ? '' : ['### Left for the next run', '', ...lines].join('\n');
}

function requestsSection(context: Context): string {
  const r = context.execution.requests;
  const run = context.runUrl && /^https:\/\/[^\s()<>]+$/.test(context.runUrl) ? ` · [this run](${context.runUrl})` : '';
  return `<sub>Requests: ${plural(r.graphql, 'GraphQL query', 'GraphQL queries')} (${plural(r.graphqlCost, 'point')}), ${plural(r.restReads, 'REST read')}, ${plural(r.restWrites, 'REST write')}${run}</sub>`;
}
