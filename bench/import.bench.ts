/**
 * `npm run bench`: the bare exceljs streaming read against Meeloop's import (up to the plan) on the same
 * 10,000-participant file, in the same run. Figures for RESULTS.md come from bench/import-measure.ts.
 */
import { bench, describe } from 'vitest';
import { makeBenchFile } from '../test/fixtures/make-fixtures';
import { bareRead, ourImport } from './import-workload';

const file = makeBenchFile();

describe('import 10,000 participants x 3 choices', () => {
  bench('bare exceljs streaming read', async () => {
    await bareRead(await file);
  }, { iterations: 3, warmupIterations: 1 });
  bench('meeloop read + find + map + normalise + plan (in-process)', async () => {
    await ourImport(await file, 'in-process');
  }, { iterations: 3, warmupIterations: 1 });
  bench('meeloop read + find + map + normalise + plan (worker)', async () => {
    await ourImport(await file, 'worker');
  }, { iterations: 3, warmupIterations: 1 });
});
