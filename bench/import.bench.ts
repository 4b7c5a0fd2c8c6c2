/**
 * `npm run bench`: the bare exceljs streaming read against Meeloop's import of the same 10,000-participant
 * file into the database, in the same run. Each import goes into a fresh in-memory database with the
 * programme and its 60 hosts, made before the timing starts: vitest bench has no per-iteration setup,
 * so the databases are made up front, one per iteration (hence `time: 0`: exactly the iterations asked
 * for). The figures for RESULTS.md come from bench/import-measure.ts (more rounds, alternating).
 */
import { afterAll, bench, describe } from 'vitest';
import { parseWorkerHost } from '../src-main/io/spreadsheet/load-spreadsheet';
import { makeBenchFile } from '../test/fixtures/make-fixtures';
import { bareRead, ourCliImport, ourImportIntoDb, ourPlan, prepareDatabase } from './import-workload';

const file = makeBenchFile();
const ITERATIONS = 5;
const OPTIONS = { iterations: ITERATIONS, warmupIterations: 1, time: 0, warmupTime: 0 };

type Db = Awaited<ReturnType<typeof prepareDatabase>>;
const made: Db[] = [];

/** Databases for one task: one per iteration and warm-up, made now (outside the timing). */
async function databases(): Promise<Db[]> {
  const pool: Db[] = [];
  for (let i = 0; i < ITERATIONS + 1; i++) pool.push(await prepareDatabase());
  made.push(...pool);
  return pool;
}
const forCli = databases();
const forWindow = forCli.then(() => databases());

async function next(pool: Promise<Db[]>): Promise<Db> {
  const db = (await pool).pop();
  if (!db) throw new Error('the benchmark ran more iterations than it made databases for');
  return db;
}

describe('import 10,000 participants x 3 choices', () => {
  afterAll(async () => {
    parseWorkerHost()?.dispose();
    for (const db of made) await db.ctx.close();
  });
  bench('bare exceljs streaming read', async () => {
    await bareRead(await file);
  }, OPTIONS);
  bench('meeloop import as the CLI runs it (parse worker)', async () => {
    await ourCliImport(await file, await next(forCli), 'worker');
  }, OPTIONS);
  bench('meeloop preview + commit as the window runs it (parse worker)', async () => {
    await ourImportIntoDb(await file, await next(forWindow), 'worker');
  }, OPTIONS);
  bench('meeloop read + find + map + normalise + plan, no database (parse in this thread)', async () => {
    await ourPlan(await file, 'in-process');
  }, OPTIONS);
});
