import { formatDateLong } from './calendar-dates';
import { compareIds, idKey, nameOr } from './planner-keys';
import type { PlannerId, PlannerMessage, SessionKind } from './planner.types';

export type { SessionKind } from './planner.types';

/*
 * Assigning participants and mentors to group sessions (preparation, debrief, intervision).
 * Rules:
 *  - a session's audience is a network (KOALA, CIK: compared without case and spaces) or everyone
 *    (null); a person only goes to a session of their own network or to an open one;
 *  - a session is for participants, mentors or both (audience_roles);
 *  - never more people than the capacity (null: no limit), counting existing assignments;
 *  - existing assignments (session_attendance rows) are kept as they are, even over capacity: the
 *    coordinator made them;
 *  - each person gets one session of every kind they need;
 *  - never a session that overlaps one the person already has (same date, times overlapping).
 * Order: the person with the fewest fitting sessions first (so someone who can only go to the
 * KOALA session is not pushed out by someone who could also go elsewhere), then by id. Per person:
 * a session for their own network before an open one, then the earliest, then the session id.
 */

/** A group session (a row of group_sessions). */
export interface PlannerSession {
  readonly id: PlannerId;
  readonly kind: SessionKind;
  readonly title: string;
  readonly date: string;
  readonly startTime: string;
  readonly endTime: string;
  readonly location: string;
  /** A network such as KOALA or CIK; null: everyone. */
  readonly audienceNetwork: string | null;
  readonly audienceRoles: 'participants' | 'mentors' | 'both';
  /** Null: no limit. */
  readonly capacity: number | null;
}

/** Someone who needs sessions, in one role. A person who is both participant and mentor appears twice. */
export interface SessionAttendee {
  readonly personId: PlannerId;
  readonly role: 'participant' | 'mentor';
  readonly network: string | null;
  /** The session kinds this person needs, e.g. ['preparation', 'debrief']. */
  readonly needs: readonly SessionKind[];
  readonly name?: string;
}

/** One person in one session (a session_attendance row). */
export interface SessionAssignment {
  readonly sessionId: PlannerId;
  readonly personId: PlannerId;
  /** True for rows that were passed in; false for new ones the service inserts with status 'assigned'. */
  readonly isExisting: boolean;
}

/** Why someone has no session of a kind. */
export type UnassignedReason = 'no_session_of_kind' | 'no_session_for_role' | 'no_session_for_network' | 'sessions_full' | 'sessions_overlap';

/** Someone who could not be assigned, with the reason and what to do. */
export interface UnassignedAttendee extends PlannerMessage {
  readonly personId: PlannerId;
  readonly role: 'participant' | 'mentor';
  readonly kind: SessionKind;
  readonly reason: UnassignedReason;
}

/** Input of {@link assignSessions}. */
export interface SessionAssignmentInput {
  readonly sessions: readonly PlannerSession[];
  readonly attendees: readonly SessionAttendee[];
  /** Existing attendance rows (any status); they count against capacity and satisfy needs. */
  readonly existing?: readonly { readonly sessionId: PlannerId; readonly personId: PlannerId }[];
}

/** Output of {@link assignSessions}. */
export interface SessionAssignmentResult {
  /** Existing and new assignments, by session then person. */
  readonly assignments: readonly SessionAssignment[];
  /** Only the new ones. */
  readonly added: readonly SessionAssignment[];
  readonly unassigned: readonly UnassignedAttendee[];
  /** Seats taken per session id key, for the session list ("18 / 20"). */
  readonly load: ReadonlyMap<PlannerId, number>;
}

/** True when two sessions are on the same date and their times overlap (touching is fine). */
export function sessionsOverlap(a: Pick<PlannerSession, 'date' | 'startTime' | 'endTime'>, b: Pick<PlannerSession, 'date' | 'startTime' | 'endTime'>): boolean {
  return a.date === b.date && a.startTime < b.endTime && b.startTime < a.endTime;
}

