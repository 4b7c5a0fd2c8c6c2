import { toMinutes } from './calendar-dates';
import { compareIds, hoursOf, idKey, nameOr, targetMinutes } from './planner-keys';
import {
  DEFAULT_DAY_PART_TIMES,
  type PlannerId,
  type PlannerPlacement,
  type ShadowBlock,
} from './planner.types';
import { checkBlockIndexed, findFreeSlot, indexSessionBookings, type BlockRule, type ScheduleContext } from './shadow-schedule';

/*
 * The hours ledger: per participant the hours required, planned (proposed or accepted), done and
 * still missing, and every conflict in the schedule with a suggested fix. A block during a group
 * session its participant or mentor attends (`sessionBookings`) is a double booking too: listed with
 * the session's id and no other block.
 * Invariant: required = sum over the participant's placements of each placement's target;
 * missing = max(0, required - planned - done) per placement, summed (extra hours on one placement
 * never hide missing hours on another).
 */

/** One participant's line in the ledger. Hours have at most two decimals. */
export interface LedgerRow {
  readonly participantId: PlannerId;
  readonly participantName: string;
  readonly placementIds: readonly PlannerId[];
  readonly requiredHours: number;
  /** Proposed and accepted blocks. */
  readonly plannedHours: number;
  /** Blocks marked done. */
  readonly doneHours: number;
  readonly missingHours: number;
  readonly isComplete: boolean;
  readonly conflictCount: number;
}

/** A conflict in the schedule: a broken rule of one block, and a fix. */
export interface LedgerConflict {
  readonly rule: Exclude<BlockRule, 'participant_unavailable' | 'host_unavailable'>;
  readonly blockId: PlannerId;
  readonly placementId: PlannerId;
  readonly participantId: PlannerId;
  /** For double bookings: the other block. Each double booking is listed once. Null for a session. */
  readonly otherBlockId: PlannerId | null;
  /** For a block during a group session the participant or mentor attends: that session. */
  readonly sessionId: PlannerId | null;
  readonly date: string;
  readonly startTime: string;
  readonly endTime: string;
  readonly message: string;
  /** The values of the message, so the window can say it in Dutch or French. */
  readonly params: Readonly<Record<string, string | number | null>>;
  /** What to do, in words. */
  readonly fix: string;
  /** A free slot to move the block to, when one exists (the UI can offer "move here"). */
  readonly suggestedSlot: { readonly date: string; readonly startTime: string; readonly endTime: string } | null;
}

/** Output of {@link buildHoursLedger}. */
export interface HoursLedger {
  readonly rows: readonly LedgerRow[];
  readonly conflicts: readonly LedgerConflict[];
  readonly totals: { readonly requiredHours: number; readonly plannedHours: number; readonly doneHours: number; readonly missingHours: number; readonly completeParticipants: number };
}

/** Input of {@link buildHoursLedger}: the same context as the schedule, plus the stored blocks. */
export interface HoursLedgerInput extends ScheduleContext {
  readonly blocks: readonly ShadowBlock[];
  /** Skip the (slower) search for a free slot per conflict; default false. */
  readonly skipSuggestions?: boolean;
}

/** One collator for all comparisons: `localeCompare` with a locale builds one per call (slow for 2,000 rows). */
const NAME_ORDER = new Intl.Collator('nl');

