// Event payloads as the runner writes them to GITHUB_EVENT_PATH: real
// examples from @octokit/webhooks-examples, patched with the store's
// repository and the PR's number, head, author, draft flag and labels.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { findPullRequest, type FakePullRequest, type FakeStore } from './fake-github/store.js';

interface WebhookDefinition {
  name: string;
  actions: string[];
  examples: Record<string, unknown>[];
}

type Payload = Record<string, unknown>;

// The package's main is a JSON file, which ESM only imports with an attribute.
const definitions = createRequire(import.meta.url)('@octokit/webhooks-examples') as WebhookDefinition[];

function example(name: string, action?: string): Payload {
  const definition = definitions.find((d) => d.name === name);
  if (!definition) throw new Error(`@octokit/webhooks-examples has no "${name}" event`);
  const chosen = definition.examples.find((e) => action === undefined || e.action === action) ?? definition.examples[0];
  return structuredClone(chosen);
}

function object(value: unknown): Payload {
  return value && typeof value === 'object' ? (value as Payload) : {};
}

function repositoryPayload(store: FakeStore, template: unknown): Payload {
  const { owner, name, defaultBranch } = store.repository;
  const base = object(template);
  return {
    ...base,
    name,
    full_name: `${owner}/${name}`,
    html_url: `https://github.com/${owner}/${name}`,
    url: `https://api.github.com/repos/${owner}/${name}`,
    default_branch: defaultBranch,
    owner: { ...object(base.owner), login: owner }
  };
}

function user(login: string, type: string): Payload {
  return {
    login,
    type,
    id: Math.abs([...login].reduce((h, c) => (h * 31 + c.charCodeAt(0)) | 0, 11)),
    html_url: `https://github.com/${login}`
  };
}

function pullRequestPayload(store: FakeStore, pr: FakePullRequest, template: unknown): Payload {
  const base = object(template);
  const repository = repositoryPayload(store, object(base.base).repo);
  return {
    ...base,
    number: pr.number,
    title: pr.title,
    html_url: `https://github.com/${repository.full_name as string}/pull/${pr.number}`,
    state: pr.state === 'OPEN' ? 'open' : 'closed',
    user: user(pr.author, pr.authorType),
    author_association: pr.authorAssociation,
    draft: pr.isDraft,
    created_at: pr.createdAt,
    closed_at: pr.closedAt,
    merged_at: pr.mergedAt,
    merged: pr.state === 'MERGED',
    labels: pr.labels.map((name) => ({ name, color: store.labels.find((l) => l.name === name)?.color ?? 'ededed' })),
    assignees: pr.assignees.map((login) => user(login, 'User')),
    milestone: pr.milestone === null ? null : { number: pr.milestone },
    additions: pr.additions,
    deletions: pr.deletions,
    changed_files: pr.changedFiles,
    head: { ...object(base.head), ref: pr.headRefName, sha: pr.headSha, repo: repository },
    base: { ...object(base.base), ref: pr.baseRefName, repo: repository }
  };
}

/** A `pull_request` event for a PR in the store (`opened`, `synchronize`, `closed`, ...). */
export function pullRequestEvent(store: FakeStore, number: number, action = 'opened', sender?: string): Payload {
  const pr = findPullRequest(store, number);
  if (!pr) throw new Error(`pullRequestEvent: the store has no PR #${number}`);
  const payload = example('pull_request', action);
  return {
    ...payload,
    action,
    number,
    pull_request: pullRequestPayload(store, pr, payload.pull_request),
    repository: repositoryPayload(store, payload.repository),
    sender: sender ? user(sender, sender.endsWith('[bot]') ? 'Bot' : 'User') : user(pr.author, pr.authorType)
  };
}

/** A `pull_request` `closed` event; merged when the store says so. */
export function closedEvent(store: FakeStore, number: number, sender = 'maintainer'): Payload {
  return pullRequestEvent(store, number, 'closed', sender);
}

/** A `pull_request` `labeled` / `unlabeled` event for `label` (the label need not exist in the store). */
export function labelEvent(
  store: FakeStore,
  number: number,
  label: string,
  action: 'labeled' | 'unlabeled' = 'labeled',
  sender?: string
): Payload {
  const payload = pullRequestEvent(store, number, action, sender);
  return { ...payload, label: { ...object(example('pull_request', action).label), name: label } };
}

/** A `pull_request_review` event (`submitted`, `dismissed`) by `reviewer` with GitHub's lower-case review `state`. */
export function pullRequestReviewEvent(
  store: FakeStore,
  number: number,
  review: {
    reviewer: string;
    state: 'approved' | 'changes_requested' | 'commented' | 'dismissed';
    association?: string;
  },
  action: 'submitted' | 'dismissed' = 'submitted'
): Payload {
  const pr = findPullRequest(store, number);
  if (!pr) throw new Error(`pullRequestReviewEvent: the store has no PR #${number}`);
  const payload = example('pull_request_review', action);
  const base = object(payload.review);
  return {
    ...payload,
    action,
    review: {
      ...base,
      user: user(review.reviewer, 'User'),
      state: review.state,
      commit_id: pr.headSha,
      author_association: review.association ?? 'MEMBER'
    },
    pull_request: pullRequestPayload(store, pr, payload.pull_request),
    repository: repositoryPayload(store, payload.repository),
    sender: user(review.reviewer, 'User')
  };
}

/** A `merge_group` `checks_requested` event for the queue's commit `headSha` carrying PR `number` (`headRef` overrides the branch). */
export function mergeGroupEvent(store: FakeStore, number: number, headSha: string, headRef?: string): Payload {
  const pr = findPullRequest(store, number);
  const payload = example('merge_group', 'checks_requested');
  const group = object(payload.merge_group);
  const base = pr?.baseRefName ?? store.repository.defaultBranch;
  return {
    ...payload,
    merge_group: {
      ...group,
      head_sha: headSha,
      head_ref: headRef ?? `refs/heads/gh-readonly-queue/${base}/pr-${number}-${pr?.headSha ?? '0'.repeat(40)}`,
      base_ref: `refs/heads/${base}`,
      head_commit: { ...object(group.head_commit), id: headSha }
    },
    repository: repositoryPayload(store, payload.repository)
  };
}

/** The runner's payload for a `schedule` trigger: only the cron line (and the repository when known). */
export function scheduleEvent(store?: FakeStore, cron = '*/30 * * * *'): Payload {
  return store
    ? { schedule: cron, repository: repositoryPayload(store, example('workflow_dispatch').repository) }
    : { schedule: cron };
}

export function workflowDispatchEvent(
  store: FakeStore,
  inputs: Record<string, string> = {},
  sender = 'maintainer'
): Payload {
  const payload = example('workflow_dispatch');
  return {
    ...payload,
    inputs,
    ref: `refs/heads/${store.repository.defaultBranch}`,
    repository: repositoryPayload(store, payload.repository),
    sender: user(sender, 'User')
  };
}

/** Writes `payload` as `event.json` in `dir` and returns its path. */
export function writeEventFile(dir: string, payload: object): string {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'event.json');
  fs.writeFileSync(file, JSON.stringify(payload, null, 2));
  return file;
}
