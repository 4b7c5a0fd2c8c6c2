import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../src-shared/errors';
import { CONSENT_KINDS } from '../../src-shared/schemas/documents.schema';
import type { Availability } from '../../src-shared/schemas/common.schema';
import type {
  Block,
  BlockOperationResult,
  ClosedPeriod,
  ClosedPeriodCreate,
  Conflict,
  IcsExportResult,
  Ledger,
  PhaseUpdate,
  PlanResult,
  ProgrammeTasks,
  Schedule,
  Session,
  SessionCreate,
  SessionList,
  SessionUpdate,
  Task,
  TimePath,
  SessionOverlap,
  Unassigned,
} from '../../src-shared/schemas/planner.schema';
import { buildTimePath, timePathStatus, type TimePathKind, type TimePathPhase, type TimePathWindows } from '../domain/planner/time-path-templates';
import { assignSessions, findSessionOverlaps, preparationByPerson, type PlannerSession, type SessionAssignmentResult, type SessionAttendee, type SessionKind } from '../domain/planner/session-assignment';
import { acceptBlock, moveBlock, planShadowBlocks, splitBlock, type BlockOperationResult as DomainOperationResult, type ScheduleContext } from '../domain/planner/shadow-schedule';
import { buildHoursLedger, type HoursLedger } from '../domain/planner/hours-ledger';
import { plannerTasks } from '../domain/planner/planner-tasks';
import { addDays, daysBetween } from '../domain/planner/calendar-dates';
import type { Holiday, PlannerId, PlannerPlacement, SessionBooking, ShadowBlock } from '../domain/planner/planner.types';
import { publicHolidays, type HolidayCountry } from '../io/calendar/holidays';
import { icsFileName, writeIcs, type CalendarEvent } from '../io/calendar/ics-writer';
import { resolveOutputFile } from '../io/pdf/output-path';
import type { Db } from '../db/connection';
import * as repo from '../db/repositories/planner.repository';
import { appendAudit } from '../db/repositories/audit.repository';
import { isoNow, type ServiceContext } from './context';

/*
 * The planner as a coordinator uses it: time path, group sessions, the shadow schedule, the hours
 * ledger, dashboard tasks and the calendar export. Rules live in domain/planner; this file reads
 * the rows, calls the domain and writes the outcome in one transaction.
 *
 * Holidays: the country is decided from the postcodes of the programme's organisations (Dutch
 * "1234 AB" against Belgian "1234"; the majority wins, Belgium on a tie or without postcodes, which
 * is where Meeloop's programmes with French come from). For Belgium the regional days of every host
 * region are added (Brussels 1000-1299, Wallonia 1300-1499 and 4000-7999, Flanders the rest): a
 * block never falls on a day the host's region is closed. The Netherlands: national days only.
 *
 * Closed periods: date-holidays has no school holiday periods for BE or NL, and official dates are
 * not invented here. The coordinator enters the periods the programme avoids (their region's school
 * holidays, a host's annual closure); every day of one joins the holidays, named after the period,
 * so the domain treats it exactly like a public holiday: never planned, an 'on_holiday' conflict.
 */

const EXCHANGE_PHASES = new Set(['shadowing', 'visits', 'exchanges']);
const DEFAULT_HOURS = 14;

function today(ctx: ServiceContext): string {
  return ctx.now().toISOString().slice(0, 10);
}

async function programmeOr404(db: Db, id: number): Promise<repo.ProgrammeRow> {
  const p = await repo.findProgrammeRow(db, id);
  if (!p) throw new AppError('not_found', `There is no programme with number ${id}. Choose one from the list of programmes.`);
  return p;
}

function yearOf(date: string | null | undefined): number | null {
  return date && /^\d{4}-/.test(date) ? Number(date.slice(0, 4)) : null;
}

type LoadedPhase = TimePathPhase & { readonly isEdited: boolean };

function phasesFor(programme: repo.ProgrammeRow, rounds: repo.RoundRecord[], edits: Map<string, { starts: string; ends: string }>): LoadedPhase[] {
  const windows: TimePathWindows = {
    earlyBirdOpens: programme.early_bird_opens,
    earlyBirdCloses: programme.early_bird_closes,
    registrationOpens: programme.registration_opens,
    registrationCloses: programme.registration_closes,
    exchangeStarts: programme.exchange_starts,
    exchangeEnds: programme.exchange_ends,
  };
  const kind = programme.kind as TimePathKind;
  const created = yearOf(programme.created_at) ?? 2026;
  const startYear =
    kind === 'jobshadowing'
      ? yearOf(programme.registration_opens) ?? (yearOf(programme.exchange_starts) !== null ? (yearOf(programme.exchange_starts) as number) - 1 : created)
      : yearOf(programme.registration_opens) ?? yearOf(rounds[0]?.registrationOpens) ?? yearOf(programme.exchange_starts) ?? created;
  const template = buildTimePath({
    kind,
    startYear,
    windows,
    ...(kind === 'exchange_round' && rounds.length > 0
      ? { rounds: rounds.map((r) => ({ name: r.name, windows: { registrationOpens: r.registrationOpens, registrationCloses: r.registrationCloses, exchangeStarts: r.exchangeStarts, exchangeEnds: r.exchangeEnds } })) }
      : {}),
  });
  return template.map((p) => {
    const e = edits.get(p.id);
    return e ? { ...p, starts: e.starts, ends: e.ends, isEdited: true } : { ...p, isEdited: false };
  });
}

function countryOf(postcodes: readonly string[]): HolidayCountry {
  let nl = 0;
  let be = 0;
  for (const p of postcodes) {
    if (/^\d{4}\s?[A-Za-z]{2}$/.test(p.trim())) nl++;
    else if (/^\d{4}$/.test(p.trim())) be++;
  }
  return nl > be ? 'NL' : 'BE';
}

