// Whole numbers as every message shows them: "1,234" (en-US grouping), so a
// status, a comment and the summary write one count the same way.
export function count(n: number): string {
  return n.toLocaleString('en-US');
}
