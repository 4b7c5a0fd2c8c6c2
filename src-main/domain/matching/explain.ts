import type { CompiledInstance } from './compiled-instance';
import type { InfeasibleCode, MatchId, MatchingResult } from './matching.types';
import { hasRoom } from './priority-matching';

/** Why one better-ranked choice was not obtained. */
export type ChoiceReasonCode =
  | InfeasibleCode
  | 'full_higher_priority'
  | 'full_optimal_tradeoff'
  | 'already_placed_at_host'
  | 'unresolved';

/** One line of an explanation: a choice ranked better than the outcome, and why it was not given. */
export interface ChoiceReason {
  readonly rank: number;
  readonly hostId: MatchId;
  readonly hostName: string;
  readonly code: ChoiceReasonCode;
  /** For `full_*`: capacity of the limit that binds (place, host or mentors) and how many hold it. */
  readonly limit?: 'place' | 'host' | 'mentor';
  readonly capacity?: number;
  readonly takenBy?: number;
  /** For `full_*`: how many of the holders have a higher priority. */
  readonly takenByHigherPriority?: number;
}

/** The explanation for one participant who is unplaced or not on their first choice. */
export interface ParticipantExplanation {
  readonly participantId: MatchId;
  readonly outcome: 'unplaced' | 'lower_choice';
  /** Best rank obtained; null when unplaced or only pinned outside the choices. */
  readonly obtainedRank: number | null;
  readonly reasons: readonly ChoiceReason[];
}

/**
 * Explains every participant who is unplaced or not on choice 1, with one reason per better choice.
 * A choice is `full_higher_priority` when the binding limit is held only by higher-priority
 * participants (or pins), `full_optimal_tradeoff` when a lower-priority participant holds part of it
 * (optimal mode gave it away to place more people or give more good choices), and `unresolved` when
 * no rule explains it (should not happen; a test guards that).
 */
export function explainMatching(c: CompiledInstance, result: MatchingResult): ParticipantExplanation[] {
  const placeTaken = new Int32Array(c.places.length);
  const hostTaken = new Int32Array(c.hosts.length);
  const mentorTaken = new Int32Array(c.mentors.length);
  const holders: number[][] = c.places.map(() => []);
  const byParticipant = new Map<MatchId, number[]>();
  for (const a of result.assignments) {
    const pl = c.placeIndex.get(a.placeId);
    const pi = c.participantIndex.get(a.participantId);
    if (pl === undefined || pi === undefined) continue;
    placeTaken[pl]!++;
    hostTaken[c.placeHost[pl]!]!++;
    if (a.mentorId !== null) {
      const m = c.mentorIndex.get(a.mentorId);
      if (m !== undefined) mentorTaken[m]!++;
    }
    holders[pl]!.push(pi);
    if (a.rank !== null) byParticipant.set(a.participantId, [...(byParticipant.get(a.participantId) ?? []), a.rank]);
  }
  const placeRoom = Int32Array.from(c.places, (p, i) => p.capacity - placeTaken[i]!);
  const hostRoom = Int32Array.from(c.hostCapacity, (cap, i) => cap - hostTaken[i]!);
  const mentorRoom = Int32Array.from(c.mentors, (m, i) => m.capacity - mentorTaken[i]!);
  const heldHosts = new Map<MatchId, Set<MatchId>>();
  for (const a of result.assignments) heldHosts.set(a.participantId, (heldHosts.get(a.participantId) ?? new Set()).add(a.hostId));

  const out: ParticipantExplanation[] = [];
  c.participants.forEach((p, pi) => {
    const ranks = byParticipant.get(p.id) ?? [];
    const isPlaced = heldHosts.has(p.id);
    const best = ranks.length > 0 ? Math.min(...ranks) : null;
    if (isPlaced && best === 1) return;
    if (!isPlaced && p.choices.length === 0) return;
    const bound = !isPlaced ? Number.MAX_SAFE_INTEGER : (best ?? Number.MAX_SAFE_INTEGER);
    const reasons: ChoiceReason[] = [];
    for (const fe of c.feasibility[pi]!) {
      if (fe.rank >= bound) break;
      const host = c.hosts[c.hostIndex.get(fe.hostId) ?? -1];
      const base = { rank: fe.rank, hostId: fe.hostId, hostName: host?.name ?? String(fe.hostId) };
      if (fe.feasiblePlaceIds.length === 0) {
        reasons.push({ ...base, code: fe.reasons[0]?.code ?? 'unresolved' });
        continue;
      }
      if (heldHosts.get(p.id)?.has(fe.hostId)) {
        reasons.push({ ...base, code: 'already_placed_at_host' });
        continue;
      }
      const places = fe.feasiblePlaceIds.map((id) => c.placeIndex.get(id)!);
      if (places.some((pl) => hasRoom(c, pl, placeRoom, hostRoom, mentorRoom))) {
        reasons.push({ ...base, code: 'unresolved' });
        continue;
      }
      // Report the binding limit of the first feasible place: the place itself if full, else the host, else mentors.
      const pl = places[0]!;
      const h = c.placeHost[pl]!;
      let limit: 'place' | 'host' | 'mentor';
      let capacity: number;
      let holderList: number[];
      if (placeRoom[pl]! <= 0) {
        limit = 'place';
        capacity = c.places[pl]!.capacity;
        holderList = holders[pl]!;
      } else if (hostRoom[h]! <= 0) {
        limit = 'host';
        capacity = c.hostCapacity[h]!;
        holderList = c.hostPlaces[h]!.flatMap((q) => holders[q]!);
      } else {
        limit = 'mentor';
        capacity = c.placeMentors[pl]!.reduce((s, m) => s + c.mentors[m]!.capacity, 0);
        holderList = holders[pl]!;
      }
      const higher = holderList.filter((q) => q < pi).length;
      reasons.push({
        ...base,
        code: higher === holderList.length ? 'full_higher_priority' : 'full_optimal_tradeoff',
        limit,
        capacity,
        takenBy: holderList.length,
        takenByHigherPriority: higher,
      });
    }
    out.push({ participantId: p.id, outcome: isPlaced ? 'lower_choice' : 'unplaced', obtainedRank: best, reasons });
  });
  return out;
}

