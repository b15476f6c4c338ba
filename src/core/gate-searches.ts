// The gate's search counts (README "API use"): the issue-search queries that
// count the PRs ahead of one PR in queue order, and how their answers combine
// with the live list of the newest PRs (search lags behind PRs opened moments
// ago). Derived from the same definitions as queue.ts, areas.ts and the rules,
// so the gate and the sweep agree; src/github only sends the strings.
import type { Config } from '../config/types.js';
import { areaLabel, areaRules, waitingIsState } from './areas.js';
import { isCountable, isPriority, queueOrder, type QueueFacts } from './queue.js';
import { rateWindows } from './rate-windows.js';
import { mergedInWindowSearch } from './history-searches.js';
import { mergedByAuthorSearch, quote, repoPullRequests, searchLogin, searchTime, timeRange } from './search-terms.js';
import type { GateCounts, PullRequest } from './types.js';

const DAY_MS = 86_400_000;

/** How far behind live data the search index is assumed to be. */
export const SEARCH_LAG_MS = 5 * 60_000;
/** How many of the newest open PRs the gate reads live. */
export const RECENT_PULL_REQUESTS = 30;

export interface GateSearchInput {
  repo: { owner: string; name: string };
  config: Config;
  /** The PR the gate judges (its files are complete: area rules select by them). */
  pr: PullRequest;
  /** The newest open PRs, read live, oldest first. */
  recent: QueueFacts[];
  /** Does the PR's author fall under per-author budgets (association, not yet trust)? */
  authorLimited: boolean;
  now: Date;
  /** Also count the PRs merged in this many days before now (the merge pace for expected waits). */
  paceWindowDays?: number;
}

interface Cutoffs {
  /** Search answers for PRs created before this; the live list for the rest. */
  liveCutoff: Date;
  /** min(the PR's creation, liveCutoff): what search counts as "before the PR". */
  cutoff: Date;
}

function cutoffs(input: GateSearchInput): Cutoffs {
  const created = new Date(input.pr.createdAt);
  const oldestRecent = input.recent.length >= RECENT_PULL_REQUESTS ? new Date(input.recent[0].createdAt) : new Date(0);
  const liveCutoff = new Date(Math.max(input.now.getTime() - SEARCH_LAG_MS, oldestRecent.getTime()));
  return { liveCutoff, cutoff: new Date(Math.min(created.getTime(), liveCutoff.getTime())) };
}

/** Search terms for the countable open PRs: what `isCountable` says, as search says it. */
function countableTerms(repo: GateSearchInput['repo'], config: Config): string[] {
  return [
    repoPullRequests(repo),
    'is:open',
    config.countDrafts ? '' : 'draft:false',
    ...config.baseBranches.map((b) => `base:${quote(b)}`),
    ...config.exemptLabels.map((l) => `-label:${quote(l)}`),
    ...config.exemptAuthors.map((a) => `-author:${searchLogin(a)}`)
  ].filter(Boolean);
}

/**
 * The searches a gate sends, keyed by what they count:
 * `queue` (countable PRs), `ahead`/`priorityAhead` (countable, not in
 * violation, before the PR in queue order), with area rules `admitted…`
 * (of those, not waiting) and `area<i>…` (of those, in area rule i), and for
 * per-author budgets `authorOpen`, `opened<days>` and `merged`, and with
 * `paceWindowDays` `mergedInWindow`.
 */
