// How GitHub's issue search spells values: quoted names, bot logins, times.
// Every search string the action sends is built in src/core from these.

/** A search qualifier value: quoted when it holds spaces or commas. */
export function quote(value: string): string {
  return /^[^\s,"]+$/.test(value) ? value : `"${value}"`;
}

/** Search writes bots as `app/name`; REST as `name[bot]`. */
export function searchLogin(login: string): string {
  const bot = /^(.+)\[bot\]$/.exec(login);
  return bot ? `app/${bot[1]}` : login;
}

/** Second-precision UTC time as search's `created:` qualifier takes it. */
export function searchTime(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** A half-open time range [from, to) as search writes it at second precision: `from..to-1s`. */
export function timeRange(from: Date, to: Date): string {
  return `${searchTime(from)}..${searchTime(new Date(to.getTime() - 1000))}`;
}

/** The search scope of one repository's pull requests. */
export function repoPullRequests(repo: { owner: string; name: string }): string {
  return `repo:${repo.owner}/${repo.name} is:pr`;
}

/** The search for an author's merged PRs (for `trusted-after-merged`). */
export function mergedByAuthorSearch(repo: { owner: string; name: string }, login: string): string {
  return `${repoPullRequests(repo)} is:merged author:${searchLogin(login)}`;
}
