import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import yauzl from 'yauzl';
import type { FileRejection, FileRejectionReason } from '../../../src-shared/schemas/import-preview.schema';
import { columnIndex } from '../../domain/import/cell-values';

/**
 * Checks a spreadsheet file before any parser sees it. A hostile or broken file must be refused with
 * a clear message within seconds, before exceljs could spend gigabytes on it: exceljs expands merged
 * ranges and declared dimensions into cell objects, and inflates whatever the zip claims.
 *
 * The zip is read through its central directory (yauzl); only the small workbook parts and the
 * worksheet XML are inflated, as streams, with the byte budget below, to find <dimension> and
 * <mergeCell> without building anything.
 */

/** Limits of the pre-parse check. Defaults fit every real partner sheet with a wide margin. */
export interface InspectLimits {
  maxFileBytes: number;
  maxEntries: number;
  maxUncompressedBytes: number;
  /** Uncompressed / compressed per entry, only checked for entries above 1 MB uncompressed. */
  maxCompressionRatio: number;
  maxRows: number;
  maxColumns: number;
  /** Cells covered by all merged ranges of one sheet together. */
  maxMergedCells: number;
}

/** The default limits (documented in the import help: 50 MB, 100,000 rows, 500 columns). */
export const DEFAULT_INSPECT_LIMITS: InspectLimits = {
  maxFileBytes: 50 * 1024 * 1024,
  maxEntries: 2_000,
  maxUncompressedBytes: 300 * 1024 * 1024,
  maxCompressionRatio: 200,
  maxRows: 100_000,
  maxColumns: 500,
  maxMergedCells: 100_000,
};

/** A worksheet as workbook.xml names it; `part` is its file in the zip (xl/worksheets/sheet2.xml). */
export interface InspectedSheet {
  name: string;
  dimension: string | null;
  part: string;
  isHidden: boolean;
}

/** What the check found about an acceptable file. */
export type InspectResult =
  | { ok: true; format: 'xlsx'; fileBytes: number; entries: number; uncompressedBytes: number; sheets: InspectedSheet[] }
  | { ok: true; format: 'csv'; fileBytes: number }
  | { ok: false; rejection: FileRejection };

const MESSAGES: Record<FileRejectionReason, string> = {
  empty_file: 'The file is empty. Open it in Excel to check that it holds the list, save it again and retry.',
  file_too_large: 'The file is too large to import (more than {limit}). Split the list into smaller files, or delete sheets that are not needed.',
  unsupported_type: 'Meeloop imports .xlsx and .csv files. Open the file in Excel or LibreOffice and save it as "Excel workbook (.xlsx)".',
  not_a_zip: 'This file is not a real .xlsx workbook. Open it in Excel or LibreOffice and save it as "Excel workbook (.xlsx)".',
  csv_renamed: 'This file is a CSV text file whose name ends in .xlsx. Rename it to end in .csv, or open it in Excel and save it as "Excel workbook (.xlsx)".',
  truncated: 'The file is incomplete or damaged (the download or copy may have stopped halfway). Download or copy it again and retry.',
  encrypted: 'The file is protected with a password. Open it in Excel, remove the password (File > Info > Protect workbook) and save it, then import it again.',
  legacy_xls: 'This is an old Excel 97-2003 (.xls) file. Open it in Excel or LibreOffice and save it as "Excel workbook (.xlsx)".',
  too_many_entries: 'The file has an unusual structure (too many parts). Open it in Excel and save it again as a new .xlsx file.',
  uncompressed_too_large: 'The file unpacks to far more data than a list of sign-ups holds. Open it in Excel, delete what is not needed and save it again.',
  compression_ratio: 'The file unpacks to an abnormal amount of data (it may be a "zip bomb"). Ask the sender for the original list.',
  not_a_workbook: 'This zip file is not an Excel workbook. Open the list in Excel or LibreOffice and save it as "Excel workbook (.xlsx)".',
  dimension_too_large: 'The sheet "{sheet}" claims to use {what}, far more than a list holds. In Excel, delete the empty rows and columns below and to the right of the list, save, and retry.',
  merge_too_large: 'The sheet "{sheet}" has merged cells covering {what}. In Excel, select the whole sheet, click "Unmerge cells", save, and retry.',
  too_many_rows: 'The sheet "{sheet}" has more than {limit} rows. Split the list into smaller files.',
  too_many_columns: 'The sheet "{sheet}" has more than {limit} columns. Delete the columns that are not needed.',
  timeout: 'Reading the file took too long and was stopped. Open it in Excel, delete what is not needed (other sheets, empty rows) and save it again.',
  out_of_memory: 'The file needs too much memory to read and was stopped. Open it in Excel, delete what is not needed and save it again.',
  unreadable: 'The file could not be read. Open it in Excel or LibreOffice, save it again as .xlsx or .csv, and retry.',
  no_table: 'No table found in the file. Put the column headers in one row above the data and retry.',
};