function belgianRegion(postcode: string | null): string | null {
  if (!postcode || !/^\d{4}$/.test(postcode.trim())) return null;
  const n = Number(postcode.trim());
  if (n >= 1000 && n <= 1299) return 'BRU';
  if ((n >= 1300 && n <= 1499) || (n >= 4000 && n <= 7999)) return 'WAL';
  return 'VLG';
}

function holidaysFor(country: HolidayCountry, regions: readonly string[], from: string | null, to: string | null): Holiday[] {
  if (!from || !to || to < from) return [];
  const byDate = new Map<string, string>();
  const lists = regions.length === 0 ? [publicHolidays({ country, from, to })] : regions.map((region) => publicHolidays({ country, region, from, to }));
  for (const list of lists) for (const h of list) if (!byDate.has(h.date)) byDate.set(h.date, h.name);
  return [...byDate.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([date, name]) => ({ date, name }));
}

/**
 * The public holidays with every day of the closed periods added, one entry per date, by date. A day
 * that is both keeps both names ("Paasmaandag / Paasvakantie"), so a conflict names the period too.
 */
function withClosedDays(holidays: readonly Holiday[], periods: readonly repo.ClosedPeriodRecord[]): Holiday[] {
  if (periods.length === 0) return [...holidays];
  const byDate = new Map(holidays.map((h) => [h.date, h.name]));
  for (const period of periods) {
    for (let day = period.starts; day <= period.ends; day = addDays(day, 1)) {
      const name = byDate.get(day);
      if (name === undefined) byDate.set(day, period.name);
      else if (!name.split(' / ').includes(period.name)) byDate.set(day, `${name} / ${period.name}`);
    }
  }
  return [...byDate.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([date, name]) => ({ date, name }));
}

function hostAvailability(mentor: Availability, place: Availability): Availability {
  if (mentor.length === 0) return place;
  if (place.length === 0) return mentor;
  const both = mentor.filter((d) => place.includes(d));
  return both.length > 0 ? both : place;
}

/** Everything the planner needs about one programme, read in one go. */
interface Loaded {
  programme: repo.ProgrammeRow;
  phases: LoadedPhase[];
  placements: repo.PlacementRecord[];
  plannerPlacements: PlannerPlacement[];
  sessions: repo.SessionRecord[];
  attendance: repo.AttendanceRecord[];
  attendees: SessionAttendee[];
  assignment: SessionAssignmentResult;
  country: HolidayCountry;
  regions: string[];
  holidays: Holiday[];
  windowStart: string | null;
  windowEnd: string | null;
  names: Map<number, string>;
}

function toPlannerSession(s: repo.SessionRecord): PlannerSession {
  return { id: s.id, kind: s.kind, title: s.title, date: s.date, startTime: s.startTime, endTime: s.endTime, location: s.location, audienceNetwork: s.audienceNetwork, audienceRoles: s.audienceRoles, capacity: s.capacity };
}

function attendeesFor(programme: repo.ProgrammeRow, placements: repo.PlacementRecord[], sessions: repo.SessionRecord[]): SessionAttendee[] {
  const kindsFor = (role: 'participant' | 'mentor'): SessionKind[] => {
    const kinds = new Set<SessionKind>(programme.kind === 'jobshadowing' ? ['preparation', 'debrief'] : []);
    for (const s of sessions) if (s.audienceRoles === 'both' || s.audienceRoles === (role === 'participant' ? 'participants' : 'mentors')) kinds.add(s.kind);
    return [...kinds];
  };
  const result: SessionAttendee[] = [];
  const seen = new Set<string>();
  const participantNeeds = kindsFor('participant');
  const mentorNeeds = kindsFor('mentor');
  for (const p of placements) {
    if (!seen.has(`p${p.participantId}`) && participantNeeds.length > 0) {
      seen.add(`p${p.participantId}`);
      result.push({ personId: p.participantId, role: 'participant', network: p.participantNetwork, needs: participantNeeds, name: p.participantName });
    }
    if (p.mentorId !== null && !seen.has(`m${p.mentorId}`) && mentorNeeds.length > 0) {
      seen.add(`m${p.mentorId}`);
      result.push({ personId: p.mentorId, role: 'mentor', network: p.mentorNetwork ?? p.hostNetwork, needs: mentorNeeds, name: p.mentorName ?? '' });
    }
  }
  return result;
}

async function load(db: Db, programmeId: number): Promise<Loaded> {
  const programme = await programmeOr404(db, programmeId);
  const [rounds, edits, placements, sessions, attendance, postcodes, closedPeriods] = await Promise.all([
    repo.loadRounds(db, programmeId),
    repo.loadPhaseEdits(db, programmeId),
    repo.loadPlacements(db, programmeId),
    repo.loadSessions(db, programmeId),
    repo.loadAttendance(db, programmeId),
    repo.loadProgrammePostcodes(db, programmeId),
    repo.loadClosedPeriods(db, programmeId),
  ]);
  const phases = phasesFor(programme, rounds, edits);
  const roundName = new Map(rounds.map((r) => [r.id, r.name]));
  const exchangePhase = (roundId: number | null): LoadedPhase | undefined => {
    const name = roundId === null ? null : roundName.get(roundId) ?? null;
    return phases.find((p) => EXCHANGE_PHASES.has(p.key) && (name === null || p.round === name)) ?? phases.find((p) => EXCHANGE_PHASES.has(p.key));
  };
  const attendees = attendeesFor(programme, placements, sessions);
  const plannerSessions = sessions.map(toPlannerSession);
  const assignment = assignSessions({ sessions: plannerSessions, attendees, existing: attendance.map((a) => ({ sessionId: a.sessionId, personId: a.personId })) });
  const preparation = preparationByPerson(plannerSessions, assignment.assignments);

  const country = countryOf([...postcodes, ...placements.map((p) => p.hostPostcode ?? '')]);
  const regions = country === 'BE' ? [...new Set(placements.map((p) => belgianRegion(p.hostPostcode)).filter((r): r is string => r !== null))].sort() : [];

  const plannerPlacements: PlannerPlacement[] = [];
  const starts: string[] = [];
  const ends: string[] = [];
  for (const p of placements) {
    const phase = exchangePhase(p.roundId);
    if (!phase) continue;
    starts.push(phase.starts);
    ends.push(phase.ends);
    const requiredHours = Math.max(programme.required_hours ?? 0, p.placeHours ?? 0) || DEFAULT_HOURS;
    plannerPlacements.push({
      id: p.id,
      participantId: p.participantId,
      mentorId: p.mentorId,
      hostId: p.hostId,
      format: p.format,
      requiredHours,
      windowStart: phase.starts,
      windowEnd: phase.ends,
      maxHoursPerDay: p.maxHoursPerDay,
      participantAvailability: p.participantAvailability,
      hostAvailability: hostAvailability(p.mentorAvailability, p.placeAvailability),
      preparation: preparation.get(p.participantId) ?? null,
      participantName: p.participantName,
      mentorName: p.mentorName,
      hostName: p.hostName,
    });
  }
  const fallback = exchangePhase(null);
  const windowStart = starts.length > 0 ? starts.sort()[0] ?? null : fallback?.starts ?? null;
  const windowEnd = ends.length > 0 ? ends.sort()[ends.length - 1] ?? null : fallback?.ends ?? null;
  const names = new Map<number, string>();
  for (const p of placements) {
    names.set(p.participantId, p.participantName);
    if (p.mentorId !== null) names.set(p.mentorId, p.mentorName ?? '');
  }
  for (const a of attendance) names.set(a.personId, a.name);
  return { programme, phases, placements, plannerPlacements, sessions, attendance, attendees, assignment, country, regions, holidays: withClosedDays(holidaysFor(country, regions, windowStart, windowEnd), closedPeriods), windowStart, windowEnd, names };
}

