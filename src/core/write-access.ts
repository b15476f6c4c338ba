// Who may write to the repository, as GitHub tells it on each author, review
// and comment: `author_association` OWNER, MEMBER or COLLABORATOR.
import type { Association } from '../config/types.js';

const WRITE_ASSOCIATIONS: readonly Association[] = ['OWNER', 'MEMBER', 'COLLABORATOR'];

/** Whether `association` (undefined: not known) grants write access; unknown is no. */
export function hasWriteAccess(association: Association | undefined): boolean {
  return association !== undefined && WRITE_ASSOCIATIONS.includes(association);
}
