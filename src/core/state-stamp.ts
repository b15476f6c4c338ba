// The record of the queue state (README "How the queue works"): a gate
// counts the PRs ahead of it by the labels the action keeps (admitted,
// violation, area), which describe one configuration. A run that read the
// whole queue and applied every state label writes a stamp of that
// configuration into `admitted-label`'s description; a gate that finds the
// stamp missing or different (fresh install, changed config, labels deleted
// by hand) reads the whole queue instead of trusting the labels.
import { createHash } from 'node:crypto';
import type { Config } from '../config/types.js';

const STAMP = /\bstate ([0-9a-f]{12})\b/;

/** The settings that decide which PRs carry the state labels, as one short hash (12 hex digits). */
export function stateFingerprint(config: Config): string {
  const lower = (names: readonly string[]) => names.map((name) => name.toLowerCase());
  const facts = {
    limited: config.wipLimit !== 0,
    admittedLabel: config.admittedLabel.toLowerCase(),
    violationLabel: config.violationLabel.toLowerCase(),
    countDrafts: config.countDrafts,
    baseBranches: config.baseBranches,
    exemptLabels: lower(config.exemptLabels),
    exemptAuthors: lower(config.exemptAuthors),
    authorLimitAssociations: config.authorLimitAssociations,
    trustedAfterMerged: config.trustedAfterMerged,
    agentAuthors: lower(config.agentAuthors),
    agentLabels: lower(config.agentLabels),
    rules: config.rules.map((rule) => [rule.name.toLowerCase(), rule.selector, rule.budgets])
  };
  return createHash('sha256').update(JSON.stringify(facts)).digest('hex').slice(0, 12);
}

/** `admitted-label`'s description with the stamp: "… state 1a2b3c4d5e6f since 2026-12-05" (under GitHub's 100 characters). */
export function stampedDescription(config: Config, now: Date): string {
  return `PR Backpressure: holds a seat in the review queue; state ${stateFingerprint(config)} since ${now.toISOString().slice(0, 10)}`;
}

/** The description `admitted-label` gets when created, before any run has reconciled the state. */
export const UNSTAMPED_DESCRIPTION = 'PR Backpressure: holds a seat in the review queue';

/**
 * Whether the labels describe `config`: `description` is admitted-label's
 * (null: the label does not exist; undefined: not read, which trusts nothing).
 */
export function stampMatches(description: string | null | undefined, config: Config): boolean {
  const found = description ? STAMP.exec(description) : null;
  return found !== null && found[1] === stateFingerprint(config);
}
