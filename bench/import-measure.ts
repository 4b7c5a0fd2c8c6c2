/**
 * Prints the import benchmark figures for bench/RESULTS.md: median and fastest of ROUNDS runs after a
 * warm-up, peak RSS sampled every 10 ms, ratio to the bare read measured in the same run (bare and ours
 * alternate, so load from other jobs on the machine hits both alike; on a shared machine the fastest
 * run is the steadier figure). The database of each run is made before its timing starts.
 * Run: `npx tsx --expose-gc bench/import-measure.ts [ROUNDS]` (default 5).
 */
import { makeBenchFile } from '../test/fixtures/make-fixtures';
import { bareRead, ourImportIntoDb, ourPlan, prepareDatabase } from './import-workload';

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

void (async () => {
  const file = await makeBenchFile();
  const none = async () => undefined;
  const fresh = () => prepareDatabase();
  const close = async (db: Awaited<ReturnType<typeof prepareDatabase>>) => db.ctx.close();
  const workloads = {
    bare: { label: 'bare exceljs streaming read', run: () => sample(none, () => bareRead(file)) },
    intoDb: { label: 'Meeloop preview + commit into the database, in-process parse', run: () => sample(fresh, (db) => ourImportIntoDb(file, db, 'in-process'), close) },
    intoDbWorker: { label: 'same, parse in a worker (tsx-compiled sources)', run: () => sample(fresh, (db) => ourImportIntoDb(file, db, 'worker'), close) },
    planOnly: { label: 'Meeloop read + find + map + normalise + plan, no database, in-process', run: () => sample(none, () => ourPlan(file, 'in-process')) },
  };
  // Warm-up: file cache and JIT for every side.
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
})();
