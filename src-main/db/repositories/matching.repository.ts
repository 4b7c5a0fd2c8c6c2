import type { Availability, Language } from '../../../src-shared/schemas/common.schema';
import type { PlacementView, ScenarioAssignment } from '../../../src-shared/schemas/matching.schema';
import type { Db } from '../connection';
import { parseJson } from './json';

/*
 * Reads what a matching run needs and stores scenarios. Rows are mapped to plain records here;
 * the rules of matching live in domain/matching.
 */

export interface ApplicationForMatching {
  applicationId: number;
  participantId: number;
  firstName: string;
  lastName: string;
  email: string | null;
  organisationId: number | null;
  language: Language;
  availability: Availability;
  postcode: string | null;
  network: string | null;
  priorityTier: number;
  isEarlyBird: boolean;
  submittedAt: string;
  maxPlacements: number | null;
  choices: { rank: number; organisationId: number | null; placeId: number | null; rawText: string | null }[];
}

export async function loadApplications(db: Db, programmeId: number, roundId: number | null): Promise<ApplicationForMatching[]> {
  let q = db
    .selectFrom('applications as a')
    .innerJoin('people as p', 'p.id', 'a.participant_id')
    .leftJoin('organisations as o', 'o.id', 'p.organisation_id')
    .select([
      'a.id as applicationId',
      'p.id as participantId',
      'p.first_name',
      'p.last_name',
      'p.email',
      'p.organisation_id',
      'p.language',
      'p.availability',
      'o.postcode',
      'o.network',
      'a.priority_tier',
      'a.is_early_bird',
      'a.submitted_at',
      'a.max_placements',
    ])
    .where('a.programme_id', '=', programmeId)
    .where('a.status', '=', 'active');
  if (roundId !== null) q = q.where('a.round_id', '=', roundId);
  const rows = await q.orderBy('a.id').execute();
  const choices = await db
    .selectFrom('application_choices as c')
    .innerJoin('applications as a', 'a.id', 'c.application_id')
    .select(['c.application_id', 'c.rank', 'c.organisation_id', 'c.place_id', 'c.raw_text'])
    .where('a.programme_id', '=', programmeId)
    .orderBy('c.application_id')
    .orderBy('c.rank')
    .execute();
  const byApp = new Map<number, ApplicationForMatching['choices']>();
  for (const c of choices) {
    const list = byApp.get(c.application_id) ?? [];
    list.push({ rank: c.rank, organisationId: c.organisation_id, placeId: c.place_id, rawText: c.raw_text });
    byApp.set(c.application_id, list);
  }
  return rows.map((r) => ({
    applicationId: r.applicationId,
    participantId: r.participantId,
    firstName: r.first_name,
    lastName: r.last_name,
    email: r.email,
    organisationId: r.organisation_id,
    language: r.language as Language,
    availability: parseJson<Availability>(r.availability, []),
    postcode: r.postcode,
    network: r.network,
    priorityTier: r.priority_tier,
    isEarlyBird: r.is_early_bird === 1,
    submittedAt: r.submitted_at,
    maxPlacements: r.max_placements,
    choices: byApp.get(r.applicationId) ?? [],
  }));
}

export interface PlaceForMatching {
  placeId: number;
  organisationId: number;
  organisationName: string;
  postcode: string | null;
  network: string | null;
  team: string;
  capacity: number;
  languages: Language[];
  format: 'half_day' | 'day' | 'day_part' | 'hours';
  availability: Availability;
  mentorId: number | null;
  mentorName: string | null;
  mentorCapacity: number | null;
}

export async function loadPlaces(db: Db, programmeId: number, roundId: number | null): Promise<PlaceForMatching[]> {
  let q = db
    .selectFrom('places as pl')
    .innerJoin('organisations as o', 'o.id', 'pl.organisation_id')
    .leftJoin('people as m', 'm.id', 'pl.mentor_id')
    .select([
      'pl.id',
      'pl.organisation_id',
      'o.name',
      'o.postcode',
      'o.network',
      'pl.team',
      'pl.capacity',
      'pl.languages',
      'pl.format',
      'pl.availability',
      'pl.mentor_id',
      'm.first_name as mentor_first',
      'm.last_name as mentor_last',
      'm.mentor_capacity',
    ])
    .where('pl.programme_id', '=', programmeId);
  if (roundId !== null) q = q.where((eb) => eb.or([eb('pl.round_id', '=', roundId), eb('pl.round_id', 'is', null)]));
  const rows = await q.orderBy('pl.id').execute();
  return rows.map((r) => ({
    placeId: r.id,
    organisationId: r.organisation_id,
    organisationName: r.name,
    postcode: r.postcode,
    network: r.network,
    team: r.team,
    capacity: r.capacity,
    languages: parseJson<Language[]>(r.languages, []),
    format: r.format,
    availability: parseJson<Availability>(r.availability, []),
    mentorId: r.mentor_id,
    mentorName: r.mentor_first === null ? null : `${r.mentor_first} ${r.mentor_last ?? ''}`.trim(),
    mentorCapacity: r.mentor_capacity,
  }));
}

export interface PlacementRecord {
  id: number;
  applicationId: number;
  organisationId: number;
  placeId: number | null;
  mentorId: number | null;
  rank: number | null;
  status: 'proposed' | 'confirmed' | 'completed' | 'cancelled';
  isPinned: boolean;
  decidedBy: string;
  decidedAt: string;
}

