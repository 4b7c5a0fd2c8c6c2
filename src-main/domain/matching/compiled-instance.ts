import { forbiddenKey, isPairFeasible, pairProblems, type PairContext } from './feasibility';
import type {
  ChoiceFeasibility,
  InfeasibleReason,
  MatchAssignment,
  MatchHost,
  MatchId,
  MatchingInstance,
  MatchMentor,
  MatchParticipant,
  MatchPlace,
  PinProblem,
} from './matching.types';
import { compareIds, comparePriority } from './priority-order';

/** A feasible (participant, place) pair with the best rank at which the participant asked for it. */
export interface CandidateEdge {
  readonly rank: number;
  /** Index into {@link CompiledInstance.places}. */
  readonly place: number;
  /** Index into {@link CompiledInstance.hosts}. */
  readonly host: number;
}

/**
 * An instance indexed for the solvers. Every list is in a canonical order (participants by priority,
 * everything else by id) so results never depend on the order of the input arrays.
 * Capacities (`placeRoom`, `hostRoom`, `mentorRoom`, `slots`) are what is left after the pins;
 * they may be negative when pins overfill, and solvers treat that as zero room.
 */
export interface CompiledInstance {
  readonly instance: MatchingInstance;
  readonly ctx: PairContext;
  readonly participants: readonly MatchParticipant[];
  readonly participantIndex: ReadonlyMap<MatchId, number>;
  readonly hosts: readonly MatchHost[];
  readonly hostIndex: ReadonlyMap<MatchId, number>;
  readonly places: readonly MatchPlace[];
  readonly placeIndex: ReadonlyMap<MatchId, number>;
  readonly placeHost: Int32Array;
  readonly hostPlaces: readonly (readonly number[])[];
  readonly mentors: readonly MatchMentor[];
  readonly mentorIndex: ReadonlyMap<MatchId, number>;
  /** Mentors covering each place (ascending id); empty: the place needs no mentor. */
  readonly placeMentors: readonly (readonly number[])[];
  /** Effective capacity before pins: min(host capacity, sum of its place capacities). */
  readonly hostCapacity: Int32Array;
  readonly maxRank: number;
  readonly slots: Int32Array;
  readonly placeRoom: Int32Array;
  readonly hostRoom: Int32Array;
  readonly mentorRoom: Int32Array;
  /** Hosts a participant already holds through a pin (no second placement there). */
  readonly heldHosts: readonly ReadonlySet<number>[];
  readonly pinned: readonly MatchAssignment[];
  readonly pinProblems: readonly PinProblem[];
  /** Per participant (priority index), per choice in rank order. Built on first read (explanations). */
  readonly feasibility: readonly (readonly ChoiceFeasibility[])[];
  /** Per participant: feasible pairs, best rank per place, sorted by rank then place id; held hosts left out. */
  readonly edges: readonly (readonly CandidateEdge[])[];
}

function indexById<T extends { id: MatchId }>(items: readonly T[]): { sorted: T[]; index: Map<MatchId, number> } {
  const sorted = [...items].sort((a, b) => compareIds(a.id, b.id));
  const index = new Map<MatchId, number>();
  sorted.forEach((item, i) => {
    if (!index.has(item.id)) index.set(item.id, i);
  });
  return { sorted, index };
}

/** Shared by every feasible choice; frozen because many results point at it. */
const NO_REASONS: readonly InfeasibleReason[] = Object.freeze([]);
/** Shared by every participant without a pin (most of them): 10,000 empty sets per run are pure GC work. */
const NO_HOSTS: ReadonlySet<number> = new Set<number>();

function isSortedByRank(choices: readonly { rank: number }[]): boolean {
  for (let i = 1; i < choices.length; i++) if (choices[i - 1]!.rank > choices[i]!.rank) return false;
  return true;
}

const compareEdges = (a: CandidateEdge, b: CandidateEdge): number => a.rank - b.rank || a.place - b.place;

function isSortedEdges(edges: readonly CandidateEdge[]): boolean {
  for (let i = 1; i < edges.length; i++) if (compareEdges(edges[i - 1]!, edges[i]!) > 0) return false;
  return true;
}

function nonNegativeInt(n: number | null | undefined, fallback: number): number {
  if (n === null || n === undefined || !Number.isFinite(n)) return fallback;
  return Math.max(0, Math.floor(n));
}

