/**
 * The workloads of the import benchmark (bench/import.bench.ts, bench/import-measure.ts) on one file of
 * 10,000 participants x 3 choices: a bare exceljs streaming read, and Meeloop's import as the CLI runs it
 * (`import FILE --as participants`: inspect, read in the parse worker while the rows are normalised,
 * planned and written in one transaction) and as the window runs it (preview, then commit).
 */
import fs from 'node:fs';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { reorderXlsxParts } from '../src-main/io/spreadsheet/zip-reorder';
import { locateTable } from '../src-main/domain/import/find-table';
import { proposeMapping } from '../src-main/domain/import/header-mapping';
import { normaliseRows } from '../src-main/domain/import/normalise';
import { planParticipants } from '../src-main/domain/import/plan';
import { loadSpreadsheet } from '../src-main/io/spreadsheet/load-spreadsheet';
import { commitImport, importFile, previewImport } from '../src-main/services/import.service';
import { Worker } from 'node:worker_threads';
import { createOrganisation } from '../src-main/services/organisation.service';
import { createPlace } from '../src-main/services/place.service';
import { createProgramme } from '../src-main/services/programme.service';
import { OrganisationInputSchema } from '../src-shared/schemas/organisation.schema';
import { PlaceInputSchema } from '../src-shared/schemas/place.schema';
import { ProgrammeInputSchema } from '../src-shared/schemas/programme.schema';
import { benchHosts } from '../test/fixtures/make-fixtures';
import { createTestContext, type TestContext } from '../test/helpers/context';

export const BENCH_ROWS = 10_000;

/** The baseline: read every cell with the streaming reader and do nothing with it. */
export async function bareRead(file: string | Readable): Promise<number> {
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

/**
 * For reference: the same bare read of the file with its parts in the order Meeloop hands them to
 * exceljs (zip-reorder.ts: shared strings before the worksheets, so no sheet is spooled to a temporary
 * file). Reordering is part of Meeloop's read; this line shows how much of the gap it closes.
 */
export async function bareReadReordered(file: string): Promise<number> {
  const bytes = fs.readFileSync(file);
  const reordered = await reorderXlsxParts(bytes);
  return bareRead(Readable.from([reordered ?? bytes]));
}

/** Ours up to the plan, without a database (the pure part of a preview). */
export async function ourPlan(file: string, mode: 'worker' | 'in-process'): Promise<number> {
  const loaded = await loadSpreadsheet(file, { mode });
  if (!loaded.ok) throw new Error(loaded.rejection.message);
  const located = locateTable(loaded.workbook, 'participants');
  if (!located.ok) throw new Error(located.message);
  const mapping = proposeMapping(located.table.headers, 'participants');
  const normalised = normaliseRows('participants', located.table, mapping.columns);
  const plan = planParticipants({ ...normalised, existing: { people: [], organisations: [] }, hosts: benchHosts(), importedAt: '2026-11-23T10:00:00' });
  if (plan.summary.created !== BENCH_ROWS) throw new Error(`expected ${BENCH_ROWS} created, got ${JSON.stringify(plan.summary)}`);
  return plan.items.length;
}

/** A fresh migrated in-memory database with one programme and the 60 hosts the file chooses from. */
export async function prepareDatabase(): Promise<{ ctx: TestContext; programmeId: number }> {
  const ctx = await createTestContext();
  const programmeId = (await createProgramme(ctx, ProgrammeInputSchema.parse({ name: 'Benchmark', kind: 'kijkstage' }))).id;
  for (const h of benchHosts()) {
    const o = await createOrganisation(ctx, OrganisationInputSchema.parse({ name: h.name, postcode: '1000' }));
    await createPlace(ctx, PlaceInputSchema.parse({ programmeId, organisationId: o.id, team: 'Onthaal', capacity: 3 }));
  }
  return { ctx, programmeId };
}

async function expectWritten(db: { ctx: TestContext }, created: number): Promise<void> {
  if (created !== BENCH_ROWS) throw new Error(`expected ${BENCH_ROWS} created, got ${created}`);
  const n = await db.ctx.db.selectFrom('application_choices').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  if (Number(n.n) !== BENCH_ROWS * 3) throw new Error(`expected ${BENCH_ROWS * 3} choices written, got ${n.n}`);
}

/** The import as the CLI's `import FILE --programme ID --as participants` runs it (importFile), in-process. */
export async function ourCliImport(file: string, db: { ctx: TestContext; programmeId: number }, mode: 'worker' | 'in-process'): Promise<number> {
  const { record, writtenWhileReading } = await importFile(db.ctx, { programmeId: db.programmeId, kind: 'participants', filePath: file }, { parseMode: mode });
  if (!writtenWhileReading) throw new Error('the import fell back to reading first, then writing');
  await expectWritten(db, record.summary.created);
  return record.summary.created;
}

/**
 * The same bare read in a worker thread that stays alive between runs (as Meeloop's parse worker does),
 * for reference: the ratio the issue asks for is to the bare read in the benchmark's own thread.
 */
export function bareReadInWorker(): { read: (file: string) => Promise<number>; stop: () => Promise<number> } {
  const source = `
    const { parentPort } = require('node:worker_threads');
    const ExcelJS = require(${JSON.stringify(require.resolve('exceljs'))});
    parentPort.on('message', async (file) => {
      const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', entries: 'ignore' });
      let cells = 0;
      for await (const ws of reader) for await (const row of ws) row.eachCell(() => { cells++; });
      parentPort.postMessage(cells);
    });`;
  const worker = new Worker(source, { eval: true });
  return {
    read: (file) =>
      new Promise((resolve) => {
        worker.once('message', (cells: number) => resolve(cells));
        worker.postMessage(file);
      }),
    stop: () => worker.terminate(),
  };
}

/**
 * The whole import into the database as the window runs it (without the coordinator's pause): preview,
 * then commit. An in-memory database takes no backup; a file database adds one file copy before the commit.
 */
export async function ourImportIntoDb(file: string, db: { ctx: TestContext; programmeId: number }, mode: 'worker' | 'in-process'): Promise<number> {
  const preview = await previewImport(db.ctx, { programmeId: db.programmeId, kind: 'participants', filePath: file }, { parseMode: mode });
  if (preview.unresolvedChoices.length > 0) throw new Error(`unresolved choices: ${preview.unresolvedChoices.map((u) => u.text).join(', ')}`);
  const record = await commitImport(db.ctx, { previewId: preview.previewId });
  await expectWritten(db, record.summary.created);
  return record.summary.created;
}
