/**
 * Worker-thread entry of the spreadsheet parser (see parse-worker-host.ts). The worker lives on between
 * imports (a fresh worker per file spent most of its time loading exceljs and warming up); it takes one
 * job at a time, posts rows in batches as it reads them, then `done` or a rejection. Built as its own
 * entry so the bundle has a file to start: electron.vite.config.ts main input
 * `'parse-worker': 'src-main/io/spreadsheet/parse-worker.ts'` emits out/main/parse-worker.js next to index.js.
 */
import { isMainThread, parentPort } from 'node:worker_threads';
import { SpreadsheetRejected } from './read-options';
import { normalisingSink, readSpreadsheet, type ParseMessage, type ParseRequest } from './read-spreadsheet';

async function run({ id, job }: ParseRequest): Promise<void> {
  const post = (m: ParseMessage) => parentPort?.postMessage(m);
  try {
    const info = await readSpreadsheet(
      job.file,
      job.format,
      { maxRows: job.maxRows, maxColumns: job.maxColumns, expectedRows: job.expectedRows, ...(job.sheetParts ? { sheetParts: job.sheetParts } : {}), onProgress: (rows, total) => post({ type: 'progress', id, rows, total }) },
      normalisingSink(job, (batch) => post({ type: 'rows', id, batch })),
    );
    post({ type: 'done', id, info });
  } catch (e) {
    if (e instanceof SpreadsheetRejected) post({ type: 'rejected', id, rejection: e.rejection });
    else post({ type: 'failed', id, message: e instanceof Error ? e.message : String(e) });
  }
}

if (!isMainThread && parentPort) parentPort.on('message', (m: ParseRequest) => void run(m));
