import { AppError } from '../../src-shared/errors';
import type { MatchingRunInput, PlacementMove, PlacementView, Scenario, ScenarioSummary } from '../../src-shared/schemas/matching.schema';
import {
  checkMove,
  compileInstance,
  explainMatching,
  offerFreedPlace,
  renderExplanation,
  runMatching,
  type CompiledInstance,
  type MatchAssignment,
  type MatchingInstance,
  type MatchingResult,
  type MatchParticipant,
} from '../domain/matching';
import * as repo from '../db/repositories/matching.repository';
import { findProgramme } from '../db/repositories/programme.repository';
import { appendAudit } from '../db/repositories/audit.repository';
import type { Db } from '../db/connection';
import { backupNow } from './backup.service';
import { isoNow, type ServiceContext } from './context';

/** Everything one run needs, read from the database in one go, with the names for display. */
interface LoadedRun {
  programmeId: number;
  roundId: number | null;
  instance: MatchingInstance;
  compiled: CompiledInstance;
  applications: Map<number, repo.ApplicationForMatching>;
  places: Map<number, repo.PlaceForMatching>;
  hostNames: Map<number, string>;
  mentorNames: Map<number, string>;
  placements: repo.PlacementRecord[];
}

const fullName = (a: { firstName: string; lastName: string }) => `${a.firstName} ${a.lastName}`.trim();

/**
 * Builds the matching instance of a programme (or one round): applications are the participants,
 * confirmed, completed and pinned placements are pins, mentors come from the places they guide.
 */
async function loadRun(db: Db, programmeId: number, roundId: number | null, requireSendersToHost?: boolean): Promise<LoadedRun> {
  const programme = await findProgramme(db, programmeId);
  if (!programme) throw new AppError('not_found', `There is no programme with number ${programmeId}. Choose one from the list of programmes.`);
  const [apps, places, placements, visited, forbidden] = await Promise.all([
    repo.loadApplications(db, programmeId, roundId),
    repo.loadPlaces(db, programmeId, roundId),
    repo.loadPlacements(db, programmeId, roundId),
    repo.loadVisitedHosts(db, programmeId, roundId),
    repo.loadForbiddenPairs(db, programmeId),
  ]);
  const hostNames = new Map<number, string>();
  const hostLocation = new Map<number, { postcode: string | null; region: string | null }>();
  for (const p of places) {
    hostNames.set(p.organisationId, p.organisationName);
    hostLocation.set(p.organisationId, { postcode: p.postcode, region: p.network });
  }
  const mentorPlaces = new Map<number, { capacity: number; hostId: number; placeIds: number[]; name: string }>();
  const mentorNames = new Map<number, string>();
  for (const p of places) {
    if (p.mentorId === null) continue;
    mentorNames.set(p.mentorId, p.mentorName ?? '');
    const m = mentorPlaces.get(p.mentorId) ?? { capacity: p.mentorCapacity ?? 1, hostId: p.organisationId, placeIds: [], name: p.mentorName ?? '' };
    m.placeIds.push(p.placeId);
    mentorPlaces.set(p.mentorId, m);
  }
  const byPerson = new Map<number, number[]>();
  for (const a of apps) byPerson.set(a.participantId, [...(byPerson.get(a.participantId) ?? []), a.applicationId]);

  const participants: MatchParticipant[] = apps.map((a) => ({
    id: a.applicationId,
    organisationId: a.organisationId,
    priority: { tier: a.priorityTier, isEarlyBird: a.isEarlyBird, signedUpAt: a.submittedAt },
    choices: a.choices
      .filter((c) => c.organisationId !== null)
      .map((c) => ({ rank: c.rank, hostId: c.organisationId as number, placeId: c.placeId })),
    maxPlacements: a.maxPlacements ?? programme.maxPlacementsPerParticipant,
    languages: [a.language],
    availability: a.availability,
    location: { postcode: a.postcode, region: a.network },
    visitedHostIds: visited.get(a.participantId) ?? [],
  }));
  const pins = placements
    .filter((p) => p.status !== 'cancelled' && p.placeId !== null && (p.isPinned || p.status === 'confirmed' || p.status === 'completed'))
    .map((p) => ({ participantId: p.applicationId, placeId: p.placeId as number, mentorId: p.mentorId }));
  const instance: MatchingInstance = {
    participants,
    hosts: [...hostNames.entries()].map(([id, name]) => ({ id, name, location: hostLocation.get(id) ?? null })),
    places: places.map((p) => ({ id: p.placeId, hostId: p.organisationId, name: p.team, capacity: p.capacity, languages: p.languages, format: p.format, availability: p.availability })),
    mentors: [...mentorPlaces.entries()].map(([id, m]) => ({ id, hostId: m.hostId, name: m.name, capacity: m.capacity, placeIds: m.placeIds })),
    forbiddenPairs: forbidden.flatMap((f) => (byPerson.get(f.participantId) ?? []).map((appId) => ({ participantId: appId, hostId: f.organisationId }))),
    pins,
    rules: {
      requireSendersToHost: requireSendersToHost ?? programme.kind === 'jobshadowing',
      minPlacesPerOrganisation: programme.minPlacesPerHost,
    },
  };
  return {
    programmeId,
    roundId,
    instance,
    compiled: compileInstance(instance),
    applications: new Map(apps.map((a) => [a.applicationId, a])),
    places: new Map(places.map((p) => [p.placeId, p])),
    hostNames,
    mentorNames,
    placements,
  };
}

