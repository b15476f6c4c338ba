// When is a status or comment worth rewriting? On a change of state or
// reason, or a large move in line: rewriting every PR's status each time
// one PR ahead leaves would spend the hourly API budget on noise. An
// expected wait is refreshed with those rewrites, never on its own.
import { EXPECTED_WAIT_TEXT } from './describe.js';

/** A move in line smaller than this (and than 10 % of the old position) is not rewritten. */
const MIN_POSITION_MOVE = 10;
const MOVE_SHARE = 0.1;

const POSITION = /position ([\d,]+)/;
const LIMIT = /limit (?:of )?([\d,]+)/;

function numberAfter(pattern: RegExp, text: string): number | undefined {
  const match = pattern.exec(text);
  return match ? Number(match[1].replace(/,/g, '')) : undefined;
}

/**
 * The same news, whatever a move in line: "Waiting: position 73, …" and
 * "Waiting: position 72, …" are; "duplicate of #10" and "duplicate of #12"
 * are not. An advance rewrites only what is not (reconcile.ts kindChanged).
 */
export function sameKind(before: string, after: string): boolean {
  if (!significantChange(before, after)) return true;
  const shape = (text: string) => text.replace(EXPECTED_WAIT_TEXT, 'expected wait').replace(/[\d,]+/g, '#');
  const moved = numberAfter(POSITION, before) !== undefined && numberAfter(POSITION, after) !== undefined;
  return moved && shape(before) === shape(after) && numberAfter(LIMIT, before) === numberAfter(LIMIT, after);
}

export function significantChange(before: string, after: string): boolean {
  if (before === after) return false;
  // Whether an expected wait is shown counts; its numbers do not.
  const eta = (text: string) => text.replace(EXPECTED_WAIT_TEXT, 'expected wait');
  if (eta(before) !== before || eta(after) !== after) return significantChange(eta(before), eta(after));
  const shape = (text: string) => text.replace(/[\d,]+/g, '#');
  if (shape(before) !== shape(after)) return true;
  const oldPosition = numberAfter(POSITION, before);
  const newPosition = numberAfter(POSITION, after);
  if (oldPosition === undefined || newPosition === undefined) return true;
  if (numberAfter(LIMIT, before) !== numberAfter(LIMIT, after)) return true;
  return Math.abs(newPosition - oldPosition) >= Math.max(MIN_POSITION_MOVE, Math.ceil(oldPosition * MOVE_SHARE));
}