/** Build the ledger and the conflict list. Rows by participant name then id; conflicts by date. */
export function buildHoursLedger(input: HoursLedgerInput): HoursLedger {
  const dayParts = input.dayParts ?? DEFAULT_DAY_PART_TIMES;
  const byId = new Map(input.placements.map((p) => [idKey(p.id), p]));
  const holidays = new Map(input.holidays.map((h) => [h.date, h.name]));
  const sessions = indexSessionBookings(input.sessionBookings);

  const perPlacement = new Map<string, { planned: number; done: number }>();
  for (const b of input.blocks) {
    const minutes = Math.max(0, toMinutes(b.endTime) - toMinutes(b.startTime));
    const acc = perPlacement.get(idKey(b.placementId)) ?? { planned: 0, done: 0 };
    if (b.status === 'done') acc.done += minutes;
    else acc.planned += minutes;
    perPlacement.set(idKey(b.placementId), acc);
  }

  const conflicts: LedgerConflict[] = [];
  const seenPairs = new Set<string>();
  const conflictsPerParticipant = new Map<string, number>();
  // Only blocks sharing the date and a person can clash: index them so the check stays linear-ish
  // even when hundreds of blocks fall on one day.
  const byPersonDay = new Map<string, ShadowBlock[]>();
  const push = (key: string, b: ShadowBlock): void => {
    const list = byPersonDay.get(key);
    if (list) list.push(b);
    else byPersonDay.set(key, [b]);
  };
  for (const b of input.blocks) {
    const p = byId.get(idKey(b.placementId));
    if (!p) continue;
    // One key space for participants and mentors: a person has one calendar whatever the role.
    push(`${b.date}|${idKey(p.participantId)}`, b);
    if (p.mentorId !== null) push(`${b.date}|${idKey(p.mentorId)}`, b);
  }
  for (const b of input.blocks) {
    const p = byId.get(idKey(b.placementId));
    const nearby = p
      ? [...new Set([...(byPersonDay.get(`${b.date}|${idKey(p.participantId)}`) ?? []), ...(p.mentorId !== null ? byPersonDay.get(`${b.date}|${idKey(p.mentorId)}`) ?? [] : [])])]
      : [];
    const violations = checkBlockIndexed(b, nearby, byId, holidays, dayParts, sessions);
    for (const v of violations) {
      if (v.severity !== 'error' || v.rule === 'participant_unavailable' || v.rule === 'host_unavailable') continue;
      if (v.otherBlockId !== undefined) {
        const pair = [idKey(b.id), idKey(v.otherBlockId)].sort().join('~') + v.rule;
        if (seenPairs.has(pair)) continue;
        seenPairs.add(pair);
      }
      const participantId = p?.participantId ?? b.placementId;
      conflictsPerParticipant.set(idKey(participantId), (conflictsPerParticipant.get(idKey(participantId)) ?? 0) + 1);
      const slot = input.skipSuggestions || !p || v.rule === 'invalid_block'
        ? null
        : findFreeSlot(p.id, input.blocks, input, { ignoreBlockId: b.id, minutes: Math.max(30, toMinutes(b.endTime) - toMinutes(b.startTime)) });
      conflicts.push({
        rule: v.rule,
        blockId: b.id,
        placementId: b.placementId,
        participantId,
        otherBlockId: v.otherBlockId ?? null,
        sessionId: v.sessionId ?? null,
        date: b.date,
        startTime: b.startTime,
        endTime: b.endTime,
        message: v.message,
        params: v.params ?? {},
        fix: fixFor(v.rule, slot, v.sessionId !== undefined),
        suggestedSlot: slot,
      });
    }
  }
  conflicts.sort((x, y) => (x.date !== y.date ? (x.date < y.date ? -1 : 1) : x.startTime !== y.startTime ? (x.startTime < y.startTime ? -1 : 1) : compareIds(x.blockId, y.blockId)));

  const byParticipant = new Map<string, PlannerPlacement[]>();
  for (const p of input.placements) {
    const list = byParticipant.get(idKey(p.participantId));
    if (list) list.push(p);
    else byParticipant.set(idKey(p.participantId), [p]);
  }
  const rows: LedgerRow[] = [];
  for (const [key, placements] of byParticipant) {
    let required = 0;
    let planned = 0;
    let done = 0;
    let missing = 0;
    for (const p of placements) {
      const target = targetMinutes(p, dayParts);
      const acc = perPlacement.get(idKey(p.id)) ?? { planned: 0, done: 0 };
      required += target;
      planned += acc.planned;
      done += acc.done;
      missing += Math.max(0, target - acc.planned - acc.done);
    }
    const first = placements[0];
    if (!first) continue;
    rows.push({
      participantId: first.participantId,
      participantName: nameOr(first.participantName, 'participant', first.participantId),
      placementIds: placements.map((p) => p.id).sort(compareIds),
      requiredHours: hoursOf(required),
      plannedHours: hoursOf(planned),
      doneHours: hoursOf(done),
      missingHours: hoursOf(missing),
      isComplete: missing === 0,
      conflictCount: conflictsPerParticipant.get(key) ?? 0,
    });
  }
  rows.sort((x, y) => (x.participantName !== y.participantName ? NAME_ORDER.compare(x.participantName, y.participantName) : compareIds(x.participantId, y.participantId)));

  const sum = (f: (r: LedgerRow) => number): number => Math.round(rows.reduce((s, r) => s + f(r), 0) * 100) / 100;
  return {
    rows,
    conflicts,
    totals: {
      requiredHours: sum((r) => r.requiredHours),
      plannedHours: sum((r) => r.plannedHours),
      doneHours: sum((r) => r.doneHours),
      missingHours: sum((r) => r.missingHours),
      completeParticipants: rows.filter((r) => r.isComplete).length,
    },
  };
}

function fixFor(rule: LedgerConflict['rule'], slot: { date: string; startTime: string; endTime: string } | null, isSession: boolean): string {
  const move = slot ? `Move the block to ${slot.date} ${slot.startTime}-${slot.endTime}, the first time that suits everyone.` : 'No free time is left in the window: extend the exchange window or add day parts to the availability.';
  switch (rule) {
    case 'outside_window':
      return `${move} Or extend the exchange window of the programme.`;
    case 'on_holiday':
      return move;
    case 'before_preparation':
      return `${move} Or assign the participant to an earlier preparation session.`;
    case 'over_max_hours_per_day':
      return `Split the block and move one part to another day. ${move}`;
    case 'participant_double_booked':
    case 'mentor_double_booked':
      return isSession ? `${move} Or assign the person to another session at a time without a block.` : `${move} Or move the other block.`;
    case 'invalid_block':
      return 'Delete the block or correct its date and times.';
  }
}
