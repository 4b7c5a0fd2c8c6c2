import { z } from 'zod';
import { IMPORT_KINDS } from '../../src-shared/schemas/import-preview.schema';
import { importFile, previewImport } from '../services/import.service';
import type { ImportPreview, ImportRecord } from '../../src-shared/schemas/import.schema';
import { exportMatchesXlsx } from '../services/export.service';
import { AppError } from '../../src-shared/errors';
import { define, type CommandSpec } from './commands';

const id = (flag: string) => z.string({ message: `give ${flag} ID` }).regex(/^\d+$/, `${flag} takes a number`).transform(Number);

/** Refuses a file whose sheet must be chosen or whose required columns were not recognised, saying what to do. */
function refuseUnusable(sheetMessage: string | null, sheets: string[], missingRequired: string[]): void {
  if (sheetMessage) throw new AppError('invalid_input', `${sheetMessage} Use --sheet with one of: ${sheets.map((s) => `"${s}"`).join(', ')}.`);
  if (missingRequired.length > 0) {
    throw new AppError('invalid_input', `No column was recognised for: ${missingRequired.join(', ')}. Rename the header in the file or import it in the app, where you can map columns by hand.`);
  }
}

/** The import service's refusal before writing (see commitPrepared), in the CLI's words. */
type Refusal = { reason: 'choose_sheet'; sheets: string[] } | { reason: 'missing_required'; missingRequired: string[] };

/** The import commands of the CLI (merged into the command table in command-table.ts). */
export const importCommands: Record<string, CommandSpec> = {
  import: define({
    summary: 'Import a spreadsheet: FILE --programme ID --as organisations|participants|mentors [--sheet NAME] [--dry-run].',
    usage: 'Usage: import FILE --programme ID --as organisations|participants|mentors [--sheet NAME] [--dry-run]',
    options: { programme: { type: 'string' }, as: { type: 'string' }, sheet: { type: 'string' }, 'dry-run': { type: 'boolean' } },
    args: z
      .object({
        programme: id('--programme'),
        as: z.enum(IMPORT_KINDS, { message: '--as must be organisations, participants or mentors' }),
        sheet: z.string().optional(),
        'dry-run': z.boolean().optional(),
        positionals: z.array(z.string()).length(1, 'give the file to import'),
      })
      .passthrough(),
    run: async (ctx, a) => {
      const file = a.positionals[0] as string;
      // A dry run previews; a real import reads, plans and writes in one go (planned once, in the transaction).
      let preview: ImportPreview;
      let committed: ImportRecord | null = null;
      if (a['dry-run']) {
        preview = await previewImport(ctx, { programmeId: a.programme, kind: a.as, sheet: a.sheet, filePath: file });
        refuseUnusable(preview.sheetMessage, preview.sheets.map((s) => s.name), preview.missingRequired);
      } else {
        try {
          ({ preview, record: committed } = await importFile(ctx, { programmeId: a.programme, kind: a.as, filePath: file, ...(a.sheet !== undefined ? { sheet: a.sheet } : {}) }));
        } catch (e) {
          const refusal = e instanceof AppError && e.code === 'invalid_input' ? (e.details as Partial<Refusal> | undefined) : undefined;
          if (refusal?.reason === 'choose_sheet') refuseUnusable((e as AppError).message, refusal.sheets ?? [], []);
          if (refusal?.reason === 'missing_required') refuseUnusable(null, [], refusal.missingRequired ?? []);
          throw e;
        }
      }
      const s = committed?.summary ?? preview.summary;
      const json = {
        dryRun: a['dry-run'] === true,
        importId: committed?.id ?? null,
        sheet: preview.sheet,
        rows: s.rows,
        created: s.created,
        updated: s.updated,
        unchanged: s.unchanged,
        duplicates: s.duplicates,
        duplicateReports: preview.duplicates,
        rejected: preview.rejected.map((r) => ({ row: r.row, column: r.column, columnLetter: r.columnLetter, code: r.code, message: r.message })),
        unresolvedChoices: preview.unresolvedChoices,
        newOrganisations: preview.newOrganisations,
        mapping: preview.columns.filter((c) => c.field !== null).map((c) => ({ column: c.header, field: c.field })),
      };
      const lines = [
        `${a['dry-run'] ? 'Dry run: would import' : 'Imported'} ${s.rows} rows from "${preview.sheet}": ${s.created} new, ${s.updated} updated, ${s.unchanged} unchanged, ${s.duplicates} duplicate, ${s.rejected} rejected.`,
        ...preview.rejected.slice(0, 30).map((r) => `  row ${r.row}, ${r.column} (${r.columnLetter}): ${r.message}`),
        ...preview.unresolvedChoices.slice(0, 30).map((u) => `  unknown host "${u.text}" (rows ${u.rows.join(', ')}); nearest: ${u.candidates.map((c) => c.name).join(', ') || 'none'}`),
      ];
      return { json, text: lines.join('\n') };
    },
  }),
  'export matches-xlsx': define({
    summary: 'Write placements, participants and hosts of a programme to a workbook: --programme ID --out FILE.xlsx',
    usage: 'Usage: export matches-xlsx --programme ID --out FILE.xlsx',
    options: { programme: { type: 'string' }, out: { type: 'string' } },
    args: z.object({ programme: id('--programme'), out: z.string({ message: 'give the file to write with --out' }), positionals: z.array(z.string()).max(0, 'unexpected argument') }).passthrough(),
    run: async (ctx, a) => {
      const r = await exportMatchesXlsx(ctx, a.programme, a.out);
      return { json: { ...r }, text: `Wrote ${r.file}.` };
    },
  }),
};