/** Attendance rows of people who come (or came): an absent or excused person is not booked. */
function attendingRows(l: Pick<Loaded, 'attendance'>): { sessionId: PlannerId; personId: PlannerId }[] {
  return l.attendance.filter((a) => a.status === 'assigned' || a.status === 'present').map((a) => ({ sessionId: a.sessionId, personId: a.personId }));
}

/** The group sessions each person attends, as busy time for the shadow schedule. */
function sessionBookings(l: Pick<Loaded, 'sessions'>, rows: readonly { sessionId: PlannerId; personId: PlannerId }[]): SessionBooking[] {
  const byId = new Map(l.sessions.map((s) => [s.id, s]));
  const result: SessionBooking[] = [];
  for (const r of rows) {
    const s = byId.get(numericId(r.sessionId));
    if (s) result.push({ personId: r.personId, sessionId: s.id, kind: s.kind, title: s.title, date: s.date, startTime: s.startTime, endTime: s.endTime });
  }
  return result;
}

/**
 * The context of the block rules. Sessions: the stored attendance by default; the plan passes the
 * attendance as it will be after assigning everyone (what --apply writes), like its preparations.
 */
function scheduleContext(l: Loaded, attendance: readonly { sessionId: PlannerId; personId: PlannerId }[] = attendingRows(l)): ScheduleContext {
  return { placements: l.plannerPlacements, holidays: l.holidays, sessionBookings: sessionBookings(l, attendance) };
}

function toShadow(b: repo.BlockRecord): ShadowBlock {
  return { id: b.id, placementId: b.placementId, date: b.date, startTime: b.startTime, endTime: b.endTime, status: b.status };
}

const numericId = (id: PlannerId): number => (typeof id === 'number' ? id : 0);

function blockView(l: Loaded, b: ShadowBlock): Block {
  const p = l.placements.find((x) => x.id === b.placementId);
  return {
    id: numericId(b.id),
    placementId: numericId(b.placementId),
    participantId: p?.participantId ?? 0,
    participantName: p?.participantName ?? '',
    mentorId: p?.mentorId ?? null,
    mentorName: p?.mentorName ?? null,
    hostName: p?.hostName ?? '',
    date: b.date,
    startTime: b.startTime,
    endTime: b.endTime,
    status: b.status,
  };
}

function conflictsOf(l: Loaded, ledger: HoursLedger): Conflict[] {
  return ledger.conflicts.map((c) => ({
    rule: c.rule,
    blockId: numericId(c.blockId),
    otherBlockId: c.otherBlockId === null ? null : numericId(c.otherBlockId),
    sessionId: c.sessionId === null ? null : numericId(c.sessionId),
    placementId: numericId(c.placementId),
    participantId: numericId(c.participantId),
    participantName: l.names.get(numericId(c.participantId)) ?? '',
    date: c.date,
    startTime: c.startTime,
    endTime: c.endTime,
    message: c.message,
    params: { ...c.params },
    fix: c.fix,
    suggestedSlot: c.suggestedSlot,
  }));
}

function unassignedOf(l: Loaded): Unassigned[] {
  const network = new Map(l.attendees.map((a) => [`${a.role}:${String(a.personId)}`, a.network]));
  return l.assignment.unassigned.map((u) => ({
    personId: numericId(u.personId),
    name: l.names.get(numericId(u.personId)) ?? '',
    role: u.role,
    kind: u.kind,
    reason: u.reason,
    network: network.get(`${u.role}:${String(u.personId)}`) ?? null,
    message: u.message,
  }));
}

function overlapsOf(l: Loaded): SessionOverlap[] {
  return findSessionOverlaps(l.sessions.map(toPlannerSession), attendingRows(l), (id) => l.names.get(numericId(id))).map((o) => ({
    personId: numericId(o.personId),
    name: l.names.get(numericId(o.personId)) ?? '',
    sessionId: numericId(o.sessionId),
    otherSessionId: numericId(o.otherSessionId),
    date: o.date,
    message: o.message,
    params: { ...(o.params ?? {}) },
  }));
}

function sessionView(l: Pick<Loaded, 'attendance' | 'attendees'>, s: repo.SessionRecord): Session {
  const roles = new Map(l.attendees.map((a) => [a.personId, a.role]));
  return {
    ...s,
    attendees: l.attendance
      .filter((a) => a.sessionId === s.id)
      .map((a) => ({ personId: a.personId, name: a.name, role: roles.get(a.personId) ?? (a.isMentor ? 'mentor' : 'other'), network: a.network, status: a.status })),
  };
}

