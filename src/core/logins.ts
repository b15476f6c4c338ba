// Logins compared as GitHub means them: case-insensitive, and a bot's REST
// name (`github-actions[bot]`) is the same account as its GraphQL name.
export function sameLogin(a: string, b: string): boolean {
  const bare = (login: string) => login.toLowerCase().replace(/\[bot\]$/, '');
  return bare(a) === bare(b);
}

/**
 * The same account, both logins in REST form: a bot's `name[bot]` is not the
 * user `name`. For "is this the action's own comment", where a look-alike
 * account must not pass as the action.
 */
export function sameAccount(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}
