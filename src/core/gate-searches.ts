// The gate's search counts (README "API use"): the issue-search queries that
// count the PRs ahead of one PR in queue order, and how their answers combine
// with the live list of the newest PRs (search lags behind PRs opened moments
// ago). Derived from the same definitions as queue.ts, areas.ts and the rules,
// so the gate and the sweep agree; src/github only sends the strings.
import type { Config } from '../config/types.js';
import { areaLabel, areaRules, waitingIsState } from './areas.js';
import { hasLabel } from './label-names.js';
import { sameLogin } from './logins.js';
import { createdBefore, isCountable, isPriority, queueOrder, type QueueFacts } from './queue.js';
import { rateWindows } from './rate-windows.js';
import { mergedInWindowSearch } from './history-searches.js';
import { mergedByAuthorSearch, quote, repoPullRequests, searchLogin, searchTime, timeRange } from './search-terms.js';
import type { GateCounts, PullRequest } from './types.js';
import { DAY_MS } from './time.js';

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
  /**
   * Opening-rate windows count closed PRs too, which the live list (open PRs)
   * lacks: search answers for all but the last SEARCH_LAG_MS before the PR.
   */
  openedCutoff: Date;
}

function cutoffs(input: GateSearchInput): Cutoffs {
  const created = Date.parse(input.pr.createdAt);
  const oldestRecent = input.recent.length >= RECENT_PULL_REQUESTS ? Date.parse(input.recent[0].createdAt) : 0;
  const liveCutoff = Math.max(input.now.getTime() - SEARCH_LAG_MS, oldestRecent);
  return {
    liveCutoff: new Date(liveCutoff),
    cutoff: new Date(Math.min(created, liveCutoff)),
    openedCutoff: new Date(Math.min(created, input.now.getTime() - SEARCH_LAG_MS))
  };
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
  const { liveCutoff, cutoff, openedCutoff } = cutoffs(input);
  const queue = countableTerms(repo, config);
  const before = (t: Date) => `created:<${searchTime(t)}`;
  const inLine = [...queue, `-label:${quote(config.violationLabel)}`];
  const priority = config.priorityLabels.length > 0 ? `label:${config.priorityLabels.map(quote).join(',')}` : '';
  const notPriority = config.priorityLabels.map((l) => `-label:${quote(l)}`);
  // A priority PR counts the priority PRs created before it; a PR without one counts the others
  // created before it and every priority PR (search up to liveCutoff, the live list after it).
  const aheadParts: Record<string, string[]> = isPriority(pr, config)
    ? { ahead: [priority, before(cutoff)] }
    : {
        ahead: [...notPriority, before(cutoff)],
        ...(priority ? { priorityAhead: [priority, before(liveCutoff)] } : {})
      };

  const searches: Record<string, string> = { queue: [...queue, before(liveCutoff)].join(' ') };
  const notWaiting = `-label:${quote(config.waitingLabel)}`;
  for (const [key, terms] of Object.entries(aheadParts)) {
    searches[key] = [...inLine, ...terms].filter(Boolean).join(' ');
    if (!waitingIsState(config)) continue;
    searches[`admitted:${key}`] = [...inLine, notWaiting, ...terms].filter(Boolean).join(' ');
    areaRules(config).forEach((rule, i) => {
      searches[`area${i}:${key}`] = [...inLine, notWaiting, `label:${quote(areaLabel(rule))}`, ...terms]
        .filter(Boolean)
        .join(' ');
    });
  }
  if (input.authorLimited) {
    const author = `author:${searchLogin(pr.author)}`;
    searches.authorOpen = [...queue, author, before(cutoff)].join(' ');
    for (const days of rateWindows(config)) {
      const start = new Date(now.getTime() - days * DAY_MS);
      // A PR older than the window has nothing opened before it in the window: no search (and no
      // reversed range, which GitHub need not answer with 0).
      if (openedCutoff > start)
        searches[`opened${days}`] = `${repoPullRequests(repo)} ${author} created:${timeRange(start, openedCutoff)}`;
    }
    if (config.trustedAfterMerged > 0) searches.merged = mergedByAuthorSearch(repo, pr.author);
  }
  if (input.paceWindowDays !== undefined)
    searches.mergedInWindow = mergedInWindowSearch(repo, now, input.paceWindowDays);
  return searches;
}

/** Sums the counts of a key over its priority split (`ahead` + `priorityAhead`). */
function sumOver(result: Record<string, number>, prefix: string): number {
  return (result[`${prefix}ahead`] ?? 0) + (result[`${prefix}priorityAhead`] ?? 0);
}

/** What a gate's searches count: the queue counts, and the author's merges and the merge pace when asked. */
export type GateSearchCounts = GateCounts & { merged?: number; mergedInWindow?: number };

/** The gate's counts: the search answers plus the PRs too new for search, from the live list. */
export function gateCounts(input: GateSearchInput, result: Record<string, number>): GateSearchCounts {
  const { config, pr, recent } = input;
  const { liveCutoff, cutoff, openedCutoff } = cutoffs(input);
  const order = queueOrder(config);
  const subjectPriority = isPriority(pr, config);
  const others = recent.filter((r) => r.number !== pr.number);
  const live = others.filter((r) => new Date(r.createdAt) >= cutoff);
  const liveCountable = live.filter((r) => isCountable(r, config));
  const newerThanLiveCutoff = (t: string) => new Date(t) >= liveCutoff;
  // A priority PR ahead of one without: search counted those created before liveCutoff.
  const aheadOfPr = (r: QueueFacts) =>
    !subjectPriority && isPriority(r, config) ? newerThanLiveCutoff(r.createdAt) : order(r, pr) < 0;
  const liveAhead = liveCountable.filter((r) => !hasLabel(r.labels, config.violationLabel) && aheadOfPr(r));
  const liveAdmitted = liveAhead.filter((r) => !hasLabel(r.labels, config.waitingLabel));
  const sameAuthor = (r: QueueFacts) => sameLogin(r.author, pr.author);

  const ahead = sumOver(result, '') + liveAhead.length;
  const counts: GateSearchCounts = {
    ahead,
    queueSize: Math.max(
      result.queue +
        liveCountable.filter((r) => newerThanLiveCutoff(r.createdAt)).length +
        (newerThanLiveCutoff(pr.createdAt) && isCountable(pr, config) ? 1 : 0),
      ahead + 1
    ),
    authorOpenBefore:
      (result.authorOpen ?? 0) + liveCountable.filter((r) => sameAuthor(r) && createdBefore(r, pr) < 0).length,
    authorOpenedBefore: Object.fromEntries(
      rateWindows(config).map((days) => [
        days,
        // Strictly earlier, as the sweep counts opening times (author-budgets.ts).
        (result[`opened${days}`] ?? 0) +
          others.filter(
            (r) =>
              sameAuthor(r) &&
              new Date(r.createdAt) >= openedCutoff &&
              Date.parse(r.createdAt) < Date.parse(pr.createdAt)
          ).length
      ])
    ),
    merged: result.merged,
    mergedInWindow: result.mergedInWindow
  };
  if (waitingIsState(config)) {
    counts.admittedAhead = sumOver(result, 'admitted:') + liveAdmitted.length;
    counts.areaAdmittedAhead = Object.fromEntries(
      areaRules(config).map((rule, i) => [
        rule.name,
        sumOver(result, `area${i}:`) + liveAdmitted.filter((r) => hasLabel(r.labels, areaLabel(rule))).length
      ])
    );
  }
  return counts;
}
