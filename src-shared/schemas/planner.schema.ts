import { z } from 'zod';
import { IdSchema, IsoDateSchema, TimeSchema } from './common.schema';

/*
 * The planner's shapes on the bridge: time path, group sessions, shadow blocks, the hours ledger,
 * dashboard tasks and the calendar export. Messages from the domain are English with a `code`
 * and `params`, so the window can show them in Dutch or French instead.
 */

const ShortText = z.string().trim().max(300);
const Params = z.record(z.string(), z.union([z.string(), z.number(), z.null()]));

export const SESSION_KINDS = ['preparation', 'debrief', 'intervision'] as const;
export const SessionKindSchema = z.enum(SESSION_KINDS);
export const AUDIENCE_ROLES = ['participants', 'mentors', 'both'] as const;
export const ATTENDANCE_STATUSES = ['assigned', 'present', 'absent', 'excused'] as const;
export const AttendanceStatusSchema = z.enum(ATTENDANCE_STATUSES);
export const BLOCK_STATUSES = ['proposed', 'accepted', 'done'] as const;
export const BlockStatusSchema = z.enum(BLOCK_STATUSES);

export const PhaseSchema = z.object({
  id: z.string(),
  key: z.string(),
  labels: z.object({ nl: z.string(), fr: z.string(), en: z.string() }),
  starts: IsoDateSchema,
  ends: IsoDateSchema,
  round: z.string().nullable(),
  isDeadline: z.boolean(),
  /** True when the coordinator changed the template's dates. */
  isEdited: z.boolean(),
});
export type Phase = z.infer<typeof PhaseSchema>;

export const TimePathSchema = z.object({
  programmeId: IdSchema,
  today: IsoDateSchema,
  stage: z.enum(['not_started', 'running', 'finished']),
  phases: z.array(PhaseSchema),
  currentPhaseIds: z.array(z.string()),
  nextPhaseId: z.string().nullable(),
  progress: z.number(),
  deadlines: z.array(z.object({ phaseId: z.string(), key: z.string(), round: z.string().nullable(), date: IsoDateSchema, daysLeft: z.number().int(), message: z.string() })),
});
export type TimePath = z.infer<typeof TimePathSchema>;

export const PhaseUpdateSchema = z
  .object({
    programmeId: IdSchema,
    phaseId: z.string().min(1).max(200),
    /** Both null: back to the template's dates. */
    starts: IsoDateSchema.nullable(),
    ends: IsoDateSchema.nullable(),
  })
  .strict()
  .refine((p) => (p.starts === null) === (p.ends === null), { message: 'Give both dates, or neither to go back to the template.', path: ['ends'] })
  .refine((p) => p.starts === null || p.ends === null || p.starts <= p.ends, { message: 'The end date must be on or after the start date.', path: ['ends'] });
export type PhaseUpdate = z.infer<typeof PhaseUpdateSchema>;

const SessionFields = {
  kind: SessionKindSchema,
  title: z.string().trim().min(1, 'Give the session a title.').max(200),
  date: IsoDateSchema,
  startTime: TimeSchema,
  endTime: TimeSchema,
  location: ShortText.default(''),
  /** A network such as KOALA or CIK; null or empty: everyone. */
  audienceNetwork: z.string().trim().max(100).nullable().default(null).transform((n) => (n === null || n === '' ? null : n)),
  audienceRoles: z.enum(AUDIENCE_ROLES).default('both'),
  /** Null: no limit. */
  capacity: z.number().int().positive().max(10_000).nullable().default(null),
};

export const SessionInputSchema = z
  .object({ programmeId: IdSchema, ...SessionFields })
  .strict()
  .refine((s) => s.startTime < s.endTime, { message: 'The session must end after it starts.', path: ['endTime'] });
export type SessionInput = z.input<typeof SessionInputSchema>;
export type SessionCreate = z.output<typeof SessionInputSchema>;

export const SessionUpdateSchema = z
  .object({
    id: IdSchema,
    patch: z
      .object({
        kind: SessionFields.kind,
        title: SessionFields.title,
        date: SessionFields.date,
        startTime: SessionFields.startTime,
        endTime: SessionFields.endTime,
        location: ShortText,
        audienceNetwork: z.string().trim().max(100).nullable().transform((n) => (n === null || n === '' ? null : n)),
        audienceRoles: z.enum(AUDIENCE_ROLES),
        capacity: z.number().int().positive().max(10_000).nullable(),
      })
      .partial()
      .strict(),
  })
  .strict();
export type SessionUpdate = z.output<typeof SessionUpdateSchema>;

export const AttendeeSchema = z.object({
  personId: IdSchema,
  name: z.string(),
  role: z.enum(['participant', 'mentor', 'other']),
  network: z.string().nullable(),
  status: AttendanceStatusSchema,
});

export const SessionSchema = z.object({
  id: IdSchema,
  programmeId: IdSchema,
  kind: SessionKindSchema,
  title: z.string(),
  date: IsoDateSchema,
  startTime: TimeSchema,
  endTime: TimeSchema,
  location: z.string(),
  audienceNetwork: z.string().nullable(),
  audienceRoles: z.enum(AUDIENCE_ROLES),
  capacity: z.number().int().nullable(),
  attendees: z.array(AttendeeSchema),
});
export type Session = z.infer<typeof SessionSchema>;

