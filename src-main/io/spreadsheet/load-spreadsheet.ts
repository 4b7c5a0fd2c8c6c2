import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { FileRejection } from '../../../src-shared/schemas/import-preview.schema';
import type { WorkbookData } from '../../domain/import/sheet-data';
import { SpreadsheetRejected } from './read-options';
import { readSpreadsheet, type ParseJob, type ParseMessage } from './read-spreadsheet';
import { DEFAULT_INSPECT_LIMITS, inspectSpreadsheetFile, rangeSize, rejection, type InspectLimits, type InspectResult } from './xlsx-inspect';

/**
 * The one entry point the import service calls: inspect the file, then parse it in a worker thread with
 * a time and a memory limit, reporting progress. A hostile file can at worst kill its worker.
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
  /** Force a mode (tests, benchmarks); default 'auto' as described above. */
  mode?: 'auto' | 'worker' | 'in-process';
}

/** The loaded sheets, or why the file was refused. */
export type LoadResult =
  | { ok: true; workbook: WorkbookData; inspection: Extract<InspectResult, { ok: true }>; mode: 'worker' | 'in-process' }
  | { ok: false; rejection: FileRejection };

type WorkerSpec = { file: string; eval: boolean } | null;

/** Finds the worker entry (see the module comment); null when only in-process parsing is possible. */
export function resolveParseWorker(dir: string = __dirname): WorkerSpec {
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

function runInWorker(spec: NonNullable<WorkerSpec>, job: ParseJob, timeoutMs: number, maxMemoryMb: number, onProgress?: (rows: number, total: number | null) => void): Promise<{ ok: true; workbook: WorkbookData } | { ok: false; rejection: FileRejection }> {
  return new Promise((resolve) => {
    const worker = new Worker(spec.file, {
      eval: spec.eval,
      workerData: job,
      resourceLimits: { maxOldGenerationSizeMb: maxMemoryMb, maxYoungGenerationSizeMb: 64, stackSizeMb: 4 },
      stdout: false,
      stderr: false,
    });
    let settled = false;
    const settle = (r: { ok: true; workbook: WorkbookData } | { ok: false; rejection: FileRejection }) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      resolve(r);
    };
    const timer = setTimeout(() => settle({ ok: false, rejection: rejection('timeout') }), timeoutMs);
    worker.on('message', (m: ParseMessage) => {
      if (m.type === 'progress') onProgress?.(m.rows, m.total);
      else if (m.type === 'done') settle({ ok: true, workbook: m.workbook });
      else if (m.type === 'rejected') settle({ ok: false, rejection: m.rejection });
      else settle({ ok: false, rejection: rejection('unreadable') });
    });
    worker.on('error', (e: Error & { code?: string }) => {
      settle({ ok: false, rejection: rejection(e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'out_of_memory' : 'unreadable') });
    });
    worker.on('exit', () => settle({ ok: false, rejection: rejection('unreadable') }));
  });
}

async function runInProcess(job: ParseJob, timeoutMs: number, onProgress?: (rows: number, total: number | null) => void): Promise<{ ok: true; workbook: WorkbookData } | { ok: false; rejection: FileRejection }> {
  const deadline = Date.now() + timeoutMs;
  try {
    const workbook = await readSpreadsheet(job.file, job.format, {
      maxRows: job.maxRows,
      maxColumns: job.maxColumns,
      expectedRows: job.expectedRows,
      ...(onProgress ? { onProgress } : {}),
      shouldStop: () => Date.now() > deadline,
    });
    return { ok: true, workbook };
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
  const job: ParseJob = { file: path.resolve(file), format: inspection.format, maxRows: limits.maxRows, maxColumns: limits.maxColumns, expectedRows: declaredRows(inspection) };
  const timeoutMs = options.timeoutMs ?? 60_000;
  const mode = options.mode ?? 'auto';
  const spec = mode === 'in-process' ? null : resolveParseWorker();
  if (mode === 'worker' && spec === null) throw new Error('The spreadsheet parse worker was not found next to load-spreadsheet.');
  const result = spec
    ? await runInWorker(spec, job, timeoutMs, options.maxMemoryMb ?? 512, options.onProgress)
    : await runInProcess(job, timeoutMs, options.onProgress);
  if (!result.ok) return result;
  if (result.workbook.sheets.every((s) => s.rows.length === 0)) return { ok: false, rejection: rejection('empty_file') };
  return { ok: true, workbook: result.workbook, inspection, mode: spec ? 'worker' : 'in-process' };
}
