import type { CompiledInstance } from './compiled-instance';
import { pairProblems } from './feasibility';
import type { InfeasibleCode, MatchAssignment, MatchId } from './matching.types';
import { pickMentor } from './priority-matching';

/** What a coordinator asks: put this participant at this place (optionally with this mentor). */
export interface MoveRequest {
  readonly participantId: MatchId;
  readonly placeId: MatchId;
  readonly mentorId?: MatchId | null;
  /** The placement it replaces; absent: the participant's first placement, or a new one if none. */
  readonly fromPlaceId?: MatchId | null;
}

/** A rule the move breaks. */
export type MoveProblemCode =
  | InfeasibleCode
  | 'unknown_participant'
  | 'place_full'
  | 'host_full'
  | 'mentor_full'
  | 'unknown_mentor'
  | 'already_at_host'
  | 'max_placements';

/** Outcome of a move check; `assignment` is what to store when `ok`. */
export type MoveCheck =
  | { readonly ok: true; readonly assignment: MatchAssignment; readonly replaces: MatchAssignment | null }
  | { readonly ok: false; readonly problems: readonly MoveProblemCode[]; readonly message: { readonly nl: string; readonly en: string } };

/** Why a hand move is refused, per problem; the window writes the same words from its own texts (a test holds them together). */
export const MOVE_MESSAGES: Readonly<Record<MoveProblemCode, { readonly nl: string; readonly en: string }>> = {
  unknown_participant: { nl: 'Deze deelnemer is onbekend.', en: 'This participant is unknown.' },
  unknown_host: { nl: 'Deze organisatie is onbekend.', en: 'This organisation is unknown.' },
  unknown_place: { nl: 'Deze plaats is onbekend.', en: 'This place is unknown.' },
  place_not_at_host: { nl: 'Deze plaats hoort niet bij de organisatie.', en: 'This place does not belong to the organisation.' },
  no_place: { nl: 'Deze organisatie biedt geen plaatsen aan.', en: 'This organisation offers no places.' },
  own_organisation: { nl: 'Dit is de eigen organisatie van de deelnemer. Kies een andere organisatie.', en: "This is the participant's own organisation. Choose another one." },
  visited_before: { nl: 'De deelnemer bezocht deze organisatie al in een vorige ronde.', en: 'The participant visited this organisation in an earlier round.' },
  excluded: { nl: 'De coördinator sloot deze combinatie uit. Hef de uitsluiting eerst op.', en: 'The coordinator excluded this pair. Lift the exclusion first.' },
  language: { nl: 'De deelnemer en de plaats hebben geen gemeenschappelijke taal.', en: 'The participant and the place share no language.' },
  availability: { nl: 'De beschikbaarheid van de deelnemer past niet bij de dagen of de vorm van de plaats.', en: "The participant's availability does not fit the place's days or format." },
  too_far: { nl: 'De plaats ligt te ver van de deelnemer.', en: 'The place is too far from the participant.' },
  duplicate_host: { nl: 'De deelnemer is al bij deze organisatie geplaatst.', en: 'The participant is already placed at this organisation.' },
  place_full: { nl: 'De plaats is vol. Verplaats eerst iemand anders of verhoog de capaciteit.', en: 'The place is full. Move someone else first or raise the capacity.' },
  host_full: { nl: 'De organisatie ontvangt al het maximum aantal deelnemers.', en: 'The organisation already receives its maximum number of participants.' },
  mentor_full: { nl: 'Geen mentor van deze plaats heeft nog ruimte.', en: 'No mentor of this place has room left.' },
  unknown_mentor: { nl: 'Deze mentor begeleidt deze plaats niet.', en: 'This mentor does not cover this place.' },
  already_at_host: { nl: 'De deelnemer is al bij deze organisatie geplaatst.', en: 'The participant is already placed at this organisation.' },
  max_placements: { nl: 'De deelnemer heeft al het maximum aantal plaatsingen.', en: 'The participant already has the maximum number of placements.' },
};

/**
 * Checks moving (or adding) one placement by hand against the current assignments: exclusions,
 * language, availability, travel, capacities of place, host and mentor, one placement per host,
 * and the participant's maximum. Messages say what to do, in Dutch and English.
 */
export function checkMove(c: CompiledInstance, assignments: readonly MatchAssignment[], move: MoveRequest): MoveCheck {
  const problems: MoveProblemCode[] = [];
  const fail = (): MoveCheck => ({
    ok: false,
    problems,
    message: { nl: problems.map((p) => MOVE_MESSAGES[p].nl).join(' '), en: problems.map((p) => MOVE_MESSAGES[p].en).join(' ') },
  });
  const pi = c.participantIndex.get(move.participantId);
  if (pi === undefined) problems.push('unknown_participant');
  const pl = c.placeIndex.get(move.placeId);
  if (pl === undefined || c.placeHost[pl]! < 0) problems.push('unknown_place');
  if (pi === undefined || pl === undefined || c.placeHost[pl]! < 0) return fail();
  const p = c.participants[pi]!;
  const place = c.places[pl]!;
  const own = assignments.filter((a) => a.participantId === p.id);
  const replaces =
    move.fromPlaceId !== undefined && move.fromPlaceId !== null
      ? (own.find((a) => a.placeId === move.fromPlaceId) ?? null)
      : (own[0] ?? null);
  const others = assignments.filter((a) => a !== replaces);

  problems.push(...pairProblems(c.ctx, p, place));
  if (others.some((a) => a.participantId === p.id && a.hostId === place.hostId)) problems.push('already_at_host');
  if (!replaces && own.length >= (p.maxPlacements ?? 1)) problems.push('max_placements');
  const h = c.placeHost[pl]!;
  const atPlace = others.filter((a) => a.placeId === place.id).length;
  const atHost = others.filter((a) => a.hostId === place.hostId).length;
  if (atPlace >= place.capacity) problems.push('place_full');
  if (atHost >= c.hostCapacity[h]!) problems.push('host_full');
  let mentor: number | null = null;
  const covering = c.placeMentors[pl]!;
  if (covering.length > 0) {
    const room = Int32Array.from(c.mentors, (m) => m.capacity - others.filter((a) => a.mentorId === m.id).length);
    if (move.mentorId !== undefined && move.mentorId !== null) {
      const mi = c.mentorIndex.get(move.mentorId);
      if (mi === undefined || !covering.includes(mi)) problems.push('unknown_mentor');
      else if (room[mi]! <= 0) problems.push('mentor_full');
      else mentor = mi;
    } else {
      mentor = pickMentor(c, pl, room);
      if (mentor === -1) problems.push('mentor_full');
    }
  }
  if (problems.length > 0) return fail();
  const ranks = p.choices
    .filter((ch) => ch.hostId === place.hostId && (ch.placeId === undefined || ch.placeId === null || ch.placeId === place.id))
    .map((ch) => ch.rank);
  return {
    ok: true,
    replaces,
    assignment: {
      participantId: p.id,
      hostId: place.hostId,
      placeId: place.id,
      mentorId: mentor === null ? null : c.mentors[mentor]!.id,
      rank: ranks.length > 0 ? Math.min(...ranks) : null,
      isPinned: false,
    },
  };
}
