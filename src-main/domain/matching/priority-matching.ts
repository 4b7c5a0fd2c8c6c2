import type { CompiledInstance } from './compiled-instance';
import type { RawPlacement } from './matching-result';

/** Mentor with the most room among those covering `place` (ties: smallest id); -1 if all are full. */
export function pickMentor(c: CompiledInstance, place: number, mentorRoom: Int32Array): number {
  let best = -1;
  for (const m of c.placeMentors[place]!) if (mentorRoom[m]! > 0 && (best === -1 || mentorRoom[m]! > mentorRoom[best]!)) best = m;
  return best;
}

/** Whether `place` can take one more participant: place, host and (if it needs one) a mentor have room. */
export function hasRoom(c: CompiledInstance, place: number, placeRoom: Int32Array, hostRoom: Int32Array, mentorRoom: Int32Array): boolean {
  if (placeRoom[place]! <= 0 || hostRoom[c.placeHost[place]!]! <= 0) return false;
  return c.placeMentors[place]!.length === 0 || pickMentor(c, place, mentorRoom) !== -1;
}

/**
 * Serial dictatorship. In priority order, each participant takes the best-ranked choice that still
 * has room (place, host and mentor). With several placements per participant it runs in rounds:
 * everyone's first placement, then everyone's second, and so on, so a top-priority participant
 * cannot take five places before the next one gets any.
 *
 * Guarantee (tested): within a round, when a participant gets rank r (or nothing), every feasible
 * choice ranked better was full with placements made earlier in that round by higher-priority
 * participants, or in earlier rounds, or by pins. So nobody prefers a place held by a participant
 * of lower priority who picked in the same round.
 *
 * Within one choice rank, a host choice may fit several places: the one with the most room is
 * taken (ties: smallest place id), and the covering mentor with the most room (ties: smallest id),
 * which keeps the rarer places free for later participants who need them.
 */
export function priorityMatching(c: CompiledInstance): RawPlacement[] {
  const placeRoom = Int32Array.from(c.placeRoom);
  const hostRoom = Int32Array.from(c.hostRoom);
  const mentorRoom = Int32Array.from(c.mentorRoom);
  const held = c.heldHosts.map((s) => new Set(s));
  const stuck = new Uint8Array(c.participants.length);
  const out: RawPlacement[] = [];
  for (let round = 1; ; round++) {
    let anyone = false;
    for (let pi = 0; pi < c.participants.length; pi++) {
      if (stuck[pi] || c.slots[pi]! < round) continue;
      anyone = true;
      let pick = -1;
      let pickRank = 0;
      for (const e of c.edges[pi]!) {
        if (pick !== -1 && e.rank !== pickRank) break;
        if (held[pi]!.has(e.host) || !hasRoom(c, e.place, placeRoom, hostRoom, mentorRoom)) continue;
        if (pick === -1 || placeRoom[e.place]! > placeRoom[pick]!) {
          pick = e.place;
          pickRank = e.rank;
        }
      }
      if (pick === -1) {
        stuck[pi] = 1;
        continue;
      }
      const mentor = c.placeMentors[pick]!.length > 0 ? pickMentor(c, pick, mentorRoom) : null;
      placeRoom[pick]!--;
      hostRoom[c.placeHost[pick]!]!--;
      if (mentor !== null) mentorRoom[mentor]!--;
      held[pi]!.add(c.placeHost[pick]!);
      out.push({ participant: pi, place: pick, mentor, rank: pickRank });
    }
    if (!anyone) return out;
  }
}