function assignmentView(run: LoadedRun, a: MatchAssignment) {
  const app = run.applications.get(Number(a.participantId));
  const place = run.places.get(Number(a.placeId));
  return {
    applicationId: Number(a.participantId),
    participantId: app?.participantId ?? 0,
    participantName: app ? fullName(app) : '?',
    email: app?.email ?? null,
    organisationId: Number(a.hostId),
    organisationName: run.hostNames.get(Number(a.hostId)) ?? '?',
    placeId: Number(a.placeId),
    placeName: place?.team ?? null,
    mentorId: a.mentorId === null ? null : Number(a.mentorId),
    mentorName: a.mentorId === null ? null : (run.mentorNames.get(Number(a.mentorId)) ?? null),
    rank: a.rank,
    isPinned: a.isPinned,
  };
}

function toScenario(run: LoadedRun, result: MatchingResult, meta: { id: number; mode: 'priority' | 'optimal'; createdAt: string; publishedAt: string | null }): Scenario {
  const explanations = explainMatching(run.compiled, result);
  const name = (id: number) => {
    const a = run.applications.get(id);
    return { participantName: a ? fullName(a) : '?', email: a?.email ?? null };
  };
  return {
    id: meta.id,
    programmeId: run.programmeId,
    roundId: run.roundId,
    mode: meta.mode,
    createdAt: meta.createdAt,
    publishedAt: meta.publishedAt,
    applications: run.instance.participants.length,
    placed: result.placedCount,
    unplaced: result.unplaced.length,
    placementCount: result.placementCount,
    byRank: Object.fromEntries(Object.entries(result.byRank).map(([k, v]) => [String(k), v])),
    fill: result.fill.map((f) => ({ organisationId: Number(f.hostId), organisationName: run.hostNames.get(Number(f.hostId)) ?? '?', capacity: f.capacity, taken: f.taken })),
    reciprocity: result.reciprocity.map((r) => ({
      organisationId: Number(r.organisationId),
      organisationName: run.hostNames.get(Number(r.organisationId)) ?? '',
      sent: r.sent,
      received: r.received,
      placesOffered: r.placesOffered,
      sendsWithoutHosting: r.sendsWithoutHosting,
      belowMinPlaces: r.belowMinPlaces,
    })),
    pinProblems: result.pinProblems.map((p) => ({ applicationId: Number(p.participantId), placeId: Number(p.placeId), code: p.code })),
    assignments: result.assignments.map((a) => assignmentView(run, a)),
    outcomes: explanations.map((e) => ({
      applicationId: Number(e.participantId),
      ...name(Number(e.participantId)),
      outcome: e.outcome,
      obtainedRank: e.obtainedRank,
      reasons: e.reasons.map((r) => ({
        rank: r.rank,
        organisationId: r.hostId === null ? null : Number(r.hostId),
        organisationName: r.hostName,
        code: r.code,
        limit: r.limit ?? null,
        capacity: r.capacity ?? null,
        takenBy: r.takenBy ?? null,
        takenByHigherPriority: r.takenByHigherPriority ?? null,
      })),
      text: { nl: renderExplanation(e, 'nl'), en: renderExplanation(e, 'en') },
    })),
    waitingList: result.unplaced.map((id) => ({ applicationId: Number(id), ...name(Number(id)) })),
  };
}