// ---------------------------------------------------------------- time path

function timePathOf(l: Loaded, day: string): TimePath {
  const status = timePathStatus(l.phases, day, 60);
  return {
    programmeId: l.programme.id,
    today: day,
    stage: status.stage,
    phases: l.phases,
    currentPhaseIds: status.current.map((p) => p.id),
    nextPhaseId: status.next?.id ?? null,
    progress: status.progress,
    deadlines: status.upcomingDeadlines.map((d) => ({ ...d })),
  };
}

/** The programme's time path with the coordinator's dates, where it stands today and its deadlines. */
export async function getTimePath(ctx: ServiceContext, programmeId: number): Promise<TimePath> {
  return timePathOf(await load(ctx.db, programmeId), today(ctx));
}

/**
 * Stores the coordinator's dates for one phase (or drops them to go back to the template). An
 * edited exchange phase also moves the programme's (or round's) exchange window, so matching, the
 * schedule and the programme form agree on one window.
 */
export async function updatePhase(ctx: ServiceContext, input: PhaseUpdate): Promise<TimePath> {
  const l = await load(ctx.db, input.programmeId);
  const phase = l.phases.find((p) => p.id === input.phaseId);
  if (!phase) throw new AppError('not_found', `This programme has no phase "${input.phaseId}". Reload the time path and try again.`);
  await ctx.db.transaction().execute(async (trx) => {
    const at = isoNow(ctx);
    const dates = input.starts !== null && input.ends !== null ? { starts: input.starts, ends: input.ends } : null;
    await repo.savePhaseEdit(trx, input.programmeId, input.phaseId, dates, at);
    if (dates && EXCHANGE_PHASES.has(phase.key)) {
      // A programme without stored rounds still names its one round (after the season): its window
      // is the programme's own.
      const isStoredRound = phase.round !== null && (await repo.loadRounds(trx, input.programmeId)).some((r) => r.name === phase.round);
      if (!isStoredRound) {
        await trx.updateTable('programmes').set({ exchange_starts: dates.starts, exchange_ends: dates.ends, updated_at: at }).where('id', '=', input.programmeId).execute();
      } else {
        await trx.updateTable('rounds').set({ exchange_starts: dates.starts, exchange_ends: dates.ends }).where('programme_id', '=', input.programmeId).where('name', '=', phase.round).execute();
      }
    }
    await appendAudit(trx, { at, actor: ctx.actor, action: 'phase_update', entity: 'programme', entityId: input.programmeId, details: { phase: input.phaseId, starts: input.starts, ends: input.ends } });
  });
  return getTimePath(ctx, input.programmeId);
}

// ---------------------------------------------------------------- closed periods

function closedPeriodView(r: repo.ClosedPeriodRecord): ClosedPeriod {
  return { id: r.id, programmeId: r.programmeId, name: r.name, starts: r.starts, ends: r.ends, createdAt: r.createdAt };
}

/** The programme's closed periods (school holidays, a host's closure), by first day. */
export async function listClosedPeriods(ctx: ServiceContext, programmeId: number): Promise<ClosedPeriod[]> {
  await programmeOr404(ctx.db, programmeId);
  return (await repo.loadClosedPeriods(ctx.db, programmeId)).map(closedPeriodView);
}

/**
 * Adds a closed period: from now on the planner plans no block on its days, and a stored block in
 * it is listed in the ledger as an 'on_holiday' conflict naming the period. Stored blocks are not
 * moved here: the coordinator decides, with the fix the ledger suggests.
 */
export async function createClosedPeriod(ctx: ServiceContext, input: ClosedPeriodCreate): Promise<ClosedPeriod> {
  await programmeOr404(ctx.db, input.programmeId);
  const created = await ctx.db.transaction().execute(async (trx) => {
    const at = isoNow(ctx);
    const row = await repo.insertClosedPeriod(trx, { programmeId: input.programmeId, name: input.name, starts: input.starts, ends: input.ends, createdAt: at });
    await appendAudit(trx, { at, actor: ctx.actor, action: 'closed_period_create', entity: 'programme', entityId: input.programmeId, details: { period: row.id, name: row.name, starts: row.starts, ends: row.ends } });
    return row;
  });
  return closedPeriodView(created);
}

/** Deletes a closed period; its days can be planned again. */
export async function deleteClosedPeriod(ctx: ServiceContext, id: number): Promise<{ id: number; deleted: true }> {
  const current = await repo.findClosedPeriod(ctx.db, id);
  if (!current) throw new AppError('not_found', `There is no closed period with number ${id}. Reload the list of closed periods.`);
  await ctx.db.transaction().execute(async (trx) => {
    await repo.deleteClosedPeriod(trx, id);
    await appendAudit(trx, { at: isoNow(ctx), actor: ctx.actor, action: 'closed_period_delete', entity: 'programme', entityId: current.programmeId, details: { period: id, name: current.name, starts: current.starts, ends: current.ends } });
  });
  return { id, deleted: true };
}

// ---------------------------------------------------------------- group sessions

/** The sessions with their attendance, and who still lacks a session they need (nothing written). */
export async function listSessions(ctx: ServiceContext, programmeId: number): Promise<SessionList> {
  const l = await load(ctx.db, programmeId);
  return { sessions: l.sessions.map((s) => sessionView(l, s)), unassigned: unassignedOf(l), overlaps: overlapsOf(l) };
}

async function sessionById(ctx: ServiceContext, id: number): Promise<Session> {
  const s = await repo.findSession(ctx.db, id);
  if (!s) throw new AppError('not_found', `There is no session with number ${id}. Reload the list of sessions.`);
  const l = await load(ctx.db, s.programmeId);
  return sessionView(l, s);
}

