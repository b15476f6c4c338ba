// Logins compared as GitHub means them: case-insensitive, and a bot's REST
// name (`github-actions[bot]`) is the same account as its GraphQL name.
export function sameLogin(a: string, b: string): boolean {
  const bare = (login: string) => login.toLowerCase().replace(/\[bot\]$/, '');
  return bare(a) === bare(b);
}
