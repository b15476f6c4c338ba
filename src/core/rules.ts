// Rules: a selector plus budgets (README "Rules"). This file answers which rules
// apply to a PR and which of the PR's own budgets (size, owner) it breaks;
// budgets that count an author's other PRs live in author-budgets.ts.
import type { Config, Rule, Selector } from '../config/types.js';
import { hasWriteAccess } from './write-access.js';
import { loginMatches, pathMatches } from './globs.js';
import { hasAnyLabel } from './label-names.js';
import { sameLogin } from './logins.js';
import type { PullRequest, Violation } from './types.js';
import { count } from './count.js';

function isAgent(pr: Pick<PullRequest, 'author' | 'labels'>, config: Config): boolean {
  return loginMatches(pr.author, config.agentAuthors) || hasAnyLabel(pr.labels, config.agentLabels);
}

/** All present keys must match; within a key any value matches. */
export function selectorMatches(selector: Selector, pr: PullRequest, config: Config): boolean {
  if (selector.authors && !loginMatches(pr.author, selector.authors)) return false;
  if (selector.associations && !selector.associations.includes(pr.authorAssociation)) return false;
  if (selector.labels && !hasAnyLabel(pr.labels, selector.labels)) return false;
  if (selector.baseBranches && !pathMatches(pr.baseRef, selector.baseBranches)) return false;
  if (selector.paths && !(pr.files ?? []).some((file) => pathMatches(file, selector.paths ?? []))) return false;
  if (selector.agents !== undefined && isAgent(pr, config) !== selector.agents) return false;
  return true;
}

export function rulesFor(pr: PullRequest, config: Config): Rule[] {
  return config.rules.filter((rule) => selectorMatches(rule.selector, pr, config));
}

/** Someone with write access answers for the PR: an assignee other than the author, or an approval. */
function hasOwner(pr: PullRequest): boolean {
  if (pr.assignees.some((login) => !sameLogin(login, pr.author))) return true;
  return pr.events.some((e) => e.kind === 'review' && e.reviewState === 'APPROVED' && hasWriteAccess(e.association));
}

/** Violations of the budgets that look at the PR alone. */
export function ownBudgetViolations(pr: PullRequest, rules: Rule[]): Violation[] {
  const violations: Violation[] = [];
  for (const rule of rules) {
    const { maxChangedLines, maxChangedFiles, requireOwner } = rule.budgets;
    const lines = pr.additions + pr.deletions;
    if (maxChangedLines !== undefined && maxChangedLines > 0 && lines > maxChangedLines) {
      violations.push({
        rule: rule.name,
        budget: 'max-changed-lines',
        reason: `${count(lines)} changed lines; the limit is ${count(maxChangedLines)}`
      });
    }
    if (maxChangedFiles !== undefined && maxChangedFiles > 0 && pr.changedFiles > maxChangedFiles) {
      violations.push({
        rule: rule.name,
        budget: 'max-changed-files',
        reason: `${count(pr.changedFiles)} changed files; the limit is ${count(maxChangedFiles)}`
      });
    }
    if (requireOwner && !hasOwner(pr)) {
      violations.push({
        rule: rule.name,
        budget: 'require-owner',
        reason: 'needs an assignee or an approving review from someone with write access'
      });
    }
  }
  return violations;
}

// The reasons name no rank or total: those change whenever the author opens
// or closes another PR, and every changed description is a write (README "API use").

/** One of the author's newest open PRs beyond a cap of `limit`. */
export function openPerAuthorViolation(rule: Rule, author: string, limit: number): Violation {
  return {
    rule: rule.name,
    budget: 'max-open-per-author',
    reason: `${author} has more than ${count(limit)} open PRs and this is one of the newest; the limit is ${count(limit)} per author`
  };
}

/** The PR came after the author's first `limit` in the trailing window. */
export function openedPerAuthorViolation(rule: Rule, author: string, limit: number, days: number): Violation {
  return {
    rule: rule.name,
    budget: 'max-opened-per-author',
    reason:
      `${author} opened more than ${count(limit)} PRs in ${days} days and ` +
      `this is one of the newest; the limit is ${count(limit)} per ${days} days`
  };
}
