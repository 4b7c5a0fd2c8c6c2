import type { CompiledInstance } from './compiled-instance';
import { checkMove } from './manual-move';
import type { MatchAssignment, MatchId, MatchingResult } from './matching.types';

/** The waiting list: participants without any placement, highest priority first. */
export function waitingList(result: MatchingResult): readonly MatchId[] {
  return result.unplaced;
}

/** Who to offer a freed place to, and on which of their choices. */
export interface PlaceOffer {
  readonly participantId: MatchId;
  readonly rank: number;
  readonly assignment: MatchAssignment;
}

/**
 * After a cancellation: the first participant on the waiting list (priority order) who listed the
 * freed place's host (or that place) among their choices and can be placed there under every rule
 * and capacity, given `assignments` (which must no longer contain the cancelled placement).
 * Null when nobody on the list fits.
 */
export function offerFreedPlace(
  c: CompiledInstance,
  waiting: readonly MatchId[],
  assignments: readonly MatchAssignment[],
  placeId: MatchId,
): PlaceOffer | null {
  const pl = c.placeIndex.get(placeId);
  if (pl === undefined) return null;
  const place = c.places[pl]!;
  const ordered = [...waiting].sort((a, b) => (c.participantIndex.get(a) ?? Infinity) - (c.participantIndex.get(b) ?? Infinity));
  for (const id of ordered) {
    const p = c.participants[c.participantIndex.get(id) ?? -1];
    if (!p) continue;
    const listed = p.choices.filter(
      (ch) => ch.hostId === place.hostId && (ch.placeId === undefined || ch.placeId === null || ch.placeId === place.id),
    );
    if (listed.length === 0) continue;
    const check = checkMove(c, assignments, { participantId: id, placeId, fromPlaceId: null });
    if (check.ok && !check.replaces) {
      return { participantId: id, rank: Math.min(...listed.map((ch) => ch.rank)), assignment: check.assignment };
    }
  }
  return null;
}
