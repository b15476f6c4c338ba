// Admission (README "How the queue works"): a PR that shows admitted keeps its
// seat until its own facts change (it holds `admitted-label`); the free seats
// under the WIP limit and each area rule's `max-open` go to the waiting line
// in queue order. One model for every mode: a sweep or an advance walks the
// whole waiting line; a gate walks a line rebuilt from search counts
// (lineFromCounts), which is the same walk whenever the counts determine it.
import type { Config, Rule } from '../config/types.js';
import { areaLabel } from './areas.js';
import { hasLabel } from './label-names.js';

/**
 * Whether a PR in line holds a seat: it carries `admitted-label`, which the
 * action puts on the PRs it admits and takes off when they leave the line.
 * (Added by hand, it admits the PR: README "How the queue works".)
 */
export function holdsSeat(pr: { labels: readonly string[] }, config: Pick<Config, 'admittedLabel'>): boolean {
  return hasLabel(pr.labels, config.admittedLabel);
}

/**
 * Whether a PR carrying admitted-label keeps its seat: unless it moved into
 * an area that has no room for it (its own facts changed: a push into a full
 * area). `areas`: the area rules that select it now; `heldByArea`: the seats
 * held in each by PRs already counted there (by rule name).
 */
export function keepsSeat(
  pr: { labels: readonly string[] },
  areas: readonly Rule[],
  heldByArea: Readonly<Record<string, number>>
): boolean {
  return areas.every(
    (rule) => hasLabel(pr.labels, areaLabel(rule)) || hasRoom(heldByArea[rule.name] ?? 0, rule.budgets.maxOpen ?? 0)
  );
}

/** What one PR of the waiting line got from the walk. */
export interface Seat {
  admitted: boolean;
  /** Waiting on an area rule that is full once the walk is over (Seats.fullArea): the rule and the PRs it admits. */
  area?: { rule: Rule; admitted: number };
}

/** Is there room for one more under `limit` with `taken` seats taken? 0 = no limit. */
export function hasRoom(taken: number, limit: number): boolean {
  return limit === 0 || taken < limit;
}

/** The seats under the WIP limit and under each area rule, the held ones taken first. */
export class Seats {
  private taken: number;
  private readonly byArea: Map<Rule, number>;

  /**
   * `held`: PRs that keep their seat (admitted earlier, still in line);
   * `heldByArea`: of those, how many each area rule selects.
   */
  constructor(
    private readonly wipLimit: number,
    held: number,
    heldByArea: ReadonlyMap<Rule, number>
  ) {
    this.taken = held;
    this.byArea = new Map(heldByArea);
  }

  /** The next PR of the waiting line, in the area rules `areas`: admitted when the limit and each area have room. */
  take(areas: readonly Rule[]): Seat {
    const underLimit = hasRoom(this.taken, this.wipLimit);
    const full = areas.find((rule) => !hasRoom(this.byArea.get(rule) ?? 0, rule.budgets.maxOpen ?? 0));
    if (underLimit && !full) {
      this.taken++;
      for (const rule of areas) this.byArea.set(rule, (this.byArea.get(rule) ?? 0) + 1);
      return { admitted: true };
    }
    return { admitted: false };
  }

  /**
   * The first of `areas` (config order) with no room, and the PRs it admits: the reason a PR
   * waits on an area rather than on the limit. Asked once the walk is over, so that it names the
   * same rule whether the seats were held from an earlier run or taken in this walk.
   */
  fullArea(areas: readonly Rule[]): Seat['area'] {
    const full = areas.find((rule) => !hasRoom(this.byArea.get(rule) ?? 0, rule.budgets.maxOpen ?? 0));
    return full && { rule: full, admitted: this.byArea.get(full) ?? 0 };
  }

  /** Whether any PR could still take a seat: the limit has room. */
  get open(): boolean {
    return hasRoom(this.taken, this.wipLimit);
  }
}

/**
 * What a gate counts with search about the line around one PR. Every count
 * is of PRs in line: countable and not carrying `violation-label`.
 */
export interface LineCounts {
  /** PRs holding a seat (`admitted-label`). */
  held: number;
  /** Of those, by area rule name: the ones carrying the rule's area label. */
  heldByArea: Record<string, number>;
  /** Of the held PRs, the ones before this PR in queue order (its rank among them). */
  heldAhead: number;
  /** PRs of the waiting line (no `admitted-label`) before this PR in queue order. */
  ahead: number;
  /**
   * Of `ahead`, the ones that may take a seat: none of their areas is full
   * before the walk (a full area only fills up further during it). The rest
   * wait whatever the order.
   */
  aheadOpen: number;
  /** Of `aheadOpen`, the ones carrying no area label. */
  aheadOutsideAreas: number;
  /** Of `aheadOpen`, by area rule name: the ones carrying the rule's area label. */
  aheadByArea: Record<string, number>;
  /**
   * Without a WIP limit (0), the PRs of the waiting line outside every area, anywhere in it:
   * admitted by every walk without a seat to hold (nothing limits them, so no label marks them).
   */
  unlimited?: number;
}

/** The area rules with no room before the walk, given the seats held in each (by rule name). */
export function fullAreas(areaRules: readonly Rule[], heldByArea: Record<string, number>): Rule[] {
  return areaRules.filter((rule) => !hasRoom(heldByArea[rule.name] ?? 0, rule.budgets.maxOpen ?? 0));
}

/** The walk of the waiting line ahead of a PR, and the PR's own seat. */
export interface LineWalk {
  /** PRs ahead of it that the walk admits. */
  admittedAhead: number;
  /** Its own seat, when it is in the waiting line (a held PR keeps its seat). */
  seat: Seat;
}

/**
 * The walk the sweep makes, rebuilt from a gate's counts: the waiting line
 * ahead of the PR that may take a seat (PRs outside every area, then each
 * area's), then the PR. The order inside the line does not change the
 * outcome when each of those PRs is in at most one area, because seats are
 * only taken during a walk, never given back. Returns undefined when one of
 * them is in two areas while seats are free (the counts cannot tell which of
 * them the walk admits: read the queue). A settled queue has no such PR: a
 * PR that may take a seat has taken it.
 */
export function lineFromCounts(
  counts: LineCounts,
  wipLimit: number,
  areaRules: readonly Rule[],
  ownAreas: readonly Rule[]
): LineWalk | undefined {
  const seats = new Seats(
    wipLimit,
    counts.held,
    new Map(areaRules.map((rule) => [rule, counts.heldByArea[rule.name] ?? 0]))
  );
  const inAreas = areaRules.reduce((sum, rule) => sum + (counts.aheadByArea[rule.name] ?? 0), 0);
  const disjoint = counts.aheadOpen === counts.aheadOutsideAreas + inAreas;
  if (!disjoint && seats.open && counts.aheadOpen > 0) return undefined;
  let admittedAhead = 0;
  const walk = (n: number, areas: readonly Rule[]) => {
    // Once the limit is full nobody else is admitted: the rest of the line need not be walked.
    for (let i = 0; i < n && seats.open; i++) if (seats.take(areas).admitted) admittedAhead++;
  };
  if (disjoint) {
    walk(counts.aheadOutsideAreas, []);
    for (const rule of areaRules) walk(counts.aheadByArea[rule.name] ?? 0, [rule]);
  }
  // A settled queue's walk admits nobody behind the PR either: these counts are the walk's last.
  const seat = seats.take(ownAreas);
  return { admittedAhead, seat: seat.admitted ? seat : { admitted: false, area: seats.fullArea(ownAreas) } };
}
