// The state of the queue in one look (README "What people see"): is it
// growing or shrinking, how fast, and how long would a PR opened now wait.
// The summary's headline and its "what to do next" rest on this.
import { expectedWaitDays } from './adaptive.js';
import type { Plan } from './types.js';

/** Below one PR a week either way, the queue counts as steady: weekly counts are whole PRs. */
const STEADY_PER_WEEK = 1;

export type Trend = 'growing' | 'shrinking' | 'steady';

export interface Outlook {
  /** From the full weeks of the weekly history; undefined without one. */
  trend?: { direction: Trend; perWeek: number; fullWeeks: number };
  /**
   * Where a PR opened now joins the line (after every PR in line, without a
   * priority label) and its expected wait at the recent merge pace: 0 when the
   * WIP limit has room, undefined when nothing merged in the window. Only when
   * the run read the whole queue and a WIP limit is set: a gate that counted
   * with search knows its own place, not the end of the line.
   */
  newPullRequest?: { position: number; waitDays?: number; perDay: number };
}

/** The queue's trend and a new PR's expected wait, from the plan alone. */
export function queueOutlook(plan: Plan): Outlook {
  const outlook: Outlook = {};
  const flow = plan.flow;
  if (flow && flow.fullWeeks > 0) {
    const perWeek = flow.growthPerWeek;
    const direction: Trend =
      perWeek >= STEADY_PER_WEEK ? 'growing' : perWeek <= -STEADY_PER_WEEK ? 'shrinking' : 'steady';
    outlook.trend = { direction, perWeek, fullWeeks: flow.fullWeeks };
  }
  if (plan.read === 'queue' && plan.wipLimit > 0 && plan.pace) {
    const position = Math.max(0, ...plan.decisions.map((d) => d.position ?? 0)) + 1;
    const days = expectedWaitDays(position, plan.wipLimit, plan.pace.perDay);
    outlook.newPullRequest = { position, perDay: plan.pace.perDay, ...(days === null ? {} : { waitDays: days }) };
  }
  return outlook;
}
