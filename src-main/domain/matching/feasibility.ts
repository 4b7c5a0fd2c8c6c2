import type {
  DayPart,
  InfeasibleCode,
  MatchHost,
  MatchId,
  MatchParticipant,
  MatchPlace,
  TravelRule,
} from './matching.types';

/** What a pair check needs besides the participant and the place; built once per run. */
export interface PairContext {
  readonly hostsById: ReadonlyMap<MatchId, MatchHost>;
  /** Keys from {@link forbiddenKey}. */
  readonly forbidden: ReadonlySet<string>;
  readonly travel: TravelRule | null;
}

/** Key of a forbidden pair; `placeId` null forbids the whole host. JSON keeps 5 and "5" apart. */
export function forbiddenKey(participantId: MatchId, hostId: MatchId, placeId: MatchId | null): string {
  return JSON.stringify([participantId, hostId, placeId]);
}

function hasCommon<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.some((x) => b.includes(x));
}

function fitsAvailability(participant: readonly DayPart[] | undefined, place: MatchPlace): boolean {
  const offered = place.availability;
  if (!participant || !offered || participant.length === 0 || offered.length === 0) return true;
  const common = participant.filter((d) => offered.includes(d));
  if ((place.format ?? 'day') !== 'day') return common.length > 0;
  // A whole day needs the morning and the afternoon of the same weekday.
  return common.some((d) => d.endsWith('_am') && common.includes(d.replace('_am', '_pm') as DayPart));
}

function normaliseRegion(region: string | null | undefined): string | null {
  const r = region?.trim().toLowerCase() ?? '';
  return r === '' ? null : r;
}

function isTooFar(ctx: PairContext, participant: MatchParticipant, host: MatchHost): boolean {
  const rule = ctx.travel;
  if (!rule) return false;
  const from = participant.location;
  const to = host.location;
  if (!from || !to) return false;
  if (rule.kind === 'same_region') {
    const a = normaliseRegion(from.region);
    const b = normaliseRegion(to.region);
    return a !== null && b !== null && a !== b;
  }
  const km = rule.distanceKm(from, to);
  return km !== null && Number.isFinite(km) && km > rule.maxKm;
}

/**
 * The one implementation of the pair rules. With `out`, pushes every broken rule in the fixed order
 * and returns whether none broke; with null, returns false at the first broken rule without
 * allocating (the hot path of compiling 30,000 pairs). Checks whose data is absent cost one test.
 */
function checkPair(ctx: PairContext, participant: MatchParticipant, place: MatchPlace, out: InfeasibleCode[] | null): boolean {
  const host = ctx.hostsById.get(place.hostId);
  if (!host) {
    out?.push('unknown_host');
    return false;
  }
  let ok = true;
  if (participant.organisationId !== null && participant.organisationId === host.id) {
    if (!out) return false;
    out.push('own_organisation');
    ok = false;
  }
  if (participant.visitedHostIds?.includes(host.id) === true) {
    if (!out) return false;
    out.push('visited_before');
    ok = false;
  }
  if (
    ctx.forbidden.size > 0 &&
    (ctx.forbidden.has(forbiddenKey(participant.id, host.id, null)) ||
    ctx.forbidden.has(forbiddenKey(participant.id, host.id, place.id)))
  ) {
    if (!out) return false;
    out.push('excluded');
    ok = false;
  }
  const pl = participant.languages;
  const ql = place.languages;
  if (pl && ql && pl.length > 0 && ql.length > 0 && !hasCommon(pl, ql)) {
    if (!out) return false;
    out.push('language');
    ok = false;
  }
  if (!fitsAvailability(participant.availability, place)) {
    if (!out) return false;
    out.push('availability');
    ok = false;
  }
  if (isTooFar(ctx, participant, host)) {
    if (!out) return false;
    out.push('too_far');
    ok = false;
  }
  return ok;
}

/**
 * Every rule that forbids placing `participant` at `place`, whatever the capacities, in a fixed
 * order (the first is the one explanations lead with). Empty means the pair is feasible.
 * Invariant: depends only on the pair and the run's static data, so it may be cached per pair.
 */
export function pairProblems(ctx: PairContext, participant: MatchParticipant, place: MatchPlace): InfeasibleCode[] {
  const out: InfeasibleCode[] = [];
  checkPair(ctx, participant, place, out);
  return out;
}

/** Whether {@link pairProblems} would be empty, without building the list. */
export function isPairFeasible(ctx: PairContext, participant: MatchParticipant, place: MatchPlace): boolean {
  return checkPair(ctx, participant, place, null);
}