/**
 * Runs one mode on a programme (or round) and keeps the result as a scenario to compare and
 * publish later. Nothing in the programme's placements changes until a scenario is published.
 */
export async function runScenario(ctx: ServiceContext, input: MatchingRunInput): Promise<Scenario> {
  const run = await loadRun(ctx.db, input.programmeId, input.roundId, input.requireSendersToHost);
  const result = runMatching(run.instance, input.mode, run.compiled);
  const createdAt = isoNow(ctx);
  const draft = toScenario(run, result, { id: 0, mode: input.mode, createdAt, publishedAt: null });
  const { assignments, outcomes, ...summary } = draft;
  return ctx.db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('matching_scenarios')
      .values({ programme_id: input.programmeId, round_id: input.roundId, mode: input.mode, created_at: createdAt, published_at: null, summary: JSON.stringify(summary), outcomes: JSON.stringify(outcomes) })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const a of assignments) {
      await trx
        .insertInto('scenario_assignments')
        .values({ scenario_id: row.id, application_id: a.applicationId, organisation_id: a.organisationId, place_id: a.placeId, mentor_id: a.mentorId, rank: a.rank, is_pinned: a.isPinned ? 1 : 0 })
        .execute();
    }
    await appendAudit(trx, { at: createdAt, actor: ctx.actor, action: 'matching_run', entity: 'programme', entityId: input.programmeId, details: { mode: input.mode, scenario: row.id } });
    return { ...draft, id: row.id };
  });
}

async function readScenario(db: Db, id: number): Promise<Scenario> {
  const row = await db.selectFrom('matching_scenarios').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('not_found', `There is no matching scenario with number ${id}. Run the matching again.`);
  const summary = JSON.parse(row.summary) as Omit<Scenario, 'assignments' | 'outcomes'>;
  return {
    ...summary,
    id: row.id,
    publishedAt: row.published_at,
    assignments: await repo.loadScenarioAssignments(db, id),
    outcomes: JSON.parse(row.outcomes) as Scenario['outcomes'],
  };
}

/** One stored scenario with its assignments and explanations. */
export function getScenario(ctx: ServiceContext, id: number): Promise<Scenario> {
  return readScenario(ctx.db, id);
}

/** The scenarios of a programme, newest first, to compare side by side. */
export async function listScenarios(ctx: ServiceContext, programmeId: number): Promise<ScenarioSummary[]> {
  const rows = await ctx.db.selectFrom('matching_scenarios').selectAll().where('programme_id', '=', programmeId).orderBy('id', 'desc').execute();
  return rows.map((r) => {
    const s = JSON.parse(r.summary) as ScenarioSummary;
    return {
      id: r.id,
      programmeId: r.programme_id,
      roundId: r.round_id,
      mode: r.mode,
      createdAt: r.created_at,
      publishedAt: r.published_at,
      applications: s.applications,
      placed: s.placed,
      unplaced: s.unplaced,
      placementCount: s.placementCount,
      byRank: s.byRank,
    };
  });
}

/**
 * Publishes a scenario as the programme's placements: proposed placements that were not pinned
 * are replaced; pinned, confirmed and completed ones stay. A backup is taken first.
 */
