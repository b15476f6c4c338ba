// Hidden markers that let the action find its own comments again.
export const STICKY_MARKER = '<!-- pr-backpressure:sticky -->';
export const STALE_MARKER = '<!-- pr-backpressure:stale -->';
export const CLOSE_MARKER = '<!-- pr-backpressure:close -->';
/** What every marker starts with: a user's message must not carry it (see src/config). */
export const HIDDEN_MARKER_PREFIX = '<!-- pr-backpressure:';
