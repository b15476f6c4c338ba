// What a gate reads, modelled from a snapshot: the counts issue search and
// the live lists would give (by the labels the PRs carry, as search sees
// them), and the stamp a reconciled repository carries. Lets the core's
// tests put the gate's counting path beside the whole-queue plan.
import type { Config, Rule } from '../../src/config/types.js';
import { fullAreas, holdsSeat } from '../../src/core/admission.js';
import { areaLabel, areaRules, areasOf } from '../../src/core/areas.js';
import { rulesFor } from '../../src/core/rules.js';
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
  line: { held: 0, heldByArea: {}, heldAhead: 0, ahead: 0, aheadOpen: 0, aheadOutsideAreas: 0, aheadByArea: {} },
  authorOpenBefore: 0,
  authorOpenAfter: 0,
  authorOpenedBefore: {}
};

/** The counts a gate for `subject` reads when the other PRs are `prs` as they are labelled now. */
export function countsFromLabels(subject: PullRequest, prs: PullRequest[], c: Config, now: Date = NOW): GateCounts {
  const others = prs.filter((p) => p.number !== subject.number);
  const countable = others.filter((p) => isCountable(p, c));
  const inLine = countable.filter((p) => !hasLabel(p.labels, c.violationLabel));
  const held = inLine.filter((p) => holdsSeat(p, c));
  const order = queueOrder(c);
  const line = inLine.filter((p) => !holdsSeat(p, c) && order(p, subject) < 0);
  const areas = areaRules(c);
  const carries = (p: PullRequest, rule: Rule) => hasLabel(p.labels, areaLabel(rule));
  const byArea = (list: PullRequest[], rules: Rule[]) =>
    Object.fromEntries(rules.map((r) => [r.name, list.filter((p) => carries(p, r)).length]));
  // The areas full before the walk: the seats held in each, the subject's own included.
  const heldByArea = byArea(held, areas);
  if (holdsSeat(subject, c) && isCountable(subject, c))
    for (const rule of areasOf(rulesFor(subject, c))) heldByArea[rule.name]++;
  const full = fullAreas(areas, heldByArea);
  const open = line.filter((p) => !full.some((rule) => carries(p, rule)));
  const mine = countable.filter((p) => sameLogin(p.author, subject.author));
  return {
    queueSize: countable.length + (isCountable(subject, c) ? 1 : 0),
    line: {
      held: held.length,
      heldByArea: byArea(held, areas),
      heldAhead: held.filter((p) => order(p, subject) < 0).length,
      ahead: line.length,
      aheadOpen: open.length,
      aheadOutsideAreas: line.filter((p) => !areas.some((r) => carries(p, r))).length,
      aheadByArea: byArea(
        open,
        areas.filter((r) => !full.includes(r))
      ),
      ...(c.wipLimit === 0 && areas.length > 0
        ? { unlimited: inLine.filter((p) => !holdsSeat(p, c) && !areas.some((r) => carries(p, r))).length }
        : {})
    },
    authorOpenBefore: mine.filter((p) => createdBefore(p, subject) < 0).length,
    authorOpenAfter: mine.filter((p) => createdBefore(subject, p) < 0).length,
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
