import { z } from 'zod';
import { IdSchema } from '../schemas/common.schema';
import { ImportCommitInputSchema, ImportPreviewInputSchema, ImportPreviewSchema, ImportRecordSchema } from '../schemas/import.schema';

/**
 * The import channels of the IPC contract. Merged into the one contract object in contract.ts;
 * every channel is still declared exactly once.
 */
export const importContract = {
  /** Read a file (or refine an earlier preview) and show what an import would do; writes nothing. */
  'import.preview': { input: ImportPreviewInputSchema, output: ImportPreviewSchema },
  /** Commit a preview in one transaction, after a backup; remembers the confirmed mapping. */
  'import.commit': { input: ImportCommitInputSchema, output: ImportRecordSchema },
  /** The imports of a programme, newest first. */
  'import.history': { input: z.object({ programmeId: IdSchema }).strict(), output: z.array(ImportRecordSchema) },
  /** Undo an import: what it created is removed and what it changed is put back. */
  'import.undo': { input: z.object({ id: IdSchema }).strict(), output: ImportRecordSchema },
} as const;