/** Adds a group session to a programme. */
export async function createSession(ctx: ServiceContext, input: SessionCreate): Promise<Session> {
  await programmeOr404(ctx.db, input.programmeId);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('group_sessions')
      .values({ programme_id: input.programmeId, kind: input.kind, title: input.title, date: input.date, start_time: input.startTime, end_time: input.endTime, location: input.location, audience_network: input.audienceNetwork, audience_roles: input.audienceRoles, capacity: input.capacity })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendAudit(trx, { at: isoNow(ctx), actor: ctx.actor, action: 'session_create', entity: 'group_session', entityId: row.id });
    return row.id;
  });
  return sessionById(ctx, id);
}

/** Changes a session; the attendance list stays as it is. */
export async function updateSession(ctx: ServiceContext, input: SessionUpdate): Promise<Session> {
  const current = await repo.findSession(ctx.db, input.id);
  if (!current) throw new AppError('not_found', `There is no session with number ${input.id}. Reload the list of sessions.`);
  const next = { ...current, ...input.patch };
  if (next.startTime >= next.endTime) throw new AppError('invalid_input', 'The session must end after it starts. Correct the start or end time.');
  const p = input.patch;
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('group_sessions')
      .set({
        ...(p.kind !== undefined ? { kind: p.kind } : {}),
        ...(p.title !== undefined ? { title: p.title } : {}),
        ...(p.date !== undefined ? { date: p.date } : {}),
        ...(p.startTime !== undefined ? { start_time: p.startTime } : {}),
        ...(p.endTime !== undefined ? { end_time: p.endTime } : {}),
        ...(p.location !== undefined ? { location: p.location } : {}),
        ...(p.audienceNetwork !== undefined ? { audience_network: p.audienceNetwork } : {}),
        ...(p.audienceRoles !== undefined ? { audience_roles: p.audienceRoles } : {}),
        ...(p.capacity !== undefined ? { capacity: p.capacity } : {}),
      })
      .where('id', '=', input.id)
      .execute();
    await appendAudit(trx, { at: isoNow(ctx), actor: ctx.actor, action: 'session_update', entity: 'group_session', entityId: input.id, details: { fields: Object.keys(p) } });
  });
  return sessionById(ctx, input.id);
}

/** Deletes a session and its attendance list. */
export async function deleteSession(ctx: ServiceContext, id: number): Promise<{ id: number; deleted: true }> {
  const current = await repo.findSession(ctx.db, id);
  if (!current) throw new AppError('not_found', `There is no session with number ${id}. Reload the list of sessions.`);
  await ctx.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('group_sessions').where('id', '=', id).execute();
    await appendAudit(trx, { at: isoNow(ctx), actor: ctx.actor, action: 'session_delete', entity: 'group_session', entityId: id, details: { programme: current.programmeId } });
  });
  return { id, deleted: true };
}

async function writeAssignment(trx: Db, added: SessionAssignmentResult['added']): Promise<number> {
  for (const a of added) {
    await trx.insertInto('session_attendance').values({ session_id: numericId(a.sessionId), person_id: numericId(a.personId), status: 'assigned' }).onConflict((oc) => oc.doNothing()).execute();
  }
  return added.length;
}

/**
 * Assigns every participant and mentor with a placement to one session of each kind they need,
 * within audience (network, role) and capacity. Existing assignments are kept.
 */
export async function assignAllSessions(ctx: ServiceContext, programmeId: number): Promise<{ added: number; unassigned: Unassigned[]; sessions: Session[] }> {
  const l = await load(ctx.db, programmeId);
  const added = await ctx.db.transaction().execute(async (trx) => {
    const n = await writeAssignment(trx, l.assignment.added);
    await appendAudit(trx, { at: isoNow(ctx), actor: ctx.actor, action: 'sessions_assign', entity: 'programme', entityId: programmeId, details: { added: n, unassigned: l.assignment.unassigned.length } });
    return n;
  });
  const after = await load(ctx.db, programmeId);
  return { added, unassigned: unassignedOf(after), sessions: after.sessions.map((s) => sessionView(after, s)) };
}

/** Records attendance, assigns someone by hand (status 'assigned') or removes them (null). */
export async function recordAttendance(ctx: ServiceContext, input: { sessionId: number; personId: number; status: 'assigned' | 'present' | 'absent' | 'excused' | null }): Promise<Session> {
  const s = await repo.findSession(ctx.db, input.sessionId);
  if (!s) throw new AppError('not_found', `There is no session with number ${input.sessionId}. Reload the list of sessions.`);
  const person = await ctx.db.selectFrom('people').select('id').where('id', '=', input.personId).executeTakeFirst();
  if (!person) throw new AppError('not_found', `There is no person with number ${input.personId}.`);
  await ctx.db.transaction().execute(async (trx) => {
    if (input.status === null) {
      await trx.deleteFrom('session_attendance').where('session_id', '=', input.sessionId).where('person_id', '=', input.personId).execute();
    } else {
      await trx
        .insertInto('session_attendance')
        .values({ session_id: input.sessionId, person_id: input.personId, status: input.status })
        .onConflict((oc) => oc.columns(['session_id', 'person_id']).doUpdateSet({ status: input.status ?? 'assigned' }))
        .execute();
    }
    await appendAudit(trx, { at: isoNow(ctx), actor: ctx.actor, action: 'attendance', entity: 'group_session', entityId: input.sessionId, details: { person: input.personId, status: input.status } });
  });
  return sessionById(ctx, input.sessionId);
}

// ---------------------------------------------------------------- shadow schedule

/**
 * Proposes blocks for every placement that is not cancelled (accepted and done blocks are kept;
 * earlier proposals are replaced). Preparation sessions come from the session assignment as it
 * would be after assigning everyone. With `apply`, the new session assignments and the blocks are
 * written in one transaction; without, nothing is written.
 */
