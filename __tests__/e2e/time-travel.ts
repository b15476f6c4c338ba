// Lets days pass between two runs: every time in the fake's store moves back
// by `days`, which is what the action sees when it runs `days` later.
import type { FakeStore } from '../../test-support/fake-github/store.js';
import { DAY_MS } from '../../src/core/time.js';

export function daysPass(store: FakeStore, days: number): void {
  const back = (iso: string) => new Date(Date.parse(iso) - days * DAY_MS).toISOString();
  const backOrNull = (iso: string | null) => (iso === null ? null : back(iso));
  for (const pr of store.pullRequests) {
    pr.createdAt = back(pr.createdAt);
    pr.closedAt = backOrNull(pr.closedAt);
    pr.mergedAt = backOrNull(pr.mergedAt);
    pr.lastCommittedAt = back(pr.lastCommittedAt);
    for (const comment of pr.comments) {
      comment.createdAt = back(comment.createdAt);
      if (comment.updatedAt) comment.updatedAt = back(comment.updatedAt);
    }
    for (const review of pr.reviews) review.submittedAt = backOrNull(review.submittedAt);
    for (const event of pr.timeline) event.createdAt = back(event.createdAt);
  }
  for (const statuses of Object.values(store.statuses))
    for (const status of statuses) status.createdAt = back(status.createdAt);
  for (const runs of Object.values(store.checkRuns ?? {}))
    for (const run of runs) run.completedAt = backOrNull(run.completedAt);
}
