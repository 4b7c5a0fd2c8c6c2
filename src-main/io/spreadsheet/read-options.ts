import type { FileRejection } from '../../../src-shared/schemas/import-preview.schema';
import type { NormalisedPart } from '../../domain/import/early-normalise';
import type { SheetRow, WorkbookData } from '../../domain/import/sheet-data';

/** Options shared by the .xlsx and .csv readers. */
export interface ReadOptions {
  /** Data rows per sheet; above it the file is refused (too_many_rows). */
  maxRows: number;
  maxColumns: number;
  /**
   * Called with the rows read so far (every PROGRESS_EVERY rows and once at the end) and how many the
   * file is expected to hold: `expectedRows` for .xlsx, the CSV's record count, or null when unknown.
   */
  onProgress?: (rowsRead: number, rowsExpected: number | null) => void;
  /** The rows the .xlsx file declares (its sheets' dimensions), when every sheet declares one. */
  expectedRows?: number | null;
  /**
   * Sheet names and hidden state by worksheet number (the 2 of xl/worksheets/sheet2.xml), as the
   * pre-parse check read them from workbook.xml. exceljs's streaming reader names a sheet only when
   * workbook.xml comes before the sheet in the zip; writers do not all put it there.
   */
  sheetParts?: Record<string, { name: string; isHidden: boolean }>;
  /** Polled per row: lets the in-process fallback honour the time limit. */
  shouldStop?: () => boolean;
}

/** How often the readers report progress, in rows read; also the size of the row batches they hand on. */
export const PROGRESS_EVERY = 500;

/**
 * Rows of one sheet handed on while the file is still being read (PROGRESS_EVERY at a time, and the
 * rest at the end of the sheet), so the import can map and normalise them while the reader goes on.
 */
export interface RowBatch {
  /** 0-based position of the sheet in the workbook. */
  sheetIndex: number;
  sheetName: string;
  isHidden: boolean;
  rows: SheetRow[];
  /** Set when the reader's thread normalised this batch (ParseJob.normalise): what it normalised, maybe nothing. */
  normalised?: NormalisedPart[];
}

/** Where a reader puts its rows. A sheet without rows still gets one (empty) batch, so it is listed. */
export type RowSink = (batch: RowBatch) => void;

/** What a reader returns besides its rows: the format and, for CSV, what was detected. */
export type WorkbookInfo = Omit<WorkbookData, 'sheets'>;

/** Thrown inside the readers to stop at once with a coordinator-facing rejection. */
export class SpreadsheetRejected extends Error {
  constructor(readonly rejection: FileRejection) {
    super(rejection.message);
    this.name = 'SpreadsheetRejected';
  }
}
