// The gate's constant-cost path (README "API use"): when search counts can
// express the configuration and the queue state the action keeps is valid,
// the triggering PR's decision follows from the admission walk (admission.ts)
// over counts of the PRs around it; otherwise the caller reads the whole
// queue and uses plan(), which also advances the PRs the gate's PR moves.
import type { Config } from '../config/types.js';
import { exemptDecision, placeDecision, violationDecision, violationsOf } from './decide.js';
import { holdsSeat, keepsSeat, lineFromCounts, type LineCounts } from './admission.js';
import { areaLabel } from './areas.js';
import { groupsOf, isAreaRule, isReviewRule, type ReviewerLimit, type SeatGroup } from './seat-groups.js';
import { reviewerKey, yieldedDays } from './review-capacity.js';
import { chooseReviewer, poolLimit } from './assign-reviewers.js';
import { isExemptLine } from './describe.js';
import { hasWildcard } from './globs.js';
import { claimsIncomplete, holdersFromClaims, repositoryName } from './issue-budgets.js';
import { hasLabel } from './label-names.js';
import { byLogin } from './logins.js';
import { isCountable, isPriority } from './queue.js';
import { effectiveLimit, type Limits } from './plan.js';
import { rulesFor } from './rules.js';
import { decideStale } from './stale.js';
import { stampMatches } from './state-stamp.js';
import type { Decision, GateCounts, History, Plan, PullRequest, Snapshot } from './types.js';
import { planWrites } from './writes.js';

/** Selector keys that depend on the author alone, so the author's search counts still apply. */
const AUTHOR_ONLY_KEYS = new Set(['authors', 'associations']);

export function canGateFromCounts(config: Config): { ok: true } | { ok: false; why: string } {
  const perAuthorScoped = config.rules.some(
    (rule) =>
      rule.budgets.maxOpenPerAuthor !== undefined &&
      Object.keys(rule.selector).some((key) => !AUTHOR_ONLY_KEYS.has(key))
  );
  if (perAuthorScoped) return { ok: false, why: 'a max-open-per-author rule selects by more than the author' };
  if (config.exemptAuthors.some(hasWildcard))
    return { ok: false, why: 'exempt-authors has a wildcard, which search cannot express' };
  if (config.baseBranches.length > 1 || config.baseBranches.some(hasWildcard)) {
    return { ok: false, why: 'base-branches has a wildcard or several branches, which search cannot express' };
  }
  return { ok: true };
}

/**
 * Why a gate cannot decide PR `pr` from search counts before it counts, or undefined when it can:
 * the config needs the whole queue (canGateFromCounts), or an issue the PR closes has more open PRs
 * than the gate read.
 */
export function wholeQueueReason(pr: PullRequest, config: Config, repository: string): string | undefined {
  const counted = canGateFromCounts(config);
  if (!counted.ok) return counted.why;
  return claimsIncomplete(pr, rulesFor(pr, config), config, repository)
    ? 'an issue this PR closes has more open PRs than the gate read'
    : undefined;
}

/** The history a gate has from its counts alone: the merges in the pace window, when they were counted. */
export function paceHistory(mergedInWindow: number | undefined): History | undefined {
  return mergedInWindow === undefined ? undefined : { mergedInWindow, weeks: [] };
}

/** The PR's seat groups (areas, reviewers) by its rules and review requests. */
function ownGroups(pr: PullRequest, config: Config, reviewerLimit: ReviewerLimit): SeatGroup[] {
  return groupsOf(rulesFor(pr, config), pr.reviewRequests ?? [], reviewerLimit);
}

/**
 * The PR's decision from the gate's counts, by the sweep's rules and walk; undefined when the
 * counts cannot tell (a tie the gate could not read, or a PR ahead in two groups while seats are
 * free). `perDay`: the merge pace for the expected wait, when read; `reviewerLimit`: each
 * reviewer's limit.
 */