/** Networks compare without case, accents or spacing: "Koala " is KOALA. */
export function networkKey(network: string | null | undefined): string | null {
  if (network === null || network === undefined) return null;
  const key = network.normalize('NFKD').replace(/\p{M}/gu, '').replace(/\s+/g, '').toLowerCase();
  return key === '' ? null : key;
}

function roleFits(session: PlannerSession, role: 'participant' | 'mentor'): boolean {
  return session.audienceRoles === 'both' || (role === 'participant' ? session.audienceRoles === 'participants' : session.audienceRoles === 'mentors');
}

function networkFits(session: PlannerSession, network: string | null): boolean {
  const audience = networkKey(session.audienceNetwork);
  return audience === null || audience === networkKey(network);
}

/**
 * Assign every attendee to one session of each kind they need, within audience and capacity.
 * Deterministic. Returns who could not be placed and why.
 */
export function assignSessions(input: SessionAssignmentInput): SessionAssignmentResult {
  const sessions = input.sessions.slice().sort((a, b) => {
    if (a.date !== b.date) return a.date < b.date ? -1 : 1;
    if (a.startTime !== b.startTime) return a.startTime < b.startTime ? -1 : 1;
    return compareIds(a.id, b.id);
  });
  const sessionById = new Map(sessions.map((s) => [idKey(s.id), s]));
  const load = new Map<string, number>();
  const assignments: SessionAssignment[] = [];
  const has = new Set<string>(); // person|session
  for (const e of input.existing ?? []) {
    if (!sessionById.has(idKey(e.sessionId))) continue;
    const k = `${idKey(e.personId)}|${idKey(e.sessionId)}`;
    if (has.has(k)) continue;
    has.add(k);
    load.set(idKey(e.sessionId), (load.get(idKey(e.sessionId)) ?? 0) + 1);
    assignments.push({ sessionId: e.sessionId, personId: e.personId, isExisting: true });
  }
  const hasKind = (personId: PlannerId, kind: SessionKind): boolean =>
    sessions.some((s) => s.kind === kind && has.has(`${idKey(personId)}|${idKey(s.id)}`));

  interface Need { readonly a: SessionAttendee; readonly kind: SessionKind; readonly options: readonly PlannerSession[] }
  const needs: Need[] = [];
  const unassigned: UnassignedAttendee[] = [];
  for (const a of input.attendees) {
    for (const kind of [...new Set(a.needs)]) {
      if (hasKind(a.personId, kind)) continue;
      const ofKind = sessions.filter((s) => s.kind === kind);
      const forRole = ofKind.filter((s) => roleFits(s, a.role));
      const options = forRole.filter((s) => networkFits(s, a.network));
      if (options.length > 0) {
        needs.push({ a, kind, options });
        continue;
      }
      const who = nameOr(a.name, a.role, a.personId);
      const kindName = kind === 'preparation' ? 'preparation' : kind === 'debrief' ? 'debrief' : 'intervision';
      if (ofKind.length === 0) {
        unassigned.push({ personId: a.personId, role: a.role, kind, reason: 'no_session_of_kind', code: 'no_session_of_kind', message: `There is no ${kindName} session yet, so ${who} has none. Add a ${kindName} session.`, params: { kind } });
      } else if (forRole.length === 0) {
        unassigned.push({ personId: a.personId, role: a.role, kind, reason: 'no_session_for_role', code: 'no_session_for_role', message: `No ${kindName} session is open to ${a.role}s, so ${who} has none. Open a session to ${a.role}s or to both.`, params: { kind, role: a.role } });
      } else {
        const net = a.network ?? 'no network';
        unassigned.push({ personId: a.personId, role: a.role, kind, reason: 'no_session_for_network', code: 'no_session_for_network', message: `No ${kindName} session is open to ${who}'s network (${net}) or to everyone. Add a session for ${net}, open one to everyone, or correct ${who}'s network.`, params: { kind, network: a.network } });
      }
    }
  }

  needs.sort((x, y) => {
    if (x.options.length !== y.options.length) return x.options.length - y.options.length;
    const byPerson = compareIds(x.a.personId, y.a.personId);
    if (byPerson !== 0) return byPerson;
    if (x.kind !== y.kind) return x.kind < y.kind ? -1 : 1;
    return x.a.role < y.a.role ? -1 : x.a.role > y.a.role ? 1 : 0;
  });

  const added: SessionAssignment[] = [];
  for (const n of needs) {
    // Someone needing the same kind in both roles goes once.
    if (hasKind(n.a.personId, n.kind)) continue;
    const ranked = n.options.slice().sort((s, t) => {
      const sOwn = s.audienceNetwork === null ? 1 : 0;
      const tOwn = t.audienceNetwork === null ? 1 : 0;
      return sOwn - tOwn; // stable: keeps the date order within each group
    });
    const withRoom = ranked.filter((s) => s.capacity === null || (load.get(idKey(s.id)) ?? 0) < s.capacity);
    const own = sessions.filter((s) => has.has(`${idKey(n.a.personId)}|${idKey(s.id)}`));
    const free = withRoom.find((s) => !own.some((o) => sessionsOverlap(o, s)));
    if (!free && withRoom.length > 0) {
      const who = nameOr(n.a.name, n.a.role, n.a.personId);
      const clashes = withRoom.map((s) => {
        const other = own.find((o) => sessionsOverlap(o, s));
        return `${s.title || s.kind} on ${formatDateLong(s.date)} ${s.startTime}-${s.endTime} (same time as ${other ? other.title || other.kind : 'another session'})`;
      });
      unassigned.push({
        personId: n.a.personId,
        role: n.a.role,
        kind: n.kind,
        reason: 'sessions_overlap',
        code: 'sessions_overlap',
        message: `Every ${n.kind} session with room for ${who} is at the same time as another session ${who} attends: ${clashes.join(', ')}. Add a ${n.kind} session at another time or move ${who} out of the other session.`,
        params: { kind: n.kind },
      });
      continue;
    }
    if (!free) {
      const who = nameOr(n.a.name, n.a.role, n.a.personId);
      const list = ranked.map((s) => `${s.title || s.kind} on ${formatDateLong(s.date)} (${load.get(idKey(s.id)) ?? 0}/${s.capacity ?? '-'})`).join(', ');
      unassigned.push({
        personId: n.a.personId,
        role: n.a.role,
        kind: n.kind,
        reason: 'sessions_full',
        code: 'sessions_full',
        message: `Every ${n.kind} session ${who} can attend is full: ${list}. Raise a capacity or add a session.`,
        params: { kind: n.kind },
      });
      continue;
    }
    const row: SessionAssignment = { sessionId: free.id, personId: n.a.personId, isExisting: false };
    has.add(`${idKey(n.a.personId)}|${idKey(free.id)}`);
    load.set(idKey(free.id), (load.get(idKey(free.id)) ?? 0) + 1);
    assignments.push(row);
    added.push(row);
  }

  const order = new Map(sessions.map((s, i) => [idKey(s.id), i]));
  assignments.sort((x, y) => (order.get(idKey(x.sessionId)) ?? 0) - (order.get(idKey(y.sessionId)) ?? 0) || compareIds(x.personId, y.personId));
  unassigned.sort((x, y) => compareIds(x.personId, y.personId) || (x.kind < y.kind ? -1 : x.kind > y.kind ? 1 : 0));
  const loadById = new Map<PlannerId, number>(sessions.map((s) => [s.id, load.get(idKey(s.id)) ?? 0]));
  return { assignments, added, unassigned, load: loadById };
}

