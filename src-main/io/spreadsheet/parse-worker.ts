/**
 * Worker-thread entry of the spreadsheet parser (see load-spreadsheet.ts). It reads one file and posts
 * progress, then the sheets or a rejection. Built as its own entry so the bundle has a file to start:
 * electron.vite.config.ts main input `'parse-worker': 'src-main/io/spreadsheet/parse-worker.ts'` emits
 * out/main/parse-worker.js next to index.js.
 */
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { SpreadsheetRejected } from './read-options';
import { readSpreadsheet, type ParseJob, type ParseMessage } from './read-spreadsheet';

async function run(job: ParseJob): Promise<void> {
  const post = (m: ParseMessage) => parentPort?.postMessage(m);
  try {
    const workbook = await readSpreadsheet(job.file, job.format, {
      maxRows: job.maxRows,
      maxColumns: job.maxColumns,
      expectedRows: job.expectedRows,
      onProgress: (rows, total) => post({ type: 'progress', rows, total }),
    });
    post({ type: 'done', workbook });
  } catch (e) {
    if (e instanceof SpreadsheetRejected) post({ type: 'rejected', rejection: e.rejection });
    else post({ type: 'failed', message: e instanceof Error ? e.message : String(e) });
  }
}

if (!isMainThread && parentPort) void run(workerData as ParseJob);
