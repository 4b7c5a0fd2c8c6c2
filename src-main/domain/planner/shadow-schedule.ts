import {
  addDays,
  formatDateLong,
  fromMinutes,
  isIsoDate,
  isTime,
  maxIso,
  toMinutes,
  weekdayKey,
} from './calendar-dates';
import {
  availabilitySet,
  compareIds,
  dayPartOf,
  halvesOverlapped,
  hoursOf,
  idKey,
  nameOr,
  targetMinutes,
} from './planner-keys';
import {
  DEFAULT_DAY_PART_TIMES,
  type DayHalf,
  type DayPartTimes,
  type Holiday,
  type PlannerId,
  type PlannerMessage,
  type PlannerPlacement,
  type SessionBooking,
  type ShadowBlock,
} from './planner.types';

/*
 * The shadow schedule: blocks of time a participant spends at the host.
 *
 * Rules (each one is checked by `checkBlock` and enforced by `planShadowBlocks`):
 *  - inside the placement's exchange window;
 *  - not on a holiday from the list passed in;
 *  - not before the participant's preparation session has ended;
 *  - at most the host's maximum hours per day for this participant;
 *  - a participant, and a mentor, is never in two blocks at the same time (any placement), nor in
 *    a block during a group session they attend (preparation, debrief, intervision);
 *  - on day parts both the participant and the host/mentor are available (a warning only when the
 *    coordinator moves a block by hand: they may know better than the spreadsheet).
 * Planning is first-fit over days in date order, placements in a fixed order (preparation end,
 * window start, id), so the same input always gives the same blocks.
 */

/** Options shared by planning and the block operations. */
export interface ScheduleContext {
  /** Every placement whose blocks may be involved (for double bookings across placements). */
  readonly placements: readonly PlannerPlacement[];
  readonly holidays: readonly Holiday[];
  /** Default {@link DEFAULT_DAY_PART_TIMES}. */
  readonly dayParts?: DayPartTimes;
  /**
   * Group sessions each participant or mentor attends (any placement, any role): busy time. The
   * planner plans around them and a block overlapping one is a double booking. Default none.
   */
  readonly sessionBookings?: readonly SessionBooking[];
}

/** Input of {@link planShadowBlocks}. */
export interface ShadowPlanInput extends ScheduleContext {
  /** Blocks already stored. Accepted and done blocks are always kept and count toward the hours. */
  readonly existingBlocks?: readonly ShadowBlock[];
  /**
   * Keep stored proposals too (default false): by default a new plan replaces earlier proposals of
   * the placements it plans, so re-running the planner after a change gives a fresh proposal.
   */
  readonly keepProposed?: boolean;
  /** Plan only these placements (default all); blocks of the others still occupy people. */
  readonly placementIds?: readonly PlannerId[];
}

/** How far one placement got. */
export interface PlacementPlan {
  readonly placementId: PlannerId;
  readonly participantId: PlannerId;
  readonly requiredHours: number;
  /** Hours in kept blocks (accepted, done, or kept proposals). */
  readonly keptHours: number;
  /** Hours in the new proposals. */
  readonly proposedHours: number;
  readonly missingHours: number;
  readonly isFullyPlanned: boolean;
  /** Why hours are missing, each with what to do. Empty when fully planned. */
  readonly problems: readonly PlannerMessage[];
}

/** Output of {@link planShadowBlocks}. */
export interface ShadowPlanResult {
  /** All blocks after planning: kept ones and new proposals, ordered by date, time, placement. */
  readonly blocks: readonly ShadowBlock[];
  /** Only the new proposals (ids `proposed:<placementId>:<n>`): what the service inserts. */
  readonly proposed: readonly ShadowBlock[];
  /** Stored proposals that the new plan replaces: what the service deletes. */
  readonly replacedBlockIds: readonly PlannerId[];
  readonly placements: readonly PlacementPlan[];
  readonly fullyPlanned: number;
  readonly missingHours: number;
}

/** The rule a block breaks. */
export type BlockRule =
  | 'invalid_block'
  | 'outside_window'
  | 'on_holiday'
  | 'before_preparation'
  | 'over_max_hours_per_day'
  | 'participant_double_booked'
  | 'mentor_double_booked'
  | 'participant_unavailable'
  | 'host_unavailable';

