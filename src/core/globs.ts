// Glob matching for logins, branches and paths (README "Rules"). Login globs
// know two wildcards, `*` and `?`; brackets are literal so `*[bot]` means bots
// (in minimatch `[bot]` would be a character class). Every glob is compiled
// once, and matching takes time linear in the text (logins) or bounded by
// the limits pathGlobProblem enforces when the config is loaded (paths): a
// PR's file names are chosen by its author and must not stall the run.
import { Minimatch, braceExpand } from 'minimatch';

/**
 * Login glob match, case-insensitive (GitHub compares logins so): the
 * classic two-pointer wildcard match, O(login × glob) with no regex to
 * backtrack, however many `*` the glob has.
 */
function wildcardMatch(text: string, glob: string): boolean {
  let t = 0;
  let g = 0;
  let starG = -1;
  let starT = 0;
  while (t < text.length) {
    if (g < glob.length && (glob[g] === '?' || glob[g] === text[t])) {
      t++;
      g++;
    } else if (g < glob.length && glob[g] === '*') {
      starG = g++;
      starT = t;
    } else if (starG >= 0) {
      g = starG + 1;
      t = ++starT;
    } else {
      return false;
    }
  }
  while (g < glob.length && glob[g] === '*') g++;
  return g === glob.length;
}

export function loginMatches(login: string, globs: readonly string[]): boolean {
  const text = login.toLowerCase();
  return globs.some((glob) => wildcardMatch(text, glob.toLowerCase()));
}

// Extglobs (`*(a|b)`) backtrack exponentially on a crafted file name, so they
// are off; brace sets stay (`{src,lib}/**`) within PATH_GLOB_MAX_EXPANSION.
const PATH_OPTIONS = { dot: true, noext: true } as const;
/** Patterns one path glob may expand to with its braces (`{a,b}{c,d}` is 4). */
const PATH_GLOB_MAX_EXPANSION = 64;
/** `*` in one path segment: each more multiplies the worst-case time by the segment's length. */
const PATH_GLOB_MAX_STARS_PER_SEGMENT = 2;

const compiled = new Map<string, Minimatch>();

function pathGlob(glob: string): Minimatch {
  let matcher = compiled.get(glob);
  if (!matcher) {
    matcher = new Minimatch(glob, { ...PATH_OPTIONS, braceExpandMax: PATH_GLOB_MAX_EXPANSION });
    compiled.set(glob, matcher);
  }
  return matcher;
}

/** Branch names and file paths: minimatch, dotfiles included, extglobs off. */
export function pathMatches(path: string, globs: readonly string[]): boolean {
  return globs.some((glob) => pathGlob(glob).match(path));
}

/**
 * Why the action will not run this path glob, or undefined when it will:
 * extglob syntax (off, so it would silently match nothing), brace ranges and
 * brace sets of more than PATH_GLOB_MAX_EXPANSION patterns, more than
 * PATH_GLOB_MAX_STARS_PER_SEGMENT `*` in one segment (`**` segments aside).
 */
export function pathGlobProblem(glob: string): string | undefined {
  if (/[*?+@!]\(/.test(glob)) return 'extglobs like *(…) or @(…) are not supported';
  if (/\{[^{}]*\.\.[^{}]*\}/.test(glob)) return 'brace ranges like {1..9} are not supported';
  // Counted on a capped expansion: a bomb like {a,b}×20 stops at the cap.
  if (braceExpand(glob, { braceExpandMax: PATH_GLOB_MAX_EXPANSION + 1 }).length > PATH_GLOB_MAX_EXPANSION) {
    return `its braces expand to more than ${PATH_GLOB_MAX_EXPANSION} patterns`;
  }
  const stars = Math.max(
    ...glob.split('/').map((segment) => (segment === '**' ? 0 : (segment.match(/\*/g) ?? []).length))
  );
  if (stars > PATH_GLOB_MAX_STARS_PER_SEGMENT)
    return `at most ${PATH_GLOB_MAX_STARS_PER_SEGMENT} * in one path segment (** as a whole segment aside)`;
  return undefined;
}

export function hasWildcard(glob: string): boolean {
  return /[*?]/.test(glob);
}
