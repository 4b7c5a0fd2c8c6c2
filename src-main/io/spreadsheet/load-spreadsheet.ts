import fs from 'node:fs';
import path from 'node:path';
import type { FileRejection } from '../../../src-shared/schemas/import-preview.schema';
import type { WorkbookData } from '../../domain/import/sheet-data';
import { ParseWorkerHost, type HostedJobResult, type WorkerSpec } from './parse-worker-host';
import { SpreadsheetRejected, type RowSink } from './read-options';
import { normalisingSink, readSpreadsheet, WorkbookCollector, type ParseJob } from './read-spreadsheet';
import { DEFAULT_INSPECT_LIMITS, inspectSpreadsheetFile, rangeSize, rejection, type InspectLimits, type InspectResult } from './xlsx-inspect';

/**
 * The one entry point the import service calls: inspect the file, then parse it in a worker thread with
 * a time and a memory limit, reporting progress and handing rows on in batches while it reads. A hostile
 * file can at worst kill its worker. The worker is long-lived (parse-worker-host.ts).
 *
 * Where the worker code comes from (in this order):
 *  1. `parse-worker.js` next to this module's bundle (electron-vite: add the main input
 *     `'parse-worker': resolve(__dirname, 'src-main/io/spreadsheet/parse-worker.ts')`, which emits
 *     out/main/parse-worker.js beside out/main/index.js);
 *  2. `parse-worker.ts` next to this source file (vitest, tsx, the CLI under tsx): started through an
 *     eval bootstrap that registers tsx's CommonJS loader in the worker;
 *  3. neither found: parsed in-process with the same time limit (checked per row) and row/column limits,
 *     but WITHOUT a memory limit — `mode: 'in-process'` in the result says so; the service should log it.
 */

/** Options of loadSpreadsheet. */
export interface LoadOptions {
  limits?: Partial<InspectLimits>;
  /** Wall-clock limit for parsing, default 60 s. */
  timeoutMs?: number;
  /** Old-generation heap of the worker, default 512 MB. */
  maxMemoryMb?: number;
  /** Rows read so far and how many are expected (null when the file does not say); see ReadOptions. */
  onProgress?: (rowsRead: number, rowsExpected: number | null) => void;
  /**
   * Rows as they are read, in batches (before the whole file is read). The result still holds every
   * row; this lets the caller work on the first rows while the worker reads the rest.
   */
  onRows?: RowSink;
  /** Have the reader's thread normalise a share of the batches (see normalisingSink). */
  normalise?: ParseJob['normalise'];
  /** Force a mode (tests, benchmarks); default 'auto' as described above. */
  mode?: 'auto' | 'worker' | 'in-process';
}

/** The loaded sheets, or why the file was refused. */
export type LoadResult =
  | { ok: true; workbook: WorkbookData; inspection: Extract<InspectResult, { ok: true }>; mode: 'worker' | 'in-process' }
  | { ok: false; rejection: FileRejection };

/** Finds the worker entry (see the module comment); null when only in-process parsing is possible. */
export function resolveParseWorker(dir: string = __dirname): WorkerSpec | null {
  const bundled = path.join(dir, 'parse-worker.js');
  if (fs.existsSync(bundled)) return { file: bundled, eval: false };
  const source = path.join(dir, 'parse-worker.ts');
  if (fs.existsSync(source)) {
    try {
      const tsx = require.resolve('tsx/cjs/api');
      return { file: `require(${JSON.stringify(tsx)}).register();\nrequire(${JSON.stringify(source)});`, eval: true };
    } catch {
      return null;
    }
  }
  return null;
}

let host: ParseWorkerHost | null | undefined;

/** The process's parse worker host, or null when no worker entry exists (in-process parsing). */
export function parseWorkerHost(): ParseWorkerHost | null {
  if (host === undefined) {
    const spec = resolveParseWorker();
    host = spec ? new ParseWorkerHost(spec) : null;
  }
  return host;
}

const DEFAULT_MAX_MEMORY_MB = 512;

async function runInProcess(job: ParseJob, timeoutMs: number, sink: RowSink, onProgress?: (rows: number, total: number | null) => void): Promise<HostedJobResult> {
  const deadline = Date.now() + timeoutMs;
  try {
    const info = await readSpreadsheet(
      job.file,
      job.format,
      { maxRows: job.maxRows, maxColumns: job.maxColumns, expectedRows: job.expectedRows, ...(job.sheetParts ? { sheetParts: job.sheetParts } : {}), ...(onProgress ? { onProgress } : {}), shouldStop: () => Date.now() > deadline },
      normalisingSink(job, sink),
    );
    return { ok: true, info };
  } catch (e) {
    if (e instanceof SpreadsheetRejected) return { ok: false, rejection: e.rejection };
    return { ok: false, rejection: rejection('unreadable') };
  }
}

/**
 * The rows an .xlsx file declares: the sum of its sheets' <dimension> ranges, counting blank rows and
 * title rows, so an estimate from above. Null when a sheet declares none or only one cell (some
 * writers put "A1" there whatever the sheet holds) and for CSV.
 */
export function declaredRows(inspection: Extract<InspectResult, { ok: true }>): number | null {
  if (inspection.format !== 'xlsx' || inspection.sheets.length === 0) return null;
  let rows = 0;
  for (const sheet of inspection.sheets) {
    const size = sheet.dimension?.includes(':') ? rangeSize(sheet.dimension) : null;
    if (!size) return null;
    rows += size.rows;
  }
  return rows;
}

/**
 * Inspects and parses a spreadsheet. Never throws for a bad file; every refusal is a FileRejection whose
 * `reason` the service puts in `details` of a `file_rejected` AppError.
 */
export async function loadSpreadsheet(file: string, options: LoadOptions = {}): Promise<LoadResult> {
  const limits = { ...DEFAULT_INSPECT_LIMITS, ...options.limits };
  const inspection = await inspectSpreadsheetFile(file, limits);
  if (!inspection.ok) return inspection;
  const job: ParseJob = { file: path.resolve(file), format: inspection.format, maxRows: limits.maxRows, maxColumns: limits.maxColumns, expectedRows: declaredRows(inspection), ...(options.normalise ? { normalise: options.normalise } : {}) };
  if (inspection.format === 'xlsx') {
    job.sheetParts = {};
    for (const s of inspection.sheets) {
      const n = /sheet(\d+)\.xml$/.exec(s.part)?.[1];
      if (n !== undefined) job.sheetParts[n] = { name: s.name, isHidden: s.isHidden };
    }
  }
  const timeoutMs = options.timeoutMs ?? 60_000;
  const mode = options.mode ?? 'auto';
  const workers = mode === 'in-process' ? null : parseWorkerHost();
  if (mode === 'worker' && workers === null) throw new Error('The spreadsheet parse worker was not found next to load-spreadsheet.');
  const collector = new WorkbookCollector();
  const onRows = options.onRows;
  const sink: RowSink = onRows
    ? (batch) => {
        collector.add(batch);
        onRows(batch);
      }
    : collector.add;
  const result = workers
    ? await workers.run(job, { timeoutMs, maxMemoryMb: options.maxMemoryMb ?? DEFAULT_MAX_MEMORY_MB, onRows: sink, ...(options.onProgress ? { onProgress: options.onProgress } : {}) })
    : await runInProcess(job, timeoutMs, sink, options.onProgress);
  if (!result.ok) return result;
  const workbook = collector.finish(result.info);
  if (workbook.sheets.every((s) => s.rows.length === 0)) return { ok: false, rejection: rejection('empty_file') };
  return { ok: true, workbook, inspection, mode: workers ? 'worker' : 'in-process' };
}