/** A broken rule. Errors block an operation; warnings are shown but allowed. */
export interface BlockViolation extends PlannerMessage {
  readonly rule: BlockRule;
  readonly severity: 'error' | 'warning';
  readonly blockId: PlannerId;
  /** The other block in a double booking. */
  readonly otherBlockId?: PlannerId;
  /** The group session in a double booking with a session (then there is no other block). */
  readonly sessionId?: PlannerId;
}

/** Result of accept, move and split. On failure nothing changes. */
export type BlockOperationResult =
  | { readonly ok: true; readonly blocks: readonly ShadowBlock[]; readonly changed: readonly ShadowBlock[]; readonly warnings: readonly BlockViolation[] }
  | { readonly ok: false; readonly errors: readonly BlockViolation[]; readonly warnings: readonly BlockViolation[] };

interface Interval {
  readonly start: number;
  readonly end: number;
  /** Null for a group session. */
  readonly blockId: PlannerId | null;
}

/**
 * Who is busy when: per person and date, the intervals taken. Participants and mentors share one
 * key space (ids come from one people table): someone who shadows at one host and mentors a visitor
 * at home has one calendar, so the two can never overlap.
 */
class Occupancy {
  private readonly byKey = new Map<string, Interval[]>();

  private static key(personId: PlannerId, date: string): string {
    return `${idKey(personId)}|${date}`;
  }

  add(personId: PlannerId, date: string, interval: Interval): void {
    const k = Occupancy.key(personId, date);
    const list = this.byKey.get(k);
    if (list) list.push(interval);
    else this.byKey.set(k, [interval]);
  }

  /** The first interval of this person on this date overlapping [start, end), ignoring one block. */
  clash(personId: PlannerId, date: string, start: number, end: number, ignore?: PlannerId): Interval | undefined {
    const list = this.byKey.get(Occupancy.key(personId, date));
    if (!list) return undefined;
    return list.find((i) => i.start < end && start < i.end && (ignore === undefined || i.blockId === null || idKey(i.blockId) !== idKey(ignore)));
  }

  /** Every group session a person attends takes their time like a block. */
  addSessions(bookings: readonly SessionBooking[]): void {
    for (const s of bookings) {
      if (!isIsoDate(s.date) || !isTime(s.startTime) || !isTime(s.endTime)) continue;
      // Same key form as the blocks' (callers pass the id key as the person id).
      this.add(idKey(s.personId), s.date, { start: toMinutes(s.startTime), end: toMinutes(s.endTime), blockId: null });
    }
  }
}

/** Session bookings per person and date (`<idKey>|<date>`), for the block check. */
export type SessionIndex = ReadonlyMap<string, readonly SessionBooking[]>;

const NO_SESSIONS: SessionIndex = new Map();

/** Index {@link SessionBooking}s by person and date; see {@link checkBlockIndexed}. */
export function indexSessionBookings(bookings: readonly SessionBooking[] | undefined): SessionIndex {
  if (!bookings || bookings.length === 0) return NO_SESSIONS;
  const index = new Map<string, SessionBooking[]>();
  for (const b of bookings) {
    const k = `${idKey(b.personId)}|${b.date}`;
    const list = index.get(k);
    if (list) list.push(b);
    else index.set(k, [b]);
  }
  return index;
}

function placementIndex(placements: readonly PlannerPlacement[]): Map<string, PlannerPlacement> {
  return new Map(placements.map((p) => [idKey(p.id), p]));
}

function blockMinutes(b: ShadowBlock): number {
  return toMinutes(b.endTime) - toMinutes(b.startTime);
}

function compareBlocks(a: ShadowBlock, b: ShadowBlock): number {
  if (a.date !== b.date) return a.date < b.date ? -1 : 1;
  if (a.startTime !== b.startTime) return a.startTime < b.startTime ? -1 : 1;
  const byPlacement = compareIds(a.placementId, b.placementId);
  return byPlacement !== 0 ? byPlacement : compareIds(a.id, b.id);
}

/** The first day a block may take place: the window start, or the day of the preparation session. */
function firstPossibleDate(p: PlannerPlacement): string {
  return p.preparation ? maxIso(p.windowStart, p.preparation.date) : p.windowStart;
}

/**
 * Propose shadow blocks for every placement (or those in `placementIds`) until each reaches its
 * hours: the `hours` format adds blocks of up to a day (capped by the host's maximum hours per
 * day) until the required hours are reached; `day`, `half_day` and `day_part` get one block.
 * Deterministic: the same input gives the same blocks and ids.
 */