/** One person in two group sessions at the same time. */
export interface SessionOverlap extends PlannerMessage {
  readonly personId: PlannerId;
  /** The earlier session (by date, start, id) and the other one. */
  readonly sessionId: PlannerId;
  readonly otherSessionId: PlannerId;
  readonly date: string;
}

/**
 * Every person assigned to two sessions that overlap (assigned by hand, or the sessions moved
 * after assigning): each pair once, by date, then person. `nameOf` gives names for the messages.
 */
export function findSessionOverlaps(
  sessions: readonly PlannerSession[],
  assignments: readonly { readonly sessionId: PlannerId; readonly personId: PlannerId }[],
  nameOf: (personId: PlannerId) => string | undefined = () => undefined,
): SessionOverlap[] {
  const byId = new Map(sessions.map((s) => [idKey(s.id), s]));
  const perPerson = new Map<string, { personId: PlannerId; sessions: PlannerSession[] }>();
  for (const a of assignments) {
    const s = byId.get(idKey(a.sessionId));
    if (!s) continue;
    const entry = perPerson.get(idKey(a.personId)) ?? { personId: a.personId, sessions: [] };
    if (!entry.sessions.includes(s)) entry.sessions.push(s);
    perPerson.set(idKey(a.personId), entry);
  }
  const order = (x: PlannerSession, y: PlannerSession): number =>
    x.date !== y.date ? (x.date < y.date ? -1 : 1) : x.startTime !== y.startTime ? (x.startTime < y.startTime ? -1 : 1) : compareIds(x.id, y.id);
  const result: SessionOverlap[] = [];
  for (const { personId, sessions: own } of perPerson.values()) {
    if (own.length < 2) continue;
    own.sort(order);
    const who = nameOr(nameOf(personId), 'person', personId);
    for (let i = 0; i < own.length; i++) {
      for (let j = i + 1; j < own.length; j++) {
        const a = own[i];
        const b = own[j];
        if (!a || !b || b.date !== a.date) break;
        if (!sessionsOverlap(a, b)) continue;
        result.push({
          personId,
          sessionId: a.id,
          otherSessionId: b.id,
          date: a.date,
          code: 'sessions_overlap',
          message: `${who} is assigned to two sessions at the same time on ${formatDateLong(a.date)}: '${a.title}' (${a.startTime}-${a.endTime}) and '${b.title}' (${b.startTime}-${b.endTime}). Remove ${who} from one of them or move one session.`,
          params: { name: who, date: a.date, first: a.title, firstStart: a.startTime, firstEnd: a.endTime, second: b.title, secondStart: b.startTime, secondEnd: b.endTime },
        });
      }
    }
  }
  const sessionOrder = new Map(sessions.slice().sort(order).map((s, i) => [idKey(s.id), i]));
  result.sort((x, y) => (x.date !== y.date ? (x.date < y.date ? -1 : 1) : compareIds(x.personId, y.personId) || (sessionOrder.get(idKey(x.sessionId)) ?? 0) - (sessionOrder.get(idKey(y.sessionId)) ?? 0)));
  return result;
}

/**
 * The preparation session of each person (the earliest one assigned), as the shadow schedule's
 * `preparation` input: no block before it ends. Keyed by the person id as passed in.
 */
export function preparationByPerson(
  sessions: readonly PlannerSession[],
  assignments: readonly { readonly sessionId: PlannerId; readonly personId: PlannerId }[],
): Map<PlannerId, { date: string; endTime: string }> {
  const byId = new Map(sessions.map((s) => [idKey(s.id), s]));
  const result = new Map<PlannerId, { date: string; endTime: string }>();
  for (const a of assignments) {
    const s = byId.get(idKey(a.sessionId));
    if (!s || s.kind !== 'preparation') continue;
    const key = a.personId;
    const current = result.get(key);
    if (!current || `${s.date} ${s.endTime}` < `${current.date} ${current.endTime}`) result.set(key, { date: s.date, endTime: s.endTime });
  }
  return result;
}
