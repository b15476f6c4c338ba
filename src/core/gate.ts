// The gate's constant-cost path (spec §10): when search counts can express
// the configuration, the triggering PR's decision follows from the number of
// PRs ahead of it; otherwise the caller reads the whole queue and uses plan().
import type { Config } from '../config/types.js';
import { exemptDecision, placeDecision, violationDecision, violationsOf } from './decide.js';
import { hasWildcard } from './globs.js';
import { effectiveLimit } from './plan.js';
import { rulesFor } from './rules.js';
import { decideStale } from './stale.js';
import type { Decision, GateCounts, Plan, PullRequest, Snapshot } from './types.js';
import { planWrites } from './writes.js';

/** Selector keys that depend on the author alone, so the author's search counts still apply. */
const AUTHOR_ONLY_KEYS = new Set(['authors', 'associations']);

export function canGateFromCounts(config: Config): { ok: true } | { ok: false; why: string } {
  if (config.rules.some((rule) => rule.budgets.maxOpen !== undefined)) return { ok: false, why: 'a max-open (area) rule admits by walking the queue' };
  if (config.rules.some((rule) => rule.selector.paths !== undefined)) return { ok: false, why: 'a rule selects by changed paths' };
  const perAuthorScoped = config.rules.some(
    (rule) => rule.budgets.maxOpenPerAuthor !== undefined && Object.keys(rule.selector).some((key) => !AUTHOR_ONLY_KEYS.has(key))
  );
  if (perAuthorScoped) return { ok: false, why: 'a max-open-per-author rule selects by more than the author' };
  if (config.exemptAuthors.some(hasWildcard)) return { ok: false, why: 'exempt-authors has a wildcard, which search cannot express' };
  if (config.baseBranches.length > 1 || config.baseBranches.some(hasWildcard)) {
    return { ok: false, why: 'base-branches has a wildcard or several branches, which search cannot express' };
  }
  return { ok: true };
}

export function decideFromCounts(pr: PullRequest, counts: GateCounts, snapshot: Snapshot, config: Config, wipLimit: number): Decision {
  const exempt = exemptDecision(pr, config);
  if (exempt) return exempt;
  const violations = violationsOf(pr, rulesFor(pr, config), snapshot.authors[pr.author], config, () => ({
    openBefore: () => counts.authorOpenBefore,
    openedBefore: (days) => counts.authorOpenedBefore[days] ?? 0
  }));
  if (violations.length > 0) return violationDecision(pr, violations);
  // Without area rules, admitted means fewer than wip-limit PRs ahead (spec §3).
  return placeDecision(pr, counts.ahead + 1, wipLimit === 0 || counts.ahead < wipLimit, counts.queueSize, wipLimit);
}

export function planGateFromCounts(pr: PullRequest, counts: GateCounts, snapshot: Snapshot, config: Config, now: Date): Plan {
  const { wipLimit, adaptive } = effectiveLimit(snapshot, config);
  const decision = decideFromCounts(pr, counts, snapshot, config, wipLimit);
  // The same whose-move view as a sweep's; a gate runs none of the lifecycle's writes.
  decision.stale = decideStale(pr, config, snapshot.actor, now);
  const { writes, deferredCloses } = planWrites([{ pr, decision }], config, wipLimit, false);
  return {
    mode: 'gate',
    now: now.toISOString(),
    wipLimit,
    adaptive,
    queueSize: counts.queueSize,
    decisions: [decision],
    subject: decision,
    writes,
    deferredCloses
  };
}
