import type { FileRejection } from '../../../src-shared/schemas/import-preview.schema';
import { EarlyNormaliser, type NormaliseJob } from '../../domain/import/early-normalise';
import type { SheetData, WorkbookData } from '../../domain/import/sheet-data';
import { readCsv } from './csv-reader';
import type { ReadOptions, RowBatch, RowSink, WorkbookInfo } from './read-options';
import { readXlsx } from './sheet-reader';

/** Reads an inspected file with the reader of its format. Runs inside the parse worker (or in-process). */
export function readSpreadsheet(file: string, format: 'xlsx' | 'csv', options: ReadOptions, sink: RowSink): Promise<WorkbookInfo> {
  return format === 'xlsx' ? readXlsx(file, options, sink) : readCsv(file, options, sink);
}

/** Puts row batches back together into sheets, in workbook order. */
export class WorkbookCollector {
  private readonly sheets: SheetData[] = [];

  readonly add: RowSink = (batch: RowBatch) => {
    let sheet = this.sheets[batch.sheetIndex];
    if (!sheet) {
      sheet = { name: batch.sheetName, rows: [], isHidden: batch.isHidden };
      this.sheets[batch.sheetIndex] = sheet;
    }
    for (const row of batch.rows) sheet.rows.push(row);
  };

  finish(info: WorkbookInfo): WorkbookData {
    return { ...info, sheets: this.sheets.filter((s): s is SheetData => s !== undefined) };
  }
}

/** What the parse worker receives for one file. */
export interface ParseJob {
  file: string;
  format: 'xlsx' | 'csv';
  maxRows: number;
  maxColumns: number;
  /** Rows the .xlsx file declares (see ReadOptions.expectedRows); null for CSV or when unknown. */
  expectedRows: number | null;
  /** See ReadOptions.sheetParts. */
  sheetParts?: Record<string, { name: string; isHidden: boolean }>;
  /** Normalise every `every`-th batch while reading (see normalisingSink). */
  normalise?: { job: NormaliseJob; every: number };
}

/**
 * Shares normalising between the parse worker and the main thread. With two cores, exceljs's read
 * keeps the worker busy and normalising, planning and writing keep the main thread busy; the worker
 * has time to spare and normalises one batch in `every` (the batches numbered every-1, 2*every-1, ...)
 * and attaches the result to it (RowBatch.normalised). Both sides follow every batch with their own
 * EarlyNormaliser, so they agree on the header row and mapping; the main thread normalises the rest.
 */
export function normalisingSink(job: ParseJob, sink: RowSink): RowSink {
  const share = job.normalise;
  if (!share) return sink;
  const early = EarlyNormaliser.of(share.job);
  let seq = 0;
  return (batch) => {
    const mine = seq++ % share.every === share.every - 1;
    const parts = early.add(batch, mine);
    sink(mine ? { ...batch, normalised: parts } : batch);
  };
}

/** What the parent posts to the (long-lived) parse worker: one job at a time, tagged with an id. */
export interface ParseRequest {
  type: 'job';
  id: number;
  job: ParseJob;
}

/** Messages the parse worker posts to its parent, tagged with the id of the job. */
export type ParseMessage =
  | { type: 'progress'; id: number; rows: number; total: number | null }
  | { type: 'rows'; id: number; batch: RowBatch }
  | { type: 'done'; id: number; info: WorkbookInfo }
  | { type: 'rejected'; id: number; rejection: FileRejection }
  | { type: 'failed'; id: number; message: string };
