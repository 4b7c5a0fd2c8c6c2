/**
 * `npm run bench`: the bare exceljs streaming read against Meeloop's import of the same 10,000-participant
 * file into the database, in the same run. Figures for RESULTS.md come from bench/import-measure.ts,
 * which keeps the database setup out of the timing; here every iteration includes making a fresh
 * in-memory database with its 60 hosts (vitest bench has no per-iteration setup hook).
 */
import { bench, describe } from 'vitest';
import { makeBenchFile } from '../test/fixtures/make-fixtures';
import { bareRead, ourImportIntoDb, ourPlan, prepareDatabase } from './import-workload';

const file = makeBenchFile();

describe('import 10,000 participants x 3 choices', () => {
  bench('bare exceljs streaming read', async () => {
    await bareRead(await file);
  }, { iterations: 3, warmupIterations: 1 });
  bench('meeloop preview + commit into a fresh database (in-process parse, incl. database setup)', async () => {
    const db = await prepareDatabase();
    try {
      await ourImportIntoDb(await file, db, 'in-process');
    } finally {
      await db.ctx.close();
    }
  }, { iterations: 3, warmupIterations: 1 });
  bench('meeloop read + find + map + normalise + plan, no database (in-process)', async () => {
    await ourPlan(await file, 'in-process');
  }, { iterations: 3, warmupIterations: 1 });
});
