// "Did you mean …?" for a mistyped config key or CLI input name.
import { closestMatch } from 'leven';

/**
 * The accepted name a typo most likely meant: the same letters ignoring case
 * and `-`/`_`/spaces, or the nearest by Levenshtein distance within
 * max(2, a quarter of the name's length). Undefined when nothing is that close.
 */
export function closest(name: string, accepted: readonly string[]): string | undefined {
  const normal = (text: string) => text.toLowerCase().replace(/[-_\s]/g, '');
  const byNormal = new Map(accepted.map((candidate) => [normal(candidate), candidate]));
  const match = closestMatch(normal(name), [...byNormal.keys()], {
    maxDistance: Math.max(2, Math.floor(name.length / 4))
  });
  return match === undefined ? undefined : byNormal.get(match);
}