export function planShadowBlocks(input: ShadowPlanInput): ShadowPlanResult {
  const dayParts = input.dayParts ?? DEFAULT_DAY_PART_TIMES;
  const holidays = new Set(input.holidays.map((h) => h.date));
  const byId = placementIndex(input.placements);
  const selected = input.placementIds ? new Set(input.placementIds.map(idKey)) : null;
  const isPlanned = (placementId: PlannerId): boolean => byId.has(idKey(placementId)) && (selected === null || selected.has(idKey(placementId)));

  const kept: ShadowBlock[] = [];
  const replaced: PlannerId[] = [];
  for (const b of input.existingBlocks ?? []) {
    if (b.status === 'proposed' && !input.keepProposed && isPlanned(b.placementId)) replaced.push(b.id);
    else kept.push(b);
  }

  const occupancy = new Occupancy();
  occupancy.addSessions(input.sessionBookings ?? []);
  const keptMinutes = new Map<string, number>();
  const dayUsed = new Map<string, number>(); // placement|date -> minutes, for the max per day
  for (const b of kept) {
    const p = byId.get(idKey(b.placementId));
    const interval = { start: toMinutes(b.startTime), end: toMinutes(b.endTime), blockId: b.id };
    if (p) {
      occupancy.add(`${idKey(p.participantId)}`, b.date, interval);
      if (p.mentorId !== null) occupancy.add(`${idKey(p.mentorId)}`, b.date, interval);
    }
    keptMinutes.set(idKey(b.placementId), (keptMinutes.get(idKey(b.placementId)) ?? 0) + blockMinutes(b));
    const dk = `${idKey(b.placementId)}|${b.date}`;
    dayUsed.set(dk, (dayUsed.get(dk) ?? 0) + blockMinutes(b));
  }

  const order = input.placements.filter((p) => isPlanned(p.id)).slice().sort((a, b) => {
    const pa = a.preparation ? `${a.preparation.date} ${a.preparation.endTime}` : '';
    const pb = b.preparation ? `${b.preparation.date} ${b.preparation.endTime}` : '';
    if (pa !== pb) return pa < pb ? -1 : 1;
    if (a.windowStart !== b.windowStart) return a.windowStart < b.windowStart ? -1 : 1;
    return compareIds(a.id, b.id);
  });

  const proposed: ShadowBlock[] = [];
  const plans: PlacementPlan[] = [];
  for (const p of order) {
    const target = targetMinutes(p, dayParts);
    const already = keptMinutes.get(idKey(p.id)) ?? 0;
    const isVisit = p.format !== 'hours';
    let remaining = isVisit ? (already > 0 ? 0 : target) : Math.max(0, target - already);
    const fresh: ShadowBlock[] = [];
    const problems: PlannerMessage[] = [];
    const preflight = preflightProblems(p);
    if (preflight.length > 0) problems.push(...preflight);
    else if (remaining > 0) {
      const blocked = { holiday: 0, busy: 0, session: 0, maxPerDay: 0 };
      let date = firstPossibleDate(p);
      while (remaining > 0 && date <= p.windowEnd) {
        const slot = slotOnDay(p, date, remaining, { dayParts, holidays, occupancy, dayUsed }, isVisit, blocked);
        if (slot) {
          const block: ShadowBlock = {
            id: `proposed:${String(p.id)}:${fresh.length + 1}`,
            placementId: p.id,
            date,
            startTime: fromMinutes(slot.start),
            endTime: fromMinutes(slot.end),
            status: 'proposed',
          };
          fresh.push(block);
          const interval = { start: slot.start, end: slot.end, blockId: block.id };
          occupancy.add(`${idKey(p.participantId)}`, date, interval);
          if (p.mentorId !== null) occupancy.add(`${idKey(p.mentorId)}`, date, interval);
          const dk = `${idKey(p.id)}|${date}`;
          dayUsed.set(dk, (dayUsed.get(dk) ?? 0) + slot.end - slot.start);
          remaining -= slot.end - slot.start;
        }
        date = addDays(date, 1);
      }
      if (remaining > 0) problems.push(shortfallProblem(p, remaining, blocked));
    }
    proposed.push(...fresh);
    const proposedMinutes = fresh.reduce((s, b) => s + blockMinutes(b), 0);
    const missing = isVisit ? (already > 0 || fresh.length > 0 ? 0 : target) : Math.max(0, target - already - proposedMinutes);
    plans.push({
      placementId: p.id,
      participantId: p.participantId,
      requiredHours: hoursOf(target),
      keptHours: hoursOf(already),
      proposedHours: hoursOf(proposedMinutes),
      missingHours: hoursOf(missing),
      isFullyPlanned: missing === 0,
      problems: missing === 0 ? [] : problems,
    });
  }

  const blocks = [...kept, ...proposed].sort(compareBlocks);
  return {
    blocks,
    proposed,
    replacedBlockIds: replaced,
    placements: plans,
    fullyPlanned: plans.filter((p) => p.isFullyPlanned).length,
    missingHours: hoursOf(plans.reduce((s, p) => s + Math.round(p.missingHours * 60), 0)),
  };
}