/** Languages explanations are written in (Dutch first, as the users read it). */
export type ExplanationLanguage = 'nl' | 'en';

type Limit = NonNullable<ChoiceReason['limit']>;

interface Wording {
  choice: string;
  unplaced: string;
  lower: (rank: number) => string;
  outsideChoices: string;
  /** The binding limit with its size: "1 plaats", "4 plaatsen bij deze organisatie", "geen plaatsen". */
  limit: (limit: Limit, capacity: number) => string;
  /** Who holds places, by number: "een deelnemer met een hogere prioriteit", "deelnemers met een lagere prioriteit". */
  who: (n: number, isHigher: boolean) => string;
  taken: string;
  allTaken: string;
  by: string;
  and: string;
  tradeoff: string;
  codes: Record<Exclude<ChoiceReasonCode, 'full_higher_priority' | 'full_optimal_tradeoff'>, string>;
}

/*
 * Numbers decide the noun: "1 plaats", "2 plaatsen", "a participant", "3 participants". Dutch and
 * English both use the plural for 0 ("0 plaatsen", "no places").
 */
const WORDING: Record<ExplanationLanguage, Wording> = {
  nl: {
    choice: 'Keuze',
    unplaced: 'Niet geplaatst.',
    lower: (r) => `Geplaatst op keuze ${r}.`,
    outsideChoices: 'Geplaatst buiten de keuzes.',
    limit: (limit, n) => {
      const noun = limit === 'mentor' ? (n === 1 ? 'mentorplaats' : 'mentorplaatsen') : n === 1 ? 'plaats' : 'plaatsen';
      const where = limit === 'host' ? ' bij deze organisatie' : '';
      return `${n === 0 ? 'geen' : String(n)} ${noun}${where}`;
    },
    who: (n, isHigher) => `${n === 1 ? 'een deelnemer' : 'deelnemers'} met een ${isHigher ? 'hogere' : 'lagere'} prioriteit`,
    taken: 'ingenomen',
    allTaken: 'allemaal ingenomen',
    by: 'door',
    and: 'en',
    tradeoff: '; zo krijgen meer deelnemers een plaats of een betere keuze',
    codes: {
      unknown_host: 'deze organisatie is onbekend',
      unknown_place: 'deze plaats is onbekend',
      place_not_at_host: 'deze plaats hoort niet bij deze organisatie',
      no_place: 'deze organisatie biedt geen plaatsen aan',
      own_organisation: 'dit is de eigen organisatie',
      visited_before: 'al bezocht in een vorige ronde',
      excluded: 'uitgesloten door de coördinator',
      language: 'geen gemeenschappelijke taal',
      availability: 'de beschikbaarheid past niet bij de dagen of de vorm van de plaats',
      too_far: 'te ver weg',
      duplicate_host: 'al eerder gekozen',
      already_placed_at_host: 'al geplaatst bij deze organisatie',
      unresolved: 'er was nog plaats; kijk deze plaatsing na',
    },
  },
  en: {
    choice: 'Choice',
    unplaced: 'Not placed.',
    lower: (r) => `Placed on choice ${r}.`,
    outsideChoices: 'Placed outside their choices.',
    limit: (limit, n) => {
      const noun = limit === 'mentor' ? (n === 1 ? 'mentor place' : 'mentor places') : n === 1 ? 'place' : 'places';
      const where = limit === 'host' ? ' at this organisation' : '';
      return `${n === 0 ? 'no' : String(n)} ${noun}${where}`;
    },
    who: (n, isHigher) => `${n === 1 ? 'a participant' : 'participants'} with ${isHigher ? 'higher' : 'lower'} priority`,
    taken: 'taken',
    allTaken: 'all taken',
    by: 'by',
    and: 'and',
    tradeoff: ', so that more participants get a place or a better choice',
    codes: {
      unknown_host: 'this organisation is unknown',
      unknown_place: 'this place is unknown',
      place_not_at_host: 'this place does not belong to this organisation',
      no_place: 'this organisation offers no places',
      own_organisation: 'this is their own organisation',
      visited_before: 'already visited in an earlier round',
      excluded: 'excluded by the coordinator',
      language: 'no language in common',
      availability: 'their availability does not fit the days or format of the place',
      too_far: 'too far away',
      duplicate_host: 'already listed as a better choice',
      already_placed_at_host: 'already placed at this organisation',
      unresolved: 'there was still room; please check this placement',
    },
  },
};