export async function plan(ctx: ServiceContext, input: { programmeId: number; apply: boolean }): Promise<PlanResult> {
  const l = await load(ctx.db, input.programmeId);
  const stored = (await repo.loadBlocks(ctx.db, input.programmeId)).map(toShadow);
  // The sessions as --apply leaves them: stored attendance plus the assignments it adds.
  const planContext = scheduleContext(l, [...attendingRows(l), ...l.assignment.added]);
  const result = planShadowBlocks({ ...planContext, existingBlocks: stored });
  let blocks: (Block & { isNew: boolean })[];
  let conflicts: Conflict[];
  let sessionsAssigned = 0;
  if (input.apply) {
    sessionsAssigned = await ctx.db.transaction().execute(async (trx) => {
      const replaced = result.replacedBlockIds.map(numericId).filter((id) => id > 0);
      for (let i = 0; i < replaced.length; i += 500) await trx.deleteFrom('shadow_blocks').where('id', 'in', replaced.slice(i, i + 500)).execute();
      for (const b of result.proposed) {
        await trx.insertInto('shadow_blocks').values({ placement_id: numericId(b.placementId), date: b.date, start_time: b.startTime, end_time: b.endTime, status: 'proposed' }).execute();
      }
      const n = await writeAssignment(trx, l.assignment.added);
      await appendAudit(trx, { at: isoNow(ctx), actor: ctx.actor, action: 'planner_apply', entity: 'programme', entityId: input.programmeId, details: { proposed: result.proposed.length, replaced: replaced.length, sessionsAssigned: n } });
      return n;
    });
    const after = await load(ctx.db, input.programmeId);
    const storedAfter = (await repo.loadBlocks(ctx.db, input.programmeId)).map(toShadow);
    const newIds = new Set(storedAfter.map((b) => b.id));
    for (const b of stored) newIds.delete(b.id);
    blocks = storedAfter.map((b) => ({ ...blockView(after, b), isNew: newIds.has(b.id) }));
    conflicts = conflictsOf(after, buildHoursLedger({ ...scheduleContext(after), blocks: storedAfter }));
  } else {
    blocks = result.blocks.map((b) => ({ ...blockView(l, b), isNew: typeof b.id !== 'number' }));
    conflicts = conflictsOf(l, buildHoursLedger({ ...planContext, blocks: result.blocks }));
  }
  const byPlacement = new Map(l.placements.map((p) => [p.id, p]));
  return {
    programmeId: input.programmeId,
    isApplied: input.apply,
    country: l.country,
    regions: l.regions,
    holidays: l.holidays,
    placements: result.placements.length,
    fullyPlanned: result.fullyPlanned,
    missingHours: result.missingHours,
    proposedBlocks: result.proposed.length,
    replacedBlocks: result.replacedBlockIds.length,
    sessionsAssigned,
    problems: result.placements.flatMap((p) =>
      p.problems.map((m) => ({
        placementId: numericId(p.placementId),
        participantId: numericId(p.participantId),
        participantName: byPlacement.get(numericId(p.placementId))?.participantName ?? '',
        missingHours: p.missingHours,
        code: m.code,
        message: m.message,
        ...(m.params ? { params: { ...m.params } } : {}),
      })),
    ),
    conflicts,
    blocks,
  };
}

/** The stored blocks with names, the holidays used and the exchange window, for the calendar. */
export async function getSchedule(ctx: ServiceContext, programmeId: number): Promise<Schedule> {
  const l = await load(ctx.db, programmeId);
  const blocks = await repo.loadBlocks(ctx.db, programmeId);
  return { programmeId, country: l.country, regions: l.regions, windowStart: l.windowStart, windowEnd: l.windowEnd, blocks: blocks.map((b) => blockView(l, toShadow(b))), holidays: l.holidays };
}

/** Hours per participant and the conflicts in the stored schedule, each with a fix. */
export async function getLedger(ctx: ServiceContext, programmeId: number): Promise<Ledger> {
  const l = await load(ctx.db, programmeId);
  const blocks = (await repo.loadBlocks(ctx.db, programmeId)).map(toShadow);
  const ledger = buildHoursLedger({ ...scheduleContext(l), blocks });
  return {
    programmeId,
    rows: ledger.rows.map((r) => ({ ...r, participantId: numericId(r.participantId), placementIds: r.placementIds.map(numericId) })),
    conflicts: conflictsOf(l, ledger),
    totals: ledger.totals,
  };
}

const SPLIT_KEY = 'split:new';

async function blockOperation(
  ctx: ServiceContext,
  blockId: number,
  operate: (blocks: readonly ShadowBlock[], sctx: ScheduleContext) => DomainOperationResult,
  action: string,
): Promise<BlockOperationResult> {
  const programmeId = await repo.blockProgramme(ctx.db, blockId);
  if (programmeId === undefined) throw new AppError('not_found', 'This block no longer exists. Reload the schedule and try again.');
  const l = await load(ctx.db, programmeId);
  const blocks = (await repo.loadBlocks(ctx.db, programmeId)).map(toShadow);
  const r = operate(blocks, scheduleContext(l));
  if (!r.ok) {
    throw new AppError('conflict', r.errors.map((e) => e.message).join(' '), { errors: r.errors.map((e) => ({ code: e.code, message: e.message, params: e.params ?? {} })) });
  }
  const changed = await ctx.db.transaction().execute(async (trx) => {
    const out: ShadowBlock[] = [];
    for (const b of r.changed) {
      if (b.id === SPLIT_KEY) {
        const row = await trx.insertInto('shadow_blocks').values({ placement_id: numericId(b.placementId), date: b.date, start_time: b.startTime, end_time: b.endTime, status: b.status }).returning('id').executeTakeFirstOrThrow();
        out.push({ ...b, id: row.id });
      } else {
        await trx.updateTable('shadow_blocks').set({ date: b.date, start_time: b.startTime, end_time: b.endTime, status: b.status }).where('id', '=', numericId(b.id)).execute();
        out.push(b);
      }
    }
    await appendAudit(trx, { at: isoNow(ctx), actor: ctx.actor, action, entity: 'shadow_block', entityId: blockId, details: { changed: out.map((b) => `${b.date} ${b.startTime}-${b.endTime} ${b.status}`) } });
    return out;
  });
  return { changed: changed.map((b) => blockView(l, b)), warnings: r.warnings.map((w) => ({ code: w.code, message: w.message, ...(w.params ? { params: { ...w.params } } : {}) })) };
}