export function decideFromCounts(
  pr: PullRequest,
  counts: GateCounts,
  snapshot: Snapshot,
  config: Config,
  limits: Pick<Limits, 'wipLimit' | 'reviewerLimit'> & { perDay?: number; now?: Date }
): Decision | undefined {
  const { wipLimit, reviewerLimit, perDay } = limits;
  const exempt = exemptDecision(pr, config);
  if (exempt) return exempt;
  if (counts.unreadTies) return undefined;
  const rules = rulesFor(pr, config);
  const violations = violationsOf(
    pr,
    rules,
    byLogin(snapshot.authors)(pr.author),
    config,
    () => ({
      openBefore: () => counts.authorOpenBefore,
      openedBefore: (days) => counts.authorOpenedBefore[days] ?? 0
    }),
    holdersFromClaims(config, repositoryName(snapshot))
  );
  if (violations.length > 0) return violationDecision(pr, violations, config);
  const groups = ownGroups(pr, config, reviewerLimit);
  const yielded = limits.now && yieldedDays(pr, config, snapshot.actor, limits.now);
  const keeps = yielded === undefined && holdsSeat(pr, config) && keepsSeat(pr, groups, counts.line.heldByGroup);
  const line = keeps ? withSeat(counts.line, groups) : counts.line;
  const areaGroups = groupsOf(config.rules.filter(isAreaRule), [], reviewerLimit);
  const walk = lineFromCounts(line, wipLimit, areaGroups, groups);
  if (!walk) return undefined;
  const admitted = yielded === undefined && (keeps || walk.seat.admitted);
  // A waiting PR comes after every admitted PR and the waiting PRs ahead: the held ones, those the
  // walk admits ahead of it, the rest ahead. (The walk admits none behind it in a settled queue,
  // where every PR that could take a seat holds one; otherwise the position is off by those, for
  // one run: the admission decision is not.)
  const unlimited = line.unlimited ?? 0;
  const waitingAhead = line.ahead - (line.unlimited === undefined ? 0 : (line.aheadOutsideGroups ?? 0));
  const position = admitted ? line.heldAhead + walk.admittedAhead + 1 : line.held + unlimited + waitingAhead + 1;
  const place = { position, admitted, queueSize: counts.queueSize, wipLimit, perDay, priority: isPriority(pr, config) };
  if (yielded !== undefined) return placeDecision(pr, { ...place, yielded }, config);
  return placeDecision(pr, admitted ? place : { ...place, group: walk.seat.group }, config);
}

/** The line counts with a seat held in `groups` added. */
function withSeat(line: LineCounts, groups: SeatGroup[]): LineCounts {
  const heldByGroup = { ...line.heldByGroup };
  for (const group of groups) heldByGroup[group.key] = (heldByGroup[group.key] ?? 0) + 1;
  return { ...line, held: line.held + 1, heldByGroup };
}

/** What the triggering event tells beyond the PR's facts. */
export interface GateEvent {
  /** Reopened: it counted for nobody while closed. */
  reopened?: boolean;
  /** A review was given or a review request withdrawn: this reviewer may no longer be waited on. */
  leftReviewer?: string;
}

/** Whether a one-pr-per-issue rule selects the PR and another open PR closes one of its issues (as the gate read them). */
function sharesAnIssue(pr: PullRequest, config: Config): boolean {
  if (!rulesFor(pr, config).some((rule) => rule.budgets.onePrPerIssue)) return false;
  return (pr.closingIssues?.issues ?? []).some((issue) =>
    (issue.claims?.pullRequests ?? []).some((claim) => claim.number !== pr.number)
  );
}

/**
 * Whether another open PR closing one of the PR's issues should be a duplicate (another PR holds
 * the issue, as the gate read them) but does not carry violation-label: the PR's own decision made
 * it the holder. (A holder carrying the label may be a violation of another rule: no proof.)
 */
function duplicatesShownWrong(pr: PullRequest, config: Config, repository: string): boolean {
  if (!rulesFor(pr, config).some((rule) => rule.budgets.onePrPerIssue)) return false;
  const holders = holdersFromClaims(config, repository);
  return (pr.closingIssues?.issues ?? []).some((issue) => {
    const holder = holders.holderOf(pr, issue);
    return (issue.claims?.pullRequests ?? []).some(
      (claim) =>
        claim.number !== pr.number &&
        holder !== undefined &&
        claim.number !== holder &&
        claim.repository.toLowerCase() === repository.toLowerCase() &&
        isCountable(claim, config) &&
        !hasLabel(claim.labels, config.violationLabel)
    );
  });
}

/** Whether the PR counted in the queue before this event, as far as what it shows tells (undefined: unknown). */
function countedBefore(pr: PullRequest, config: Config, reopened: boolean): boolean | undefined {
  // A closed PR counted for nobody, whatever its last status said.
  if (reopened) return false;
  if (pr.status) return !isExemptLine(pr.status.description);
  if (holdsSeat(pr, config) || hasLabel(pr.labels, config.violationLabel)) return true;
  return undefined;
}

/**
 * Why the gate's decision for its PR can change another PR's, or undefined
 * when it cannot: the PR gives up its seat or changes its areas (the waiting
 * line moves up), starts or stops counting for its author's newer PRs, or
 * starts or stops holding an issue other open PRs close. The gate then reads
 * the whole queue and advances (README "How the queue works").
 */
