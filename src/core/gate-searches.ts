// The gate's counts (README "API use"): the issue-search queries that count
// the waiting line ahead of one PR in queue order, and how their answers
// combine with what the gate reads live: the newest PRs (search lags behind
// PRs opened moments ago), the PRs created in the PR's own second (search
// compares creation times by the second; ties go by number) and the PRs
// holding a seat (admitted-label, read live and whole). Derived from the same
// definitions as queue.ts, areas.ts, admission.ts and the rules, so the gate
// and the sweep agree; src/github only sends the strings.
import type { Config } from '../config/types.js';
import { fullGroups, holdsSeat, type LineCounts } from './admission.js';
import { areaLabel } from './areas.js';
import {
  areaKey,
  groupsByLabels,
  groupsOf,
  isAreaRule,
  isReviewRule,
  labelledRules,
  seatRules,
  type ReviewerLimit,
  type SeatGroup
} from './seat-groups.js';
import { rulesFor } from './rules.js';
import { reviewerLoads } from './assign-reviewers.js';
import { hasAnyLabel, hasLabel } from './label-names.js';
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
/** How many PRs created in the gate's PR's own second it reads; more cannot be placed by counts. */
export const TIES_READ = 10;

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
  /**
   * Every open PR carrying admitted-label, when the first read brought them (under this config's
   * label name): the searches then leave out the PRs ahead that a full group keeps waiting.
   */
  held?: QueueFacts[];
  /** Each reviewer's limit (review-capacity.ts). */
  reviewerLimit: ReviewerLimit;
}

/** What the gate reads live besides the search counts. */
export interface GateLists {
  /** Every open PR carrying admitted-label (read whole, not by search). */
  held: QueueFacts[];
  /** The open PRs created in the PR's own second, when asked for (`tiesSearch`), and how many there are. */
  ties?: { read: QueueFacts[]; total: number };
}

const SECOND_MS = 1000;
const wholeSecond = (ms: number) => Math.floor(ms / SECOND_MS) * SECOND_MS;

interface Cutoffs {
  /** Search answers for PRs created before this (a whole second); the live list for the rest. */
  liveCutoff: number;
  /** min(the PR's creation, liveCutoff): what search counts as "before the PR". */
  cutoff: number;
  /**
   * Opening-rate windows count closed PRs too, which the live list (open PRs)
   * lacks: search answers for all but the last SEARCH_LAG_MS before the PR.
   */
  openedCutoff: number;
  /** The PR's own second is searched by `created:<`, which leaves it out: its ties are read. */
  readsTies: boolean;
}