/** Builds a rejection with the coordinator's message for `reason`. */
export function rejection(reason: FileRejectionReason, fill: { sheet?: string; limit?: string; what?: string } = {}): FileRejection {
  const message = MESSAGES[reason]
    .replace('{sheet}', fill.sheet ?? '')
    .replace('{limit}', fill.limit ?? '')
    .replace('{what}', fill.what ?? '');
  return fill.sheet === undefined ? { reason, message } : { reason, message, sheet: fill.sheet };
}

const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

function looksLikeText(head: Buffer): boolean {
  if (head.length === 0) return false;
  let printable = 0;
  for (const b of head) if (b === 9 || b === 10 || b === 13 || (b >= 32 && b !== 127)) printable++;
  return printable / head.length > 0.97 && !head.includes(0);
}

/** Parses an A1 range ("A1:XFD1048576" or "B3") into rows and columns spanned. */
export function rangeSize(ref: string): { rows: number; columns: number } | null {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/i.exec(ref.trim());
  if (!m) return null;
  const c1 = columnIndex(m[1] ?? '');
  const r1 = Number(m[2]);
  const c2 = m[3] ? columnIndex(m[3]) : c1;
  const r2 = m[4] ? Number(m[4]) : r1;
  return { rows: Math.abs(r2 - r1) + 1, columns: Math.abs(c2 - c1) + 1 };
}

function openZip(file: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true, autoClose: false, validateEntrySizes: true, strictFileNames: false }, (err, zip) => (err || !zip ? reject(err ?? new Error('no zip')) : resolve(zip)));
  });
}

function listEntries(zip: yauzl.ZipFile, maxEntries: number): Promise<yauzl.Entry[] | 'too_many'> {
  return new Promise((resolve, reject) => {
    const entries: yauzl.Entry[] = [];
    zip.on('entry', (e: yauzl.Entry) => {
      entries.push(e);
      if (entries.length > maxEntries) resolve('too_many');
      else zip.readEntry();
    });
    zip.on('end', () => resolve(entries));
    zip.on('error', reject);
    zip.readEntry();
  });
}

/** Inflated bytes per chunk: yauzl's own stream hands over 16 KB at a time, and the round trips cost more than the scan. */
const SCAN_CHUNK = 256 * 1024;

/**
 * Streams one entry through `onText` in chunks, stopping after `budget` bytes. Returns the bytes read.
 * The scanner keeps a small overlap so a tag split over two chunks is still seen. The entry is inflated
 * here (zlib, 256 KB chunks) rather than by yauzl, so the sizes the zip declares are checked here too:
 * a part that inflates to more or fewer bytes than it claims is refused as damaged.
 */
function scanEntry(zip: yauzl.ZipFile, entry: yauzl.Entry, budget: number, onText: (text: string) => boolean | void): Promise<number> {
  return new Promise((resolve, reject) => {
    if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) return reject(new Error(`compression method ${entry.compressionMethod}`));
    zip.openReadStream(entry, { decompress: false } as yauzl.ZipFileOptions, (err, raw) => {
      if (err || !raw) return reject(err ?? new Error('no stream'));
      const stream = entry.compressionMethod === 8 ? raw.pipe(zlib.createInflateRaw({ chunkSize: SCAN_CHUNK })) : raw;
      let read = 0;
      let tail = '';
      let done = false;
      const stop = (error?: Error) => {
        if (done) return;
        done = true;
        raw.destroy();
        stream.destroy();
        if (error) reject(error);
        else resolve(read);
      };
      stream.on('data', (chunk: Buffer) => {
        if (done) return;
        read += chunk.length;
        if (read > entry.uncompressedSize) return stop(new Error('entry larger than declared'));
        const text = tail + chunk.toString('latin1');
        tail = text.slice(-300);
        if (onText(text) === false || read > budget) stop();
      });
      stream.on('end', () => stop(read === entry.uncompressedSize ? undefined : new Error('entry smaller than declared')));
      stream.on('error', (e: Error) => stop(e));
      raw.on('error', (e: Error) => stop(e));
    });
  });
}

