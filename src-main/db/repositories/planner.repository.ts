import type { Availability } from '../../../src-shared/schemas/common.schema';
import type { Db } from '../connection';
import type { ProgrammesTable } from '../schema';
import type { Selectable } from 'kysely';
import { parseJson } from './json';

/*
 * Reads and writes of the planner: rows mapped to camelCase, no rules. Placements are the
 * programme's placements that are not cancelled, joined with everything the schedule needs.
 */

export type ProgrammeRow = Selectable<ProgrammesTable>;

export function findProgrammeRow(db: Db, id: number): Promise<ProgrammeRow | undefined> {
  return db.selectFrom('programmes').selectAll().where('id', '=', id).executeTakeFirst();
}

export interface PlacementRecord {
  id: number;
  roundId: number | null;
  participantId: number;
  participantName: string;
  participantEmail: string | null;
  participantPhone: string | null;
  participantNetwork: string | null;
  participantAvailability: Availability;
  hostId: number;
  hostName: string;
  hostAddress: string;
  hostPostcode: string | null;
  hostNetwork: string | null;
  maxHoursPerDay: number | null;
  format: 'half_day' | 'day' | 'day_part' | 'hours';
  placeHours: number | null;
  placeAvailability: Availability;
  team: string | null;
  mentorId: number | null;
  mentorName: string | null;
  mentorEmail: string | null;
  mentorPhone: string | null;
  mentorNetwork: string | null;
  mentorAvailability: Availability;
  learningQuestions: string;
}

const name = (first: string | null, last: string | null) => `${first ?? ''} ${last ?? ''}`.trim();

export async function loadPlacements(db: Db, programmeId: number): Promise<PlacementRecord[]> {
  const rows = await db
    .selectFrom('placements as pl')
    .innerJoin('applications as a', 'a.id', 'pl.application_id')
    .innerJoin('people as p', 'p.id', 'a.participant_id')
    .leftJoin('organisations as po', 'po.id', 'p.organisation_id')
    .innerJoin('organisations as o', 'o.id', 'pl.organisation_id')
    .leftJoin('places as place', 'place.id', 'pl.place_id')
    .leftJoin('people as m', 'm.id', 'pl.mentor_id')
    .leftJoin('organisations as mo', 'mo.id', 'm.organisation_id')
    .select([
      'pl.id', 'a.round_id', 'p.id as pid', 'p.first_name', 'p.last_name', 'p.email', 'p.phone', 'p.network', 'po.network as pon', 'p.availability', 'p.learning_questions',
      'o.id as oid', 'o.name as oname', 'o.address', 'o.postcode', 'o.municipality', 'o.network as onet', 'o.max_hours_per_day',
      'place.format', 'place.hours', 'place.availability as place_availability', 'place.team',
      'pl.mentor_id', 'm.first_name as mf', 'm.last_name as ml', 'm.email as me', 'm.phone as mp', 'm.network as mn', 'mo.network as mon', 'm.availability as ma',
    ])
    .where('a.programme_id', '=', programmeId)
    .where('pl.status', '!=', 'cancelled')
    .orderBy('pl.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    roundId: r.round_id,
    participantId: r.pid,
    participantName: name(r.first_name, r.last_name),
    participantEmail: r.email,
    participantPhone: r.phone,
    participantNetwork: r.network ?? r.pon ?? null,
    participantAvailability: parseJson<Availability>(r.availability, []),
    hostId: r.oid,
    hostName: r.oname,
    hostAddress: [r.address, [r.postcode, r.municipality].filter(Boolean).join(' ')].filter((x) => x && x !== '').join(', '),
    hostPostcode: r.postcode,
    hostNetwork: r.onet,
    maxHoursPerDay: r.max_hours_per_day,
    format: r.format ?? 'day',
    placeHours: r.hours ?? null,
    placeAvailability: parseJson<Availability>(r.place_availability ?? null, []),
    team: r.team ?? null,
    mentorId: r.mentor_id,
    mentorName: r.mf === null ? null : name(r.mf, r.ml),
    mentorEmail: r.me ?? null,
    mentorPhone: r.mp ?? null,
    mentorNetwork: r.mn ?? r.mon ?? null,
    mentorAvailability: parseJson<Availability>(r.ma ?? null, []),
    learningQuestions: r.learning_questions,
  }));
}

export interface RoundRecord {
  id: number;
  name: string;
  registrationOpens: string | null;
  registrationCloses: string | null;
  exchangeStarts: string | null;
  exchangeEnds: string | null;
}

