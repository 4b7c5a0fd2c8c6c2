/**
 * Prints the import benchmark figures for bench/RESULTS.md: median and fastest of ROUNDS runs after a
 * warm-up, peak RSS sampled every 10 ms, ratio to the bare read measured in the same run (the workloads
 * alternate, so load from other jobs on the machine hits all alike; on a shared machine the fastest
 * run is the steadier figure). The database of each run is made before its timing starts. The warm-up
 * also starts Meeloop's parse worker, which then stays alive, as in the app (see RESULTS.md).
 * Run: `npx tsx --expose-gc bench/import-measure.ts [ROUNDS]` (default 5).
 * Memory: `npx tsx bench/import-measure.ts memory` imports once in a fresh process (the parse worker is a
 * thread of it) and prints the process's peak resident memory, parse worker included.
 */
import { parseWorkerHost } from '../src-main/io/spreadsheet/load-spreadsheet';
import { makeBenchFile } from '../test/fixtures/make-fixtures';
import { bareRead, bareReadInWorker, bareReadReordered, ourCliImport, ourImportIntoDb, ourPlan, prepareDatabase } from './import-workload';

interface Sample {
  ms: number;
  peakRssMb: number;
}

async function sample<S>(setup: () => Promise<S>, fn: (s: S) => Promise<unknown>, teardown: (s: S) => Promise<void> = async () => undefined): Promise<Sample> {
  const state = await setup();
  (globalThis as { gc?: () => void }).gc?.();
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 10);
  const t = performance.now();
  await fn(state);
  const ms = performance.now() - t;
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().rss);
  await teardown(state);
  return { ms, peakRssMb: Math.round(peak / 1024 / 1024) };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

async function memoryOnly(): Promise<void> {
  const file = await makeBenchFile();
  const db = await prepareDatabase();
  const before = process.resourceUsage().maxRSS;
  await ourCliImport(file, db, 'worker');
  const peakMb = Math.round(process.resourceUsage().maxRSS / 1024);
  console.log(`peak RSS of a fresh process importing the file once (parse worker included): ${peakMb} MB (before the import: ${Math.round(before / 1024)} MB)`);
  await db.ctx.close();
  parseWorkerHost()?.dispose();
}

void (async () => {
  if (process.argv[2] === 'memory') return memoryOnly();
  const file = await makeBenchFile();
  const none = async () => undefined;
  const fresh = () => prepareDatabase();
  const close = async (db: Awaited<ReturnType<typeof prepareDatabase>>) => db.ctx.close();
  const bareWorker = bareReadInWorker();
  const workloads = {
    bare: { label: 'bare exceljs streaming read (this thread)', run: () => sample(none, () => bareRead(file)) },
    bareWorker: { label: 'bare exceljs streaming read in a warm worker (reference)', run: () => sample(none, () => bareWorker.read(file)) },
    bareReordered: { label: 'bare exceljs streaming read of the file reordered as Meeloop reads it (reference)', run: () => sample(none, () => bareReadReordered(file)) },
    cli: { label: 'Meeloop import as the CLI runs it (parse worker, plan once, write)', run: () => sample(fresh, (db) => ourCliImport(file, db, 'worker'), close) },
    window: { label: 'Meeloop preview + commit as the window runs it (parse worker)', run: () => sample(fresh, (db) => ourImportIntoDb(file, db, 'worker'), close) },
    inProcess: { label: 'Meeloop import as the CLI runs it, parse in this thread', run: () => sample(fresh, (db) => ourCliImport(file, db, 'in-process'), close) },
    planOnly: { label: 'Meeloop read + find + map + normalise + plan, no database, parse in this thread', run: () => sample(none, () => ourPlan(file, 'in-process')) },
  };
  // Warm-up: file cache, JIT, and the parse worker started once (it stays alive between imports).
  for (const w of Object.values(workloads)) await w.run();
  const results = new Map<string, Sample[]>(Object.keys(workloads).map((k) => [k, []]));
  const rounds = Number(process.argv[2] ?? 5);
  for (let i = 0; i < rounds; i++) for (const [k, w] of Object.entries(workloads)) results.get(k)?.push(await w.run());
  const bare = (results.get('bare') ?? []).map((s) => s.ms);
  const bareMedian = median(bare);
  const bareMin = Math.min(...bare);
  for (const [k, w] of Object.entries(workloads)) {
    const s = results.get(k) ?? [];
    const ms = median(s.map((x) => x.ms));
    const min = Math.min(...s.map((x) => x.ms));
    console.log(
      `${w.label}: median ${Math.round(ms)} ms (ratio ${(ms / bareMedian).toFixed(2)}), fastest ${Math.round(min)} ms (ratio ${(min / bareMin).toFixed(2)}), ` +
        `runs ${s.map((x) => Math.round(x.ms)).join(', ')}, peak RSS ${Math.max(...s.map((x) => x.peakRssMb))} MB`,
    );
  }
  await bareWorker.stop();
  parseWorkerHost()?.dispose();
})();
