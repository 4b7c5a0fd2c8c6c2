/**
 * Prints the import benchmark figures for bench/RESULTS.md: median of 3 runs after a warm-up, peak RSS
 * sampled every 10 ms, ratio to the bare read in the same run. Run: `npx tsx --expose-gc bench/import-measure.ts`.
 */
import { makeBenchFile } from '../test/fixtures/make-fixtures';
import { bareRead, ourImport } from './import-workload';

async function measure(label: string, fn: () => Promise<unknown>, runs = 3): Promise<{ label: string; ms: number; peakRssMb: number }> {
  const times: number[] = [];
  let peak = 0;
  for (let i = 0; i < runs; i++) {
    (globalThis as { gc?: () => void }).gc?.();
    const startRss = process.memoryUsage().rss;
    let localPeak = startRss;
    const timer = setInterval(() => {
      localPeak = Math.max(localPeak, process.memoryUsage().rss);
    }, 10);
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
    clearInterval(timer);
    peak = Math.max(peak, localPeak);
  }
  times.sort((a, b) => a - b);
  return { label, ms: times[Math.floor(times.length / 2)] ?? 0, peakRssMb: Math.round(peak / 1024 / 1024) };
}

void (async () => {
  const file = await makeBenchFile();
  await bareRead(file); // warm-up: file cache and JIT for both sides
  await ourImport(file, 'in-process');
  const bare = await measure('bare exceljs streaming read', () => bareRead(file));
  const inProcess = await measure('ours (read+find+map+normalise+plan), in-process', () => ourImport(file, 'in-process'));
  const worker = await measure('ours, parse in worker', () => ourImport(file, 'worker'));
  for (const r of [bare, inProcess, worker]) console.log(`${r.label}: ${Math.round(r.ms)} ms, peak RSS ${r.peakRssMb} MB, ratio ${(r.ms / bare.ms).toFixed(2)}`);
})();
