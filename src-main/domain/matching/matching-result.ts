import type { CompiledInstance } from './compiled-instance';
import type {
  HostFill,
  MatchAssignment,
  MatchId,
  MatchingMode,
  MatchingResult,
  OrganisationReciprocity,
  RankProfile,
} from './matching.types';
import { compareIds } from './priority-order';

/** A placement as the solvers produce it: indices into the compiled instance. */
export interface RawPlacement {
  readonly participant: number;
  readonly place: number;
  readonly mentor: number | null;
  readonly rank: number;
}

/** Counts per rank 1..maxRank (zeros included) over the given assignments; pins without a rank are left out. */
export function rankProfile(assignments: readonly Pick<MatchAssignment, 'rank'>[], maxRank: number): RankProfile {
  const out: RankProfile = {};
  for (let r = 1; r <= maxRank; r++) out[r] = 0;
  for (const a of assignments) if (a.rank !== null) out[a.rank] = (out[a.rank] ?? 0) + 1;
  return out;
}

/**
 * Turns pins plus solver placements into the public result: assignments in priority order, the
 * unplaced list (the waiting list), rank profile, fill per host and reciprocity per organisation.
 */
export function buildResult(c: CompiledInstance, mode: MatchingMode, placements: readonly RawPlacement[]): MatchingResult {
  const solved: MatchAssignment[] = placements.map((p) => ({
    participantId: c.participants[p.participant]!.id,
    hostId: c.places[p.place]!.hostId,
    placeId: c.places[p.place]!.id,
    mentorId: p.mentor === null ? null : c.mentors[p.mentor]!.id,
    rank: p.rank,
    isPinned: false,
  }));
  const all = [...c.pinned, ...solved];
  const order = (id: MatchId): number => c.participantIndex.get(id) ?? Number.MAX_SAFE_INTEGER;
  all.sort(
    (a, b) =>
      order(a.participantId) - order(b.participantId) ||
      (a.rank ?? Number.MAX_SAFE_INTEGER) - (b.rank ?? Number.MAX_SAFE_INTEGER) ||
      compareIds(a.placeId, b.placeId),
  );
  const placed = new Set(all.map((a) => a.participantId));
  const unplaced = c.participants.filter((p) => !placed.has(p.id)).map((p) => p.id);

  const placeTaken = new Int32Array(c.places.length);
  for (const a of all) {
    const pl = c.placeIndex.get(a.placeId);
    if (pl !== undefined) placeTaken[pl]!++;
  }
  const fill: HostFill[] = c.hosts.map((h, hi) => {
    const places = c.hostPlaces[hi]!.map((pl) => ({
      placeId: c.places[pl]!.id,
      capacity: c.places[pl]!.capacity,
      taken: placeTaken[pl]!,
    }));
    return { hostId: h.id, capacity: c.hostCapacity[hi]!, taken: places.reduce((s, p) => s + p.taken, 0), places };
  });

  return {
    mode,
    assignments: all,
    unplaced,
    placedCount: placed.size,
    placementCount: all.length,
    byRank: rankProfile(all, c.maxRank),
    fill,
    reciprocity: reciprocity(c, all),
    pinProblems: c.pinProblems,
  };
}

/**
 * Sent versus received per organisation, for every organisation that hosts or has applicants,
 * ordered by id. Flags follow the programme rules; they report, they never block a matching.
 */
export function reciprocity(c: CompiledInstance, assignments: readonly MatchAssignment[]): OrganisationReciprocity[] {
  const rules = c.instance.rules ?? {};
  const orgs = new Map<MatchId, { sent: number; received: number; offered: number; applies: boolean }>();
  const get = (id: MatchId) => {
    let o = orgs.get(id);
    if (!o) {
      o = { sent: 0, received: 0, offered: 0, applies: false };
      orgs.set(id, o);
    }
    return o;
  };
  c.hosts.forEach((h, hi) => (get(h.id).offered += c.hostCapacity[hi]!));
  for (const p of c.participants) if (p.organisationId !== null) get(p.organisationId).applies = true;
  for (const a of assignments) {
    get(a.hostId).received++;
    const org = c.participants[c.participantIndex.get(a.participantId) ?? -1]?.organisationId ?? null;
    if (org !== null) get(org).sent++;
  }
  const min = rules.minPlacesPerOrganisation ?? null;
  return [...orgs.entries()]
    .sort((a, b) => compareIds(a[0], b[0]))
    .map(([organisationId, o]) => ({
      organisationId,
      sent: o.sent,
      received: o.received,
      placesOffered: o.offered,
      sendsWithoutHosting: rules.requireSendersToHost === true && (o.sent > 0 || o.applies) && o.offered === 0,
      belowMinPlaces: min !== null && o.offered < min,
    }));
}