export function gateSearches(input: GateSearchInput): Record<string, string> {
  const { repo, config, pr, now } = input;
  const { liveCutoff, cutoff } = cutoffs(input);
  const queue = countableTerms(repo, config);
  const before = (t: Date) => `created:<${searchTime(t)}`;
  const inLine = [...queue, `-label:${quote(config.violationLabel)}`];
  const priority = config.priorityLabels.length > 0 ? `label:${config.priorityLabels.map(quote).join(',')}` : '';
  const notPriority = config.priorityLabels.map((l) => `-label:${quote(l)}`);
  // Priority PRs come first: a priority PR counts only priority PRs created before it.
  const aheadParts: Record<string, string[]> = isPriority(pr, config)
    ? { ahead: [priority] }
    : { ahead: notPriority, ...(priority ? { priorityAhead: [priority] } : {}) };

  const searches: Record<string, string> = { queue: [...queue, before(liveCutoff)].join(' ') };
  const notWaiting = `-label:${quote(config.waitingLabel)}`;
  for (const [key, terms] of Object.entries(aheadParts)) {
    searches[key] = [...inLine, ...terms, before(cutoff)].filter(Boolean).join(' ');
    if (!waitingIsState(config)) continue;
    searches[`admitted:${key}`] = [...inLine, notWaiting, ...terms, before(cutoff)].filter(Boolean).join(' ');
    areaRules(config).forEach((rule, i) => {
      searches[`area${i}:${key}`] = [...inLine, notWaiting, `label:${quote(areaLabel(rule))}`, ...terms, before(cutoff)].filter(Boolean).join(' ');
    });
  }
  if (input.authorLimited) {
    const author = `author:${searchLogin(pr.author)}`;
    searches.authorOpen = [...queue, author, before(cutoff)].join(' ');
    for (const days of rateWindows(config)) {
      const start = new Date(now.getTime() - days * DAY_MS);
      searches[`opened${days}`] = `${repoPullRequests(repo)} ${author} created:${timeRange(start, cutoff)}`;
    }
    if (config.trustedAfterMerged > 0) searches.merged = mergedByAuthorSearch(repo, pr.author);
  }
  if (input.paceWindowDays !== undefined) searches.mergedInWindow = mergedInWindowSearch(repo, now, input.paceWindowDays);
  return searches;
}

/** Sums the counts of a key over its priority split (`ahead` + `priorityAhead`). */
function sumOver(result: Record<string, number>, prefix: string): number {
  return (result[`${prefix}ahead`] ?? 0) + (result[`${prefix}priorityAhead`] ?? 0);
}

/** The gate's counts: the search answers plus the PRs too new for search, from the live list. */
export function gateCounts(input: GateSearchInput, result: Record<string, number>): GateCounts & { merged?: number; mergedInWindow?: number } {
  const { config, pr, recent } = input;
  const { liveCutoff, cutoff } = cutoffs(input);
  const order = queueOrder(config);
  const has = (facts: QueueFacts, label: string) => facts.labels.some((l) => l.toLowerCase() === label.toLowerCase());
  const live = recent.filter((r) => r.number !== pr.number && new Date(r.createdAt) >= cutoff);
  const liveCountable = live.filter((r) => isCountable(r, config));
  const liveAhead = liveCountable.filter((r) => !has(r, config.violationLabel) && order(r, pr) < 0);
  const liveAdmitted = liveAhead.filter((r) => !has(r, config.waitingLabel));
  const createdBeforePr = (r: QueueFacts) => Date.parse(r.createdAt) < Date.parse(pr.createdAt) || (r.createdAt === pr.createdAt && r.number < pr.number);
  const newerThanLiveCutoff = (t: string) => new Date(t) >= liveCutoff;

  const ahead = sumOver(result, '') + liveAhead.length;
  const counts: GateCounts & { merged?: number; mergedInWindow?: number } = {
    ahead,
    queueSize: Math.max(
      result.queue + liveCountable.filter((r) => newerThanLiveCutoff(r.createdAt)).length + (newerThanLiveCutoff(pr.createdAt) && isCountable(pr, config) ? 1 : 0),
      ahead + 1
    ),
    authorOpenBefore: (result.authorOpen ?? 0) + liveCountable.filter((r) => r.author.toLowerCase() === pr.author.toLowerCase() && createdBeforePr(r)).length,
    authorOpenedBefore: Object.fromEntries(
      rateWindows(config).map((days) => [
        days,
        // Strictly earlier, as the sweep counts opening times (author-budgets.ts).
        (result[`opened${days}`] ?? 0) + live.filter((r) => r.author.toLowerCase() === pr.author.toLowerCase() && Date.parse(r.createdAt) < Date.parse(pr.createdAt)).length
      ])
    ),
    merged: result.merged,
    mergedInWindow: result.mergedInWindow
  };
  if (waitingIsState(config)) {
    counts.admittedAhead = sumOver(result, 'admitted:') + liveAdmitted.length;
    counts.areaAdmittedAhead = Object.fromEntries(
      areaRules(config).map((rule, i) => [rule.name, sumOver(result, `area${i}:`) + liveAdmitted.filter((r) => has(r, areaLabel(rule))).length])
    );
  }
  return counts;
}