export const UnassignedSchema = z.object({
  personId: IdSchema,
  name: z.string(),
  role: z.enum(['participant', 'mentor']),
  kind: SessionKindSchema,
  /** sessions_overlap: every session of the kind with room is at the same time as another one of the person's. */
  reason: z.enum(['no_session_of_kind', 'no_session_for_role', 'no_session_for_network', 'sessions_full', 'sessions_overlap']),
  network: z.string().nullable(),
  message: z.string(),
});
export type Unassigned = z.infer<typeof UnassignedSchema>;

/** Someone assigned to two sessions at the same time (by hand, or a session moved afterwards). */
export const SessionOverlapSchema = z.object({
  personId: IdSchema,
  name: z.string(),
  /** The earlier session and the other one. */
  sessionId: IdSchema,
  otherSessionId: IdSchema,
  date: IsoDateSchema,
  message: z.string(),
  /** name, date, first, firstStart, firstEnd, second, secondStart, secondEnd. */
  params: Params,
});
export type SessionOverlap = z.infer<typeof SessionOverlapSchema>;

export const SessionListSchema = z.object({
  sessions: z.array(SessionSchema),
  /** Who still needs a session and why (computed, nothing is written). */
  unassigned: z.array(UnassignedSchema),
  /** People assigned to two overlapping sessions (absent and excused rows do not count). */
  overlaps: z.array(SessionOverlapSchema),
});
export type SessionList = z.infer<typeof SessionListSchema>;

export const AssignResultSchema = z.object({ added: z.number().int(), unassigned: z.array(UnassignedSchema), sessions: z.array(SessionSchema) });

export const AttendanceInputSchema = z.object({ sessionId: IdSchema, personId: IdSchema, status: AttendanceStatusSchema.nullable() }).strict();

export const BlockSchema = z.object({
  id: IdSchema,
  placementId: IdSchema,
  participantId: IdSchema,
  participantName: z.string(),
  mentorId: IdSchema.nullable(),
  mentorName: z.string().nullable(),
  hostName: z.string(),
  date: IsoDateSchema,
  startTime: TimeSchema,
  endTime: TimeSchema,
  status: BlockStatusSchema,
});
export type Block = z.infer<typeof BlockSchema>;

export const HolidaySchema = z.object({ date: IsoDateSchema, name: z.string() });

export const ScheduleSchema = z.object({
  programmeId: IdSchema,
  country: z.enum(['BE', 'NL']),
  regions: z.array(z.string()),
  windowStart: IsoDateSchema.nullable(),
  windowEnd: IsoDateSchema.nullable(),
  blocks: z.array(BlockSchema),
  holidays: z.array(HolidaySchema),
});
export type Schedule = z.infer<typeof ScheduleSchema>;

/** The longest closed period: a year (a host closed for a whole season is one entry, a typo of ten years is not). */
export const CLOSED_PERIOD_MAX_DAYS = 366;

/** The refusals of a closed period's dates; the window recognises them to say them in its language. */
export const CLOSED_PERIOD_MESSAGES = {
  endBeforeStart: 'The end date must be on or after the start date.',
  tooLong: `A closed period lasts at most ${CLOSED_PERIOD_MAX_DAYS} days. Enter longer closures as several periods.`,
} as const;

/** Days from `starts` to `ends` inclusive; both valid `YYYY-MM-DD` dates. */
function inclusiveDays(starts: string, ends: string): number {
  return Math.round((Date.parse(`${ends}T00:00:00Z`) - Date.parse(`${starts}T00:00:00Z`)) / 86_400_000) + 1;
}

/**
 * A period the programme is closed, entered by the coordinator: typically the school holidays of
 * their region (date-holidays has none for BE or NL) or a host's annual closure. Every day in it is
 * treated like a public holiday by the planner.
 */
export const ClosedPeriodSchema = z.object({
  id: IdSchema,
  programmeId: IdSchema,
  name: z.string(),
  starts: IsoDateSchema,
  ends: IsoDateSchema,
  createdAt: z.string(),
});
export type ClosedPeriod = z.infer<typeof ClosedPeriodSchema>;

export const ClosedPeriodInputSchema = z
  .object({
    programmeId: IdSchema,
    name: z.string().trim().min(1, 'Give the period a name, for example Kerstvakantie.').max(100, 'Keep the name to 100 characters.'),
    starts: IsoDateSchema,
    ends: IsoDateSchema,
  })
  .strict()
  .refine((p) => p.starts <= p.ends, { message: CLOSED_PERIOD_MESSAGES.endBeforeStart, path: ['ends'] })
  .refine((p) => p.starts > p.ends || inclusiveDays(p.starts, p.ends) <= CLOSED_PERIOD_MAX_DAYS, { message: CLOSED_PERIOD_MESSAGES.tooLong, path: ['ends'] });
