// The gate's constant-cost path (README "API use"): when search counts can express
// the configuration, the triggering PR's decision follows from the number of
// PRs ahead of it; otherwise the caller reads the whole queue and uses plan().
import type { Config, Rule } from '../config/types.js';
import { exemptDecision, placeDecision, violationDecision, violationsOf } from './decide.js';
import { hasWildcard } from './globs.js';
import { claimsIncomplete, holdersFromClaims, repositoryName } from './issue-budgets.js';
import { byLogin } from './logins.js';
import { isPriority } from './queue.js';
import { effectiveLimit } from './plan.js';
import { rulesFor } from './rules.js';
import { decideStale } from './stale.js';
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
 * Why a gate cannot decide PR `pr` from search counts, or undefined when it can: the config needs
 * the whole queue (canGateFromCounts), or an issue the PR closes has more open PRs than the gate read.
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

/** `perDay`: the merge pace for the expected wait, when read. */
export function decideFromCounts(
  pr: PullRequest,
  counts: GateCounts,
  snapshot: Snapshot,
  config: Config,
  wipLimit: number,
  perDay?: number
): Decision {
  const exempt = exemptDecision(pr, config);
  if (exempt) return exempt;
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
  const priority = isPriority(pr, config);
  const place = { position: counts.ahead + 1, queueSize: counts.queueSize, wipLimit, perDay, priority };
  if (counts.admittedAhead === undefined) {
    // Without area rules, admitted means fewer than wip-limit PRs ahead.
    return placeDecision(pr, { ...place, admitted: wipLimit === 0 || counts.ahead < wipLimit }, config);
  }
  // With area rules, as the sweep walks the order: room under the limit, and in each of the PR's areas.
  const underLimit = wipLimit === 0 || counts.admittedAhead < wipLimit;
  const areaAdmitted = (rule: Rule) => counts.areaAdmittedAhead?.[rule.name] ?? 0;
  const fullArea = rules.find(
    (rule) => rule.budgets.maxOpen !== undefined && areaAdmitted(rule) >= rule.budgets.maxOpen
  );
  const area = underLimit && fullArea ? { rule: fullArea, admitted: areaAdmitted(fullArea) } : undefined;
  return placeDecision(pr, { ...place, admitted: underLimit && !fullArea, area }, config);
}

export function planGateFromCounts(
  pr: PullRequest,
  counts: GateCounts,
  snapshot: Snapshot,
  config: Config,
  now: Date
): Plan {
  const { wipLimit, adaptive, pace, flow } = effectiveLimit(snapshot, config, now);
  const decision = decideFromCounts(pr, counts, snapshot, config, wipLimit, pace?.perDay);
  // The same whose-move view as a sweep's; a gate runs none of the lifecycle's writes.
  decision.stale = decideStale(pr, config, snapshot.actor, now);
  const planned = planWrites([{ pr, decision }], config, {
    wipLimit,
    lifecycle: false,
    actor: snapshot.actor,
    existingLabels: snapshot.existingLabels
  });
  return {
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
  };
}