/** Reads a small part (workbook.xml, its rels) in full; parts above 4 MB are not "small" and read as empty. */
function readSmallEntry(zip: yauzl.ZipFile, entry: yauzl.Entry | undefined): Promise<string> {
  if (!entry || entry.uncompressedSize > 4 * 1024 * 1024) return Promise.resolve('');
  return new Promise((resolve) => {
    zip.openReadStream(entry, (err, stream) => {
      if (err || !stream) return resolve('');
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
      stream.on('error', () => resolve(''));
    });
  });
}

function attr(tag: string, name: string): string | null {
  const m = new RegExp(`\\b${name}="([^"]*)"`).exec(tag);
  return m ? (m[1] ?? null) : null;
}

function decodeXml(s: string): string {
  return s.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** Maps worksheet part paths (xl/worksheets/sheet1.xml) to the sheet names the coordinator sees, and whether they are hidden. */
async function sheetNames(zip: yauzl.ZipFile, byName: Map<string, yauzl.Entry>): Promise<Map<string, { name: string; isHidden: boolean }>> {
  const workbook = await readSmallEntry(zip, byName.get('xl/workbook.xml'));
  const rels = await readSmallEntry(zip, byName.get('xl/_rels/workbook.xml.rels'));
  const targetById = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = attr(m[0], 'Id');
    const target = attr(m[0], 'Target');
    if (id && target) targetById.set(id, target.startsWith('/') ? target.slice(1) : path.posix.join('xl', target));
  }
  const out = new Map<string, { name: string; isHidden: boolean }>();
  for (const m of workbook.matchAll(/<sheet\b[^>]*>/g)) {
    const name = attr(m[0], 'name');
    const rid = attr(m[0], 'r:id');
    const state = attr(m[0], 'state');
    const target = rid ? targetById.get(rid) : undefined;
    if (name && target) out.set(target, { name: decodeXml(name), isHidden: state === 'hidden' || state === 'veryHidden' });
  }
  return out;
}

function human(bytes: number): string {
  return `${Math.round(bytes / (1024 * 1024))} MB`;
}

/**
 * Inspects `file` by its content (and its extension for the wording). Never throws for a bad file:
 * every problem comes back as a rejection with a reason code and a message for the coordinator.
 */
