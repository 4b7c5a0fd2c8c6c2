import { z } from 'zod';
import { IdSchema } from './common.schema';

export const AppStatusSchema = z.object({
  version: z.string(),
  dbPath: z.string(),
  dataDir: z.string(),
  schemaVersion: z.number().int(),
  /** True until the coordinator chose between the demo and an empty start. */
  isFirstStart: z.boolean(),
  counts: z.object({ programmes: z.number().int(), organisations: z.number().int(), people: z.number().int() }),
});
export type AppStatus = z.infer<typeof AppStatusSchema>;

export const DemoLoadResultSchema = z.object({
  programmes: z.array(z.object({ id: IdSchema, name: z.string(), kind: z.string() })),
  organisations: z.number().int(),
  people: z.number().int(),
  places: z.number().int(),
  applications: z.number().int(),
  isAlreadyLoaded: z.boolean(),
});
export type DemoLoadResult = z.infer<typeof DemoLoadResultSchema>;

export const ProgrammeSummarySchema = z.object({
  id: IdSchema,
  organisations: z.number().int(),
  places: z.number().int(),
  capacity: z.number().int(),
  participants: z.number().int(),
  applications: z.number().int(),
  placements: z.number().int(),
  sessions: z.number().int(),
});
export type ProgrammeSummary = z.infer<typeof ProgrammeSummarySchema>;