/**
 * Index an instance, apply the pins (they take capacity first, in priority order) and list every
 * feasible pair. Shared by both modes, explanations, move checks and the waiting list, so all of
 * them agree on what is feasible.
 */
export function compileInstance(instance: MatchingInstance): CompiledInstance {
  const participants = [...instance.participants].sort(comparePriority);
  const participantIndex = new Map<MatchId, number>();
  participants.forEach((p, i) => participantIndex.set(p.id, i));
  const { sorted: hosts, index: hostIndex } = indexById(instance.hosts);
  const { sorted: places, index: placeIndex } = indexById(instance.places);
  const { sorted: mentors, index: mentorIndex } = indexById(instance.mentors ?? []);

  const placeHost = new Int32Array(places.length).fill(-1);
  const hostPlaces: number[][] = hosts.map(() => []);
  places.forEach((pl, i) => {
    const h = hostIndex.get(pl.hostId);
    if (h === undefined) return;
    placeHost[i] = h;
    hostPlaces[h]!.push(i);
  });
  const placeMentors: number[][] = places.map(() => []);
  mentors.forEach((m, mi) => {
    const h = hostIndex.get(m.hostId);
    if (h === undefined) return;
    const covered = m.placeIds ? m.placeIds.map((id) => placeIndex.get(id)) : hostPlaces[h]!;
    for (const pl of covered) {
      if (pl !== undefined && placeHost[pl] === h && !placeMentors[pl]!.includes(mi)) placeMentors[pl]!.push(mi);
    }
  });
  for (const list of placeMentors) list.sort((a, b) => a - b);

  const placeRoom = Int32Array.from(places, (p) => nonNegativeInt(p.capacity, 0));
  const hostCapacity = Int32Array.from(hosts, (h, hi) => {
    const sum = hostPlaces[hi]!.reduce((s, pl) => s + placeRoom[pl]!, 0);
    return Math.min(sum, nonNegativeInt(h.capacity, sum));
  });
  const hostRoom = Int32Array.from(hostCapacity);
  const mentorRoom = Int32Array.from(mentors, (m) => nonNegativeInt(m.capacity, 0));
  const slots = Int32Array.from(participants, (p) => nonNegativeInt(p.maxPlacements, 1));
  const heldHosts: ReadonlySet<number>[] = participants.map(() => NO_HOSTS);

  const forbidden = new Set<string>();
  for (const f of instance.forbiddenPairs ?? []) forbidden.add(forbiddenKey(f.participantId, f.hostId, f.placeId ?? null));
  const ctx: PairContext = { hostsById: new Map(hosts.map((h) => [h.id, h])), forbidden, travel: instance.travel ?? null };

  const maxRank = participants.reduce((m, p) => p.choices.reduce((mm, c) => Math.max(mm, c.rank), m), 0);

  // Pins first: they are the coordinator's decisions and consume capacity before anyone else.
  const pinned: MatchAssignment[] = [];
  const pinProblems: PinProblem[] = [];
  const pins = [...(instance.pins ?? [])].sort((a, b) => {
    const pa = participantIndex.get(a.participantId) ?? Number.MAX_SAFE_INTEGER;
    const pb = participantIndex.get(b.participantId) ?? Number.MAX_SAFE_INTEGER;
    return pa - pb || compareIds(a.placeId, b.placeId);
  });
  for (const pin of pins) {
    const pi = participantIndex.get(pin.participantId);
    const pl = placeIndex.get(pin.placeId);
    const problem = (code: PinProblem['code']): void => {
      pinProblems.push({ participantId: pin.participantId, placeId: pin.placeId, code });
    };
    if (pi === undefined) { problem('unknown_participant'); continue; }
    if (pl === undefined || placeHost[pl]! < 0) { problem('unknown_place'); continue; }
    const p = participants[pi]!;
    const place = places[pl]!;
    const h = placeHost[pl]!;
    for (const code of pairProblems(ctx, p, place)) problem(code);
    if (slots[pi]! <= 0) problem('max_placements');
    if (placeRoom[pl]! <= 0) problem('place_full');
    if (hostRoom[h]! <= 0) problem('host_full');
    let mentor: number | null = null;
    const covering = placeMentors[pl]!;
    if (pin.mentorId !== undefined && pin.mentorId !== null) {
      const mi = mentorIndex.get(pin.mentorId);
      if (mi === undefined || !covering.includes(mi)) problem('unknown_mentor');
      else mentor = mi;
    }
    if (mentor === null && covering.length > 0) {
      mentor = covering.reduce((best, mi) => (mentorRoom[mi]! > mentorRoom[best]! ? mi : best), covering[0]!);
    }
    if (mentor !== null) {
      if (mentorRoom[mentor]! <= 0) problem('mentor_full');
      mentorRoom[mentor]! -= 1;
    }
    slots[pi]! -= 1;
    placeRoom[pl]! -= 1;
    hostRoom[h]! -= 1;
    heldHosts[pi] = new Set(heldHosts[pi]).add(h);
    const ranks = p.choices
      .filter((c) => c.hostId === place.hostId && (c.placeId === undefined || c.placeId === null || c.placeId === place.id))
      .map((c) => c.rank);
    pinned.push({
      participantId: p.id,
      hostId: place.hostId,
      placeId: place.id,
      mentorId: mentor === null ? null : mentors[mentor]!.id,
      rank: ranks.length > 0 ? Math.min(...ranks) : null,
      isPinned: true,
    });
  }

  // One scanner for both passes so that edges and feasibility lists always agree. The edge pass runs
  // on every compile; the feasibility lists (only explanations read them) are built on first use.
  const scanner = (): ((pi: number, record: boolean) => { fe: ChoiceFeasibility[] | null; ed: CandidateEdge[] }) => {
    // seenBy[pl] === pi: participant pi already listed place pl under a better rank.
    const seenBy = new Int32Array(places.length).fill(-1);
    return (pi, record) => {
      const p = participants[pi]!;
      const fe: ChoiceFeasibility[] | null = record ? [] : null;
      const ed: CandidateEdge[] = [];
      const choices = isSortedByRank(p.choices) ? p.choices : [...p.choices].sort((a, b) => a.rank - b.rank);
      for (const c of choices) {
        let reasons: InfeasibleReason[] | null = null;
        const ok: number[] | null = record ? [] : null;
        const h = hostIndex.get(c.hostId);
        let candidates: readonly number[] = [];
        if (h === undefined) reasons = [{ code: 'unknown_host', placeId: null }];
        else if (c.placeId !== undefined && c.placeId !== null) {
          const pl = placeIndex.get(c.placeId);
          if (pl === undefined) reasons = [{ code: 'unknown_place', placeId: c.placeId }];
          else if (placeHost[pl] !== h) reasons = [{ code: 'place_not_at_host', placeId: c.placeId }];
          else candidates = [pl];
        } else {
          candidates = hostPlaces[h]!;
          if (candidates.length === 0) reasons = [{ code: 'no_place', placeId: null }];
        }
        for (const pl of candidates) {
          const place = places[pl]!;
          if (!isPairFeasible(ctx, p, place)) {
            if (!record) continue;
            reasons ??= [];
            for (const code of pairProblems(ctx, p, place)) reasons.push({ code, placeId: place.id });
          } else if (seenBy[pl] === pi) {
            if (record) (reasons ??= []).push({ code: 'duplicate_host', placeId: place.id });
          } else {
            seenBy[pl] = pi;
            ok?.push(pl);
            if (h !== undefined && !heldHosts[pi]!.has(h)) ed.push({ rank: c.rank, place: pl, host: h });
          }
        }
        fe?.push({ rank: c.rank, hostId: c.hostId, feasiblePlaceIds: (ok ?? []).map((pl) => places[pl]!.id), reasons: reasons ?? NO_REASONS });
      }
      // Choices come in rank order and a host's places in index order, so the list is almost always sorted already.
      if (!isSortedEdges(ed)) ed.sort(compareEdges);
      return { fe, ed };
    };
  };
  const scanEdges = scanner();
  const edges: CandidateEdge[][] = participants.map((_, pi) => scanEdges(pi, false).ed);
  let feasibility: ChoiceFeasibility[][] | null = null;

  return {
    instance, ctx, participants, participantIndex, hosts, hostIndex, places, placeIndex, placeHost, hostPlaces,
    mentors, mentorIndex, placeMentors, hostCapacity, maxRank, slots, placeRoom, hostRoom, mentorRoom, heldHosts,
    pinned, pinProblems, edges,
    get feasibility(): readonly (readonly ChoiceFeasibility[])[] {
      if (feasibility === null) {
        const scan = scanner();
        feasibility = participants.map((_, pi) => scan(pi, true).fe!);
      }
      return feasibility;
    },
  };
}
