// Logins compared as GitHub means them: case-insensitive, and a bot's REST
// name (`github-actions[bot]`) is the same account as its GraphQL name.

/** The one spelling of a login for map keys: `sameLogin(a, b)` exactly when the keys are equal. */
export function loginKey(login: string): string {
  return login.toLowerCase().replace(/\[bot\]$/, '');
}

export function sameLogin(a: string, b: string): boolean {
  return loginKey(a) === loginKey(b);
}

/** A per-login record looked up whatever the spelling of its keys (`Octocat` finds `octocat`'s entry). */
export function byLogin<T>(record: Record<string, T>): (login: string) => T | undefined {
  const map = new Map<string, T>();
  for (const [login, value] of Object.entries(record)) map.set(loginKey(login), value);
  return (login) => map.get(loginKey(login));
}

/** The login GitHub shows for a deleted account ("ghost"); the reader also uses it when GraphQL returns no author. */
export const UNKNOWN_LOGIN = 'ghost';

/** A deleted or unknown account: PRs by different deleted users all read as `ghost`, so it names nobody. */
export function isUnknownLogin(login: string): boolean {
  return login === '' || sameLogin(login, UNKNOWN_LOGIN);
}
