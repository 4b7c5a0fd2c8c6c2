import { z } from 'zod';

/**
 * Shared shapes of the spreadsheet import: what the main process reports to the wizard and the CLI.
 * Pure zod, so the IPC contract can reuse them for `import.preview` / `import.commit`.
 */

/** What a file is imported as. */
export const IMPORT_KINDS = ['organisations', 'participants', 'mentors'] as const;
export const ImportKindSchema = z.enum(IMPORT_KINDS);
export type ImportKind = z.infer<typeof ImportKindSchema>;

/**
 * Why a file was refused before or while parsing. Each reason has its own message for the coordinator;
 * the code is `file_rejected` (src-shared/errors.ts) with `details.reason` set to one of these.
 */
export const FILE_REJECTION_REASONS = [
  'empty_file',
  'file_too_large',
  'unsupported_type',
  'not_a_zip',
  'csv_renamed',
  'truncated',
  'encrypted',
  'legacy_xls',
  'too_many_entries',
  'uncompressed_too_large',
  'compression_ratio',
  'not_a_workbook',
  'dimension_too_large',
  'merge_too_large',
  'too_many_rows',
  'too_many_columns',
  'timeout',
  'out_of_memory',
  'unreadable',
  'no_table',
] as const;
export const FileRejectionReasonSchema = z.enum(FILE_REJECTION_REASONS);
export type FileRejectionReason = z.infer<typeof FileRejectionReasonSchema>;

/** `details` of a `file_rejected` error. `sheet` names the worksheet at fault when there is one. */
export const FileRejectionSchema = z.object({
  reason: FileRejectionReasonSchema,
  message: z.string(),
  sheet: z.string().optional(),
});
export type FileRejection = z.infer<typeof FileRejectionSchema>;

/**
 * Why a cell was refused, as a stable code (src-main/domain/import/normalise.ts). The window writes the
 * reason in the coordinator's language from the code and its params; the CLI prints `message`.
 *  - too_long { max }: text longer than `max` characters
 *  - email, phone, postcode, hours, yes_no, date, language, role, format, website { value }: the cell
 *    text (as quoted in the message, without the quotes) is not one of these
 *  - whole_number_participants, whole_number_places { value, max }: not a whole number from 1 to `max`
 *  - missing_email, missing_name, missing_organisation_name, missing_capacity, missing_hours: a required
 *    value of the row is empty
 */
export const CELL_ISSUE_CODES = [
  'too_long',
  'email',
  'phone',
  'postcode',
  'whole_number_participants',
  'whole_number_places',
  'hours',
  'yes_no',
  'date',
  'language',
  'role',
  'format',
  'website',
  'missing_email',
  'missing_name',
  'missing_organisation_name',
  'missing_capacity',
  'missing_hours',
] as const;
export type CellIssueCode = (typeof CELL_ISSUE_CODES)[number];

/** Values a cell-issue code is written with ({{value}}, {{max}}). */
export const CellIssueParamsSchema = z.record(z.string(), z.union([z.string(), z.number()]));
export type CellIssueParams = z.infer<typeof CellIssueParamsSchema>;

/** One refused cell: the row number and column letter as the sheet shows them, and what to do. */
export const CellIssueSchema = z.object({
  row: z.number().int().positive(),
  /** The header text above the cell, as written in the file. */
  column: z.string(),
  /** Column letter(s) as Excel shows them (A, B, ..., AA); for a row-level issue the first column. */
  columnLetter: z.string(),
  /** One of CELL_ISSUE_CODES; a plain string so an older window shows `message` for a newer code. */
  code: z.string(),
  params: CellIssueParamsSchema.optional(),
  /** The reason in English (the CLI prints it). */
  message: z.string(),
});
export type CellIssue = z.infer<typeof CellIssueSchema>;

/** One column of the file with the field it is proposed (or confirmed) to fill. */
export const ColumnMappingEntrySchema = z.object({
  index: z.number().int().min(0),
  letter: z.string(),
  header: z.string(),
  /** A field key of the import kind (see header-mapping.ts), or null when the column is not imported. */
  field: z.string().nullable(),
  /** 0..1: 1 = exact known header, lower = guessed; 0 when not mapped. */
  confidence: z.number().min(0).max(1),
});
export type ColumnMappingEntry = z.infer<typeof ColumnMappingEntrySchema>;

/** A choice that names no known host, with the nearest host names for the coordinator to pick. */
export const UnresolvedChoiceSchema = z.object({
  text: z.string(),
  /** Folded key: the coordinator's pick is remembered under it (choiceOverrides). */
  key: z.string(),
  rows: z.array(z.number().int().positive()),
  candidates: z.array(z.object({ organisationId: z.number().int().positive(), name: z.string(), distance: z.number() })),
});
export type UnresolvedChoice = z.infer<typeof UnresolvedChoiceSchema>;
