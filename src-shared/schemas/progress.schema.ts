import { z } from 'zod';

/** The long tasks that report progress: reading an import file, writing a documents export. */
export const PROGRESS_TASKS = ['import-read', 'documents-export'] as const;
export const ProgressTaskSchema = z.enum(PROGRESS_TASKS);
export type ProgressTask = z.infer<typeof ProgressTaskSchema>;

/**
 * Chosen by the window for one run of a task (a random UUID) and sent with the request, so that the
 * window can tell its own progress events apart and cancel that run. Never a path or a name.
 */
export const RunIdSchema = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'The run id must be 8 to 64 letters, digits, "-" or "_".');
export type RunId = z.infer<typeof RunIdSchema>;

/**
 * Progress of one run: `done` of `total` units (documents written, rows read). `total` is null when it
 * is not known in advance (a CSV file, a sheet without a declared size). The last event of a finished
 * run has `done === total`.
 */
export const ProgressEventSchema = z.object({
  task: ProgressTaskSchema,
  runId: RunIdSchema,
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative().nullable(),
});
export type ProgressEvent = z.infer<typeof ProgressEventSchema>;
