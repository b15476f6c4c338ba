// Reviews and comments dated in days before now, for the end-to-end tests of
// the stale lifecycle and whose move it is.
import { STALE_MARKER } from '../../src/core/markers.js';
import { TOKEN_BOT_REST_LOGIN, type FakeComment, type FakeReview } from '../../test-support/fake-github/store.js';
import { DAY_MS } from '../../src/core/time.js';

/** An ISO time `days` before now. */
export const daysAgo = (days: number): string => new Date(Date.now() - days * DAY_MS).toISOString();

/** A maintainer's review (`MEMBER`) submitted `days` ago. */
export const review = (state: FakeReview['state'], days: number): FakeReview => ({
  state,
  author: 'maintainer',
  association: 'MEMBER',
  submittedAt: daysAgo(days)
});

export const changesRequested = (days: number): FakeReview => review('CHANGES_REQUESTED', days);

/** A comment `days` ago; the token's own account writes as a Bot. */
export const comment = (
  id: number,
  author: string,
  days: number,
  body: string,
  association: FakeComment['association'] = 'CONTRIBUTOR'
): FakeComment => ({
  id,
  body,
  author,
  authorType: author === TOKEN_BOT_REST_LOGIN ? 'Bot' : 'User',
  association,
  createdAt: daysAgo(days)
});

/** The action's own stale message, posted `days` ago. */
export const staleMark = (id: number, days: number): FakeComment =>
  comment(id, TOKEN_BOT_REST_LOGIN, days, `${STALE_MARKER}\nThis pull request is stale.`, 'NONE');
