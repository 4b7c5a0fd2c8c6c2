import type { FileRejection } from '../../../src-shared/schemas/import-preview.schema';
import type { WorkbookData } from '../../domain/import/sheet-data';
import { readCsv } from './csv-reader';
import type { ReadOptions } from './read-options';
import { readXlsx } from './sheet-reader';

/** Reads an inspected file with the reader of its format. Runs inside the parse worker (or in-process). */
export function readSpreadsheet(file: string, format: 'xlsx' | 'csv', options: ReadOptions): Promise<WorkbookData> {
  return format === 'xlsx' ? readXlsx(file, options) : readCsv(file, options);
}

/** What the parse worker receives as workerData. */
export interface ParseJob {
  file: string;
  format: 'xlsx' | 'csv';
  maxRows: number;
  maxColumns: number;
  /** Rows the .xlsx file declares (see ReadOptions.expectedRows); null for CSV or when unknown. */
  expectedRows: number | null;
}

/** Messages the parse worker posts to its parent. */
export type ParseMessage =
  | { type: 'progress'; rows: number; total: number | null }
  | { type: 'done'; workbook: WorkbookData }
  | { type: 'rejected'; rejection: FileRejection }
  | { type: 'failed'; message: string };
