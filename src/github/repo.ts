// Which repository the run is about.
export interface RepoRef {
  owner: string;
  name: string;
}

/** `OWNER/NAME` (GITHUB_REPOSITORY, --repo) as a RepoRef; undefined when it is not of that form. */
export function parseRepo(fullName: string): RepoRef | undefined {
  const match = /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)$/.exec(fullName.trim());
  return match ? { owner: match[1], name: match[2] } : undefined;
}
