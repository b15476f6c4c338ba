// One order for strings that need no language rules: ISO-8601 times (of one
// format, as GitHub writes them) and names as tie-breakers. localeCompare
// would page in ICU's collation data for the same order (README "Decisions where the spec is silent").

/** Code-unit order: negative when `a` comes first, 0 when equal. Usable as a sort comparator. */
export function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