export type ClosedPeriodInput = z.input<typeof ClosedPeriodInputSchema>;
export type ClosedPeriodCreate = z.output<typeof ClosedPeriodInputSchema>;

export const SlotSchema = z.object({ date: IsoDateSchema, startTime: TimeSchema, endTime: TimeSchema });

export const ConflictSchema = z.object({
  rule: z.string(),
  blockId: IdSchema,
  otherBlockId: IdSchema.nullable(),
  /** A block during a group session the participant or mentor attends: that session (otherBlockId is null). */
  sessionId: IdSchema.nullable().optional(),
  placementId: IdSchema,
  participantId: IdSchema,
  participantName: z.string(),
  date: z.string(),
  startTime: z.string(),
  endTime: z.string(),
  message: z.string(),
  /** The values of the message (names, times, the session), for a translated text. */
  params: Params.optional(),
  fix: z.string(),
  suggestedSlot: SlotSchema.nullable(),
});
export type Conflict = z.infer<typeof ConflictSchema>;

export const LedgerRowSchema = z.object({
  participantId: IdSchema,
  participantName: z.string(),
  placementIds: z.array(IdSchema),
  requiredHours: z.number(),
  plannedHours: z.number(),
  doneHours: z.number(),
  missingHours: z.number(),
  isComplete: z.boolean(),
  conflictCount: z.number().int(),
});
export type LedgerRow = z.infer<typeof LedgerRowSchema>;

export const LedgerSchema = z.object({
  programmeId: IdSchema,
  rows: z.array(LedgerRowSchema),
  conflicts: z.array(ConflictSchema),
  totals: z.object({ requiredHours: z.number(), plannedHours: z.number(), doneHours: z.number(), missingHours: z.number(), completeParticipants: z.number().int() }),
});
export type Ledger = z.infer<typeof LedgerSchema>;

export const PlanInputSchema = z.object({ programmeId: IdSchema, apply: z.boolean().default(false) }).strict();

export const PlanProblemSchema = z.object({
  placementId: IdSchema,
  participantId: IdSchema,
  participantName: z.string(),
  missingHours: z.number(),
  code: z.string(),
  message: z.string(),
  params: Params.optional(),
});

export const PlanResultSchema = z.object({
  programmeId: IdSchema,
  isApplied: z.boolean(),
  country: z.enum(['BE', 'NL']),
  regions: z.array(z.string()),
  holidays: z.array(HolidaySchema),
  placements: z.number().int(),
  fullyPlanned: z.number().int(),
  missingHours: z.number(),
  proposedBlocks: z.number().int(),
  replacedBlocks: z.number().int(),
  sessionsAssigned: z.number().int(),
  problems: z.array(PlanProblemSchema),
  conflicts: z.array(ConflictSchema),
  /** The blocks as they are (applied) or would be (preview); new ones have no id yet (0). */
  blocks: z.array(BlockSchema.extend({ id: z.number().int().nonnegative(), isNew: z.boolean() })),
});
export type PlanResult = z.infer<typeof PlanResultSchema>;

export const BlockMoveSchema = z
  .object({ id: IdSchema, date: IsoDateSchema, startTime: TimeSchema, endTime: TimeSchema })
  .strict()
  .refine((b) => b.startTime < b.endTime, { message: 'The block must end after it starts.', path: ['endTime'] });
export const BlockSplitSchema = z.object({ id: IdSchema, at: TimeSchema }).strict();
export const BlockStatusInputSchema = z.object({ id: IdSchema, status: BlockStatusSchema }).strict();

export const BlockOperationResultSchema = z.object({
  changed: z.array(BlockSchema),
  /** Allowed but worth a check (someone is not usually available then). */
  warnings: z.array(z.object({ code: z.string(), message: z.string(), params: Params.optional() })),
});
export type BlockOperationResult = z.infer<typeof BlockOperationResultSchema>;

export const TaskSchema = z.object({
  id: z.string(),
  kind: z.enum(['consent_missing', 'hours_not_planned', 'no_session', 'deadline']),
  severity: z.enum(['high', 'normal']),
  message: z.string(),
  dueDate: IsoDateSchema.nullable(),
  isOverdue: z.boolean(),
  personId: IdSchema.nullable(),
  /** Values for a translated text: name, hours, form, phase labels. */
  params: Params,
});
export type Task = z.infer<typeof TaskSchema>;

export const ProgrammeTasksSchema = z.object({ programmeId: IdSchema, programmeName: z.string(), tasks: z.array(TaskSchema) });
export type ProgrammeTasks = z.infer<typeof ProgrammeTasksSchema>;

export const IcsExportInputSchema = z
  .object({
    programmeId: IdSchema,
    /** An absolute folder; files are only ever written inside it. */
    folder: z.string().trim().min(1, 'Choose a folder.').max(1000),
    scope: z.enum(['programme', 'people', 'both']).default('both'),
  })
  .strict();

export const IcsExportResultSchema = z.object({
  folder: z.string(),
  files: z.array(z.object({ file: z.string(), name: z.string(), kind: z.enum(['programme', 'participant', 'mentor']), events: z.number().int() })),
});
export type IcsExportResult = z.infer<typeof IcsExportResultSchema>;