/**
 * "4 plaatsen, allemaal ingenomen door deelnemers met een hogere prioriteit", "1 plaats, ingenomen door
 * een deelnemer met een lagere prioriteit; zo ...", or a split "allemaal ingenomen: 3 door ... en 1 door ...".
 */
function fullText(r: ChoiceReason, w: Wording): string {
  const limit = w.limit(r.limit ?? 'place', r.capacity ?? 0);
  const takenBy = r.takenBy ?? 0;
  if (takenBy === 0) return limit;
  const higher = Math.min(r.takenByHigherPriority ?? 0, takenBy);
  const lower = takenBy - higher;
  let taken: string;
  if (higher === 0 || lower === 0) taken = `${takenBy === 1 ? w.taken : w.allTaken} ${w.by} ${w.who(takenBy, higher > 0)}`;
  else taken = `${w.allTaken}: ${higher} ${w.by} ${w.who(higher, true)} ${w.and} ${lower} ${w.by} ${w.who(lower, false)}`;
  return `${limit}, ${taken}${r.code === 'full_optimal_tradeoff' ? w.tradeoff : ''}`;
}

/**
 * Plain-language text for one explanation, e.g. "Niet geplaatst. Keuze 1, De Vlinder: 4 plaatsen,
 * allemaal ingenomen door deelnemers met een hogere prioriteit; keuze 2, ...".
 */
export function renderExplanation(e: ParticipantExplanation, language: ExplanationLanguage): string {
  const w = WORDING[language];
  const head = e.outcome === 'unplaced' ? w.unplaced : e.obtainedRank === null ? w.outsideChoices : w.lower(e.obtainedRank);
  const parts = e.reasons.map((r, i) => {
    const label = i === 0 ? w.choice : w.choice.toLowerCase();
    const why = r.code === 'full_higher_priority' || r.code === 'full_optimal_tradeoff' ? fullText(r, w) : w.codes[r.code];
    return `${label} ${r.rank}, ${r.hostName}: ${why}`;
  });
  return parts.length === 0 ? head : `${head} ${parts.join('; ')}.`;
}
