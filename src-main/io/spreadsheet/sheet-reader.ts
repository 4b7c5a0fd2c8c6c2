import fs from 'node:fs';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { RawCellValue } from '../../domain/import/cell-values';
import type { SheetRow } from '../../domain/import/sheet-data';
import { rejection } from './xlsx-inspect';
import { PROGRESS_EVERY, SpreadsheetRejected, type ReadOptions, type RowSink, type WorkbookInfo } from './read-options';
import { reorderXlsxParts } from './zip-reorder';

/**
 * Reads an .xlsx file with exceljs's streaming WorkbookReader. Never use the full `Workbook.xlsx`
 * loader for imports: it materialises merged ranges and declared dimensions, and a merge over a whole
 * sheet took 4 GB. The streaming reader only reports cells that are really in the XML; a merged title
 * shows up once, in its top-left cell.
 *
 * Hazard: in streaming mode exceljs meets a sheet's <hyperlinks> only after its cells, so hyperlink cells
 * come through as the text they show ("jan@x.be"), not as {text, hyperlink}; cell-values handles both.
 */

function plainRichText(runs: unknown): { text: string }[] {
  return Array.isArray(runs) ? runs.map((r: { text?: unknown }) => ({ text: typeof r?.text === 'string' ? r.text : '' })) : [];
}

/** Rows of a sheet handed on before the usual batches of PROGRESS_EVERY (more than the header search needs). */
const FIRST_BATCH = 100;

/** Copies an exceljs cell value into the plain RawCellValue shape (no styles, no class instances). */
export function toRawCell(value: unknown): RawCellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value;
  if (typeof value !== 'object') return null;
  const v = value as Record<string, unknown>;
  if ('richText' in v) return { richText: plainRichText(v.richText) };
  if ('formula' in v || 'sharedFormula' in v) {
    const result = v.result;
    const plain = result === undefined || result === null ? null : typeof result === 'object' && !(result instanceof Date) ? toRawCell(result) : (result as string | number | boolean | Date);
    return { formula: String(v.formula ?? v.sharedFormula ?? ''), result: plain as never };
  }
  if ('hyperlink' in v) {
    const text = typeof v.text === 'string' ? v.text : v.text && typeof v.text === 'object' && 'richText' in (v.text as object) ? plainRichText((v.text as { richText: unknown }).richText).map((r) => r.text).join('') : '';
    return { text, hyperlink: String(v.hyperlink ?? '') };
  }
  if ('error' in v) return { error: String(v.error) };
  return null;
}

/**
 * Reads every sheet of an .xlsx file into rows of plain cell values with their real row numbers,
 * handed to `sink` in batches as they are read (the caller keeps them; the reader holds one batch).
 */
export async function readXlsx(file: string, options: ReadOptions, sink: RowSink): Promise<WorkbookInfo> {
  // The pre-parse check has limited the file's size; with the shared strings moved before the
  // worksheets (zip-reorder.ts) the rows stream without a detour through a temporary file.
  const reordered = await reorderXlsxParts(fs.readFileSync(file));
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(reordered ? Readable.from([reordered]) : file, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    // Styles are needed to tell a date cell from a number cell (number formats).
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  // exceljs looks the sheet up in its workbook model as it meets the sheet; when workbook.xml comes
  // later in the zip there is no model yet and it fails ("reading 'sheets'"). An empty model lets it
  // read on, and the names the pre-parse check found name the sheet.
  const model = reader as unknown as { model?: { sheets?: unknown[] } };
  model.model ??= { sheets: [] };
  const expected = options.expectedRows ?? null;
  let totalRows = 0;
  let sheetIndex = 0;
  for await (const worksheet of reader) {
    const ws = worksheet as unknown as { id?: string | number; name?: string; state?: string } & AsyncIterable<ExcelJS.Row>;
    const part = options.sheetParts?.[String(ws.id)];
    // The check read the same workbook.xml; exceljs's own name is a "SheetN" stand-in when it met the sheet first.
    const name = part?.name ?? ws.name ?? `Sheet${sheetIndex + 1}`;
    const isHidden = part ? part.isHidden : ws.state === 'hidden' || ws.state === 'veryHidden';
    let rows: SheetRow[] = [];
    let sheetRows = 0;
    for await (const row of ws) {
      if (options.shouldStop?.()) throw new SpreadsheetRejected(rejection('timeout'));
      const cells: RawCellValue[] = [];
      let hasValue = false;
      row.eachCell({ includeEmpty: false }, (cell, col) => {
        if (col > options.maxColumns) throw new SpreadsheetRejected(rejection('too_many_columns', { sheet: name, limit: String(options.maxColumns) }));
        const raw = toRawCell(cell.value);
        if (raw !== null && raw !== '') hasValue = true;
        cells[col - 1] = raw;
      });
      if (!hasValue) continue;
      if (sheetRows >= options.maxRows) throw new SpreadsheetRejected(rejection('too_many_rows', { sheet: name, limit: options.maxRows.toLocaleString('en') }));
      rows.push({ rowNumber: row.number, cells });
      sheetRows++;
      totalRows++;
      if (totalRows % PROGRESS_EVERY === 0) {
        sink({ sheetIndex, sheetName: name, isHidden, rows });
        rows = [];
        options.onProgress?.(totalRows, expected);
      } else if (sheetRows === FIRST_BATCH) {
        // The first rows go out at once: the header is among them, and the import starts on them.
        sink({ sheetIndex, sheetName: name, isHidden, rows });
        rows = [];
      }
    }
    sink({ sheetIndex, sheetName: name, isHidden, rows });
    sheetIndex++;
  }
  options.onProgress?.(totalRows, expected);
  return { format: 'xlsx' };
}
