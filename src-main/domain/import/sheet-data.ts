import type { RawCellValue } from './cell-values';

/**
 * The sheet data the readers (io/spreadsheet) produce and the import domain consumes. Plain data only,
 * so it crosses a worker_threads boundary by structured clone.
 */

/** One non-empty row with its real number as Excel shows it (1-based; gaps where rows are blank). */
export interface SheetRow {
  rowNumber: number;
  /** Cell values by column index (0 = A); holes are empty cells. */
  cells: RawCellValue[];
}

/** One worksheet (or the single table of a CSV file). */
export interface SheetData {
  name: string;
  rows: SheetRow[];
  /** Hidden or very hidden sheets are still read but never picked automatically. */
  isHidden: boolean;
}

/** What a reader returns for one file. */
export interface WorkbookData {
  format: 'xlsx' | 'csv';
  sheets: SheetData[];
  /** CSV only: the detected encoding and separator, shown in the preview so a wrong guess is visible. */
  encoding?: 'utf-8' | 'utf-8-bom' | 'windows-1252';
  separator?: ',' | ';' | '\t';
}
