import type { MatchId, MatchParticipant } from './matching.types';

/**
 * Total order on ids used for every tie-break: numbers before strings, numbers by value, strings by
 * UTF-16 code units (not locale: the order must not depend on the machine).
 */
export function compareIds(a: MatchId, b: MatchId): number {
  if (typeof a === 'number') {
    if (typeof b === 'number') return a - b;
    return -1;
  }
  if (typeof b === 'number') return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareSignup(a: string | number | null, b: string | number | null): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  // Mixed kinds are compared as ISO text; epoch numbers become ISO so both sort by time.
  const ta = typeof a === 'number' ? new Date(a).toISOString() : a;
  const tb = typeof b === 'number' ? new Date(b).toISOString() : b;
  return ta < tb ? -1 : ta > tb ? 1 : 0;
}

/**
 * The priority order, highest priority first (negative when `a` goes before `b`):
 * 1. lower `tier` (tier 0: staff of organisations that host themselves);
 * 2. early birds before others;
 * 3. earlier `signedUpAt` (missing last);
 * 4. smaller participant id ({@link compareIds}).
 * Total: distinct participants never compare equal, so every mode is deterministic.
 */
export function comparePriority(a: MatchParticipant, b: MatchParticipant): number {
  const pa = a.priority;
  const pb = b.priority;
  if (pa.tier !== pb.tier) return pa.tier - pb.tier;
  if (pa.isEarlyBird !== pb.isEarlyBird) return pa.isEarlyBird ? -1 : 1;
  const s = compareSignup(pa.signedUpAt, pb.signedUpAt);
  if (s !== 0) return s;
  return compareIds(a.id, b.id);
}

/** A copy of `participants` sorted highest priority first ({@link comparePriority}). */
export function sortByPriority<T extends MatchParticipant>(participants: readonly T[]): T[] {
  return [...participants].sort(comparePriority);
}
