import { Worker } from 'node:worker_threads';
import type { FileRejection } from '../../../src-shared/schemas/import-preview.schema';
import type { RowSink, WorkbookInfo } from './read-options';
import type { ParseJob, ParseMessage, ParseRequest } from './read-spreadsheet';
import { rejection } from './xlsx-inspect';

/**
 * Keeps the spreadsheet parse worker alive between imports. Starting a worker per file cost more than
 * reading the file: the worker loads exceljs and runs cold, so a 10,000-row sheet took 2-3x as long as
 * in a worker that had read a file before. The host runs one file at a time, keeps the worker for
 * `idleMs` after the last one, and throws it away (a new one starts with the next file) whenever a
 * file hits the time limit, runs the worker out of memory or kills it. Those limits therefore still
 * hold per file: a hostile file can at worst lose the worker it ran in.
 */

/** How the worker is started: a bundled .js file, or the eval bootstrap that loads the TypeScript sources. */
export interface WorkerSpec {
  file: string;
  eval: boolean;
}

/** Per-file options of a parse job. */
export interface HostedJobOptions {
  timeoutMs: number;
  /** Old-generation heap of the worker; a job asking for another limit gets a new worker. */
  maxMemoryMb: number;
  onRows: RowSink;
  onProgress?: (rows: number, total: number | null) => void;
}

export type HostedJobResult = { ok: true; info: WorkbookInfo } | { ok: false; rejection: FileRejection };

export class ParseWorkerHost {
  private worker: Worker | null = null;
  private memoryMb = 0;
  private nextId = 1;
  private queue: Promise<unknown> = Promise.resolve();
  private idleTimer: NodeJS.Timeout | null = null;
  /** Workers started so far (tests read it to see that a worker was reused or replaced). */
  started = 0;

  constructor(
    private readonly spec: WorkerSpec,
    private readonly idleMs = 5 * 60_000,
  ) {}

  /** Parses one file in the worker; files queue behind each other. */
  run(job: ParseJob, options: HostedJobOptions): Promise<HostedJobResult> {
    const result = this.queue.then(() => this.runNow(job, options));
    this.queue = result.catch(() => undefined);
    return result;
  }

  /** Stops the worker now (app quit, tests). */
  dispose(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    this.kill();
  }

  private ensure(maxMemoryMb: number): Worker {
    if (this.worker && this.memoryMb === maxMemoryMb) return this.worker;
    this.kill();
    const worker = new Worker(this.spec.file, {
      eval: this.spec.eval,
      resourceLimits: { maxOldGenerationSizeMb: maxMemoryMb, maxYoungGenerationSizeMb: 64, stackSizeMb: 4 },
      stdout: false,
      stderr: false,
    });
    // An idle worker that dies is simply forgotten; a running job listens for its own errors.
    worker.on('error', () => undefined);
    worker.on('exit', () => {
      if (this.worker === worker) this.worker = null;
    });
    this.worker = worker;
    this.memoryMb = maxMemoryMb;
    this.started++;
    return worker;
  }

  private kill(): void {
    const worker = this.worker;
    this.worker = null;
    if (worker) void worker.terminate();
  }

  private scheduleIdle(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => this.kill(), this.idleMs);
    this.idleTimer.unref();
  }

  private runNow(job: ParseJob, options: HostedJobOptions): Promise<HostedJobResult> {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    const worker = this.ensure(options.maxMemoryMb);
    // A running job keeps the process alive (the CLI awaits it); an idle worker does not.
    worker.ref();
    const id = this.nextId++;
    return new Promise<HostedJobResult>((resolve, reject) => {
      let settled = false;
      const finish = (outcome: { result: HostedJobResult } | { error: unknown }, isWorkerSpent: boolean) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        if (isWorkerSpent && this.worker === worker) this.kill();
        else {
          worker.unref();
          this.scheduleIdle();
        }
        if ('result' in outcome) resolve(outcome.result);
        else reject(outcome.error);
      };
      const onMessage = (m: ParseMessage) => {
        if (m.id !== id) return;
        try {
          if (m.type === 'rows') options.onRows(m.batch);
          else if (m.type === 'progress') options.onProgress?.(m.rows, m.total);
          else if (m.type === 'done') finish({ result: { ok: true, info: m.info } }, false);
          else if (m.type === 'rejected') finish({ result: { ok: false, rejection: m.rejection } }, false);
          else finish({ result: { ok: false, rejection: rejection('unreadable') } }, false);
        } catch (e) {
          // The caller's handler failed: stop reading (the worker may still be busy with this file).
          finish({ error: e }, true);
        }
      };
      const onError = (e: Error & { code?: string }) => {
        finish({ result: { ok: false, rejection: rejection(e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'out_of_memory' : 'unreadable') } }, true);
      };
      const onExit = () => finish({ result: { ok: false, rejection: rejection('unreadable') } }, true);
      const timer = setTimeout(() => finish({ result: { ok: false, rejection: rejection('timeout') } }, true), options.timeoutMs);
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      const request: ParseRequest = { type: 'job', id, job };
      worker.postMessage(request);
    });
  }
}