export async function publishScenario(ctx: ServiceContext, scenarioId: number): Promise<{ scenarioId: number; published: number; kept: number; removed: number }> {
  const scenario = await readScenario(ctx.db, scenarioId);
  if (ctx.dbPath !== ':memory:') await backupNow(ctx, 'before-publish');
  return ctx.db.transaction().execute(async (trx) => {
    const at = isoNow(ctx);
    const current = await repo.loadPlacements(trx, scenario.programmeId, scenario.roundId);
    const kept = current.filter((p) => p.status !== 'cancelled' && (p.isPinned || p.status === 'confirmed' || p.status === 'completed'));
    const replaceable = current.filter((p) => p.status === 'proposed' && !p.isPinned);
    if (replaceable.length > 0) await trx.deleteFrom('placements').where('id', 'in', replaceable.map((p) => p.id)).execute();
    const keptKey = new Set(kept.map((p) => `${p.applicationId}:${p.placeId}`));
    let published = 0;
    for (const a of scenario.assignments) {
      if (keptKey.has(`${a.applicationId}:${a.placeId}`)) continue;
      await trx
        .insertInto('placements')
        .values({ application_id: a.applicationId, organisation_id: a.organisationId, place_id: a.placeId, mentor_id: a.mentorId, rank_obtained: a.rank, status: 'proposed', is_pinned: 0, decided_by: `matching:${scenario.mode}`, decided_at: at })
        .execute();
      published++;
    }
    await trx.updateTable('matching_scenarios').set({ published_at: null }).where('programme_id', '=', scenario.programmeId).execute();
    await trx.updateTable('matching_scenarios').set({ published_at: at }).where('id', '=', scenarioId).execute();
    await appendAudit(trx, { at, actor: ctx.actor, action: 'matching_publish', entity: 'programme', entityId: scenario.programmeId, details: { scenario: scenarioId, published, kept: kept.length, removed: replaceable.length } });
    return { scenarioId, published, kept: kept.length, removed: replaceable.length };
  });
}

/** The programme's current placements with names, for the matching board. */
export async function listPlacements(ctx: ServiceContext, programmeId: number): Promise<PlacementView[]> {
  return repo.loadPlacementViews(ctx.db, programmeId);
}

async function placementProgramme(db: Db, placementId: number): Promise<{ programmeId: number; roundId: number | null }> {
  const row = await db
    .selectFrom('placements as pl')
    .innerJoin('applications as a', 'a.id', 'pl.application_id')
    .select(['a.programme_id', 'a.round_id'])
    .where('pl.id', '=', placementId)
    .executeTakeFirst();
  if (!row) throw new AppError('not_found', `There is no placement with number ${placementId}.`);
  return { programmeId: row.programme_id, roundId: row.round_id };
}

/** Pins or unpins a placement: a pinned placement survives every re-run of the matching. */
export async function pinPlacement(ctx: ServiceContext, id: number, isPinned: boolean): Promise<PlacementView> {
  const { programmeId } = await placementProgramme(ctx.db, id);
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('placements').set({ is_pinned: isPinned ? 1 : 0 }).where('id', '=', id).execute();
    await appendAudit(trx, { at: isoNow(ctx), actor: ctx.actor, action: isPinned ? 'pin' : 'unpin', entity: 'placement', entityId: id });
  });
  const view = (await listPlacements(ctx, programmeId)).find((p) => p.id === id);
  if (!view) throw new AppError('not_found', `There is no placement with number ${id}.`);
  return view;
}

/**
 * Moves a participant by hand to a place, checked against capacities, exclusions and every
 * matching rule; a clear message says which rule the move would break. The result is pinned.
 */