interface DayState {
  readonly dayParts: DayPartTimes;
  readonly holidays: ReadonlySet<string>;
  readonly occupancy: Occupancy;
  readonly dayUsed: Map<string, number>;
}

/**
 * The block to propose on one day, or null. Tries the whole available stretch first (both halves
 * when they touch), then each half alone, so a busy morning still leaves the afternoon.
 */
function slotOnDay(
  p: PlannerPlacement,
  date: string,
  remaining: number,
  s: DayState,
  isVisit: boolean,
  blocked: { holiday: number; busy: number; session: number; maxPerDay: number },
): { start: number; end: number } | null {
  if (s.holidays.has(date)) {
    blocked.holiday++;
    return null;
  }
  const participant = availabilitySet(p.participantAvailability);
  const host = availabilitySet(p.hostAvailability);
  const prepEnd = p.preparation && p.preparation.date === date ? toMinutes(p.preparation.endTime) : -1;
  const halves = (['am', 'pm'] as const).filter((h) => {
    const part = dayPartOf(date, h);
    return participant.has(part) && host.has(part) && toMinutes(s.dayParts[h].start) >= prepEnd;
  });
  if (halves.length === 0) return null;
  const cap = p.maxHoursPerDay === null ? Number.POSITIVE_INFINITY : Math.round(p.maxHoursPerDay * 60);
  const usedToday = s.dayUsed.get(`${idKey(p.id)}|${date}`) ?? 0;
  const room = cap - usedToday;
  if (room <= 0) {
    blocked.maxPerDay++;
    return null;
  }

  const candidates: { start: number; end: number; isWholeDay: boolean }[] = [];
  const touching = halves.length === 2 && s.dayParts.am.end === s.dayParts.pm.start;
  if (touching) candidates.push({ start: toMinutes(s.dayParts.am.start), end: toMinutes(s.dayParts.pm.end), isWholeDay: true });
  for (const h of halves) candidates.push({ start: toMinutes(s.dayParts[h].start), end: toMinutes(s.dayParts[h].end), isWholeDay: false });

  for (const c of candidates) {
    if (p.format === 'day' && !c.isWholeDay) continue;
    if ((p.format === 'half_day' || p.format === 'day_part') && c.isWholeDay) continue;
    const length = isVisit ? remaining : Math.min(c.end - c.start, room, remaining);
    const end = c.start + Math.min(length, c.end - c.start);
    if (isVisit && length > room) {
      blocked.maxPerDay++;
      continue;
    }
    const busy =
      s.occupancy.clash(`${idKey(p.participantId)}`, date, c.start, end) ??
      (p.mentorId !== null ? s.occupancy.clash(`${idKey(p.mentorId)}`, date, c.start, end) : undefined);
    if (busy) {
      if (busy.blockId === null) blocked.session++;
      else blocked.busy++;
      continue;
    }
    return { start: c.start, end };
  }
  return null;
}

