import type { ImportKind } from '../../../src-shared/schemas/import-preview.schema';
import { isBlankCell } from './cell-values';
import { headerTexts, recognisedHeaderCount } from './header-mapping';
import type { SheetData, SheetRow, WorkbookData } from './sheet-data';

/**
 * Finds the table in a workbook: which sheet, which row holds the headers (below title rows, merged
 * titles and blank rows), and which rows are data.
 */

/** Only the first rows are searched for headers: a title block is never long, and this keeps it cheap. */
export const HEADER_SEARCH_ROWS = 30;

/** A located table. `rows` are the data rows below the header row, blank rows left out. */
export interface LocatedTable {
  sheetName: string;
  headerRowNumber: number;
  headers: string[];
  rows: SheetRow[];
}

/** One sheet as the coordinator may choose it. */
export interface SheetChoice {
  name: string;
  /** Data rows below the best header row found; 0 when no table was found. */
  dataRows: number;
  /** How many headers of the sheet look like fields of the import kind. */
  recognisedHeaders: number;
  isHidden: boolean;
}

/** The outcome: a table, or the list of sheets when the choice is not obvious, or nothing usable. */
export type LocateResult =
  | { ok: true; table: LocatedTable; sheets: SheetChoice[] }
  | { ok: false; reason: 'choose_sheet'; message: string; sheets: SheetChoice[] }
  | { ok: false; reason: 'no_table' | 'sheet_not_found'; message: string; sheets: SheetChoice[] };

interface Candidate {
  sheet: SheetData;
  headerIndex: number;
  recognised: number;
  filled: number;
}

function nonBlankCount(row: SheetRow): number {
  let n = 0;
  for (const c of row.cells) if (!isBlankCell(c)) n++;
  return n;
}

/**
 * The most likely header row of a sheet: the row among the first rows with the most recognised headers;
 * without any recognised header, the first row with at least two filled cells followed by data (a title
 * row, even a merged one, has one filled cell: exceljs streaming reports a merge only in its top-left cell).
 */
function bestHeader(sheet: SheetData, kind: ImportKind): Candidate | null {
  let best: Candidate | null = null;
  const limit = Math.min(sheet.rows.length, HEADER_SEARCH_ROWS);
  for (let i = 0; i < limit; i++) {
    const row = sheet.rows[i];
    if (!row) continue;
    const filled = nonBlankCount(row);
    if (filled < 2) continue;
    const recognised = recognisedHeaderCount(headerTexts(row.cells), kind);
    if (best === null || recognised > best.recognised) best = { sheet, headerIndex: i, recognised, filled };
  }
  return best;
}

/** The readers already leave blank rows out (SheetRow holds non-empty rows only), so no filtering here. */
function dataRowsBelow(c: Candidate): SheetRow[] {
  return c.sheet.rows.slice(c.headerIndex + 1);
}

/** The header texts of a header row, trailing empty headers dropped (data in columns without a header is ignored). */
function trimmedHeaders(row: SheetRow | undefined): string[] {
  const headers = headerTexts(row?.cells ?? []);
  while (headers.length > 0 && headers[headers.length - 1] === '') headers.pop();
  return headers;
}

/**
 * The header row locateTable would take in this sheet. It depends on the first HEADER_SEARCH_ROWS rows
 * only, so it is known as soon as those rows are read (or the sheet ends): the import maps and
 * normalises the rows below it while the rest of the file is still being read.
 */
export function headerRowOf(sheet: SheetData, kind: ImportKind): { headerIndex: number; headerRowNumber: number; headers: string[] } | null {
  const best = bestHeader(sheet, kind);
  if (!best) return null;
  const row = sheet.rows[best.headerIndex];
  return { headerIndex: best.headerIndex, headerRowNumber: row?.rowNumber ?? 1, headers: trimmedHeaders(row) };
}

/**
 * Locates the table for `kind`. With `sheetName` the coordinator's choice is used; otherwise the
 * visible sheet with the most recognised headers wins, and when two sheets tie the coordinator chooses.
 */
export function locateTable(workbook: WorkbookData, kind: ImportKind, sheetName?: string): LocateResult {
  const candidates = workbook.sheets.map((sheet) => ({ sheet, best: bestHeader(sheet, kind) }));
  const sheets: SheetChoice[] = candidates.map(({ sheet, best }) => ({
    name: sheet.name,
    dataRows: best ? sheet.rows.length - best.headerIndex - 1 : 0,
    recognisedHeaders: best?.recognised ?? 0,
    isHidden: sheet.isHidden,
  }));
  let chosen: Candidate | null = null;
  if (sheetName !== undefined) {
    const match = candidates.find((c) => c.sheet.name === sheetName) ?? candidates.find((c) => c.sheet.name.trim().toLowerCase() === sheetName.trim().toLowerCase());
    if (!match) {
      return { ok: false, reason: 'sheet_not_found', message: `The file has no sheet called "${sheetName}". Choose one of: ${sheets.map((s) => s.name).join(', ')}.`, sheets };
    }
    chosen = match.best;
  } else {
    const usable = candidates
      .filter((c): c is { sheet: SheetData; best: Candidate } => c.best !== null && !c.sheet.isHidden)
      .sort((a, b) => b.best.recognised - a.best.recognised);
    const [first, second] = usable;
    if (first && second && first.best.recognised === second.best.recognised && first.best.recognised > 0) {
      return { ok: false, reason: 'choose_sheet', message: 'Several sheets look like the list to import. Choose the sheet to import.', sheets };
    }
    if (first && first.best.recognised === 0 && second) {
      return { ok: false, reason: 'choose_sheet', message: 'None of the sheets has headers Meeloop recognises. Choose the sheet to import, then match its columns by hand.', sheets };
    }
    chosen = first?.best ?? null;
  }
  if (chosen === null) {
    return { ok: false, reason: 'no_table', message: 'No table found: the file (or this sheet) has no row with column headers. Put the headers in one row above the data and try again.', sheets };
  }
  const headerRow = chosen.sheet.rows[chosen.headerIndex];
  const headers = trimmedHeaders(headerRow);
  return {
    ok: true,
    table: { sheetName: chosen.sheet.name, headerRowNumber: headerRow?.rowNumber ?? 1, headers, rows: dataRowsBelow(chosen) },
    sheets,
  };
}
