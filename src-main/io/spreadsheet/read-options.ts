import type { FileRejection } from '../../../src-shared/schemas/import-preview.schema';

/** Options shared by the .xlsx and .csv readers. */
export interface ReadOptions {
  /** Data rows per sheet; above it the file is refused (too_many_rows). */
  maxRows: number;
  maxColumns: number;
  /** Called with the number of rows read so far (every 1000 rows and at the end). */
  onProgress?: (rowsRead: number) => void;
  /** Polled per row: lets the in-process fallback honour the time limit. */
  shouldStop?: () => boolean;
}

/** Thrown inside the readers to stop at once with a coordinator-facing rejection. */
export class SpreadsheetRejected extends Error {
  constructor(readonly rejection: FileRejection) {
    super(rejection.message);
    this.name = 'SpreadsheetRejected';
  }
}
