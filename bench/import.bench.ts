/**
 * `npm run bench`: the bare exceljs streaming read against Meeloop's import of the same 10,000-participant
 * file into the database, in the same run. Figures for RESULTS.md come from bench/import-measure.ts,
 * which keeps the database setup out of the timing; here every iteration includes making a fresh
 * in-memory database with its 60 hosts (vitest bench has no per-iteration setup hook).
 */
import { afterAll, bench, describe } from 'vitest';
import { parseWorkerHost } from '../src-main/io/spreadsheet/load-spreadsheet';
import { makeBenchFile } from '../test/fixtures/make-fixtures';
import { bareRead, ourCliImport, ourImportIntoDb, ourPlan, prepareDatabase } from './import-workload';

const file = makeBenchFile();

describe('import 10,000 participants x 3 choices', () => {
  afterAll(() => parseWorkerHost()?.dispose());
  bench('bare exceljs streaming read', async () => {
    await bareRead(await file);
  }, { iterations: 5, warmupIterations: 1 });
  bench('meeloop import as the CLI runs it (parse worker; incl. database setup)', async () => {
    const db = await prepareDatabase();
    try {
      await ourCliImport(await file, db, 'worker');
    } finally {
      await db.ctx.close();
    }
  }, { iterations: 5, warmupIterations: 1 });
  bench('meeloop preview + commit as the window runs it (parse worker; incl. database setup)', async () => {
    const db = await prepareDatabase();
    try {
      await ourImportIntoDb(await file, db, 'worker');
    } finally {
      await db.ctx.close();
    }
  }, { iterations: 5, warmupIterations: 1 });
  bench('meeloop read + find + map + normalise + plan, no database (parse in this thread)', async () => {
    await ourPlan(await file, 'in-process');
  }, { iterations: 5, warmupIterations: 1 });
});