/** Moves a block; refused with the broken rule (holiday, double booking, outside the window...). */
export function moveShadowBlock(ctx: ServiceContext, input: { id: number; date: string; startTime: string; endTime: string }): Promise<BlockOperationResult> {
  return blockOperation(ctx, input.id, (blocks, sctx) => moveBlock(blocks, input.id, input, sctx), 'block_move');
}

/** Splits a block at a time inside it; each part keeps at least 30 minutes. */
export function splitShadowBlock(ctx: ServiceContext, input: { id: number; at: string }): Promise<BlockOperationResult> {
  return blockOperation(ctx, input.id, (blocks, sctx) => splitBlock(blocks, input.id, input.at, SPLIT_KEY, sctx), 'block_split');
}

/** Accepts a block (checked again), marks it done, or sets it back to proposed. */
export function setBlockStatus(ctx: ServiceContext, input: { id: number; status: 'proposed' | 'accepted' | 'done' }): Promise<BlockOperationResult> {
  if (input.status === 'accepted') return blockOperation(ctx, input.id, (blocks, sctx) => acceptBlock(blocks, input.id, sctx), 'block_accept');
  return blockOperation(
    ctx,
    input.id,
    (blocks) => {
      const b = blocks.find((x) => x.id === input.id);
      if (!b) return { ok: false, errors: [{ rule: 'invalid_block', severity: 'error', code: 'block_not_found', message: 'This block no longer exists. Reload the schedule and try again.', blockId: input.id }], warnings: [] };
      const next: ShadowBlock = { ...b, status: input.status };
      return { ok: true, blocks: blocks.map((x) => (x === b ? next : x)), changed: [next], warnings: [] };
    },
    `block_${input.status}`,
  );
}

// ---------------------------------------------------------------- tasks

const idKeyOf = (id: number) => `n${id}`;

/** Deadlines this many days ahead are dashboard tasks: far enough to act on a month-long phase. */
const TASK_DEADLINE_HORIZON_DAYS = 30;

/**
 * Every consent form each placed participant needs, as the Documents screen counts them: a form
 * without a row was never printed or sent, which is a task too ("not sent"), not silence. A form
 * returned for one host counts as returned.
 */
function consentsNeeded(l: Loaded, stored: repo.ConsentRecord[]): repo.ConsentRecord[] {
  const RANK: Record<repo.ConsentRecord['status'], number> = { returned: 3, refused: 2, sent: 1, not_sent: 0 };
  const best = new Map<string, repo.ConsentRecord>();
  for (const c of stored) {
    const k = `${c.kind}:${c.personId}`;
    const seen = best.get(k);
    if (!seen || RANK[c.status] > RANK[seen.status]) best.set(k, c);
  }
  const result: repo.ConsentRecord[] = [];
  const people = new Map(l.placements.map((p) => [p.participantId, p.participantName]));
  for (const [personId, personName] of people) {
    for (const kind of CONSENT_KINDS) result.push(best.get(`${kind}:${personId}`) ?? { personId, personName, kind, status: 'not_sent' });
  }
  return result;
}

function tasksOf(l: Loaded, storedConsents: repo.ConsentRecord[], blocks: ShadowBlock[], day: string): Task[] {
  const consents = consentsNeeded(l, storedConsents);
  const ledger = buildHoursLedger({ ...scheduleContext(l), blocks, skipSuggestions: true });
  const exchange = l.phases.filter((p) => EXCHANGE_PHASES.has(p.key));
  const exchangeStarts = exchange.reduce<string | null>((m, p) => (m === null || p.starts < m ? p.starts : m), null);
  const exchangeEnds = exchange.reduce<string | null>((m, p) => (m === null || p.ends > m ? p.ends : m), null);
  const tasks = plannerTasks({ today: day, consents, ledgerRows: ledger.rows, unassigned: l.assignment.unassigned, phases: l.phases, exchangeStarts, exchangeEnds, deadlineHorizonDays: TASK_DEADLINE_HORIZON_DAYS });
  const consentBy = new Map(consents.map((c) => [`consent:${c.kind}:${idKeyOf(c.personId)}`, c]));
  const rowBy = new Map(ledger.rows.map((r) => [`hours:${idKeyOf(numericId(r.participantId))}`, r]));
  const unassignedBy = new Map(l.assignment.unassigned.map((u) => [`session:${u.kind}:${u.role}:${idKeyOf(numericId(u.personId))}`, u]));
  const phaseBy = new Map(l.phases.map((p) => [`deadline:${p.id}`, p]));
  return tasks.map((t) => {
    let params: Task['params'] = {};
    const c = consentBy.get(t.id);
    const r = rowBy.get(t.id);
    const u = unassignedBy.get(t.id);
    const p = phaseBy.get(t.id);
    if (c) params = { name: c.personName, form: c.kind, status: c.status };
    else if (r) params = { name: r.participantName, missing: r.missingHours, required: r.requiredHours, planned: r.plannedHours + r.doneHours };
    else if (u) params = { name: l.names.get(numericId(u.personId)) ?? '', kind: u.kind, role: u.role, reason: u.reason };
    else if (p) params = { phaseNl: p.labels.nl, phaseFr: p.labels.fr, phaseEn: p.labels.en, round: p.round, date: p.ends, daysLeft: daysBetween(day, p.ends) };
    return { id: t.id, kind: t.kind, severity: t.severity, message: t.message, dueDate: t.dueDate, isOverdue: t.isOverdue, personId: t.personId === null ? null : numericId(t.personId), params };
  });
}

