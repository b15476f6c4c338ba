// The action's inputs, as action.yml declares them (a test keeps the two equal).

export const INPUT_NAMES: readonly string[] = [
  'mode',
  'wip-limit',
  'min-wip-limit',
  'max-wip-limit',
  'throughput-window-days',
  'target-review-days',
  'count-drafts',
  'base-branches',
  'exempt-labels',
  'exempt-authors',
  'priority-labels',
  'author-limit-associations',
  'trusted-after-merged',
  'agent-authors',
  'agent-labels',
  'max-open-per-author',
  'max-opened-per-author',
  'max-changed-lines',
  'max-changed-files',
  'require-owner-for-agents',
  'require-issue',
  'issue-labels',
  'one-pr-per-issue',
  'on-waiting',
  'on-violation',
  'waiting-label',
  'violation-label',
  'status-context',
  'stale-days',
  'close-days',
  'stale-label',
  'stale-message',
  'close-message',
  'stale-when',
  'stale-exempt-labels',
  'stale-exempt-assigned',
  'stale-exempt-milestones',
  'stale-drafts',
  'maintainer-move-labels',
  'author-move-labels',
  'dry-run',
  'max-closes-per-run',
  'max-writes-per-run',
  'config-path',
  'github-token'
];

/** Every input by name, trimmed; '' means the input is unset. */
export function readInputs(get: (name: string) => string): Record<string, string> {
  return Object.fromEntries(INPUT_NAMES.map((name) => [name, (get(name) ?? '').trim()]));
}
