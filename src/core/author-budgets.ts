// Budgets that count an author's other PRs (README "Rules"): max-open-per-author
// (countable open PRs created before this one) and max-opened-per-author
// (PRs of any state opened in the trailing window before this one). The
// counts come from the whole queue in a sweep and from search in a gate.
import type { Config, Rule } from '../config/types.js';
import { openedPerAuthorViolation, openPerAuthorViolation } from './rules.js';
import { isUnknownLogin, loginKey } from './logins.js';
import { createdBefore, isAuthorLimited, isTrusted } from './queue.js';
import type { AuthorStats, PullRequest, Violation } from './types.js';
import { DAY_MS } from './time.js';

export interface AuthorCounts {
  /** The author's countable open PRs matched by the rule and created before this one. */
  openBefore(rule: Rule): number;
  /** PRs the author opened within `days` before now and before this one. */
  openedBefore(days: number): number;
}

export function authorBudgetViolations(pr: PullRequest, rules: Rule[], counts: AuthorCounts): Violation[] {
  const violations: Violation[] = [];
  for (const rule of rules) {
    const { maxOpenPerAuthor, maxOpenedPerAuthor } = rule.budgets;
    if (maxOpenPerAuthor !== undefined && maxOpenPerAuthor > 0) {
      const before = counts.openBefore(rule);
      if (before >= maxOpenPerAuthor) violations.push(openPerAuthorViolation(rule, pr.author, maxOpenPerAuthor));
    }
    if (maxOpenedPerAuthor && maxOpenedPerAuthor.count > 0) {
      const before = counts.openedBefore(maxOpenedPerAuthor.days);
      if (before >= maxOpenedPerAuthor.count) {
        violations.push(openedPerAuthorViolation(rule, pr.author, maxOpenedPerAuthor.count, maxOpenedPerAuthor.days));
      }
    }
  }
  return violations;
}

/**
 * Whether per-author budgets govern this PR's author at all. Never an unknown
 * author: PRs by different deleted accounts all read as `ghost`, and counting
 * them as one person would close strangers' work.
 */
/**
 * Whether a gate counts the author's open and opened PRs: per-author budgets may apply to them
 * (whether trust exempts them is known only from the counts). A deleted account (`ghost`) never.
 */
export function needsAuthorCounts(pr: PullRequest, config: Config): boolean {
  return isAuthorLimited(pr, config) && !isUnknownLogin(pr.author);
}

export function authorBudgetsApply(pr: PullRequest, stats: AuthorStats | undefined, config: Config): boolean {
  if (isUnknownLogin(pr.author)) return false;
  return isAuthorLimited(pr, config) && !isTrusted(stats, config);
}

/**
 * Counts for one PR from the author's countable PRs and opening history.
 * Counted in loops, not filtered copies: a sweep asks this of every PR, and
 * a prolific author's list is long.
 */
export function countsFromQueue(
  pr: PullRequest,
  authorsCountable: PullRequest[],
  rulesOf: (pr: PullRequest) => Rule[],
  stats: AuthorStats | undefined,
  now: Date
): AuthorCounts {
  return {
    openBefore: (rule) => {
      let count = 0;
      for (const other of authorsCountable) if (createdBefore(other, pr) < 0 && rulesOf(other).includes(rule)) count++;
      return count;
    },
    openedBefore: (days) => {
      const start = now.getTime() - days * DAY_MS;
      const created = Date.parse(pr.createdAt);
      let count = 0;
      for (const at of stats?.openedAt ?? []) {
        const t = Date.parse(at);
        if (t >= start && t < created) count++;
      }
      return count;
    }
  };
}

/** Whether any rule has a per-author budget (max-open-per-author or max-opened-per-author). */
export function hasPerAuthorBudget(config: Config): boolean {
  return config.rules.some(
    (rule) => rule.budgets.maxOpenPerAuthor !== undefined || rule.budgets.maxOpenedPerAuthor !== undefined
  );
}

/**
 * Authors whose open PRs could put them over a per-author budget; only they
 * need a merged count (the trust exemption cannot change anyone else's state).
 */
export function trustCandidates(
  config: Config,
  pullRequests: PullRequest[],
  stats: Record<string, AuthorStats>
): string[] {
  const caps = config.rules.flatMap((rule) => [rule.budgets.maxOpenPerAuthor, rule.budgets.maxOpenedPerAuthor?.count]);
  const smallestCap = Math.min(...caps.filter((cap): cap is number => cap !== undefined));
  // Counted per loginKey; the REST spelling is kept for search (`app/name` for bots).
  const open = new Map<string, { login: string; count: number }>();
  for (const pr of pullRequests) {
    const key = loginKey(pr.author);
    open.set(key, { login: open.get(key)?.login ?? pr.author, count: (open.get(key)?.count ?? 0) + 1 });
  }
  return [...open.entries()]
    .filter(([key, { count }]) => Math.max(count, stats[key]?.openedAt?.length ?? 0) > smallestCap)
    .map(([, { login }]) => login);
}