export async function loadRounds(db: Db, programmeId: number): Promise<RoundRecord[]> {
  const rows = await db.selectFrom('rounds').selectAll().where('programme_id', '=', programmeId).orderBy('id').execute();
  return rows.map((r) => ({ id: r.id, name: r.name, registrationOpens: r.registration_opens, registrationCloses: r.registration_closes, exchangeStarts: r.exchange_starts, exchangeEnds: r.exchange_ends }));
}

export async function loadPhaseEdits(db: Db, programmeId: number): Promise<Map<string, { starts: string; ends: string }>> {
  const rows = await db.selectFrom('programme_phases').selectAll().where('programme_id', '=', programmeId).execute();
  return new Map(rows.map((r) => [r.phase_id, { starts: r.starts, ends: r.ends }]));
}

export async function savePhaseEdit(db: Db, programmeId: number, phaseId: string, dates: { starts: string; ends: string } | null, at: string): Promise<void> {
  await db.deleteFrom('programme_phases').where('programme_id', '=', programmeId).where('phase_id', '=', phaseId).execute();
  if (dates) await db.insertInto('programme_phases').values({ programme_id: programmeId, phase_id: phaseId, starts: dates.starts, ends: dates.ends, updated_at: at }).execute();
}

/** Postcodes of every organisation linked to the programme or hosting one of its placements. */
export async function loadProgrammePostcodes(db: Db, programmeId: number): Promise<string[]> {
  const linked = await db
    .selectFrom('programme_organisations as po')
    .innerJoin('organisations as o', 'o.id', 'po.organisation_id')
    .select('o.postcode')
    .where('po.programme_id', '=', programmeId)
    .execute();
  return linked.map((r) => r.postcode).filter((p): p is string => p !== null && p.trim() !== '');
}

export interface SessionRecord {
  id: number;
  programmeId: number;
  kind: 'preparation' | 'debrief' | 'intervision';
  title: string;
  date: string;
  startTime: string;
  endTime: string;
  location: string;
  audienceNetwork: string | null;
  audienceRoles: 'participants' | 'mentors' | 'both';
  capacity: number | null;
}

export async function loadSessions(db: Db, programmeId: number): Promise<SessionRecord[]> {
  const rows = await db.selectFrom('group_sessions').selectAll().where('programme_id', '=', programmeId).orderBy('date').orderBy('start_time').orderBy('id').execute();
  return rows.map(toSession);
}

export async function findSession(db: Db, id: number): Promise<SessionRecord | undefined> {
  const r = await db.selectFrom('group_sessions').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? toSession(r) : undefined;
}

function toSession(r: { id: number; programme_id: number; kind: SessionRecord['kind']; title: string; date: string; start_time: string; end_time: string; location: string; audience_network: string | null; audience_roles: SessionRecord['audienceRoles']; capacity: number | null }): SessionRecord {
  return { id: r.id, programmeId: r.programme_id, kind: r.kind, title: r.title, date: r.date, startTime: r.start_time, endTime: r.end_time, location: r.location, audienceNetwork: r.audience_network, audienceRoles: r.audience_roles, capacity: r.capacity };
}

export interface AttendanceRecord {
  sessionId: number;
  personId: number;
  name: string;
  network: string | null;
  isMentor: boolean;
  status: 'assigned' | 'present' | 'absent' | 'excused';
}

export async function loadAttendance(db: Db, programmeId: number): Promise<AttendanceRecord[]> {
  const rows = await db
    .selectFrom('session_attendance as sa')
    .innerJoin('group_sessions as s', 's.id', 'sa.session_id')
    .innerJoin('people as p', 'p.id', 'sa.person_id')
    .leftJoin('organisations as o', 'o.id', 'p.organisation_id')
    .select(['sa.session_id', 'sa.person_id', 'sa.status', 'p.first_name', 'p.last_name', 'p.network', 'o.network as onet', 'p.is_mentor'])
    .where('s.programme_id', '=', programmeId)
    .orderBy('p.last_name')
    .orderBy('p.first_name')
    .execute();
  return rows.map((r) => ({ sessionId: r.session_id, personId: r.person_id, name: name(r.first_name, r.last_name), network: r.network ?? r.onet ?? null, isMentor: r.is_mentor === 1, status: r.status }));
}

export interface BlockRecord {
  id: number;
  placementId: number;
  date: string;
  startTime: string;
  endTime: string;
  status: 'proposed' | 'accepted' | 'done';
}

