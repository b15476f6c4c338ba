// The text people read on their PR: the sticky comment (one per PR, edited
// in place) and the stale lifecycle's comments (README "Stale lifecycle" and README "What people see").
import type { Config } from '../config/types.js';
import { escapeMarkdown } from './escape.js';
import { CLOSE_MARKER, STALE_MARKER, STICKY_MARKER } from './markers.js';
import { expectedIn, expectedWaitSentence } from './describe.js';
import { renderTemplate } from '../config/template.js';
import type { BudgetName, Decision, PullRequest, StaleDecision } from './types.js';
import { count } from './count.js';

const WHAT_TO_DO: Record<BudgetName, string> = {
  'max-open': 'Nothing: this PR waits for room in its area.',
  'max-open-per-author':
    'Close or finish one of your other open pull requests; this one then takes its place in line by its creation time.',
  'max-opened-per-author': 'Wait until the window has passed, or close this PR and open it again later.',
  'max-changed-lines': 'Split this pull request into smaller ones that can be reviewed one at a time.',
  'max-changed-files': 'Split this pull request into smaller ones that touch fewer files.',
  'require-owner': 'Ask a maintainer to take ownership: be assigned to this PR, or review and approve it.',
  'require-issue':
    'Link the issue this PR resolves: write `Fixes #N` in the description (or link it in the sidebar). ' +
    'If the issue is not assigned to you or not yet accepted, ask in the issue first.',
  'one-pr-per-issue':
    'Another open PR closes the same issue and came first: work together there (review it, suggest your changes). ' +
    'If that PR closes without merging, this one takes the issue over by itself.'
};

function waitingBody(decision: Decision, wipLimit: number): string {
  const limit = decision.waitingOnRule ? `its area's limit` : `at most ${count(wipLimit)} pull requests at a time`;
  const { eta } = decision;
  // The status line may carry the expected wait; here it gets a sentence of its own.
  const summary = eta ? decision.summary.replace(`; ${expectedIn(eta)}`, '') : decision.summary;
  return [
    `**${summary}**`,
    '',
    `This repository reviews ${limit}, so this one waits its turn in the review queue.`,
    ...(eta
      ? [
          `${expectedWaitSentence(eta)} (The PRs ahead of it beyond the limit, ` +
            `divided by the merges per day over the last weeks: Little's law.)`
        ]
      : []),
    'Nothing is needed from you: the `backpressure` check turns green by itself when PRs ahead of it are merged or closed.'
  ].join('\n');
}

function violationBody(decision: Decision): string {
  const lines = decision.violations.map((v) => `- ${escapeMarkdown(v.reason)} (rule ${escapeMarkdown(v.rule)})`);
  const advice = [...new Set(decision.violations.map((v) => `- ${WHAT_TO_DO[v.budget]}`))];
  // Numbers only, unescaped on purpose: GitHub links #N to the PR and the issue.
  const holders = decision.violations.flatMap((v) =>
    v.holder === undefined ? [] : [`- #${v.holder} holds #${v.issue}.`]
  );
  return [
    '**This pull request breaks a rule of the review queue, so it takes no place in line.**',
    '',
    ...lines,
    ...(holders.length > 0 ? ['', ...holders] : []),
    '',
    'What to do:',
    ...advice,
    '',
    'The check updates by itself once the rule is met.'
  ].join('\n');
}

const SETTLED_BODY = '**Admitted to the review queue.** Nothing is needed from you; thank you for waiting.';
const EXEMPT_BODY = '**Not governed by the review queue.** Nothing is needed from you.';

/** The sticky comment for a decision; the waiting text changes only with the state or a large move. */
/** Why a reviewer was asked (assign-reviewers): shown, never a ping; no numbers, which change every day. */
function assignedNote(reviewer: string | undefined): string {
  if (!reviewer) return '';
  const who = escapeMarkdown(`@${reviewer}`);
  return `\n\n${who} was asked to review it: of the reviewer pool, the one with the most room when it was admitted.`;
}

/** The sticky comment; `assigned`: the reviewer the action asked for (assignedReviewer). */
export function stickyBody(decision: Decision, wipLimit: number, assigned?: string): string {
  const text =
    decision.state === 'waiting'
      ? waitingBody(decision, wipLimit)
      : decision.state === 'violation'
        ? violationBody(decision)
        : decision.state === 'admitted'
          ? SETTLED_BODY + assignedNote(assigned)
          : EXEMPT_BODY;
  return `${STICKY_MARKER}\n${text}\n`;
}

export function staleCommentBody(pr: PullRequest, stale: StaleDecision, reason: string, config: Config): string {
  const text = renderTemplate(config.stale.message, {
    author: pr.author,
    days: stale.idleDays,
    closeDays: config.stale.closeDays,
    // The reason names reviewers ("changes requested by @x"): shown, never a ping.
    reason: escapeMarkdown(reason)
  });
  return `${STALE_MARKER}\n${text}\n`;
}

export function closeCommentBody(pr: PullRequest, reason: string, config: Config): string {
  const text = renderTemplate(config.stale.closeMessage, {
    author: pr.author,
    days: config.stale.days,
    closeDays: config.stale.closeDays,
    reason: escapeMarkdown(reason)
  });
  return `${CLOSE_MARKER}\n${text}\n`;
}

/** The comment posted before a violation closes a PR. */
export function violationCloseBody(pr: PullRequest, decision: Decision): string {
  const reasons = decision.violations.map((v) => `- ${escapeMarkdown(v.reason)} (rule ${escapeMarkdown(v.rule)})`);
  return (
    `${CLOSE_MARKER}\nClosing this pull request, @${pr.author}: it breaks a rule of the review queue that the maintainers set to close.` +
    `\n\n${reasons.join('\n')}\n\nYou are welcome to open it again once the rule is met.\n`
  );
}
