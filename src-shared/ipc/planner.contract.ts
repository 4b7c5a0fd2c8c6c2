import { z } from 'zod';
import { IdSchema } from '../schemas/common.schema';
import {
  AssignResultSchema,
  AttendanceInputSchema,
  BlockMoveSchema,
  BlockOperationResultSchema,
  BlockSplitSchema,
  BlockStatusInputSchema,
  ClosedPeriodInputSchema,
  ClosedPeriodSchema,
  IcsExportInputSchema,
  IcsExportResultSchema,
  LedgerSchema,
  PhaseUpdateSchema,
  PlanInputSchema,
  PlanResultSchema,
  ProgrammeTasksSchema,
  ScheduleSchema,
  SessionInputSchema,
  SessionListSchema,
  SessionSchema,
  SessionUpdateSchema,
  TimePathSchema,
} from '../schemas/planner.schema';

const ByProgramme = z.object({ programmeId: IdSchema }).strict();

/**
 * The planner channels of the IPC contract. Merged into the one contract object in contract.ts;
 * every channel is still declared exactly once.
 */
export const plannerContract = {
  /** The programme's time path (template per kind, the coordinator's dates win), where it stands and the deadlines. */
  'planner.timePath': { input: ByProgramme, output: TimePathSchema },
  /** Change the dates of one phase, or both null to go back to the template. Exchange phases also move the exchange window. */
  'planner.phaseUpdate': { input: PhaseUpdateSchema, output: TimePathSchema },
  /** The group sessions with who attends, and who still has no session of a kind they need (and why). */
  'planner.sessions': { input: ByProgramme, output: SessionListSchema },
  /** Add a preparation, debrief or intervision session. */
  'planner.sessionCreate': { input: SessionInputSchema, output: SessionSchema },
  /** Change a session; people already assigned stay assigned. */
  'planner.sessionUpdate': { input: SessionUpdateSchema, output: SessionSchema },
  /** Delete a session with its attendance list. */
  'planner.sessionDelete': { input: z.object({ id: IdSchema }).strict(), output: z.object({ id: IdSchema, deleted: z.literal(true) }) },
  /** Assign every participant and mentor with a placement to the sessions they need, within audience and capacity. */
  'planner.sessionsAssign': { input: ByProgramme, output: AssignResultSchema },
  /** Record attendance (present, absent, excused), assign someone by hand, or remove them with status null. */
  'planner.attendance': { input: AttendanceInputSchema, output: SessionSchema },
  /** Propose shadow blocks for every placement that is not cancelled; with apply, store them (and the session assignment) in one transaction. */
  'planner.plan': { input: PlanInputSchema, output: PlanResultSchema },
  /** The stored blocks with names, the holidays used and the exchange window, for the calendar. */
  'planner.schedule': { input: ByProgramme, output: ScheduleSchema },
  /** The programme's closed periods (school holidays, a host's closure), by start date: the planner avoids every day in them. */
  'planner.closedPeriods': { input: ByProgramme, output: z.array(ClosedPeriodSchema) },
  /** Add a closed period (name, first and last day, at most 366 days). Blocks already in it become 'on_holiday' conflicts in the ledger. */
  'planner.closedPeriodCreate': { input: ClosedPeriodInputSchema, output: ClosedPeriodSchema },
  /** Delete a closed period; its days can be planned again. */
  'planner.closedPeriodDelete': { input: z.object({ id: IdSchema }).strict(), output: z.object({ id: IdSchema, deleted: z.literal(true) }) },
  /** Hours required, planned, done and missing per participant, and every conflict with a fix. */
  'planner.ledger': { input: ByProgramme, output: LedgerSchema },
  /** Move a block; refused with the rule it would break (holiday, double booking, window, ...). */
  'planner.blockMove': { input: BlockMoveSchema, output: BlockOperationResultSchema },
  /** Split a block in two at a time inside it; the second part can then be moved to another day. */
  'planner.blockSplit': { input: BlockSplitSchema, output: BlockOperationResultSchema },
  /** Set a block's status: accepted (checked against every rule), done (it took place) or proposed. */
  'planner.blockStatus': { input: BlockStatusInputSchema, output: BlockOperationResultSchema },
  /** What the coordinator should do next, per programme (or one): consents, hours, sessions, deadlines. */
  'planner.tasks': { input: z.object({ programmeId: IdSchema.optional() }).strict(), output: z.array(ProgrammeTasksSchema) },
  /** Write .ics calendars (per programme and per person) into a folder; logged in the audit log. */
  'planner.exportIcs': { input: IcsExportInputSchema, output: IcsExportResultSchema },
} as const;
