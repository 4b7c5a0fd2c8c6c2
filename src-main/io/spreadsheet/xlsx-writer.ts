import fs from 'node:fs';
import ExcelJS from 'exceljs';

/**
 * Writes exports (placements, participants, hosts) as .xlsx or .csv that partners can open safely.
 *
 * Formula-injection guard (CSV/formula injection, OWASP): a text cell that starts with = + - @, a tab or
 * a carriage return is written with a leading apostrophe ('). Chosen over a zero-width character because
 * it is visible and honest: the cell shows exactly what was typed plus the quote, nothing invisible ends up
 * in copied e-mail addresses or names. In .xlsx every string is also stored as a string cell (never
 * {formula}), so Excel and LibreOffice do not evaluate it on opening; the apostrophe additionally keeps it
 * text when someone edits the cell (F2, Enter) or saves the sheet as CSV. Text that is only a number or a
 * phone number ("+32475123456", "-5") is not guarded: it cannot run anything, and a quote would spoil
 * every phone number in an export.
 */

/** A cell of an export: text, number, yes/no, date or empty. */
export type ExportCell = string | number | boolean | Date | null;

/** One sheet of an export; the first row is usually the header row. */
export interface ExportSheet {
  name: string;
  rows: ExportCell[][];
  /** Column widths in characters, optional. */
  widths?: number[];
}

const RISKY_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?[\d\s./()]+$/;

/** Returns the text a spreadsheet will keep as text; see the module comment for the choice. */
export function guardFormulaText(text: string): string {
  if (!RISKY_START.test(text)) return text;
  if (PLAIN_NUMBER.test(text) && /\d/.test(text)) return text;
  return `'${text}`;
}

function guardCell(cell: ExportCell): ExportCell {
  return typeof cell === 'string' ? guardFormulaText(cell) : cell;
}

/** Excel allows 31 characters and no []:*?/\ in sheet names; duplicates get a number. */
function safeSheetName(name: string, used: Set<string>): string {
  const base = (name.replace(/[[\]:*?/\\]/g, ' ').trim() || 'Sheet').slice(0, 31);
  let candidate = base;
  for (let i = 2; used.has(candidate.toLowerCase()); i++) candidate = `${base.slice(0, 28)} ${i}`;
  used.add(candidate.toLowerCase());
  return candidate;
}

/** Writes `sheets` to an .xlsx file at `file` (bold first row, frozen header). */
export async function writeXlsx(file: string, sheets: readonly ExportSheet[]): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Meeloop';
  const used = new Set<string>();
  for (const sheet of sheets) {
    const ws = workbook.addWorksheet(safeSheetName(sheet.name, used), { views: [{ state: 'frozen', ySplit: 1 }] });
    for (const row of sheet.rows) ws.addRow(row.map(guardCell));
    if (sheet.rows.length > 0) ws.getRow(1).font = { bold: true };
    sheet.widths?.forEach((w, i) => {
      ws.getColumn(i + 1).width = w;
    });
  }
  await workbook.xlsx.writeFile(file);
}

function csvField(cell: ExportCell, separator: string): string {
  if (cell === null) return '';
  const text = cell instanceof Date ? cell.toISOString().slice(0, 10) : typeof cell === 'boolean' ? (cell ? 'TRUE' : 'FALSE') : typeof cell === 'number' ? String(cell) : guardFormulaText(cell);
  return /["\r\n]/.test(text) || text.includes(separator) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Builds CSV text with the same guard. Default ";" and a BOM: what Excel in Belgium and the Netherlands
 * opens correctly with a double click (accents intact, columns split).
 */
export function toCsv(rows: readonly ExportCell[][], separator: ';' | ',' | '\t' = ';', withBom = true): string {
  const body = rows.map((r) => r.map((c) => csvField(c, separator)).join(separator)).join('\r\n');
  return (withBom ? '\uFEFF' : '') + body + '\r\n';
}

/** Writes CSV text to `file`. */
export async function writeCsv(file: string, rows: readonly ExportCell[][], separator: ';' | ',' | '\t' = ';'): Promise<void> {
  await fs.promises.writeFile(file, toCsv(rows, separator), 'utf8');
}
