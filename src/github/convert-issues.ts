// GitHub's closingIssuesReferences -> the core's ClosingIssues. A list is
// complete only when GitHub's totalCount says every item was read.
import type { ClosingIssues, IssueClaims, LinkedIssue } from '../core/types.js';
import { restLogin } from './convert.js';

interface Counted<T> {
  totalCount: number;
  nodes: T[];
}

interface ClaimNode {
  number: number;
  createdAt: string;
  isDraft: boolean;
  baseRefName: string;
  repository: { nameWithOwner: string };
  author: { __typename?: string; login: string } | null;
  labels: Counted<{ name: string }> | null;
}

export interface ClosingIssueNode {
  number: number;
  repository: { nameWithOwner: string };
  assignees?: Counted<{ login: string }>;
  labels?: Counted<{ name: string }> | null;
  closedByPullRequestsReferences?: Counted<ClaimNode> | null;
}

export type ClosingIssuesNode = Counted<ClosingIssueNode>;

const complete = (list: Counted<unknown> | null | undefined) => !list || list.totalCount <= list.nodes.length;

function claimsOf(list: Counted<ClaimNode>): IssueClaims {
  return {
    pullRequests: list.nodes.map((n) => ({
      number: n.number,
      createdAt: n.createdAt,
      isDraft: n.isDraft,
      baseRef: n.baseRefName,
      author: restLogin(n.author),
      labels: (n.labels?.nodes ?? []).map((l) => l.name),
      repository: n.repository.nameWithOwner
    })),
    // A PR whose labels were cut could be exempt or a priority: its place is not known.
    complete: complete(list) && list.nodes.every((n) => complete(n.labels))
  };
}

function issueOf(node: ClosingIssueNode): LinkedIssue {
  const claims = node.closedByPullRequestsReferences;
  return {
    repository: node.repository.nameWithOwner,
    number: node.number,
    ...(node.assignees ? { assignees: node.assignees.nodes.map((a) => a.login) } : {}),
    ...(node.labels ? { labels: node.labels.nodes.map((l) => l.name) } : {}),
    ...(claims ? { claims: claimsOf(claims) } : {})
  };
}

/** A PR's `closingIssuesReferences` (GitHub GraphQL) as the core's ClosingIssues: numbers, assignees, labels, other open PRs. */
export function toClosingIssues(node: ClosingIssuesNode): ClosingIssues {
  return {
    issues: node.nodes.map(issueOf),
    complete: complete(node) && node.nodes.every((issue) => complete(issue.assignees) && complete(issue.labels))
  };
}
