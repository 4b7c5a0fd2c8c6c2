import { z } from 'zod';
import { IdSchema } from './common.schema';

/** Which programmes to look at: one, or all of them when absent. */
export const RetentionScopeSchema = z.object({ programmeId: IdSchema.optional() }).strict();
export type RetentionScope = z.infer<typeof RetentionScopeSchema>;

/**
 * Where a programme stands: no retention period set, no end date known (both: never purged),
 * still within its period, expired with personal data to purge, or expired and already purged.
 */
export const RETENTION_STATUSES = ['no_period', 'no_end_date', 'kept', 'expired', 'purged'] as const;
export const RetentionStatusSchema = z.enum(RETENTION_STATUSES);
export type RetentionStatus = z.infer<typeof RetentionStatusSchema>;

export const RetentionCountsSchema = z.object({
  /** People who take part only in expired programmes: erased everywhere. */
  peopleToErase: z.number().int(),
  /** People also in a programme that is not expired: they stay, but lose the expired programme's links. */
  peopleToUnlink: z.number().int(),
  applications: z.number().int(),
  placements: z.number().int(),
});
export type RetentionCounts = z.infer<typeof RetentionCountsSchema>;

export const RetentionProgrammeSchema = z.object({
  programmeId: IdSchema,
  name: z.string(),
  retentionMonths: z.number().int().nullable(),
  /** The latest date the programme knows of (see retention.service.ts for the rule), YYYY-MM-DD. */
  endedOn: z.string().nullable(),
  /** The last day its personal data is kept: endedOn plus retentionMonths. */
  keptUntil: z.string().nullable(),
  status: RetentionStatusSchema,
  /** What a purge would remove for this programme alone (zero unless expired). */
  counts: RetentionCountsSchema,
});
export type RetentionProgramme = z.infer<typeof RetentionProgrammeSchema>;

/** The dry run: every programme in scope, and what a purge would remove in total. */
export const RetentionPreviewSchema = z.object({
  asOf: z.string(),
  programmes: z.array(RetentionProgrammeSchema),
  total: RetentionCountsSchema,
});
export type RetentionPreview = z.infer<typeof RetentionPreviewSchema>;

export const RetentionPurgeResultSchema = z.object({
  asOf: z.string(),
  purgedProgrammeIds: z.array(IdSchema),
  erased: z.number().int(),
  unlinked: z.number().int(),
  applicationsRemoved: z.number().int(),
  placementsRemoved: z.number().int(),
  backupsCleaned: z.number().int(),
});
export type RetentionPurgeResult = z.infer<typeof RetentionPurgeResultSchema>;
