// The whole-queue read for sweep, advance and the gate's fallback:
// ⌈N/100⌉ pages of open PRs plus a constant (repository, history, authors).
// Every whole-queue read includes the history (one request): the expected
// waits in statuses and comments need the merge pace in every mode.
import * as core from '@actions/core';
import type { Config } from '../config/types.js';
import { actionLabelNames } from '../core/labels.js';
import type { Snapshot } from '../core/types.js';
import { readAuthorStats } from './read-author-stats.js';
import { readHistory } from './read-history.js';
import { readOpenPullRequests } from './read-queue.js';
import { readReviewHistory } from './read-review-history.js';
import { needsReviewHistory, needsReviewRequests } from '../core/review-capacity.js';
import type { RepositoryFacts } from './read-repository.js';
import type { GitHubSession } from './session.js';

function needsFiles(config: Config): boolean {
  return config.rules.some((rule) => rule.selector.paths !== undefined);
}

/** The linked-issue facts the rules need: issue numbers for either budget; assignees and labels for require-issue. */
export function issueReads(config: Config): { withIssues: boolean; withIssueFacts: boolean } {
  const budgets = config.rules.map((rule) => rule.budgets);
  return {
    withIssues: budgets.some((b) => b.requireIssue !== undefined || b.onePrPerIssue),
    withIssueFacts: budgets.some((b) => b.requireIssue === 'assigned' || (b.issueLabels?.length ?? 0) > 0)
  };
}

/**
 * The snapshot a whole-queue plan needs, after the repository facts (read-repository.ts or the
 * gate's first read): every open PR (read-queue.ts), the authors' stats the budgets need
 * (read-author-stats.ts) and the history with the action's labels (read-history.ts).
 * `onProgress(read, total)` is called after each page of open PRs.
 */
export async function readQueueSnapshot(
  session: GitHubSession,
  facts: RepositoryFacts,
  config: Config,
  now: Date,
  onProgress: (read: number, total: number) => void = (read, total) =>
    core.debug(`Read ${read} of ${total} open pull requests`)
): Promise<Snapshot> {
  const pullRequests = await readOpenPullRequests(session, {
    withFiles: needsFiles(config),
    ...issueReads(config),
    withReviewRequests: needsReviewRequests(config),
    statusContext: config.statusContext,
    actor: facts.actor,
    onProgress
  });
  const authors = await readAuthorStats(session, config, pullRequests, now);
  // The history request also looks up the action's labels.
  const { history, existingLabels, labelDescriptions } = await readHistory(
    session,
    now,
    config.adaptive.throughputWindowDays,
    actionLabelNames(config)
  );
  const reviewHistory = needsReviewHistory(config)
    ? await readReviewHistory(session, now, config.adaptive.throughputWindowDays)
    : undefined;
  return {
    repository: { ...session.repo, defaultBranch: facts.defaultBranch },
    actor: facts.actor,
    pullRequests,
    authors,
    history,
    ...(reviewHistory ? { reviewHistory } : {}),
    existingLabels,
    // The queue state's stamp (core/state-stamp.ts) is admitted-label's description.
    stateStamp: labelDescriptions[config.admittedLabel] ?? null
  };
}
