// Glob matching for logins, branches and paths (spec §4). Login globs know
// two wildcards, `*` and `?`; brackets are literal so `*[bot]` means bots
// (in minimatch `[bot]` would be a character class).
import { minimatch } from 'minimatch';

const loginPatterns = new Map<string, RegExp>();

function loginPattern(glob: string): RegExp {
  let pattern = loginPatterns.get(glob);
  if (!pattern) {
    const source = [...glob].map((ch) => (ch === '*' ? '.*' : ch === '?' ? '.' : ch.replace(/[.+^${}()|[\]\\]/g, '\\$&'))).join('');
    // Logins are case-insensitive on GitHub.
    pattern = new RegExp(`^${source}$`, 'i');
    loginPatterns.set(glob, pattern);
  }
  return pattern;
}

export function loginMatches(login: string, globs: readonly string[]): boolean {
  return globs.some((glob) => loginPattern(glob).test(login));
}

/** Branch names and file paths: minimatch, dotfiles included. */
export function pathMatches(path: string, globs: readonly string[]): boolean {
  return globs.some((glob) => minimatch(path, glob, { dot: true }));
}

export function hasWildcard(glob: string): boolean {
  return /[*?]/.test(glob);
}
