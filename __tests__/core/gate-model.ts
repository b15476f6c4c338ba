// What a gate reads, modelled from a snapshot: the counts issue search and
// the live lists would give (by the labels the PRs carry, as search sees
// them), and the stamp a reconciled repository carries. Lets the core's
// tests put the gate's counting path beside the whole-queue plan.
import type { Config } from '../../src/config/types.js';
import { fullGroups, holdsSeat } from '../../src/core/admission.js';
import { areaLabel } from '../../src/core/areas.js';
import { reviewerLimits } from '../../src/core/review-capacity.js';
import { rulesFor } from '../../src/core/rules.js';
import {
  areaKey,
  groupsByLabels,
  groupsOf,
  isAreaRule,
  isReviewRule,
  labelledRules,
  type SeatGroup
} from '../../src/core/seat-groups.js';
import { hasLabel } from '../../src/core/label-names.js';
import { sameLogin } from '../../src/core/logins.js';
import { planGateFromCounts } from '../../src/core/plan-gate.js';
import { createdBefore, isCountable, queueOrder } from '../../src/core/queue.js';
import { rateWindows } from '../../src/core/rate-windows.js';
import { stampedDescription } from '../../src/core/state-stamp.js';
import type { Decision, GateCounts, Plan, PullRequest, Snapshot } from '../../src/core/types.js';
import { DAY_MS } from '../../src/core/time.js';
import { NOW } from './factories.js';

/** Counts of a queue with nobody else in it. */
export const ALONE: GateCounts = {
  queueSize: 1,
  line: { held: 0, heldByGroup: {}, heldAhead: 0, ahead: 0, aheadOpen: 0, aheadOutsideGroups: 0, aheadByGroup: {} },
  authorOpenBefore: 0,
  authorOpenAfter: 0,
  authorOpenedBefore: {}
};

/**
 * The counts a gate for `subject` reads when the other PRs are `prs` as they are labelled now
 * (search sees labels; the seats held are read live with their review requests).
 */
export function countsFromLabels(subject: PullRequest, prs: PullRequest[], c: Config, now: Date = NOW): GateCounts {
  const limit = reviewerLimits(c);
  const others = prs.filter((p) => p.number !== subject.number);
  const countable = others.filter((p) => isCountable(p, c));
  const inLine = countable.filter((p) => !hasLabel(p.labels, c.violationLabel));
  const held = inLine.filter((p) => holdsSeat(p, c));
  const order = queueOrder(c);
  const line = inLine.filter((p) => !holdsSeat(p, c) && order(p, subject) < 0);
  const byGroup = (list: PullRequest[]) => {
    const counts: Record<string, number> = {};
    for (const p of list) for (const g of groupsByLabels(p, c, limit)) counts[g.key] = (counts[g.key] ?? 0) + 1;
    return counts;
  };
  const areas = c.rules.filter(isAreaRule);
  const reviews = c.rules.some(isReviewRule);
  // The groups full before the walk: the seats held in each, the subject's own included.
  const heldByGroup = byGroup(held);
  const mine = groupsOf(rulesFor(subject, c), subject.reviewRequests ?? [], limit);
  const withMine = { ...heldByGroup };
  if (holdsSeat(subject, c) && isCountable(subject, c))
    for (const g of mine) withMine[g.key] = (withMine[g.key] ?? 0) + 1;
  const known = new Map<string, SeatGroup>();
  for (const p of [...held, ...line]) for (const g of groupsByLabels(p, c, limit)) known.set(g.key, g);
  for (const g of mine) known.set(g.key, g);
  const labelled = labelledRules(c);
  // Only what search can leave out: area labels, reviewers of a rule that selects every PR.
  const excludable = fullGroups([...known.values()], withMine).filter(
    (g) => g.reviewer === undefined || !labelled.includes(g.rule)
  );
  const open = line.filter((p) => !groupsByLabels(p, c, limit).some((g) => excludable.some((f) => f.key === g.key)));
  const mineAuthor = countable.filter((p) => sameLogin(p.author, subject.author));
  const carriesArea = (p: PullRequest) => areas.some((r) => hasLabel(p.labels, areaLabel(r)));
  return {
    queueSize: countable.length + (isCountable(subject, c) ? 1 : 0),
    line: {
      held: held.length,
      heldByGroup,
      heldAhead: held.filter((p) => order(p, subject) < 0).length,
      ahead: line.length,
      aheadOpen: open.length,
      ...(reviews ? {} : { aheadOutsideGroups: line.filter((p) => !carriesArea(p)).length }),
      aheadByGroup: reviews
        ? {}
        : Object.fromEntries(
            areas
              .filter((r) => !excludable.some((g) => g.key === areaKey(r)))
              .map((r) => [areaKey(r), open.filter((p) => hasLabel(p.labels, areaLabel(r))).length])
          ),
      ...(c.wipLimit === 0 && areas.length > 0 && !reviews
        ? { unlimited: inLine.filter((p) => !holdsSeat(p, c) && !carriesArea(p)).length }
        : {})
    },
    authorOpenBefore: mineAuthor.filter((p) => createdBefore(p, subject) < 0).length,
    authorOpenAfter: mineAuthor.filter((p) => createdBefore(subject, p) < 0).length,
    authorOpenedBefore: Object.fromEntries(
      rateWindows(c).map((days) => [
        days,
        others.filter(
          (p) =>
            sameLogin(p.author, subject.author) &&
            Date.parse(p.createdAt) < Date.parse(subject.createdAt) &&
            Date.parse(p.createdAt) >= now.getTime() - days * DAY_MS
        ).length
      ])
    )
  };
}

/** The snapshot as a reconciled repository shows it: admitted-label carries the stamp of `c`. */
export function stamped(s: Snapshot, c: Config): Snapshot {
  return { ...s, stateStamp: stampedDescription(c, NOW) };
}

/** The gate's plan from counts on a reconciled repository; throws when it would read the whole queue. */
export function gatePlan(subject: PullRequest, counts: GateCounts, s: Snapshot, c: Config, now: Date = NOW): Plan {
  const answer = planGateFromCounts(subject, counts, stamped(s, c), c, now);
  if ('needsQueue' in answer) throw new Error(`the gate would read the whole queue: ${answer.needsQueue}`);
  return answer.plan;
}

/** The gate's decision from counts on a reconciled repository. */
export function gateDecision(subject: PullRequest, counts: GateCounts, s: Snapshot, c: Config): Decision {
  return gatePlan(subject, counts, s, c).subject as Decision;
}
