import type { Availability, Language } from '../../../src-shared/schemas/common.schema';
import type { PlaceFormat } from '../../../src-shared/schemas/place.schema';

/**
 * Identifier of any matching entity. Database ids (numbers) and external keys (strings) both work;
 * `5` and `"5"` are different ids. Ordering, where ids break ties, is {@link compareIds}.
 */
export type MatchId = string | number;

/** One weekday half: `mon_am`, `mon_pm`, ... (the shared availability vocabulary). */
export type DayPart = Availability[number];

/**
 * Where someone or something is. Travel rules read only what they need: `region` for
 * `same_region`, anything for a caller-supplied distance function.
 */
export interface MatchLocation {
  readonly postcode?: string | null;
  readonly region?: string | null;
}

/**
 * What decides who goes first. The order is total and documented in `priority-order.ts`:
 * lower `tier` first (tier 0: staff of hosting organisations), then early birds, then earlier
 * `signedUpAt`, then the participant id. Never random.
 */
export interface MatchPriority {
  /** 0 is the highest tier. */
  readonly tier: number;
  readonly isEarlyBird: boolean;
  /** ISO 8601 timestamp in UTC (compared as text) or epoch milliseconds; null sorts last. */
  readonly signedUpAt: string | number | null;
}

/** One ranked wish: a host organisation, optionally narrowed to one of its places. */
export interface MatchChoice {
  /** 1 is the favourite. Ranks are unique per participant; gaps are allowed (an empty choice 2). */
  readonly rank: number;
  readonly hostId: MatchId;
  /** Null or absent: any place of the host that suits the participant. */
  readonly placeId?: MatchId | null;
}

/** A participant (bezoeker, jobshadower) as the matching sees them. */
export interface MatchParticipant {
  readonly id: MatchId;
  /** The employer; the participant is never placed there. Null for unknown. */
  readonly organisationId: MatchId | null;
  readonly priority: MatchPriority;
  readonly choices: readonly MatchChoice[];
  /** Placements this participant may receive in this round (KIEK allows several). Default 1. */
  readonly maxPlacements?: number;
  /** Languages the participant can work in. Empty or absent: not recorded, no constraint. */
  readonly languages?: readonly Language[];
  /** Day parts the participant is free. Empty or absent: not recorded, no constraint. */
  readonly availability?: readonly DayPart[];
  readonly location?: MatchLocation | null;
  /** Hosts visited in earlier rounds: never again. */
  readonly visitedHostIds?: readonly MatchId[];
}

/** A host organisation. Its id is the organisation id, so "own organisation" and reciprocity compare ids. */
export interface MatchHost {
  readonly id: MatchId;
  /** Shown in explanations ("De Vlinder"). */
  readonly name: string;
  /** Total placements the host accepts over all its places; null or absent: only the place capacities count. */
  readonly capacity?: number | null;
  readonly location?: MatchLocation | null;
}

/** A place (uitwisselingsplaats) offered by a host: a team or function with its own capacity. */
export interface MatchPlace {
  readonly id: MatchId;
  readonly hostId: MatchId;
  /** Team or function, shown in explanations when a host has several places. */
  readonly name?: string;
  readonly capacity: number;
  /** Languages spoken at the place. Empty or absent: no constraint. */
  readonly languages?: readonly Language[];
  /** `day` needs a whole day (morning and afternoon of the same weekday); other formats need one day part. */
  readonly format?: PlaceFormat;
  /** Day parts the place can receive someone. Empty or absent: no constraint. */
  readonly availability?: readonly DayPart[];
}

/**
 * A mentor (or host contact) who guides participants. A place that at least one mentor covers
 * needs one of those mentors for every placement there, within the mentor's capacity; a place no
 * mentor covers needs none.
 */
export interface MatchMentor {
  readonly id: MatchId;
  readonly hostId: MatchId;
  readonly name?: string;
  readonly capacity: number;
  /** The places of `hostId` this mentor covers; null or absent: all places of the host. */
  readonly placeIds?: readonly MatchId[] | null;
}

/** A pair the coordinator forbids: the whole host, or only one of its places when `placeId` is set. */
export interface ForbiddenPair {
  readonly participantId: MatchId;
  readonly hostId: MatchId;
  readonly placeId?: MatchId | null;
}

/**
 * Optional travel limit. `same_region`: the participant's region must equal the host's region.
 * `max_distance`: the caller supplies a pure distance function (for example a postcode table);
 * a null distance means unknown and never excludes. Missing regions never exclude either: the rule
 * only rejects what the data shows to be too far.
 */
export type TravelRule =
  | { readonly kind: 'same_region' }
  | {
      readonly kind: 'max_distance';
      readonly maxKm: number;
      readonly distanceKm: (from: MatchLocation, to: MatchLocation) => number | null;
    };

