import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import type { SheetRow } from '../../domain/import/sheet-data';
import { PROGRESS_EVERY, SpreadsheetRejected, type ReadOptions, type RowSink, type WorkbookInfo } from './read-options';
import { rejection } from './xlsx-inspect';

/**
 * Reads a .csv file: encoding (UTF-8, UTF-8 with BOM, Windows-1252) and separator (, ; tab) detected.
 * Belgian and Dutch Excel saves "CSV" with ";" and Windows-1252, Google Sheets with "," and UTF-8.
 */

/** Decodes bytes: BOM → UTF-8; valid UTF-8 → UTF-8; anything else → Windows-1252 (never fails). */
export function decodeCsvBytes(bytes: Uint8Array): { text: string; encoding: 'utf-8' | 'utf-8-bom' | 'windows-1252' } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8-bom' };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252' };
  }
}

const CANDIDATES = [';', ',', '\t'] as const;

function countOutsideQuotes(line: string, sep: string): number {
  let n = 0;
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === sep) n++;
  }
  return n;
}

/**
 * Picks the separator that splits the first lines into the same, largest number of fields.
 * A ";" file with decimal commas ("2,5") has varying comma counts but steady semicolons, so consistency
 * counts before size.
 */
export function detectSeparator(text: string): ';' | ',' | '\t' {
  const lines = text.split(/\r\n|\n|\r/).filter((l) => l.trim() !== '').slice(0, 20);
  let best: { sep: ';' | ',' | '\t'; score: number } = { sep: ',', score: -1 };
  for (const sep of CANDIDATES) {
    const counts = lines.map((l) => countOutsideQuotes(l, sep));
    const max = Math.max(0, ...counts);
    if (max === 0) continue;
    // Title lines above the header have no separators; judge from the most common count.
    const freq = new Map<number, number>();
    for (const c of counts) if (c > 0) freq.set(c, (freq.get(c) ?? 0) + 1);
    const [mode, modeFreq] = [...freq.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0] ?? [0, 0];
    const score = modeFreq * 1000 + mode;
    if (score > best.score) best = { sep, score };
  }
  return best.sep;
}

/** Parses CSV text (already decoded) into rows numbered as Excel would show them after opening. */
export function parseCsvText(text: string, options: ReadOptions, name = 'CSV'): { rows: SheetRow[]; separator: ';' | ',' | '\t' } {
  let body = text.replace(/^\uFEFF/, '');
  let offset = 0;
  let separator: ';' | ',' | '\t';
  // Excel's own hint line "sep=;" is hidden by Excel; rows are numbered after it.
  const hint = /^sep=(.)\r?\n/i.exec(body);
  if (hint && (hint[1] === ';' || hint[1] === ',' || hint[1] === '\t')) {
    separator = hint[1];
    body = body.slice(hint[0].length);
    offset = 0;
  } else {
    separator = detectSeparator(body);
  }
  const parsed = Papa.parse<string[]>(body, { delimiter: separator, skipEmptyLines: false, header: false });
  const rows: SheetRow[] = [];
  // Every record, blank ones included: an upper bound of the rows kept.
  const expected = parsed.data.length;
  parsed.data.forEach((fields, i) => {
    if (options.shouldStop?.()) throw new SpreadsheetRejected(rejection('timeout'));
    if (!Array.isArray(fields) || fields.every((f) => f.trim() === '')) return;
    if (fields.length > options.maxColumns) throw new SpreadsheetRejected(rejection('too_many_columns', { sheet: name, limit: String(options.maxColumns) }));
    if (rows.length >= options.maxRows) throw new SpreadsheetRejected(rejection('too_many_rows', { sheet: name, limit: options.maxRows.toLocaleString('en') }));
    // A record is one spreadsheet row even when a quoted cell spans several lines.
    rows.push({ rowNumber: i + 1 + offset, cells: fields });
    if (rows.length % PROGRESS_EVERY === 0) options.onProgress?.(rows.length, expected);
  });
  options.onProgress?.(rows.length, expected);
  return { rows, separator };
}

/** Reads a .csv file as one sheet named after the file, handed to `sink` in batches. */
export async function readCsv(file: string, options: ReadOptions, sink: RowSink): Promise<WorkbookInfo> {
  const bytes = await fs.promises.readFile(file);
  const { text, encoding } = decodeCsvBytes(bytes);
  const name = path.basename(file, path.extname(file));
  const { rows, separator } = parseCsvText(text, options, name);
  for (let i = 0; i < rows.length; i += PROGRESS_EVERY) sink({ sheetIndex: 0, sheetName: name, isHidden: false, rows: rows.slice(i, i + PROGRESS_EVERY) });
  if (rows.length === 0) sink({ sheetIndex: 0, sheetName: name, isHidden: false, rows: [] });
  return { format: 'csv', encoding, separator };
}