export async function movePlacement(ctx: ServiceContext, input: PlacementMove): Promise<PlacementView> {
  const app = await ctx.db.selectFrom('applications').select(['programme_id', 'round_id']).where('id', '=', input.applicationId).executeTakeFirst();
  if (!app) throw new AppError('not_found', `There is no application with number ${input.applicationId}.`);
  const run = await loadRun(ctx.db, app.programme_id, app.round_id);
  const active = run.placements.filter((p) => p.status !== 'cancelled' && p.placeId !== null);
  const assignments: MatchAssignment[] = active.map((p) => ({ participantId: p.applicationId, hostId: p.organisationId, placeId: p.placeId as number, mentorId: p.mentorId, rank: p.rank, isPinned: p.isPinned }));
  const from = input.fromPlacementId ? active.find((p) => p.id === input.fromPlacementId) : undefined;
  if (input.fromPlacementId && !from) throw new AppError('not_found', `There is no active placement with number ${input.fromPlacementId}.`);
  const check = checkMove(run.compiled, assignments, { participantId: input.applicationId, placeId: input.placeId, mentorId: input.mentorId ?? undefined, fromPlaceId: from?.placeId ?? undefined });
  if (!check.ok) throw new AppError('conflict', `${check.message.en} (${check.message.nl})`, { problems: check.problems, nl: check.message.nl });
  const a = check.assignment;
  const at = isoNow(ctx);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const replaced = check.replaces ? active.find((p) => p.applicationId === input.applicationId && p.placeId === check.replaces?.placeId) : undefined;
    if (replaced) await trx.deleteFrom('placements').where('id', '=', replaced.id).execute();
    const row = await trx
      .insertInto('placements')
      .values({ application_id: input.applicationId, organisation_id: Number(a.hostId), place_id: Number(a.placeId), mentor_id: a.mentorId === null ? null : Number(a.mentorId), rank_obtained: a.rank, status: 'proposed', is_pinned: 1, decided_by: ctx.actor === 'cli' ? 'coordinator (cli)' : 'coordinator', decided_at: at })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendAudit(trx, { at, actor: ctx.actor, action: 'move', entity: 'placement', entityId: row.id, details: { application: input.applicationId, place: input.placeId } });
    return row.id;
  });
  const view = (await listPlacements(ctx, app.programme_id)).find((p) => p.id === id);
  if (!view) throw new AppError('internal', 'The moved placement could not be read back.');
  return view;
}

/**
 * Cancels a placement and says who on the waiting list should be offered the freed place
 * (the first in priority order who chose that host and fits every rule, never someone whose
 * placement at that host was cancelled, the participant just cancelled included), or null.
 */
export async function cancelPlacement(ctx: ServiceContext, id: number): Promise<{ cancelled: number; offer: { applicationId: number; participantName: string; email: string | null; organisationName: string; placeId: number } | null }> {
  const { programmeId, roundId } = await placementProgramme(ctx.db, id);
  const before = await ctx.db.selectFrom('placements').select(['place_id', 'organisation_id', 'status']).where('id', '=', id).executeTakeFirstOrThrow();
  if (before.status === 'cancelled') throw new AppError('conflict', 'This placement is already cancelled.');
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('placements').set({ status: 'cancelled', is_pinned: 0, decided_at: isoNow(ctx), decided_by: ctx.actor }).where('id', '=', id).execute();
    await appendAudit(trx, { at: isoNow(ctx), actor: ctx.actor, action: 'cancel', entity: 'placement', entityId: id });
  });
  if (before.place_id === null) return { cancelled: id, offer: null };
  const run = await loadRun(ctx.db, programmeId, roundId);
  const active = run.placements.filter((p) => p.status !== 'cancelled' && p.placeId !== null);
  const placedApps = new Set(active.map((p) => p.applicationId));
  // Whoever lost a placement at this host (the one just cancelled included) is not offered it back:
  // the cancellation is the coordinator's decision about that participant and that host.
  const cancelledHere = new Set(run.placements.filter((p) => p.status === 'cancelled' && p.organisationId === before.organisation_id).map((p) => p.applicationId));
  const waiting = [...run.applications.values()]
    .filter((a) => !placedApps.has(a.applicationId) && !cancelledHere.has(a.applicationId))
    .map((a) => a.applicationId)
    .sort((x, y) => {
      const a = run.applications.get(x)!;
      const b = run.applications.get(y)!;
      return a.priorityTier - b.priorityTier || Number(b.isEarlyBird) - Number(a.isEarlyBird) || (a.submittedAt < b.submittedAt ? -1 : a.submittedAt > b.submittedAt ? 1 : 0) || x - y;
    });
  const assignments: MatchAssignment[] = active.map((p) => ({ participantId: p.applicationId, hostId: p.organisationId, placeId: p.placeId as number, mentorId: p.mentorId, rank: p.rank, isPinned: p.isPinned }));
  const offer = offerFreedPlace(run.compiled, waiting, assignments, before.place_id);
  if (!offer) return { cancelled: id, offer: null };
  const app = run.applications.get(Number(offer.participantId));
  const place = run.places.get(before.place_id);
  return {
    cancelled: id,
    offer: { applicationId: Number(offer.participantId), participantName: app ? fullName(app) : '?', email: app?.email ?? null, organisationName: place?.organisationName ?? '?', placeId: before.place_id },
  };
}