export async function loadPlacements(db: Db, programmeId: number, roundId: number | null): Promise<PlacementRecord[]> {
  let q = db
    .selectFrom('placements as pl')
    .innerJoin('applications as a', 'a.id', 'pl.application_id')
    .selectAll('pl')
    .where('a.programme_id', '=', programmeId);
  if (roundId !== null) q = q.where('a.round_id', '=', roundId);
  const rows = await q.orderBy('pl.id').execute();
  return rows.map((r) => ({
    id: r.id,
    applicationId: r.application_id,
    organisationId: r.organisation_id,
    placeId: r.place_id,
    mentorId: r.mentor_id,
    rank: r.rank_obtained,
    status: r.status,
    isPinned: r.is_pinned === 1,
    decidedBy: r.decided_by,
    decidedAt: r.decided_at,
  }));
}

/** Hosts each person visited in other programmes or rounds (confirmed or completed placements). */
export async function loadVisitedHosts(db: Db, programmeId: number, roundId: number | null): Promise<Map<number, number[]>> {
  const rows = await db
    .selectFrom('placements as pl')
    .innerJoin('applications as a', 'a.id', 'pl.application_id')
    .select(['a.participant_id', 'pl.organisation_id', 'a.programme_id', 'a.round_id'])
    .where('pl.status', 'in', ['confirmed', 'completed'])
    .execute();
  const out = new Map<number, number[]>();
  for (const r of rows) {
    const sameRun = r.programme_id === programmeId && (roundId === null || r.round_id === roundId);
    if (sameRun) continue;
    const list = out.get(r.participant_id) ?? [];
    list.push(r.organisation_id);
    out.set(r.participant_id, list);
  }
  return out;
}

export async function loadForbiddenPairs(db: Db, programmeId: number): Promise<{ participantId: number; organisationId: number }[]> {
  const rows = await db.selectFrom('forbidden_pairs').select(['participant_id', 'organisation_id']).where('programme_id', '=', programmeId).execute();
  return rows.map((r) => ({ participantId: r.participant_id, organisationId: r.organisation_id }));
}

export async function organisationNames(db: Db, ids: number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('organisations').select(['id', 'name']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** The columns both a scenario's assignments and the published placements show, with names. */
interface NamedAssignmentRow {
  application_id: number;
  person_id: number;
  first_name: string;
  last_name: string;
  email: string | null;
  organisation_id: number;
  name: string;
  place_id: number | null;
  team: string | null;
  mentor_id: number | null;
  mf: string | null;
  ml: string | null;
  is_pinned: number;
}

function namedAssignment(r: NamedAssignmentRow): Omit<ScenarioAssignment, 'rank'> {
  return {
    applicationId: r.application_id,
    participantId: r.person_id,
    participantName: `${r.first_name} ${r.last_name}`.trim(),
    email: r.email,
    organisationId: r.organisation_id,
    organisationName: r.name,
    placeId: r.place_id,
    placeName: r.team,
    mentorId: r.mentor_id,
    mentorName: r.mf === null ? null : `${r.mf} ${r.ml ?? ''}`.trim(),
    isPinned: r.is_pinned === 1,
  };
}

/** A stored scenario's assignments with the names the board shows. */
export async function loadScenarioAssignments(db: Db, scenarioId: number): Promise<ScenarioAssignment[]> {
  const rows = await db
    .selectFrom('scenario_assignments as s')
    .innerJoin('applications as a', 'a.id', 's.application_id')
    .innerJoin('people as p', 'p.id', 'a.participant_id')
    .innerJoin('organisations as o', 'o.id', 's.organisation_id')
    .leftJoin('places as pl', 'pl.id', 's.place_id')
    .leftJoin('people as m', 'm.id', 's.mentor_id')
    .select(['s.application_id', 'p.id as person_id', 'p.first_name', 'p.last_name', 'p.email', 's.organisation_id', 'o.name', 's.place_id', 'pl.team', 's.mentor_id', 'm.first_name as mf', 'm.last_name as ml', 's.rank', 's.is_pinned'])
    .where('s.scenario_id', '=', scenarioId)
    .execute();
  return rows.map((r) => ({ ...namedAssignment(r), rank: r.rank }));
}

/** The programme's placements (every status) with names, ordered by participant. */
export async function loadPlacementViews(db: Db, programmeId: number): Promise<PlacementView[]> {
  const rows = await db
    .selectFrom('placements as pl')
    .innerJoin('applications as a', 'a.id', 'pl.application_id')
    .innerJoin('people as p', 'p.id', 'a.participant_id')
    .innerJoin('organisations as o', 'o.id', 'pl.organisation_id')
    .leftJoin('places as place', 'place.id', 'pl.place_id')
    .leftJoin('people as m', 'm.id', 'pl.mentor_id')
    .select(['pl.id', 'pl.application_id', 'p.id as person_id', 'p.first_name', 'p.last_name', 'p.email', 'pl.organisation_id', 'o.name', 'pl.place_id', 'place.team', 'pl.mentor_id', 'm.first_name as mf', 'm.last_name as ml', 'pl.rank_obtained', 'pl.is_pinned', 'pl.status', 'pl.decided_by', 'pl.decided_at'])
    .where('a.programme_id', '=', programmeId)
    .orderBy('p.last_name')
    .orderBy('p.first_name')
    .orderBy('pl.id')
    .execute();
  return rows.map((r) => ({ id: r.id, ...namedAssignment(r), rank: r.rank_obtained, status: r.status, decidedBy: r.decided_by, decidedAt: r.decided_at }));
}
