import { z } from 'zod';
import {
  ConsentMarkInputSchema,
  ConsentStateSchema,
  DocumentCancelExportInputSchema,
  DocumentCancelExportResultSchema,
  DocumentExportInputSchema,
  DocumentExportResultSchema,
  DocumentPreviewSchema,
  DocumentRequestSchema,
  DocumentsOverviewInputSchema,
  DocumentsOverviewSchema,
} from '../schemas/documents.schema';

/**
 * The documents channels of the IPC contract. Merged into the one contract object in contract.ts;
 * every channel is still declared exactly once.
 */
export const documentsContract = {
  /** The programme's participants (host, mentor, language, hours, the three consent forms) and hosts, for the Documents screen. */
  'documents.overview': { input: DocumentsOverviewInputSchema, output: DocumentsOverviewSchema },
  /** What the first document of a request says, as layout-neutral blocks, and how many documents an export writes; writes nothing. */
  'documents.preview': { input: DocumentRequestSchema, output: DocumentPreviewSchema },
  /**
   * Write the documents of a request as PDF into the chosen folder (one combined file, one per person
   * or one per document; never overwriting a file). Logged in the audit log; consent forms are marked sent.
   */
  'documents.export': { input: DocumentExportInputSchema, output: DocumentExportResultSchema },
  /**
   * Stop the export started with this run id. Files already written stay, the one being written is
   * removed, and the export answers with `isCancelled: true`.
   */
  'documents.cancelExport': { input: DocumentCancelExportInputSchema, output: DocumentCancelExportResultSchema },
  /** Record a placement's consent forms (one or all three) as returned, refused, sent or not sent; answers the three forms. */
  'documents.markConsents': { input: ConsentMarkInputSchema, output: z.array(ConsentStateSchema) },
} as const;
