// Admission (README "How the queue works"): a PR that shows admitted keeps its
// seat until its own facts change (it holds `admitted-label`); the free seats
// under the WIP limit and each group's limit (area rules, reviewers:
// seat-groups.ts) go to the waiting line in queue order. One model for every
// mode: a sweep or an advance walks the whole waiting line; a gate walks a
// line rebuilt from search counts (lineFromCounts), which is the same walk
// whenever the counts determine it.
import type { Config } from '../config/types.js';
import { areaLabel } from './areas.js';
import { hasLabel } from './label-names.js';
import type { SeatGroup } from './seat-groups.js';

/**
 * Whether a PR in line holds a seat: it carries `admitted-label`, which the
 * action puts on the PRs it admits and takes off when they leave the line.
 * (Added by hand, it admits the PR: README "How the queue works".)
 */
export function holdsSeat(pr: { labels: readonly string[] }, config: Pick<Config, 'admittedLabel'>): boolean {
  return hasLabel(pr.labels, config.admittedLabel);
}

/** Is there room for one more under `limit` with `taken` seats taken? 0 = no limit. */
export function hasRoom(taken: number, limit: number): boolean {
  return limit === 0 || taken < limit;
}

/**
 * Whether a PR carrying admitted-label keeps its seat: unless it moved into
 * an area that has no room for it (its own facts changed: a push into a full
 * area; it does not carry the area's label yet). `groups`: its groups now;
 * `held`: the seats held in each by PRs already counted there (by group key).
 * A new review request never costs a seat: the reviewer's queue drains.
 */
export function keepsSeat(
  pr: { labels: readonly string[] },
  groups: readonly SeatGroup[],
  held: Readonly<Record<string, number>>
): boolean {
  return groups.every(
    (group) =>
      group.reviewer !== undefined ||
      hasLabel(pr.labels, areaLabel(group.rule)) ||
      hasRoom(held[group.key] ?? 0, group.limit)
  );
}

/** What one PR of the waiting line got from the walk. */
export interface Seat {
  admitted: boolean;
  /** It gave its seat up: its author's move for this many days (yield-days); it takes none until the author acts. */
  yielded?: number;
  /** Waiting on a group that is full once the walk is over (Seats.fullGroup): the group and the PRs it admits. */
  group?: { group: SeatGroup; admitted: number };
}

/** The seats under the WIP limit and under each group, the held ones taken first. */
export class Seats {
  private taken: number;
  private readonly byGroup: Map<string, number>;

  /**
   * `held`: PRs that keep their seat (admitted earlier, still in line);
   * `heldByGroup`: of those, how many are in each group (by key).
   */
  constructor(
    private readonly wipLimit: number,
    held: number,
    heldByGroup: Readonly<Record<string, number>>
  ) {
    this.taken = held;
    this.byGroup = new Map(Object.entries(heldByGroup));
  }

  private roomIn(group: SeatGroup): boolean {
    return hasRoom(this.byGroup.get(group.key) ?? 0, group.limit);
  }

  /** The next PR of the waiting line, in `groups`: admitted when the limit and each group have room. */
  take(groups: readonly SeatGroup[]): Seat {
    if (hasRoom(this.taken, this.wipLimit) && groups.every((group) => this.roomIn(group))) {
      this.taken++;
      for (const group of groups) this.byGroup.set(group.key, (this.byGroup.get(group.key) ?? 0) + 1);
      return { admitted: true };
    }
    return { admitted: false };
  }

  /**
   * The first of `groups` (areas in config order, then reviewers) with no room, and the PRs it
   * admits: the reason a PR waits on a group rather than on the limit. Asked once the walk is over,
   * so that it names the same group whether the seats were held from an earlier run or taken now.
   */
  fullGroup(groups: readonly SeatGroup[]): Seat['group'] {
    const full = groups.find((group) => !this.roomIn(group));
    return full && { group: full, admitted: this.byGroup.get(full.key) ?? 0 };
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
  /** Of those, by group key (seat-groups.ts): the ones in each group. */
  heldByGroup: Record<string, number>;
  /** Of the held PRs, the ones before this PR in queue order (its rank among them). */
  heldAhead: number;
  /** PRs of the waiting line (no `admitted-label`) before this PR in queue order. */
  ahead: number;
  /**
   * Of `ahead`, the ones that may take a seat: none of their groups is full
   * before the walk (a full group only fills up further during it), as far as
   * search can tell. The rest wait whatever the order.
   */
  aheadOpen: number;
  /** Of `aheadOpen`, the ones in no group; undefined when search cannot count them (review capacity). */
  aheadOutsideGroups?: number;
  /** Of `aheadOpen`, by area group key: the ones carrying the rule's area label. */
  aheadByGroup: Record<string, number>;
  /**
   * Without a WIP limit (0), the PRs of the waiting line outside every group, anywhere in it:
   * admitted by every walk without a seat to hold (nothing limits them, so no label marks them).
   */
  unlimited?: number;
}

/** The groups with no room before the walk, given the seats held in each (by key). */
export function fullGroups(groups: readonly SeatGroup[], held: Readonly<Record<string, number>>): SeatGroup[] {
  return groups.filter((group) => !hasRoom(held[group.key] ?? 0, group.limit));
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
 * ahead of the PR that may take a seat (PRs outside every group, then each
 * area group's), then the PR. The order inside the line does not change the
 * outcome when each of those PRs is in at most one group, because seats are
 * only taken during a walk, never given back. Returns undefined when the
 * counts cannot tell (one of them may be in two groups, or wait on a
 * reviewer, while seats are free: read the queue). A settled queue has no
 * such PR: a PR that may take a seat has taken it. `areaGroups`: every area
 * group the line may hold; `own`: the PR's groups.
 */
export function lineFromCounts(
  counts: LineCounts,
  wipLimit: number,
  areaGroups: readonly SeatGroup[],
  own: readonly SeatGroup[]
): LineWalk | undefined {
  const seats = new Seats(wipLimit, counts.held, counts.heldByGroup);
  const inGroups = areaGroups.reduce((sum, group) => sum + (counts.aheadByGroup[group.key] ?? 0), 0);
  const outside = counts.aheadOutsideGroups;
  const disjoint = outside !== undefined && counts.aheadOpen === outside + inGroups;
  if (!disjoint && seats.open && counts.aheadOpen > 0) return undefined;
  let admittedAhead = 0;
  const walk = (n: number, groups: readonly SeatGroup[]) => {
    // Once the limit is full nobody else is admitted: the rest of the line need not be walked.
    for (let i = 0; i < n && seats.open; i++) if (seats.take(groups).admitted) admittedAhead++;
  };
  if (disjoint) {
    walk(outside, []);
    for (const group of areaGroups) walk(counts.aheadByGroup[group.key] ?? 0, [group]);
  }
  // A settled queue's walk admits nobody behind the PR either: these counts are the walk's last.
  const seat = seats.take(own);
  return { admittedAhead, seat: seat.admitted ? seat : { admitted: false, group: seats.fullGroup(own) } };
}