export function movesOthers(
  pr: PullRequest,
  decision: Decision,
  counts: Pick<GateCounts, 'authorOpenAfter'>,
  config: Config,
  repository: string,
  event: GateEvent = {}
): string | undefined {
  const held = holdsSeat(pr, config);
  if (held && decision.state !== 'admitted') return `#${pr.number} gives up its seat in the queue`;
  // Leaving an area frees a seat in it; entering one takes a seat only where there is room (keepsSeat).
  const areas = decision.state === 'exempt' ? [] : rulesFor(pr, config).filter(isAreaRule);
  const left = config.rules.filter(
    (rule) => isAreaRule(rule) && hasLabel(pr.labels, areaLabel(rule)) && !areas.includes(rule)
  );
  if (held && left.length > 0) return `#${pr.number} left the area rule ${left[0].name}`;
  // A review given (or a request withdrawn) frees the reviewer's seat this PR held.
  const reviewer = event.leftReviewer;
  const waitsOn = (pr.reviewRequests ?? []).some((r) => reviewerKey(r) === reviewerKey(reviewer ?? ''));
  if (held && reviewer !== undefined && !waitsOn && rulesFor(pr, config).some(isReviewRule))
    return `#${pr.number} no longer waits on @${reviewer}, whose review seats are counted`;
  const before = countedBefore(pr, config, event.reopened === true);
  const countsNow = decision.state !== 'exempt';
  const countChanged = before !== undefined && before !== countsNow;
  if (countChanged && counts.authorOpenAfter > 0)
    return `#${pr.number} ${countsNow ? 'now counts' : 'no longer counts'} toward its author's newer PRs`;
  // Whether the PR showed a violation is known from its label once anything was shown on it.
  const shown = pr.status !== undefined || pr.labels.length > 0;
  const violationChanged = shown && hasLabel(pr.labels, config.violationLabel) !== (decision.state === 'violation');
  if ((countChanged || violationChanged) && sharesAnIssue(pr, config))
    return `#${pr.number} may start or stop holding an issue that other open PRs close`;
  if (duplicatesShownWrong(pr, config, repository))
    return `#${pr.number} holds an issue whose other open PRs do not show it yet`;
  return undefined;
}

/**
 * What a gate from counts answers: its plan, or why it must read the whole queue (`unreconciled`:
 * because no run has reconciled the queue's labels for this configuration yet).
 */
export type GateFromCounts = { plan: Plan } | { needsQueue: string; unreconciled?: true };

/**
 * The gate's plan from its counts: the PR's decision and the writes that
 * show it. Needs the whole queue when the queue state is not stamped for this
 * config (state-stamp.ts), when the counts cannot tell, or when the decision
 * moves other PRs (movesOthers).
 */
export function planGateFromCounts(
  pr: PullRequest,
  counts: GateCounts,
  snapshot: Snapshot,
  config: Config,
  now: Date,
  event: GateEvent = {}
): GateFromCounts {
  if (!stampMatches(snapshot.stateStamp, config))
    return {
      unreconciled: true,
      needsQueue:
        snapshot.stateStamp === null
          ? `the label "${config.admittedLabel}" does not exist yet: no run has reconciled the queue's labels`
          : 'the queue labels were last reconciled under another configuration (or by hand)'
    };
  const { wipLimit, adaptive, pace, flow, reviewerLimit } = effectiveLimit(snapshot, config, now);
  const decision = decideFromCounts(pr, counts, snapshot, config, {
    wipLimit,
    reviewerLimit,
    perDay: pace?.perDay,
    now
  });
  if (!decision)
    return {
      needsQueue: counts.unreadTies
        ? `${counts.unreadTies} more open PRs were created in the same second as #${pr.number}`
        : 'an open PR ahead of it is in two area rules, so counts cannot tell which of them gets a free seat'
    };
  const moved = movesOthers(pr, decision, counts, config, repositoryName(snapshot), event);
  if (moved) return { needsQueue: moved };
  // The same whose-move view as a sweep's; a gate runs none of the lifecycle's writes.
  decision.stale = decideStale(pr, config, snapshot.actor, now);
  const assigned = chooseReviewer(
    pr,
    decision,
    config,
    counts.reviewerLoads ?? new Map(),
    poolLimit(rulesFor(pr, config), reviewerLimit)
  );
  if (assigned) decision.assigned = assigned;
  const planned = planWrites([{ pr, decision }], config, {
    wipLimit,
    lifecycle: false,
    actor: snapshot.actor,
    existingLabels: snapshot.existingLabels
  });
  return {
    plan: {
      mode: 'gate',
      read: 'counts',
      now: now.toISOString(),
      wipLimit,
      adaptive,
      pace,
      flow,
      queueSize: counts.queueSize,
      decisions: [decision],
      subject: decision,
      ...planned
    }
  };
}