/** Problems that make planning pointless until the coordinator fixes the data. */
function preflightProblems(p: PlannerPlacement): PlannerMessage[] {
  const who = nameOr(p.participantName, 'participant', p.participantId);
  const problems: PlannerMessage[] = [];
  if (!isIsoDate(p.windowStart) || !isIsoDate(p.windowEnd) || p.windowEnd < p.windowStart) {
    problems.push({
      code: 'no_exchange_window',
      message: `The exchange window of ${who}'s placement is missing or ends before it starts. Set the exchange start and end dates of the programme or round.`,
      params: { windowStart: p.windowStart, windowEnd: p.windowEnd },
    });
    return problems;
  }
  if (p.preparation && p.preparation.date > p.windowEnd) {
    problems.push({
      code: 'preparation_after_window',
      message: `${who}'s preparation session (${formatDateLong(p.preparation.date)}) is after the exchange window closes (${formatDateLong(p.windowEnd)}). Move ${who} to an earlier session or extend the window.`,
      params: { preparationDate: p.preparation.date, windowEnd: p.windowEnd },
    });
  }
  const participant = availabilitySet(p.participantAvailability);
  const host = availabilitySet(p.hostAvailability);
  if (![...participant].some((part) => host.has(part))) {
    problems.push({
      code: 'no_common_availability',
      message: `${who} and ${nameOr(p.mentorName ?? p.hostName, 'the host', p.hostId)} have no day part in common. Ask one of them for another morning or afternoon and update the availability.`,
    });
  }
  if (p.format === 'hours' && p.requiredHours <= 0) {
    problems.push({
      code: 'no_required_hours',
      message: `No hours are set for ${who}'s placement. Set the required hours of the programme (for example 14) or of the place.`,
    });
  }
  if (p.maxHoursPerDay !== null && p.maxHoursPerDay <= 0) {
    problems.push({
      code: 'no_hours_per_day',
      message: `${nameOr(p.hostName, 'The host', p.hostId)} allows 0 hours per day. Set a maximum of hours per day for this organisation.`,
    });
  }
  return problems;
}

function shortfallProblem(
  p: PlannerPlacement,
  remaining: number,
  blocked: { holiday: number; busy: number; session: number; maxPerDay: number },
): PlannerMessage {
  const who = nameOr(p.participantName, 'participant', p.participantId);
  const reasons: string[] = [];
  if (blocked.busy > 0) reasons.push(`${blocked.busy} day part(s) were already taken by another block of ${who} or the mentor`);
  if (blocked.session > 0) reasons.push(`${blocked.session} day part(s) overlapped a group session of ${who} or the mentor`);
  if (blocked.holiday > 0) reasons.push(`${blocked.holiday} day(s) were holidays`);
  if (blocked.maxPerDay > 0) reasons.push(`the host's maximum hours per day got in the way ${blocked.maxPerDay} time(s)`);
  const why = reasons.length > 0 ? ` (${reasons.join('; ')})` : '';
  return {
    code: 'hours_do_not_fit',
    message: `${hoursOf(remaining)} hour(s) of ${who}'s placement do not fit between ${formatDateLong(firstPossibleDate(p))} and ${formatDateLong(p.windowEnd)}${why}. Extend the exchange window, add day parts to the availability of ${who} or the mentor, or choose another mentor.`,
    params: { missingHours: hoursOf(remaining), from: firstPossibleDate(p), to: p.windowEnd },
  };
}

/**
 * Every rule a block breaks, given all other blocks. Used by the operations below and by the hours
 * ledger. `blocks` may contain `block` itself (same id): it is never compared with itself.
 */
export function checkBlock(block: ShadowBlock, blocks: readonly ShadowBlock[], ctx: ScheduleContext): BlockViolation[] {
  const dayParts = ctx.dayParts ?? DEFAULT_DAY_PART_TIMES;
  const byId = placementIndex(ctx.placements);
  return checkBlockIndexed(block, blocks, byId, new Map(ctx.holidays.map((h) => [h.date, h.name])), dayParts, indexSessionBookings(ctx.sessionBookings));
}

const SESSION_KIND_NAMES: Readonly<Record<SessionBooking['kind'], string>> = { preparation: 'preparation', debrief: 'debrief', intervision: 'intervision' };

