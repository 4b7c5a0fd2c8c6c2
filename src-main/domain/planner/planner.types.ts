import type { Availability } from '../../../src-shared/schemas/common.schema';
import type { PlaceFormat } from '../../../src-shared/schemas/place.schema';

/*
 * Plain input and output types of the planner. They mirror the database rows (db/schema.ts) in
 * camelCase so that the planning service maps rows one to one: group_sessions -> PlannerSession,
 * session_attendance -> SessionAssignment, shadow_blocks -> ShadowBlock, a placement joined with its
 * programme/round windows, host organisation and people -> PlannerPlacement.
 * Dates are `YYYY-MM-DD`, times `HH:MM`, both local to the programme (Europe/Brussels or Amsterdam).
 */

/** Database ids (numbers) or keys of proposals not yet stored (strings). `5` and `"5"` differ. */
export type PlannerId = string | number;

/** One weekday half: `mon_am`, `mon_pm`, ... (the shared availability vocabulary). */
export type DayPart = Availability[number];

/** Morning or afternoon. */
export type DayHalf = 'am' | 'pm';

/** A public holiday or another closed day (from io/calendar/holidays.ts, or entered by hand). */
export interface Holiday {
  readonly date: string;
  readonly name: string;
}

/** Clock times of the day parts. Invariant: am.start < am.end <= pm.start < pm.end. */
export interface DayPartTimes {
  readonly am: { readonly start: string; readonly end: string };
  readonly pm: { readonly start: string; readonly end: string };
}

/**
 * Default day parts: 09:00-12:30 and 12:30-16:00, so a whole day is 7 hours and two whole days
 * make the 14 hours of Switching Talent. Lunch with the host team is part of the experience.
 */
export const DEFAULT_DAY_PART_TIMES: DayPartTimes = {
  am: { start: '09:00', end: '12:30' },
  pm: { start: '12:30', end: '16:00' },
};

/** The kinds of group session; same values as group_sessions.kind. */
export type SessionKind = 'preparation' | 'debrief' | 'intervision';

/**
 * One person attending one group session: busy time, like a block. A shadow block of that person
 * at the same time is a double booking, and the planner plans around it. The service makes one per
 * session_attendance row that is not 'excused' or 'absent'.
 */
export interface SessionBooking {
  readonly personId: PlannerId;
  readonly sessionId: PlannerId;
  readonly kind: SessionKind;
  /** The session's title, for messages ("the preparation session 'Voorbereiding KOALA'"). */
  readonly title: string;
  readonly date: string;
  readonly startTime: string;
  readonly endTime: string;
}

/** Status of a shadow block; the same values as shadow_blocks.status. */
export type ShadowBlockStatus = 'proposed' | 'accepted' | 'done';

/** One visit or part of a shadowing: a row of shadow_blocks. */
export interface ShadowBlock {
  /** The database id, or a proposal key `proposed:<placementId>:<n>` until stored. */
  readonly id: PlannerId;
  readonly placementId: PlannerId;
  readonly date: string;
  readonly startTime: string;
  readonly endTime: string;
  readonly status: ShadowBlockStatus;
}

/**
 * A placement as the shadow schedule needs it: who goes where, in which window, how long.
 * The service joins placements, places (format, hours, availability), the host organisation
 * (max_hours_per_day), the mentor and the participant (availability), the programme or round
 * (exchange window, required hours) and the participant's preparation session.
 */
export interface PlannerPlacement {
  readonly id: PlannerId;
  readonly participantId: PlannerId;
  /** Null when the host gives no named mentor; then only the participant can be double-booked. */
  readonly mentorId: PlannerId | null;
  readonly hostId: PlannerId;
  /** `half_day` and `day_part` are one half-day block, `day` one whole-day block, `hours` several blocks. */
  readonly format: PlaceFormat;
  /** Hours to plan for the `hours` format (place hours, else programme required hours, e.g. 14). */
  readonly requiredHours: number;
  /** The exchange window, inclusive. */
  readonly windowStart: string;
  readonly windowEnd: string;
  /** organisations.max_hours_per_day of the host; null: no limit beyond the day parts. */
  readonly maxHoursPerDay: number | null;
  /** Empty: not recorded, read as every weekday (Monday to Friday), morning and afternoon. */
  readonly participantAvailability: readonly DayPart[];
  /** Mentor's availability, narrowed by the place's when both are known. Empty: every weekday. */
  readonly hostAvailability: readonly DayPart[];
  /** The participant's preparation session; no block may start before it ends. Null: none planned. */
  readonly preparation: { readonly date: string; readonly endTime: string } | null;
  /** Names used in messages. */
  readonly participantName?: string;
  readonly mentorName?: string | null;
  readonly hostName?: string;
}

/**
 * A message for a coordinator: `message` says what is wrong and how to fix it (English, with
 * readable dates); `code` and `params` let the UI show it in Dutch or French instead.
 */
export interface PlannerMessage {
  readonly code: string;
  readonly message: string;
  readonly params?: Readonly<Record<string, string | number | null>>;
}
