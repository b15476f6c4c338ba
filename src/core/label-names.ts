// Label names compared as GitHub compares them: case-insensitively. A
// repository label `Stale` is the `stale` label, and issue search's
// `label:`/`-label:` ignore case too, so the gate and the sweep agree.

/** Whether two label names name the same label on GitHub. */
export function sameLabel(a: string, b: string): boolean {
  return a === b || a.toLowerCase() === b.toLowerCase();
}

/** The name as the PR carries it (for a remove-label request), or undefined when the PR lacks the label. */
export function findLabel(labels: readonly string[], name: string): string | undefined {
  return labels.find((label) => sameLabel(label, name));
}

export function hasLabel(labels: readonly string[], name: string): boolean {
  return findLabel(labels, name) !== undefined;
}

/** Whether the PR carries any of `names` (an empty list matches nothing). */
export function hasAnyLabel(labels: readonly string[], names: readonly string[]): boolean {
  return names.some((name) => hasLabel(labels, name));
}
