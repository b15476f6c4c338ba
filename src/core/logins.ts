// Logins compared as GitHub means them: case-insensitive, and a bot's REST
// name (`github-actions[bot]`) is the same account as its GraphQL name.
export function sameLogin(a: string, b: string): boolean {
  const bare = (login: string) => login.toLowerCase().replace(/\[bot\]$/, '');
  return bare(a) === bare(b);
}

/** The login GitHub shows for a deleted account ("ghost"); the reader also uses it when GraphQL returns no author. */
export const UNKNOWN_LOGIN = 'ghost';

/** A deleted or unknown account: PRs by different deleted users all read as `ghost`, so it names nobody. */
export function isUnknownLogin(login: string): boolean {
  return login === '' || sameLogin(login, UNKNOWN_LOGIN);
}
