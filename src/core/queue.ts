// Which PRs the queue counts, and in what order (README "How the queue works").
import type { Association, Config } from '../config/types.js';
import type { AuthorStats, ExemptReason } from './types.js';
import { loginMatches, pathMatches } from './globs.js';
import { hasAnyLabel } from './label-names.js';

/** The few facts the queue needs: a full PullRequest or a gate's partial read. */
export interface QueueFacts {
  number: number;
  createdAt: string;
  isDraft: boolean;
  baseRef: string;
  author: string;
  labels: string[];
  /** Pending review requests, when read (review capacity). */
  reviewRequests?: string[];
}

/** Why a PR takes no part in the queue, or undefined when it counts. */
export function exemptReason(pr: QueueFacts, config: Config): ExemptReason | undefined {
  if (config.baseBranches.length > 0 && !pathMatches(pr.baseRef, config.baseBranches)) return 'base-branch';
  if (pr.isDraft && !config.countDrafts) return 'draft';
  if (hasAnyLabel(pr.labels, config.exemptLabels)) return 'label';
  if (loginMatches(pr.author, config.exemptAuthors)) return 'author';
  return undefined;
}

export function isCountable(pr: QueueFacts, config: Config): boolean {
  return exemptReason(pr, config) === undefined;
}

export function isPriority(pr: { labels: string[] }, config: Config): boolean {
  return hasAnyLabel(pr.labels, config.priorityLabels);
}

/** Priority first, then creation time, ties by number: a pure function of the open set. */
export function queueOrder(config: Config): (a: QueueFacts, b: QueueFacts) => number {
  return (a, b) => Number(isPriority(b, config)) - Number(isPriority(a, config)) || createdBefore(a, b);
}

/** Creation order, ties by number: the order per-author budgets count in. */
export function createdBefore(
  a: { createdAt: string; number: number },
  b: { createdAt: string; number: number }
): number {
  return Date.parse(a.createdAt) - Date.parse(b.createdAt) || a.number - b.number;
}

/** Per-author budgets govern authors without write access (by default), unless trusted. */
export function isAuthorLimited(pr: { authorAssociation: Association }, config: Config): boolean {
  return config.authorLimitAssociations.includes(pr.authorAssociation);
}

export function isTrusted(stats: AuthorStats | undefined, config: Config): boolean {
  return config.trustedAfterMerged > 0 && (stats?.merged ?? 0) >= config.trustedAfterMerged;
}
