// Review capacity (README "Review capacity"): each reviewer's limit under a
// rule's `max-review-requests`, a number or `auto` (Little's law on the
// reviewer's own pace: reviews per day over throughput-window-days ×
// target-review-days, clamped to [min-review-requests, max-review-requests-cap]).
import type { Config } from '../config/types.js';
import { loginKey } from './logins.js';
import { daysBetween } from './time.js';
import type { PullRequest } from './types.js';
import { whoseMove } from './whose-move.js';
import type { ReviewerLimit } from './seat-groups.js';
import { DAY_MS } from './time.js';

/** A merged PR of the throughput window, as the pace needs it. */
export interface ReviewedPullRequest {
  author: string;
  /** Reviews submitted on it: who and when (ISO). */
  reviews: { author: string; at: string }[];
  /** Review requests made on it: a login or `org/team`, and when (ISO). */
  requests: { reviewer: string; at: string }[];
}

/** The PRs merged in the throughput window, read for `max-review-requests: auto`. */
export interface ReviewHistory {
  windowDays: number;
  pullRequests: ReviewedPullRequest[];
}

/** A reviewer's spelling for comparisons: logins and teams compare case-insensitively. */
export function reviewerKey(reviewer: string): string {
  return reviewer.includes('/') ? reviewer.toLowerCase() : loginKey(reviewer);
}

/**
 * Reviews per day in the window, by reviewerKey: a user's own reviews; a
 * team's, the reviews on PRs that requested the team, given after the request
 * by anyone but the PR's author (its members answer for it).
 */
export function reviewPace(history: ReviewHistory, now: Date): Map<string, number> {
  const start = now.getTime() - history.windowDays * DAY_MS;
  const counts = new Map<string, number>();
  const add = (key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);
  for (const pr of history.pullRequests) {
    const reviews = pr.reviews.filter(
      (r) => Date.parse(r.at) >= start && reviewerKey(r.author) !== reviewerKey(pr.author)
    );
    for (const review of reviews) add(reviewerKey(review.author));
    for (const team of new Set(
      pr.requests.filter((r) => r.reviewer.includes('/')).map((r) => reviewerKey(r.reviewer))
    )) {
      const requestedAt = Math.min(
        ...pr.requests.filter((r) => reviewerKey(r.reviewer) === team).map((r) => Date.parse(r.at))
      );
      for (const review of reviews) if (Date.parse(review.at) >= requestedAt) add(team);
    }
  }
  return new Map([...counts].map(([key, n]) => [key, n / history.windowDays]));
}

/** A reviewer's limit under `auto`, and the inputs of its formula (the report shows them). */
export interface AutoReviewLimit {
  perDay: number;
  raw: number;
  limit: number;
}

export function autoReviewLimit(perDay: number, config: Pick<Config, 'adaptive' | 'reviewers'>): AutoReviewLimit {
  const raw = Math.ceil(perDay * config.adaptive.targetReviewDays);
  const { minRequests, maxRequestsCap } = config.reviewers;
  return { perDay, raw, limit: Math.min(Math.max(raw, minRequests), maxRequestsCap ?? Infinity) };
}

/**
 * Each reviewer's limit: a rule's number, or under `auto` their pace's
 * (`pace` from reviewPace; a reviewer with no reviews in the window gets
 * min-review-requests; no history read: every reviewer does).
 */
export function reviewerLimits(
  config: Pick<Config, 'adaptive' | 'reviewers'>,
  pace: ReadonlyMap<string, number> = new Map()
): ReviewerLimit {
  return (rule, reviewer) => {
    const limit = rule.budgets.maxReviewRequests;
    if (typeof limit === 'number') return limit;
    return autoReviewLimit(pace.get(reviewerKey(reviewer)) ?? 0, config).limit;
  };
}

/** Whether the PRs' pending review requests must be read: review capacity or assignment is on. */
export function needsReviewRequests(config: Pick<Config, 'rules' | 'reviewers'>): boolean {
  return config.rules.some((rule) => rule.budgets.maxReviewRequests !== undefined) || config.reviewers.assign !== 'off';
}

/** Whether the review history must be read: a rule's `max-review-requests` is `auto` (or assignment weighs room by pace). */
export function needsReviewHistory(config: Pick<Config, 'rules' | 'reviewers'>): boolean {
  return config.rules.some((rule) => rule.budgets.maxReviewRequests === 'auto');
}

/** Each reviewer's limit from the review history, when read (one definition for every mode). */
export function reviewerLimitOf(
  config: Pick<Config, 'adaptive' | 'reviewers'>,
  history: ReviewHistory | undefined,
  now: Date
): ReviewerLimit {
  return reviewerLimits(config, history ? reviewPace(history, now) : undefined);
}

/**
 * With `yield-days`: how long the PR has been its author's move without activity, when that is at
 * least yield-days (it then gives its seat to the waiting line until the author acts); else undefined.
 */
export function yieldedDays(pr: PullRequest, config: Config, actor: string, now: Date): number | undefined {
  const days = config.reviewers.yieldDays;
  if (days === 0) return undefined;
  const move = whoseMove(pr, config, actor, now);
  if (move.whoseMove !== 'author') return undefined;
  const idle = daysBetween(move.lastActivity, now);
  return idle >= days ? idle : undefined;
}
