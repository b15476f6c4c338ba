// Small builders for the core's table tests: a PR with sensible defaults,
// a config from the real defaults, and a snapshot around a list of PRs.
import { buildConfig } from '../../src/config/load.js';
import type { Config, Rule } from '../../src/config/types.js';
import type { PullRequest, Snapshot, WriteOp } from '../../src/core/types.js';
import { CLOSE_MARKER, STALE_MARKER, STICKY_MARKER } from '../../src/core/markers.js';
import { DAY_MS } from '../../src/core/time.js';

export const NOW = new Date('2026-11-23T12:00:00Z');

export function daysAgo(days: number): string {
  return new Date(NOW.getTime() - days * DAY_MS).toISOString();
}

export function pr(number: number, overrides: Partial<PullRequest> = {}): PullRequest {
  return {
    number,
    title: `Change ${number}`,
    url: `https://github.com/acme/widgets/pull/${number}`,
    author: `author${number}`,
    authorAssociation: 'CONTRIBUTOR',
    // Older numbers were created earlier: one hour apart.
    createdAt: new Date(NOW.getTime() - 30 * DAY_MS + number * 3_600_000).toISOString(),
    isDraft: false,
    baseRef: 'main',
    headRef: `topic-${number}`,
    headSha: `sha${number}`,
    labels: [],
    assignees: [],
    hasMilestone: false,
    additions: 10,
    deletions: 2,
    changedFiles: 1,
    mergeable: 'MERGEABLE',
    events: [],
    ...overrides
  };
}

export function config(inputs: Record<string, string> = {}, overrides: Partial<Config> = {}): Config {
  return { ...buildConfig(inputs), ...overrides };
}

export function rule(name: string, fields: Partial<Rule>): Rule {
  return { name, selector: {}, budgets: {}, ...fields };
}

export function snapshot(pullRequests: PullRequest[], extra: Partial<Snapshot> = {}): Snapshot {
  return {
    repository: { owner: 'acme', name: 'widgets', defaultBranch: 'main' },
    actor: 'github-actions[bot]',
    pullRequests,
    authors: {},
    ...extra
  };
}

/** What GitHub would hold after the writes: lets a test plan a second run. */
export function applyWrites(before: Snapshot, writes: WriteOp[], at: string = NOW.toISOString()): Snapshot {
  const prs = new Map(before.pullRequests.map((p) => [p.number, structuredClone(p)]));
  let nextId = 1000;
  let existingLabels = before.existingLabels;
  let stateStamp = before.stateStamp;
  for (const op of writes) {
    if (op.kind === 'create-label' || op.kind === 'stamp-label') {
      existingLabels = [...(existingLabels ?? []), op.name];
      if (op.kind === 'stamp-label') stateStamp = op.description;
      continue;
    }
    const target = prs.get(op.number);
    if (!target) continue;
    switch (op.kind) {
      case 'status':
        target.status = { state: op.state, description: op.description };
        break;
      // GitHub compares label names case-insensitively.
      case 'add-label':
        if (!target.labels.some((l) => l.toLowerCase() === op.label.toLowerCase())) target.labels.push(op.label);
        break;
      case 'remove-label':
        target.labels = target.labels.filter((l) => l.toLowerCase() !== op.label.toLowerCase());
        break;
      case 'sticky-comment':
        target.sticky = { id: op.commentId ?? nextId++, body: op.body };
        break;
      case 'comment':
        if (op.body.includes(STALE_MARKER)) {
          target.staleMarkedAt = at;
          target.staleComments = [...(target.staleComments ?? []), { id: nextId++, at }];
        }
        if (op.body.includes(CLOSE_MARKER)) target.closeCommentedAt = at;
        break;
      case 'delete-comment':
        target.extraStickyIds = target.extraStickyIds?.filter((id) => id !== op.commentId);
        target.staleComments = target.staleComments?.filter((c) => c.id !== op.commentId);
        break;
      case 'close':
        prs.delete(op.number);
        break;
    }
  }
  return { ...before, pullRequests: [...prs.values()], existingLabels, stateStamp };
}

export { STICKY_MARKER };
