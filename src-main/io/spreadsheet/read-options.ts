import type { FileRejection } from '../../../src-shared/schemas/import-preview.schema';

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
  /** Polled per row: lets the in-process fallback honour the time limit. */
  shouldStop?: () => boolean;
}

/** How often the readers report progress, in rows read. */
export const PROGRESS_EVERY = 500;

/** Thrown inside the readers to stop at once with a coordinator-facing rejection. */
export class SpreadsheetRejected extends Error {
  constructor(readonly rejection: FileRejection) {
    super(rejection.message);
    this.name = 'SpreadsheetRejected';
  }
}