export async function inspectSpreadsheetFile(file: string, limits: Partial<InspectLimits> = {}): Promise<InspectResult> {
  const L = { ...DEFAULT_INSPECT_LIMITS, ...limits };
  const ext = path.extname(file).toLowerCase();
  let stat: fs.Stats;
  try {
    stat = await fs.promises.stat(file);
  } catch {
    return { ok: false, rejection: rejection('unreadable') };
  }
  if (stat.size === 0) return { ok: false, rejection: rejection('empty_file') };
  if (stat.size > L.maxFileBytes) return { ok: false, rejection: rejection('file_too_large', { limit: human(L.maxFileBytes) }) };
  const handle = await fs.promises.open(file, 'r');
  const head = Buffer.alloc(Math.min(4096, stat.size));
  try {
    await handle.read(head, 0, head.length, 0);
  } finally {
    await handle.close();
  }
  if (head.subarray(0, 8).equals(OLE_MAGIC)) {
    // Both password-protected .xlsx and old .xls are OLE compound files; the encrypted one carries the
    // streams "EncryptionInfo" and "EncryptedPackage" (names stored as UTF-16LE in the directory).
    const whole = await fs.promises.readFile(file);
    const encrypted = whole.includes(Buffer.from('EncryptedPackage', 'utf16le')) || whole.includes(Buffer.from('EncryptionInfo', 'utf16le'));
    return { ok: false, rejection: rejection(encrypted ? 'encrypted' : 'legacy_xls') };
  }
  const isZip = head[0] === 0x50 && head[1] === 0x4b && (head[2] === 3 || head[2] === 5) && (head[3] === 4 || head[3] === 6);
  if (!isZip) {
    if (looksLikeText(head)) {
      if (ext === '.csv' || ext === '.txt' || ext === '.tsv') return { ok: true, format: 'csv', fileBytes: stat.size };
      return { ok: false, rejection: rejection(ext === '.xlsx' || ext === '.xlsm' ? 'csv_renamed' : 'unsupported_type') };
    }
    if (ext === '.csv') return { ok: true, format: 'csv', fileBytes: stat.size }; // Windows-1252 text with many accents
    return { ok: false, rejection: rejection(ext === '.xlsx' ? 'not_a_zip' : 'unsupported_type') };
  }
  if (ext === '.csv') return { ok: false, rejection: rejection('unsupported_type') };
  let zip: yauzl.ZipFile;
  try {
    zip = await openZip(file);
  } catch {
    // No end-of-central-directory record at the end of a file that starts like a zip: cut short.
    return { ok: false, rejection: rejection('truncated') };
  }
  try {
    const listed = await listEntries(zip, L.maxEntries).catch(() => 'broken' as const);
    if (listed === 'broken') return { ok: false, rejection: rejection('truncated') };
    if (listed === 'too_many') return { ok: false, rejection: rejection('too_many_entries') };
    let total = 0;
    for (const e of listed) {
      if (e.isEncrypted()) return { ok: false, rejection: rejection('encrypted') };
      total += e.uncompressedSize;
      if (e.uncompressedSize > 1024 * 1024 && e.uncompressedSize / Math.max(1, e.compressedSize) > L.maxCompressionRatio) {
        return { ok: false, rejection: rejection('compression_ratio') };
      }
      // Local headers beyond the end of the file: the central directory survived but the data did not.
      if (e.relativeOffsetOfLocalHeader + e.compressedSize > stat.size) return { ok: false, rejection: rejection('truncated') };
    }
    if (total > L.maxUncompressedBytes) return { ok: false, rejection: rejection('uncompressed_too_large') };
    const byName = new Map(listed.map((e) => [e.fileName, e]));
    if (!byName.has('xl/workbook.xml')) return { ok: false, rejection: rejection('not_a_workbook') };
    const names = await sheetNames(zip, byName);
    const sheets: InspectedSheet[] = [];
    let budget = L.maxUncompressedBytes;
    for (const e of listed) {
      if (!/^xl\/worksheets\/[^/]+\.xml$/.test(e.fileName)) continue;
      const named = names.get(e.fileName);
      const sheet = named?.name ?? path.posix.basename(e.fileName, '.xml');
      let dimension: string | null = null;
      let mergedCells = 0;
      let problem: FileRejection | null = null;
      const seenMerges = new Set<string>();
      try {
        budget -= await scanEntry(zip, e, budget, (text) => {
          if (dimension === null) {
            const d = /<dimension\b[^>]*\bref="([^"]+)"/.exec(text);
            if (d) {
              dimension = d[1] ?? null;
              const size = dimension ? rangeSize(dimension) : null;
              if (size && size.rows > L.maxRows) problem = rejection('dimension_too_large', { sheet, what: `${size.rows.toLocaleString('en')} rows` });
              else if (size && size.columns > L.maxColumns) problem = rejection('dimension_too_large', { sheet, what: `${size.columns.toLocaleString('en')} columns` });
              if (problem) return false;
            }
          }
          for (const m of text.matchAll(/<mergeCell\b[^>]*\bref="([^"]+)"/g)) {
            const ref = m[1] ?? '';
            // The overlap between chunks may show a merge twice; count each range once.
            if (seenMerges.has(ref)) continue;
            seenMerges.add(ref);
            const size = rangeSize(ref);
            if (!size) continue;
            mergedCells += size.rows * size.columns;
            if (mergedCells > L.maxMergedCells) {
              problem = rejection('merge_too_large', { sheet, what: `${size.rows.toLocaleString('en')} rows by ${size.columns.toLocaleString('en')} columns (${ref})` });
              return false;
            }
          }
          return undefined;
        });
      } catch {
        return { ok: false, rejection: rejection('truncated') };
      }
      if (problem) return { ok: false, rejection: problem };
      if (budget < 0) return { ok: false, rejection: rejection('uncompressed_too_large') };
      sheets.push({ name: sheet, dimension, part: e.fileName, isHidden: named?.isHidden ?? false });
    }
    return { ok: true, format: 'xlsx', fileBytes: stat.size, entries: listed.length, uncompressedBytes: total, sheets };
  } finally {
    zip.close();
  }
}
