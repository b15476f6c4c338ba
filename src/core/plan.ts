// The pure core: plan(snapshot, config, now, scope) decides every PR's state
// and the writes that show it. No network, no clock of its own.
import type { Config } from '../config/types.js';
import { adaptiveLimit } from './adaptive.js';
import { decideQueue } from './decide.js';
import { decideStale } from './stale.js';
import type { AdaptiveLimit, Plan, PlanScope, PullRequest, Snapshot } from './types.js';
import { planWrites, type Evaluated } from './writes.js';

export function effectiveLimit(snapshot: Snapshot, config: Config): { wipLimit: number; adaptive?: AdaptiveLimit } {
  if (config.wipLimit !== 'auto') return { wipLimit: config.wipLimit };
  if (!snapshot.history) throw new Error('wip-limit "auto" needs the merge history, and the snapshot has none');
  const adaptive = adaptiveLimit(snapshot.history, config.adaptive);
  return { wipLimit: adaptive.limit, adaptive };
}

/** Which PRs a run writes to: the subject (gate), what a close can change (advance), or all (sweep). */
function inScope(scope: PlanScope, evaluated: Evaluated): boolean {
  if (scope.mode === 'sweep') return true;
  if (scope.mode === 'gate') return evaluated.pr.number === scope.number;
  const { pr, decision } = evaluated;
  const nowAdmitted = decision.state === 'admitted' && pr.status?.state !== 'success';
  return nowAdmitted || (scope.closedAuthor !== undefined && pr.author === scope.closedAuthor);
}

export function plan(snapshot: Snapshot, config: Config, now: Date, scope: PlanScope): Plan {
  const { wipLimit, adaptive } = effectiveLimit(snapshot, config);
  const { decisions, queueSize } = decideQueue(snapshot, config, wipLimit, now);
  const byNumber = new Map<number, PullRequest>(snapshot.pullRequests.map((pr) => [pr.number, pr]));
  const evaluated: Evaluated[] = decisions.map((decision) => ({ pr: byNumber.get(decision.number) as PullRequest, decision }));
  // Every mode shows whose move each PR is; only a sweep runs the lifecycle's writes.
  for (const { pr, decision } of evaluated) decision.stale = decideStale(pr, config, snapshot.actor, now);
  const { writes, deferredCloses } = planWrites(
    evaluated.filter((e) => inScope(scope, e)),
    config,
    wipLimit,
    scope.mode === 'sweep'
  );
  return {
    mode: scope.mode,
    now: now.toISOString(),
    wipLimit,
    adaptive,
    queueSize,
    decisions,
    subject: scope.mode === 'gate' ? decisions.find((d) => d.number === scope.number) : undefined,
    writes,
    deferredCloses
  };
}