/** {@link checkBlock} with prepared lookups, for the ledger that checks every block. */
export function checkBlockIndexed(
  block: ShadowBlock,
  blocks: readonly ShadowBlock[],
  byId: ReadonlyMap<string, PlannerPlacement>,
  holidays: ReadonlyMap<string, string>,
  dayParts: DayPartTimes,
  sessions: SessionIndex = NO_SESSIONS,
): BlockViolation[] {
  const v: BlockViolation[] = [];
  // params carry what the window needs to say the same thing in Dutch or French.
  const add = (rule: BlockRule, severity: 'error' | 'warning', message: string, extra: Partial<BlockViolation> = {}, params: Record<string, string | number | null> = {}): void => {
    v.push({ rule, severity, code: rule, message, blockId: block.id, ...extra, params: { date: block.date, startTime: block.startTime, endTime: block.endTime, ...params } });
  };
  const p = byId.get(idKey(block.placementId));
  if (!p) {
    add('invalid_block', 'error', `This block belongs to a placement that no longer exists. Delete the block.`);
    return v;
  }
  if (!isIsoDate(block.date) || !isTime(block.startTime) || !isTime(block.endTime) || block.endTime <= block.startTime) {
    add('invalid_block', 'error', `A block needs a real date (YYYY-MM-DD) and an end time after its start time (HH:MM). Correct the date or times.`);
    return v;
  }
  const who = nameOr(p.participantName, 'participant', p.participantId);
  const when = formatDateLong(block.date);
  if (block.date < p.windowStart || block.date > p.windowEnd) {
    add('outside_window', 'error', `${when} is outside the exchange window (${formatDateLong(p.windowStart)} to ${formatDateLong(p.windowEnd)}). Move the block into the window or extend the window.`, {}, { windowStart: p.windowStart, windowEnd: p.windowEnd });
  }
  const holiday = holidays.get(block.date);
  if (holiday !== undefined) {
    add('on_holiday', 'error', `${when} is a holiday (${holiday}). Move the block to another day.`, {}, { holiday });
  }
  if (p.preparation && `${block.date} ${block.startTime}` < `${p.preparation.date} ${p.preparation.endTime}`) {
    add('before_preparation', 'error', `${who} shadows on ${when}, before the preparation session of ${formatDateLong(p.preparation.date)}. Move the block after the session or move ${who} to an earlier session.`, {}, { name: who, preparationDate: p.preparation.date, preparationEnd: p.preparation.endTime });
  }
  const start = toMinutes(block.startTime);
  const end = toMinutes(block.endTime);
  let sameDay = end - start;
  const ownKey = idKey(block.id);
  const placementKey = idKey(p.id);
  const participantKey = idKey(p.participantId);
  for (const other of blocks) {
    if (other.date !== block.date || idKey(other.id) === ownKey) continue;
    const op = byId.get(idKey(other.placementId));
    if (!op) continue;
    if (idKey(op.id) === placementKey) sameDay += blockMinutes(other);
    const overlaps = toMinutes(other.startTime) < end && start < toMinutes(other.endTime);
    if (!overlaps) continue;
    // One person, one calendar: someone who shadows elsewhere cannot mentor at the same time.
    const otherPeople = [idKey(op.participantId), ...(op.mentorId !== null ? [idKey(op.mentorId)] : [])];
    if (otherPeople.includes(participantKey)) {
      add('participant_double_booked', 'error', `${who} is booked twice on ${when} (${block.startTime}-${block.endTime} and ${other.startTime}-${other.endTime}). Move one of the two blocks.`, { otherBlockId: other.id }, { name: who, otherStart: other.startTime, otherEnd: other.endTime });
    }
    if (p.mentorId !== null && otherPeople.includes(idKey(p.mentorId))) {
      add('mentor_double_booked', 'error', `Mentor ${nameOr(p.mentorName, 'mentor', p.mentorId)} is booked twice on ${when} (${block.startTime}-${block.endTime} and ${other.startTime}-${other.endTime}). Move one of the two blocks or give one participant another mentor.`, { otherBlockId: other.id }, { name: nameOr(p.mentorName, 'mentor', p.mentorId), otherStart: other.startTime, otherEnd: other.endTime });
    }
  }
  // A group session the participant or the mentor attends is a booking too.
  const sessionClash = (personId: PlannerId, rule: 'participant_double_booked' | 'mentor_double_booked', name: string): void => {
    for (const s of sessions.get(`${idKey(personId)}|${block.date}`) ?? []) {
      if (!(toMinutes(s.startTime) < end && start < toMinutes(s.endTime))) continue;
      // The participant's own preparation session is already reported as before_preparation.
      const isOwnPreparation = rule === 'participant_double_booked' && s.kind === 'preparation' && p.preparation !== null && p.preparation.date === s.date && p.preparation.endTime === s.endTime;
      if (isOwnPreparation) continue;
      const kind = SESSION_KIND_NAMES[s.kind];
      const role = rule === 'mentor_double_booked' ? 'Mentor ' : '';
      add(
        rule,
        'error',
        `${role}${name} has the ${kind} session '${s.title}' from ${s.startTime} to ${s.endTime} on ${when}, during this block (${block.startTime}-${block.endTime}); move the block, or move ${name} to another ${kind} session.`,
        { sessionId: s.sessionId },
        { name, otherStart: s.startTime, otherEnd: s.endTime, sessionId: s.sessionId, sessionTitle: s.title, sessionKind: s.kind },
      );
    }
  };
  if (sessions.size > 0) {
    sessionClash(p.participantId, 'participant_double_booked', who);
    if (p.mentorId !== null && idKey(p.mentorId) !== participantKey) sessionClash(p.mentorId, 'mentor_double_booked', nameOr(p.mentorName, 'mentor', p.mentorId));
  }
  if (p.maxHoursPerDay !== null && sameDay > Math.round(p.maxHoursPerDay * 60)) {
    add('over_max_hours_per_day', 'error', `${who} would be at ${nameOr(p.hostName, 'the host', p.hostId)} for ${hoursOf(sameDay)} hours on ${when}; the host allows at most ${p.maxHoursPerDay}. Shorten the block or split it over two days.`, {}, { name: who, host: nameOr(p.hostName, 'the host', p.hostId), hours: hoursOf(sameDay), maxHours: p.maxHoursPerDay });
  }
  const halves: DayHalf[] = halvesOverlapped(dayParts, start, end);
  const participant = availabilitySet(p.participantAvailability);
  const host = availabilitySet(p.hostAvailability);
  const day = weekdayKey(block.date);
  if (halves.length === 0 || halves.some((h) => !participant.has(dayPartOf(block.date, h)))) {
    add('participant_unavailable', 'warning', `${who} is not usually available on ${day} ${halves.join('/') || block.startTime}. Check with ${who} before confirming.`, {}, { name: who });
  }
  if (halves.length === 0 || halves.some((h) => !host.has(dayPartOf(block.date, h)))) {
    add('host_unavailable', 'warning', `${nameOr(p.mentorName ?? p.hostName, 'the host', p.hostId)} is not usually available on ${day} ${halves.join('/') || block.startTime}. Check with the host before confirming.`, {}, { name: nameOr(p.mentorName ?? p.hostName, 'the host', p.hostId) });
  }
  return v;
}

