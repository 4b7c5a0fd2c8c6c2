/**
 * The two workloads of the import benchmark (bench/import.bench.ts, bench/import-measure.ts): a bare
 * exceljs streaming read of 10,000 participants x 3 choices, and Meeloop's reader + table finding +
 * mapping + normalise + plan on the same file. The lead adds the DB write to `ourImport`.
 */
import ExcelJS from 'exceljs';
import { locateTable } from '../src-main/domain/import/find-table';
import { proposeMapping } from '../src-main/domain/import/header-mapping';
import { normaliseRows } from '../src-main/domain/import/normalise';
import { planParticipants } from '../src-main/domain/import/plan';
import { loadSpreadsheet } from '../src-main/io/spreadsheet/load-spreadsheet';
import { benchHosts } from '../test/fixtures/make-fixtures';

/** The baseline: read every cell with the streaming reader and do nothing with it. */
export async function bareRead(file: string): Promise<number> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', entries: 'ignore' });
  let cells = 0;
  for await (const ws of reader) {
    for await (const row of ws as unknown as AsyncIterable<ExcelJS.Row>) {
      row.eachCell(() => {
        cells++;
      });
    }
  }
  return cells;
}

/** Ours up to the plan (what the import service computes before its transaction). */
export async function ourImport(file: string, mode: 'worker' | 'in-process'): Promise<number> {
  const loaded = await loadSpreadsheet(file, { mode });
  if (!loaded.ok) throw new Error(loaded.rejection.message);
  const located = locateTable(loaded.workbook, 'participants');
  if (!located.ok) throw new Error(located.message);
  const mapping = proposeMapping(located.table.headers, 'participants');
  const normalised = normaliseRows('participants', located.table, mapping.columns);
  const plan = planParticipants({ ...normalised, existing: { people: [], organisations: [] }, hosts: benchHosts(), importedAt: '2026-11-23T10:00:00' });
  if (plan.summary.created !== 10_000) throw new Error(`expected 10000 created, got ${JSON.stringify(plan.summary)}`);
  return plan.items.length;
}

