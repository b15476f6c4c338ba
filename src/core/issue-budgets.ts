// The linked-issue budgets (README "Linked issues"): `require-issue` (the PR
// closes an issue of this repository, assigned to its author, with an accepted
// label) and `one-pr-per-issue` (the first PR in queue order holds an issue;
// later ones are duplicates). A sweep knows every open PR, so it finds the
// holders in the queue itself; a gate reads them from the issue's
// closedByPullRequestsReferences. Where a list was not read completely, the
// budgets flag nothing they cannot see.
import type { Config, Rule } from '../config/types.js';
import { sameLogin } from './logins.js';
import { isCountable, queueOrder, type QueueFacts } from './queue.js';
import type { LinkedIssue, PullRequest, SharedIssue, Snapshot, Violation } from './types.js';

/** Who holds each issue, in the repository the queue governs. */
export interface IssueHolders {
  /** `owner/name` of the repository: only its issues and PRs count. */
  repository: string;
  /** The number of the PR holding `issue` (closed by `pr`), or undefined when that is not known. */
  holderOf(pr: PullRequest, issue: LinkedIssue): number | undefined;
}

export function repositoryName(snapshot: Pick<Snapshot, 'repository'>): string {
  return `${snapshot.repository.owner}/${snapshot.repository.name}`;
}

const sameRepository = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
const issueKey = (issue: LinkedIssue) => `${issue.repository.toLowerCase()}#${issue.number}`;

/** The issues of this repository a PR closes: a closing keyword naming another repository's issue earns nothing here. */
function ownIssues(pr: PullRequest, repository: string): LinkedIssue[] {
  return (pr.closingIssues?.issues ?? []).filter((issue) => sameRepository(issue.repository, repository));
}

/** Holders from the whole open set: `countable` in queue order, the first PR closing an issue holds it. */
export function holdersFromQueue(countable: PullRequest[], repository: string): IssueHolders {
  const holders = new Map<string, number>();
  for (const pr of countable) {
    for (const issue of ownIssues(pr, repository))
      if (!holders.has(issueKey(issue))) holders.set(issueKey(issue), pr.number);
  }
  return { repository, holderOf: (_pr, issue) => holders.get(issueKey(issue)) };
}

/**
 * Holders from what a gate read: each issue's open PRs (closedByPullRequestsReferences),
 * ordered with the queue's own definitions. A PR read ahead of the subject holds
 * the issue for certain; the subject holds it only when the list was complete.
 */
export function holdersFromClaims(config: Config, repository: string): IssueHolders {
  return {
    repository,
    holderOf: (pr, issue) => {
      const claims = issue.claims;
      if (!claims) return undefined;
      const others = claims.pullRequests.filter(
        (c) => c.number !== pr.number && sameRepository(c.repository, repository) && isCountable(c, config)
      );
      const first = [pr as QueueFacts, ...others].sort(queueOrder(config))[0];
      if (first.number !== pr.number) return first.number;
      return claims.complete ? pr.number : undefined;
    }
  };
}

/**
 * Whether a gate's read leaves one-pr-per-issue open for the PR: an issue had
 * more open PRs than were read and none of those read comes before the PR.
 * The gate then reads the whole queue instead.
 */
export function claimsIncomplete(pr: PullRequest, rules: Rule[], config: Config, repository: string): boolean {
  if (!rules.some((rule) => rule.budgets.onePrPerIssue)) return false;
  const holders = holdersFromClaims(config, repository);
  return ownIssues(pr, repository).some(
    (issue) => issue.claims !== undefined && !issue.claims.complete && holders.holderOf(pr, issue) === undefined
  );
}

/** Violations of the linked-issue budgets of the rules that select the PR. */
export function issueBudgetViolations(pr: PullRequest, rules: Rule[], holders: IssueHolders): Violation[] {
  const violations: Violation[] = [];
  for (const rule of rules) {
    if (rule.budgets.requireIssue) {
      const reason = missingIssue(pr, rule, holders.repository);
      if (reason) violations.push({ rule: rule.name, budget: 'require-issue', reason });
    }
    if (rule.budgets.onePrPerIssue) {
      const seen = new Set<number>();
      for (const issue of ownIssues(pr, holders.repository)) {
        const holder = holders.holderOf(pr, issue);
        if (holder === undefined || holder === pr.number || seen.has(holder)) continue;
        seen.add(holder);
        violations.push({
          rule: rule.name,
          budget: 'one-pr-per-issue',
          reason: `duplicate of #${holder}: work together there`,
          holder,
          issue: issue.number
        });
      }
    }
  }
  return violations;
}

/** What the PR lacks for `require-issue`, or undefined when it has it or that cannot be known. */
function missingIssue(pr: PullRequest, rule: Rule, repository: string): string | undefined {
  const linked = pr.closingIssues;
  if (!linked) return undefined;
  const issues = ownIssues(pr, repository);
  const problems = issues.map((issue) => issueProblem(issue, pr, rule));
  if (problems.some((p) => p === 'ok' || p === 'unknown')) return undefined;
  if (!linked.complete) return undefined;
  if (issues.length === 0)
    return linked.issues.length > 0
      ? 'link an issue of this repository with `Fixes #N`'
      : 'link an issue with `Fixes #N`';
  return problems.join('; ');
}

function issueProblem(issue: LinkedIssue, pr: PullRequest, rule: Rule): string {
  const wantAssigned = rule.budgets.requireIssue === 'assigned';
  const wantLabels = rule.budgets.issueLabels ?? [];
  if ((wantAssigned && !issue.assignees) || (wantLabels.length > 0 && !issue.labels)) return 'unknown';
  const assigned = !wantAssigned || (issue.assignees ?? []).some((login) => sameLogin(login, pr.author));
  const labelled =
    wantLabels.length === 0 ||
    (issue.labels ?? []).some((label) => wantLabels.some((want) => want.toLowerCase() === label.toLowerCase()));
  const noLabel = `has no ${wantLabels.join(' or ')} label`;
  if (!assigned && !labelled) return `#${issue.number} is not assigned to you and ${noLabel}: ask in the issue`;
  if (!assigned) return `#${issue.number} is not assigned to you: ask in the issue`;
  if (!labelled) return `#${issue.number} ${noLabel}`;
  return 'ok';
}

/** Issues of this repository that more than one open PR closes: the holder (first countable in queue order) first. */
export function sharedIssues(snapshot: Snapshot, config: Config): SharedIssue[] | undefined {
  if (!snapshot.pullRequests.some((pr) => pr.closingIssues)) return undefined;
  const repository = repositoryName(snapshot);
  const order = queueOrder(config);
  const byIssue = new Map<number, PullRequest[]>();
  for (const pr of snapshot.pullRequests) {
    for (const issue of ownIssues(pr, repository))
      byIssue.set(issue.number, [...(byIssue.get(issue.number) ?? []), pr]);
  }
  const shared: SharedIssue[] = [];
  for (const [number, prs] of byIssue) {
    if (prs.length < 2) continue;
    const countable = prs.filter((pr) => isCountable(pr, config)).sort(order);
    const rest = prs.filter((pr) => !isCountable(pr, config)).sort((a, b) => a.number - b.number);
    shared.push({ number, holder: countable[0]?.number, pullRequests: [...countable, ...rest].map((pr) => pr.number) });
  }
  return shared.sort((a, b) => a.number - b.number);
}