function operationResult(blocks: ShadowBlock[], changed: ShadowBlock[], ctx: ScheduleContext): BlockOperationResult {
  const violations = changed.flatMap((b) => checkBlock(b, blocks, ctx));
  const errors = violations.filter((x) => x.severity === 'error');
  const warnings = violations.filter((x) => x.severity === 'warning');
  if (errors.length > 0) return { ok: false, errors, warnings };
  return { ok: true, blocks: blocks.slice().sort(compareBlocks), changed, warnings };
}

function notFound(blockId: PlannerId): BlockOperationResult {
  return {
    ok: false,
    errors: [{ rule: 'invalid_block', severity: 'error', code: 'block_not_found', message: 'This block no longer exists. Reload the schedule and try again.', blockId }],
    warnings: [],
  };
}

/**
 * Accept a proposed block: the coordinator, participant and host agreed. Refused when the block
 * breaks a rule (for example another block took the mentor's time since it was proposed).
 */
export function acceptBlock(blocks: readonly ShadowBlock[], blockId: PlannerId, ctx: ScheduleContext): BlockOperationResult {
  const b = blocks.find((x) => idKey(x.id) === idKey(blockId));
  if (!b) return notFound(blockId);
  if (b.status === 'done') return { ok: true, blocks, changed: [], warnings: [] };
  const accepted: ShadowBlock = { ...b, status: 'accepted' };
  return operationResult(blocks.map((x) => (x === b ? accepted : x)), [accepted], ctx);
}

/** Move a block to another date and/or time. Done blocks cannot move: they happened. */
export function moveBlock(
  blocks: readonly ShadowBlock[],
  blockId: PlannerId,
  to: { readonly date: string; readonly startTime: string; readonly endTime: string },
  ctx: ScheduleContext,
): BlockOperationResult {
  const b = blocks.find((x) => idKey(x.id) === idKey(blockId));
  if (!b) return notFound(blockId);
  if (b.status === 'done') {
    return {
      ok: false,
      errors: [{ rule: 'invalid_block', severity: 'error', code: 'block_done', message: 'This block is marked as done, so it cannot move. Mark it as not done first if it did not take place.', blockId }],
      warnings: [],
    };
  }
  const moved: ShadowBlock = { ...b, date: to.date, startTime: to.startTime, endTime: to.endTime };
  return operationResult(blocks.map((x) => (x === b ? moved : x)), [moved], ctx);
}