export async function loadBlocks(db: Db, programmeId: number): Promise<BlockRecord[]> {
  const rows = await db
    .selectFrom('shadow_blocks as b')
    .innerJoin('placements as pl', 'pl.id', 'b.placement_id')
    .innerJoin('applications as a', 'a.id', 'pl.application_id')
    .select(['b.id', 'b.placement_id', 'b.date', 'b.start_time', 'b.end_time', 'b.status'])
    .where('a.programme_id', '=', programmeId)
    .where('pl.status', '!=', 'cancelled')
    .orderBy('b.date')
    .orderBy('b.start_time')
    .orderBy('b.id')
    .execute();
  return rows.map((r) => ({ id: r.id, placementId: r.placement_id, date: r.date, startTime: r.start_time, endTime: r.end_time, status: r.status }));
}

/** The programme a block belongs to, or undefined when the block does not exist. */
export async function blockProgramme(db: Db, blockId: number): Promise<number | undefined> {
  const r = await db
    .selectFrom('shadow_blocks as b')
    .innerJoin('placements as pl', 'pl.id', 'b.placement_id')
    .innerJoin('applications as a', 'a.id', 'pl.application_id')
    .select('a.programme_id')
    .where('b.id', '=', blockId)
    .executeTakeFirst();
  return r?.programme_id;
}

export interface ConsentRecord {
  personId: number;
  personName: string;
  kind: 'client_consent' | 'confidentiality' | 'data_sharing';
  status: 'not_sent' | 'sent' | 'returned' | 'refused';
}

export async function loadConsents(db: Db, programmeId: number): Promise<ConsentRecord[]> {
  const rows = await db
    .selectFrom('consents as c')
    .innerJoin('people as p', 'p.id', 'c.person_id')
    .select(['c.person_id', 'p.first_name', 'p.last_name', 'c.kind', 'c.status'])
    .where('c.programme_id', '=', programmeId)
    .execute();
  return rows.map((r) => ({ personId: r.person_id as number, personName: name(r.first_name, r.last_name), kind: r.kind, status: r.status }));
}

/** Project leads and host contacts per organisation, for the calendar's contact lines. */
export async function loadContacts(db: Db, organisationIds: readonly number[]): Promise<Map<number, { name: string; role: string; phone: string | null; email: string | null }[]>> {
  const result = new Map<number, { name: string; role: string; phone: string | null; email: string | null }[]>();
  if (organisationIds.length === 0) return result;
  const rows = await db.selectFrom('contacts').selectAll().where('organisation_id', 'in', [...new Set(organisationIds)]).orderBy('id').execute();
  for (const r of rows) result.set(r.organisation_id, [...(result.get(r.organisation_id) ?? []), { name: r.name, role: r.role, phone: r.phone, email: r.email }]);
  return result;
}

export interface ClosedPeriodRecord {
  id: number;
  programmeId: number;
  name: string;
  starts: string;
  ends: string;
  createdAt: string;
}

function toClosedPeriod(r: { id: number; programme_id: number; name: string; starts: string; ends: string; created_at: string }): ClosedPeriodRecord {
  return { id: r.id, programmeId: r.programme_id, name: r.name, starts: r.starts, ends: r.ends, createdAt: r.created_at };
}

/** The programme's closed periods, by first day. */
export async function loadClosedPeriods(db: Db, programmeId: number): Promise<ClosedPeriodRecord[]> {
  const rows = await db.selectFrom('programme_closed_periods').selectAll().where('programme_id', '=', programmeId).orderBy('starts').orderBy('ends').orderBy('id').execute();
  return rows.map(toClosedPeriod);
}

export async function findClosedPeriod(db: Db, id: number): Promise<ClosedPeriodRecord | undefined> {
  const r = await db.selectFrom('programme_closed_periods').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? toClosedPeriod(r) : undefined;
}

export async function insertClosedPeriod(db: Db, period: { programmeId: number; name: string; starts: string; ends: string; createdAt: string }): Promise<ClosedPeriodRecord> {
  const r = await db
    .insertInto('programme_closed_periods')
    .values({ programme_id: period.programmeId, name: period.name, starts: period.starts, ends: period.ends, created_at: period.createdAt })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toClosedPeriod(r);
}

export async function deleteClosedPeriod(db: Db, id: number): Promise<boolean> {
  const r = await db.deleteFrom('programme_closed_periods').where('id', '=', id).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}