function cutoffs(input: GateSearchInput): Cutoffs {
  const created = wholeSecond(Date.parse(input.pr.createdAt));
  // Whole seconds, as search compares: a PR of the boundary's second is either searched or live, never neither.
  const lagged = Math.ceil((input.now.getTime() - SEARCH_LAG_MS) / SECOND_MS) * SECOND_MS;
  const full = input.recent.length >= RECENT_PULL_REQUESTS;
  const afterOldestRecent = full ? wholeSecond(Date.parse(input.recent[0].createdAt)) + SECOND_MS : 0;
  const liveCutoff = Math.max(lagged, afterOldestRecent);
  return {
    liveCutoff,
    cutoff: Math.min(created, liveCutoff),
    openedCutoff: Math.min(created, input.now.getTime() - SEARCH_LAG_MS),
    readsTies: created < liveCutoff
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

const before = (t: number) => `created:<${searchTime(new Date(t))}`;

/** PRs in line (countable, not carrying violation-label) that hold a seat. */
function holdsInLine(r: QueueFacts, config: Config): boolean {
  return isCountable(r, config) && !hasLabel(r.labels, config.violationLabel) && holdsSeat(r, config);
}

/** The seats held in each group by the PRs read live (the gate's PR left out), by group key. */
function heldByGroup(held: QueueFacts[], input: GateSearchInput): Record<string, number> {
  const byGroup: Record<string, number> = {};
  for (const r of held)
    if (r.number !== input.pr.number && holdsInLine(r, input.config))
      for (const group of groupsByLabels(r, input.config, input.reviewerLimit))
        byGroup[group.key] = (byGroup[group.key] ?? 0) + 1;
  return byGroup;
}

/**
 * The groups full before the walk (admission.ts), from the PRs holding a
 * seat, the gate's PR included when it holds one; none when the first read
 * did not bring those PRs (every group is then walked as open).
 */
function fullBeforeWalk(input: GateSearchInput): SeatGroup[] {
  const { config, pr, held } = input;
  if (!held || seatRules(config).length === 0) return [];
  const byGroup = heldByGroup(held, input);
  const mine = groupsOf(rulesFor(pr, config), pr.reviewRequests ?? [], input.reviewerLimit);
  if (holdsSeat(pr, config) && isCountable(pr, config))
    for (const group of mine) byGroup[group.key] = (byGroup[group.key] ?? 0) + 1;
  // Every group a PR of the line may be in: by the held PRs' and this PR's groups (others have no room to lose).
  const known = new Map<string, SeatGroup>();
  for (const r of held) for (const group of groupsByLabels(r, config, input.reviewerLimit)) known.set(group.key, group);
  for (const group of mine) known.set(group.key, group);
  for (const rule of config.rules.filter(isAreaRule))
    known.set(areaKey(rule), { key: areaKey(rule), rule, limit: rule.budgets.maxOpen ?? 0 });
  return fullGroups([...known.values()], byGroup);
}

/**
 * Search terms leaving out the PRs in a full group, where search can say it: an area rule's label,
 * a reviewer of a rule that selects every PR (`-review-requested:`, `-team-review-requested:`).
 * A reviewer of a labelled rule cannot be left out (search has no "not both"): its PRs stay counted.
 */
function notInFull(full: SeatGroup[], config: Config): string[] {
  const labelled = labelledRules(config);
  return full.flatMap((group) => {
    if (group.reviewer === undefined) return [`-label:${quote(areaLabel(group.rule))}`];
    if (labelled.includes(group.rule)) return [];
    return [
      group.reviewer.includes('/')
        ? `-team-review-requested:${group.reviewer}`
        : `-review-requested:${searchLogin(group.reviewer)}`
    ];
  });
}

/** Whether a live PR is in a full group that notInFull leaves out (the same rule, by its labels and requests). */
function inFull(r: QueueFacts, full: SeatGroup[], input: GateSearchInput): boolean {
  const labelled = labelledRules(input.config);
  const excludable = new Set(
    full.filter((g) => g.reviewer === undefined || !labelled.includes(g.rule)).map((g) => g.key)
  );
  return groupsByLabels(r, input.config, input.reviewerLimit).some((group) => excludable.has(group.key));
}

/**
 * The searches a gate sends, keyed by what they count: `queue` (countable
 * PRs), and for the waiting line (countable, neither in violation nor holding
 * a seat) before the PR in queue order `line:…`, with area rules also
 * `lineOutside:…` (no area label) and `lineArea<i>:…` (area rule i), each
 * split by priority (`ahead`: created before the PR in its group;
 * `priorityAhead`: every priority PR, for a PR without one); for per-author
 * budgets `authorOpen`, `authorOpenAfter`, `opened<days>` and `merged`; with
 * `paceWindowDays` `mergedInWindow`. `ties`, when set, is a search whose
 * results (not only their count) the gate reads: the PRs of its own second.
 */
export function gateSearches(input: GateSearchInput): { counts: Record<string, string>; ties?: string } {
  const { repo, config, pr, now } = input;
  const { liveCutoff, cutoff, openedCutoff, readsTies } = cutoffs(input);
  const queue = countableTerms(repo, config);
  const line = [...queue, `-label:${quote(config.violationLabel)}`, `-label:${quote(config.admittedLabel)}`];
  const priority = config.priorityLabels.length > 0 ? `label:${config.priorityLabels.map(quote).join(',')}` : '';
  const notPriority = config.priorityLabels.map((l) => `-label:${quote(l)}`);
  // A priority PR counts the priority PRs created before it; a PR without one counts the others
  // created before it and every priority PR (search up to liveCutoff, the live list after it).
  const parts: Record<string, string[]> = isPriority(pr, config)
    ? { ahead: [priority, before(cutoff)] }
    : {
        ahead: [...notPriority, before(cutoff)],
        ...(priority ? { priorityAhead: [priority, before(liveCutoff)] } : {})
      };

  const searches: Record<string, string> = { queue: [...queue, before(liveCutoff)].join(' ') };
  const areas = config.rules.filter(isAreaRule);
  const reviews = config.rules.some(isReviewRule);
  const notFull = notInFull(fullBeforeWalk(input), config);
  const full = fullBeforeWalk(input);
  const join = (...terms: string[]) => terms.filter(Boolean).join(' ');
  for (const [part, terms] of Object.entries(parts)) {
    searches[`line:${part}`] = join(...line, ...terms);
    if (notFull.length > 0) searches[`lineOpen:${part}`] = join(...line, ...notFull, ...terms);
    // PRs in no group and in each area group can be told apart by labels only without review capacity.
    if (areas.length === 0 || reviews) continue;
    searches[`lineOutside:${part}`] = join(...line, ...areas.map((r) => `-label:${quote(areaLabel(r))}`), ...terms);
    areas.forEach((rule, i) => {
      if (!full.some((g) => g.key === areaKey(rule)))
        searches[`lineArea${i}:${part}`] = join(...line, `label:${quote(areaLabel(rule))}`, ...notFull, ...terms);
    });
  }
  // Without a limit, PRs outside every area are admitted with no seat to hold: counted for the positions.
  if (config.wipLimit === 0 && areas.length > 0 && !reviews)
    searches.lineUnlimited = join(...line, ...areas.map((r) => `-label:${quote(areaLabel(r))}`), before(liveCutoff));
  if (input.authorLimited) {
    const author = `author:${searchLogin(pr.author)}`;
    searches.authorOpen = [...queue, author, before(cutoff)].join(' ');
    const nextSecond = wholeSecond(Date.parse(pr.createdAt)) + SECOND_MS;
    if (nextSecond < liveCutoff)
      searches.authorOpenAfter = [
        ...queue,
        author,
        `created:${timeRange(new Date(nextSecond), new Date(liveCutoff))}`
      ].join(' ');
    for (const days of rateWindows(config)) {
      const start = now.getTime() - days * DAY_MS;
      // A PR older than the window has nothing opened before it in the window: no search (and no
      // reversed range, which GitHub need not answer with 0).
      if (openedCutoff > start)
        searches[`opened${days}`] =
          `${repoPullRequests(repo)} ${author} created:${timeRange(new Date(start), new Date(openedCutoff))}`;
    }
    if (config.trustedAfterMerged > 0) searches.merged = mergedByAuthorSearch(repo, pr.author);
  }
  if (input.paceWindowDays !== undefined)
    searches.mergedInWindow = mergedInWindowSearch(repo, now, input.paceWindowDays);
  if (!readsTies) return { counts: searches };
  const second = new Date(wholeSecond(Date.parse(pr.createdAt)));
  return {
    counts: searches,
    ties: `${repoPullRequests(repo)} is:open created:${timeRange(second, new Date(second.getTime() + SECOND_MS))}`
  };
}

/**
 * Without a limit, the waiting-line PRs outside every area: the search's count (the PR itself left
 * out, as its labels showed it) and the live ones after liveCutoff.
 */
function unlimitedCount(input: GateSearchInput, searched: number, live: QueueFacts[]): number {
  const { config, pr } = input;
  const { liveCutoff } = cutoffs(input);
  const areaLabels = config.rules.filter(isAreaRule).map(areaLabel);
  const outside = (r: QueueFacts) =>
    isCountable(r, config) &&
    !hasLabel(r.labels, config.violationLabel) &&
    !holdsSeat(r, config) &&
    !hasAnyLabel(r.labels, areaLabels);
  const self = Date.parse(pr.createdAt) < liveCutoff && outside(pr) ? 1 : 0;
  return searched - self + live.filter((r) => Date.parse(r.createdAt) >= liveCutoff && outside(r)).length;
}

/** Sums the counts of a key over its priority split (`ahead` + `priorityAhead`). */
function sumOver(result: Record<string, number>, key: string): number {
  return (result[`${key}:ahead`] ?? 0) + (result[`${key}:priorityAhead`] ?? 0);
}

/** What a gate's searches count: the queue counts, and the author's merges and the merge pace when asked. */
export type GateSearchCounts = GateCounts & { merged?: number; mergedInWindow?: number };

/**
 * The gate's counts: the search answers plus what it read live (the newest
 * PRs, its own second's PRs, the PRs holding a seat). Every count leaves the
 * PR itself out; the core adds its own seat (plan-gate.ts).
 */
export function gateCounts(input: GateSearchInput, result: Record<string, number>, lists: GateLists): GateSearchCounts {
  const { config, pr } = input;
  const { liveCutoff, cutoff, openedCutoff } = cutoffs(input);
  const order = queueOrder(config);
  const subjectPriority = isPriority(pr, config);
  const prSecond = wholeSecond(Date.parse(pr.createdAt));
  const byNumber = new Map<number, QueueFacts>();
  for (const r of [...input.recent, ...(lists.ties?.read ?? [])]) if (r.number !== pr.number) byNumber.set(r.number, r);
  const others = [...byNumber.values()];
  const createdAt = (r: QueueFacts) => Date.parse(r.createdAt);
  const live = others.filter((r) => createdAt(r) >= cutoff);
  const liveCountable = live.filter((r) => isCountable(r, config));
  // A priority PR ahead of one without: search counted those created before liveCutoff.
  const aheadOfPr = (r: QueueFacts) =>
    !subjectPriority && isPriority(r, config) ? createdAt(r) >= liveCutoff : order(r, pr) < 0;
  const liveLine = liveCountable.filter(
    (r) => !hasLabel(r.labels, config.violationLabel) && !holdsSeat(r, config) && aheadOfPr(r)
  );
  const sameAuthor = (r: QueueFacts) => sameLogin(r.author, pr.author);
  const areas = config.rules.filter(isAreaRule);
  const reviews = config.rules.some(isReviewRule);
  const areaLabels = areas.map(areaLabel);
  const full = fullBeforeWalk(input);
  const heldList = (input.held ?? lists.held).filter((r) => r.number !== pr.number && holdsInLine(r, config));
  const liveOpen = liveLine.filter((r) => !inFull(r, full, input));
  const notFull = notInFull(full, config);

  const ahead = sumOver(result, 'line') + liveLine.length;
  const line: LineCounts = {
    held: heldList.length,
    heldByGroup: heldByGroup(heldList, input),
    heldAhead: heldList.filter((r) => order(r, pr) < 0).length,
    ahead,
    aheadOpen: notFull.length === 0 ? ahead : sumOver(result, 'lineOpen') + liveOpen.length,
    ...(reviews
      ? {}
      : {
          aheadOutsideGroups:
            areas.length === 0
              ? ahead
              : sumOver(result, 'lineOutside') + liveLine.filter((r) => !hasAnyLabel(r.labels, areaLabels)).length
        }),
    aheadByGroup: reviews
      ? {}
      : Object.fromEntries(
          areas.flatMap((rule, i) =>
            full.some((g) => g.key === areaKey(rule))
              ? []
              : [
                  [
                    areaKey(rule),
                    sumOver(result, `lineArea${i}`) + liveOpen.filter((r) => hasLabel(r.labels, areaLabel(rule))).length
                  ]
                ]
          )
        ),
    ...(result.lineUnlimited === undefined ? {} : { unlimited: unlimitedCount(input, result.lineUnlimited, live) })
  };
  const newerThanLiveCutoff = (r: QueueFacts) => createdAt(r) >= liveCutoff;
  return {
    ...(input.config.reviewers.assign === 'off' ? {} : { reviewerLoads: reviewerLoads(heldList) }),
    queueSize:
      result.queue +
      liveCountable.filter(newerThanLiveCutoff).length +
      (prSecond >= liveCutoff && isCountable(pr, config) ? 1 : 0),
    line,
    authorOpenBefore:
      (result.authorOpen ?? 0) + liveCountable.filter((r) => sameAuthor(r) && createdBefore(r, pr) < 0).length,
    authorOpenAfter:
      (result.authorOpenAfter ?? 0) +
      liveCountable.filter(
        (r) =>
          sameAuthor(r) &&
          createdBefore(pr, r) < 0 &&
          (newerThanLiveCutoff(r) || wholeSecond(createdAt(r)) === prSecond)
      ).length,
    authorOpenedBefore: Object.fromEntries(
      rateWindows(config).map((days) => [
        days,
        // Strictly earlier, as the sweep counts opening times (author-budgets.ts).
        (result[`opened${days}`] ?? 0) +
          others.filter((r) => sameAuthor(r) && createdAt(r) >= openedCutoff && createdAt(r) < Date.parse(pr.createdAt))
            .length
      ])
    ),
    ...(lists.ties && lists.ties.total > lists.ties.read.length
      ? { unreadTies: lists.ties.total - lists.ties.read.length }
      : {}),
    merged: result.merged,
    mergedInWindow: result.mergedInWindow
  };
}
