import { z } from 'zod';
import { IdSchema } from './common.schema';
import { RunIdSchema } from './progress.schema';
import { CellIssueSchema, ColumnMappingEntrySchema, ImportKindSchema, UnresolvedChoiceSchema } from './import-preview.schema';

/** The file as the window sends it: name and bytes (base64), at most 50 MB of bytes. */
export const ImportFileSchema = z.object({
  fileName: z.string().trim().min(1).max(300),
  contentBase64: z.string().max(70_000_000, 'This file is larger than 50 MB. Split it into smaller files.'),
});

/** Corrections of the proposed mapping: column index → field key, or null to leave a column out. */
export const MappingCorrectionsSchema = z.record(z.string().regex(/^\d{1,3}$/), z.string().max(60).nullable());
/** The coordinator's picks for unresolved choices: folded text key → organisation id. */
export const ChoiceOverridesSchema = z.record(z.string().max(300), IdSchema);

export const ImportPreviewInputSchema = z
  .object({
    programmeId: IdSchema,
    kind: ImportKindSchema,
    /** A new file, or the id of an earlier preview to refine (sheet, mapping, picks). */
    file: ImportFileSchema.optional(),
    previewId: z.string().regex(/^[a-f0-9]{32}$/).optional(),
    sheet: z.string().max(200).optional(),
    mapping: MappingCorrectionsSchema.optional(),
    choiceOverrides: ChoiceOverridesSchema.optional(),
    /** Chosen by the window: the 'import-read' progress events of reading this file carry it. */
    runId: RunIdSchema.optional(),
  })
  .strict()
  .refine((i) => (i.file === undefined) !== (i.previewId === undefined), { message: 'Give either a file or the preview to refine.' });
export type ImportPreviewInput = z.output<typeof ImportPreviewInputSchema>;

export const ImportSummarySchema = z.object({
  rows: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  duplicates: z.number().int(),
  rejected: z.number().int(),
});

export const ImportPreviewSchema = z.object({
  previewId: z.string(),
  fileName: z.string(),
  kind: ImportKindSchema,
  format: z.enum(['xlsx', 'csv']),
  encoding: z.string().nullable(),
  separator: z.string().nullable(),
  sheets: z.array(z.object({ name: z.string(), dataRows: z.number().int(), recognisedHeaders: z.number().int(), isHidden: z.boolean() })),
  /** Set when the coordinator must pick the sheet that holds the table. */
  sheetMessage: z.string().nullable(),
  sheet: z.string().nullable(),
  headerRow: z.number().int().nullable(),
  columns: z.array(ColumnMappingEntrySchema),
  /** Field keys the coordinator can map a column to. */
  fields: z.array(z.string()),
  missingRequired: z.array(z.string()),
  isMappingRemembered: z.boolean(),
  summary: ImportSummarySchema,
  changes: z.array(z.object({ row: z.number().int(), action: z.enum(['create', 'update', 'unchanged']), label: z.string(), fields: z.array(z.string()) })),
  duplicates: z.array(z.object({ email: z.string(), keptRow: z.number().int(), droppedRows: z.array(z.number().int()), message: z.string() })),
  rejected: z.array(CellIssueSchema),
  unresolvedChoices: z.array(UnresolvedChoiceSchema),
  newOrganisations: z.array(z.object({ name: z.string(), rows: z.array(z.number().int()) })),
  canCommit: z.boolean(),
});
export type ImportPreview = z.infer<typeof ImportPreviewSchema>;

export const ImportCommitInputSchema = z
  .object({ previewId: z.string().regex(/^[a-f0-9]{32}$/), mapping: MappingCorrectionsSchema.optional(), choiceOverrides: ChoiceOverridesSchema.optional() })
  .strict();

export const ImportRecordSchema = z.object({
  id: IdSchema,
  programmeId: IdSchema.nullable(),
  kind: ImportKindSchema,
  fileName: z.string(),
  createdAt: z.string(),
  undoneAt: z.string().nullable(),
  summary: ImportSummarySchema,
});
export type ImportRecord = z.infer<typeof ImportRecordSchema>;