/** Dashboard tasks per programme (all programmes, or one): consents, hours, sessions, deadlines. */
export async function listTasks(ctx: ServiceContext, programmeId?: number): Promise<ProgrammeTasks[]> {
  const ids = programmeId !== undefined ? [(await programmeOr404(ctx.db, programmeId)).id] : (await ctx.db.selectFrom('programmes').select('id').orderBy('id', 'desc').execute()).map((r) => r.id);
  const day = today(ctx);
  const result: ProgrammeTasks[] = [];
  for (const id of ids) {
    const l = await load(ctx.db, id);
    const [consents, blocks] = await Promise.all([repo.loadConsents(ctx.db, id), repo.loadBlocks(ctx.db, id)]);
    result.push({ programmeId: id, programmeName: l.programme.name, tasks: tasksOf(l, consents, blocks.map(toShadow), day) });
  }
  return result;
}

// ---------------------------------------------------------------- calendar export

const SESSION_LABEL: Record<SessionKind, string> = { preparation: 'Voorbereiding', debrief: 'Terugkomdag', intervision: 'Intervisie' };

/** Resolves `name` inside `folder`; refuses anything that would land outside it. */
/**
 * Writes .ics files into `folder`: one for the programme (every session and block) and one per
 * participant and mentor (their blocks and the sessions they are assigned to). The folder is
 * created when missing; files are only written inside it. The export contains personal data, so it
 * is logged in the audit log (counts and folder, no names).
 */
export async function exportCalendars(ctx: ServiceContext, input: { programmeId: number; folder: string; scope: 'programme' | 'people' | 'both' }): Promise<IcsExportResult> {
  const folder = path.resolve(input.folder);
  if (fs.existsSync(folder) && !fs.statSync(folder).isDirectory()) {
    throw new AppError('file_rejected', `${input.folder} is a file, not a folder. Choose a folder for the calendars.`);
  }
  const l = await load(ctx.db, input.programmeId);
  const blocks = await repo.loadBlocks(ctx.db, input.programmeId);
  const contacts = await repo.loadContacts(ctx.db, l.placements.map((p) => p.hostId));
  const byPlacement = new Map(l.placements.map((p) => [p.id, p]));

  const sessionEvents = new Map<number, CalendarEvent>(
    l.sessions.map((s) => [s.id, { key: `session-${s.id}`, title: `${SESSION_LABEL[s.kind]}: ${s.title}`, date: s.date, startTime: s.startTime, endTime: s.endTime, location: s.location || null, notes: s.audienceNetwork ? `Netwerk: ${s.audienceNetwork}` : undefined }]),
  );
  const blockEvents: { event: CalendarEvent; participantId: number; mentorId: number | null }[] = [];
  for (const b of blocks) {
    const p = byPlacement.get(b.placementId);
    if (!p) continue;
    const people = [
      { role: 'Deelnemer', name: p.participantName, phone: p.participantPhone, email: p.participantEmail },
      ...(p.mentorName ? [{ role: 'Mentor', name: p.mentorName, phone: p.mentorPhone, email: p.mentorEmail }] : []),
      ...(contacts.get(p.hostId) ?? []).map((c) => ({ role: c.role === 'project_lead' ? 'Projectverantwoordelijke' : 'Contactpersoon', name: c.name, phone: c.phone, email: c.email })),
    ];
    blockEvents.push({
      participantId: p.participantId,
      mentorId: p.mentorId,
      event: {
        key: `block-${b.id}`,
        title: `${l.programme.kind === 'jobshadowing' ? 'Jobshadowing' : 'Bezoek'}: ${p.participantName} bij ${p.hostName}`,
        date: b.date,
        startTime: b.startTime,
        endTime: b.endTime,
        location: p.hostAddress || p.hostName,
        notes: p.learningQuestions ? `Leervragen: ${p.learningQuestions}` : undefined,
        contacts: people,
        isTentative: b.status === 'proposed',
      },
    });
  }

  const timeZone = l.country === 'NL' ? 'Europe/Amsterdam' : 'Europe/Brussels';
  const now = isoNow(ctx);
  const files: { name: string; kind: 'programme' | 'participant' | 'mentor'; events: CalendarEvent[] }[] = [];
  if (input.scope !== 'people') files.push({ name: l.programme.name, kind: 'programme', events: [...sessionEvents.values(), ...blockEvents.map((b) => b.event)] });
  if (input.scope !== 'programme') {
    const sessionsOf = (personId: number) => l.attendance.filter((a) => a.personId === personId).map((a) => sessionEvents.get(a.sessionId)).filter((e): e is CalendarEvent => e !== undefined);
    const people = new Map<number, 'participant' | 'mentor'>();
    for (const p of l.placements) {
      if (!people.has(p.participantId)) people.set(p.participantId, 'participant');
      if (p.mentorId !== null && !people.has(p.mentorId)) people.set(p.mentorId, 'mentor');
    }
    for (const [personId, kind] of people) {
      const own = blockEvents.filter((b) => b.participantId === personId || b.mentorId === personId).map((b) => b.event);
      files.push({ name: `${l.programme.name} - ${l.names.get(personId) ?? `persoon ${personId}`}`, kind, events: [...own, ...sessionsOf(personId)] });
    }
  }

  // Render everything before touching the disk, so a failure writes nothing.
  const used = new Set<string>();
  const rendered = files.map((f) => {
    let fileName = icsFileName(f.name);
    for (let n = 2; used.has(fileName); n++) fileName = icsFileName(`${f.name} ${n}`);
    used.add(fileName);
    return { ...f, fileName, text: writeIcs(f.events, { name: f.name, programmeId: l.programme.id, timeZone, now }) };
  });
  fs.mkdirSync(folder, { recursive: true });
  const written: IcsExportResult['files'] = [];
  for (const f of rendered) {
    // Refuses a name with a folder in it and an existing link at the target (it would write outside).
    const target = await resolveOutputFile(folder, f.fileName);
    fs.writeFileSync(target, f.text, 'utf8');
    written.push({ file: target, name: f.name, kind: f.kind, events: f.events.length });
  }
  await appendAudit(ctx.db, { at: now, actor: ctx.actor, action: 'calendar_export', entity: 'programme', entityId: l.programme.id, details: { folder, files: written.length, scope: input.scope } });
  return { folder, files: written };
}