/** A placement the coordinator fixed: it survives every re-run and takes its capacity first. */
export interface PinnedPlacement {
  readonly participantId: MatchId;
  readonly placeId: MatchId;
  /** Absent: the covering mentor with the most room (ties: smallest id), if the place needs one. */
  readonly mentorId?: MatchId | null;
}

/** Programme rules that are reported on, not enforced while matching. */
export interface ReciprocityRules {
  /** Switching Talent: an organisation that sends participants must also host. */
  readonly requireSendersToHost?: boolean;
  /** KIEK: every participating organisation offers at least this many places (5). */
  readonly minPlacesPerOrganisation?: number | null;
}

/** Everything one matching run needs. Pure data plus an optional distance function. */
export interface MatchingInstance {
  readonly participants: readonly MatchParticipant[];
  readonly hosts: readonly MatchHost[];
  readonly places: readonly MatchPlace[];
  readonly mentors?: readonly MatchMentor[];
  readonly forbiddenPairs?: readonly ForbiddenPair[];
  readonly travel?: TravelRule | null;
  readonly pins?: readonly PinnedPlacement[];
  readonly rules?: ReciprocityRules;
}

/** `priority`: serial dictatorship. `optimal`: most placed, then rank-maximal, priority breaks ties. */
export type MatchingMode = 'priority' | 'optimal';

/** Why a (participant, place) pair can never be a placement, whatever the others do. */
export type InfeasibleCode =
  | 'unknown_host'
  | 'unknown_place'
  | 'place_not_at_host'
  | 'no_place'
  | 'own_organisation'
  | 'visited_before'
  | 'excluded'
  | 'language'
  | 'availability'
  | 'too_far'
  | 'duplicate_host';

/** One infeasibility, with the place it concerns when a host has several. */
export interface InfeasibleReason {
  readonly code: InfeasibleCode;
  readonly placeId: MatchId | null;
}

/** Result of checking one choice of one participant. */
export interface ChoiceFeasibility {
  readonly rank: number;
  readonly hostId: MatchId;
  /** Places of the choice the participant could be placed at (ids, ascending). */
  readonly feasiblePlaceIds: readonly MatchId[];
  /** Why the other places (or the whole choice) are impossible. Empty when all places are feasible. */
  readonly reasons: readonly InfeasibleReason[];
}

/** One placement in a result. */
export interface MatchAssignment {
  readonly participantId: MatchId;
  readonly hostId: MatchId;
  readonly placeId: MatchId;
  readonly mentorId: MatchId | null;
  /** The rank of the choice this placement satisfies; null for a pin outside the participant's choices. */
  readonly rank: number | null;
  readonly isPinned: boolean;
}

/** How full a place is after matching. */
export interface PlaceFill {
  readonly placeId: MatchId;
  readonly capacity: number;
  readonly taken: number;
}

/** How full a host is after matching; `capacity` is the effective one (host cap or sum of places). */
export interface HostFill {
  readonly hostId: MatchId;
  readonly capacity: number;
  readonly taken: number;
  readonly places: readonly PlaceFill[];
}

/** Sent versus received per organisation (Switching Talent, KIEK). */
export interface OrganisationReciprocity {
  readonly organisationId: MatchId;
  /** Placements of this organisation's staff. */
  readonly sent: number;
  /** Placements hosted by this organisation. */
  readonly received: number;
  /** Places it offers (effective host capacity; 0 when it is no host). */
  readonly placesOffered: number;
  /** Set when `requireSendersToHost` holds and the organisation sends (or applies) but offers no place. */
  readonly sendsWithoutHosting: boolean;
  /** Set when `minPlacesPerOrganisation` is given and it offers fewer (only organisations that host or send). */
  readonly belowMinPlaces: boolean;
}

/** Pins that break a rule; they are kept anyway because the coordinator decided them. */
export interface PinProblem {
  readonly participantId: MatchId;
  readonly placeId: MatchId;
  readonly code: InfeasibleCode | 'unknown_participant' | 'place_full' | 'host_full' | 'mentor_full' | 'unknown_mentor' | 'max_placements';
}

/** Counts per rank obtained, keyed 1, 2, 3 ... Every rank up to the highest listed rank is present. */
export type RankProfile = Record<number, number>;

/** The outcome of one run; plain data, safe to send over IPC and to store as a scenario. */
export interface MatchingResult {
  readonly mode: MatchingMode;
  /** Sorted by participant priority, then rank (pins without rank last). */
  readonly assignments: readonly MatchAssignment[];
  /** Participants without any placement, in priority order: this is the waiting list. */
  readonly unplaced: readonly MatchId[];
  /** Participants with at least one placement. */
  readonly placedCount: number;
  /** All placements, pins included. */
  readonly placementCount: number;
  /** Placements per rank obtained, pins included when they match a choice. */
  readonly byRank: RankProfile;
  readonly fill: readonly HostFill[];
  readonly reciprocity: readonly OrganisationReciprocity[];
  readonly pinProblems: readonly PinProblem[];
}