/**
 * Split a block in two at `atTime` (strictly inside it). The first part keeps the id; the second
 * gets `newBlockId` (ids come from the caller). Each part must last at least `minMinutes` (30).
 * Typical use: split, then move the second part to another day.
 */
export function splitBlock(
  blocks: readonly ShadowBlock[],
  blockId: PlannerId,
  atTime: string,
  newBlockId: PlannerId,
  ctx: ScheduleContext,
  minMinutes = 30,
): BlockOperationResult {
  const b = blocks.find((x) => idKey(x.id) === idKey(blockId));
  if (!b) return notFound(blockId);
  const at = isTime(atTime) ? toMinutes(atTime) : -1;
  if (at - toMinutes(b.startTime) < minMinutes || toMinutes(b.endTime) - at < minMinutes) {
    return {
      ok: false,
      errors: [{
        rule: 'invalid_block',
        severity: 'error',
        code: 'split_outside_block',
        message: `Split between ${fromMinutes(toMinutes(b.startTime) + minMinutes)} and ${fromMinutes(toMinutes(b.endTime) - minMinutes)}: each part must last at least ${minMinutes} minutes.`,
        blockId,
      }],
      warnings: [],
    };
  }
  if (blocks.some((x) => idKey(x.id) === idKey(newBlockId))) {
    return {
      ok: false,
      errors: [{ rule: 'invalid_block', severity: 'error', code: 'duplicate_block_id', message: 'The new block needs an id that is not in use yet.', blockId }],
      warnings: [],
    };
  }
  const first: ShadowBlock = { ...b, endTime: fromMinutes(at) };
  const second: ShadowBlock = { ...b, id: newBlockId, startTime: fromMinutes(at) };
  const next = blocks.flatMap((x) => (x === b ? [first, second] : [x]));
  return operationResult(next, [first, second], ctx);
}

/**
 * The first free slot for a placement from `fromDate` on, of up to `minutes` (default: what one
 * block of this placement holds), as the fix suggested for a conflicting block. Null when nothing
 * fits in the window.
 */
export function findFreeSlot(
  placementId: PlannerId,
  blocks: readonly ShadowBlock[],
  ctx: ScheduleContext,
  options: { readonly fromDate?: string; readonly minutes?: number; readonly ignoreBlockId?: PlannerId } = {},
): { date: string; startTime: string; endTime: string } | null {
  const dayParts = ctx.dayParts ?? DEFAULT_DAY_PART_TIMES;
  const byId = placementIndex(ctx.placements);
  const p = byId.get(idKey(placementId));
  if (!p || !isIsoDate(p.windowStart) || !isIsoDate(p.windowEnd)) return null;
  const occupancy = new Occupancy();
  occupancy.addSessions(ctx.sessionBookings ?? []);
  const dayUsed = new Map<string, number>();
  for (const b of blocks) {
    if (options.ignoreBlockId !== undefined && idKey(b.id) === idKey(options.ignoreBlockId)) continue;
    const op = byId.get(idKey(b.placementId));
    if (!op) continue;
    const interval = { start: toMinutes(b.startTime), end: toMinutes(b.endTime), blockId: b.id };
    occupancy.add(`${idKey(op.participantId)}`, b.date, interval);
    if (op.mentorId !== null) occupancy.add(`${idKey(op.mentorId)}`, b.date, interval);
    const dk = `${idKey(op.id)}|${b.date}`;
    dayUsed.set(dk, (dayUsed.get(dk) ?? 0) + blockMinutes(b));
  }
  const isVisit = p.format !== 'hours';
  const minutes = options.minutes ?? targetMinutes(p, dayParts);
  const state: DayState = { dayParts, holidays: new Set(ctx.holidays.map((h) => h.date)), occupancy, dayUsed };
  const blocked = { holiday: 0, busy: 0, session: 0, maxPerDay: 0 };
  for (let date = maxIso(firstPossibleDate(p), options.fromDate ?? ''); date <= p.windowEnd; date = addDays(date, 1)) {
    const slot = slotOnDay(p, date, minutes, state, isVisit, blocked);
    // A slot for an existing block must hold all of it: moving there must not lose hours.
    if (slot && (options.minutes === undefined || slot.end - slot.start >= minutes)) return { date, startTime: fromMinutes(slot.start), endTime: fromMinutes(slot.end) };
  }
  return null;
}
