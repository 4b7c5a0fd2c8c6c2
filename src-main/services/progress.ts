import type { ProgressTask } from '../../src-shared/schemas/progress.schema';
import type { ServiceContext } from './context';

/** Reports one run's progress to the window; `finish` always sends, `report` at most every interval. */
export interface ProgressReporter {
  report: (done: number, total: number | null) => void;
  /** The last event of a run that ended normally: the bar reaches its end (`done === total`). */
  finish: (done: number) => void;
}

const SILENT: ProgressReporter = { report: () => undefined, finish: () => undefined };

/**
 * A throttled progress reporter for one run of a task. Events cross a process boundary and the window
 * repaints on each, so a fast loop (a thousand rows a millisecond) is thinned to one event per
 * `intervalMs`; the first event and a `done === total` event always go out. Silent when the window
 * did not name the run (no runId) or there is no window to tell (the CLI).
 */
export function progressReporter(
  ctx: Pick<ServiceContext, 'ui'>,
  task: ProgressTask,
  runId: string | undefined,
  options: { intervalMs?: number; clock?: () => number } = {},
): ProgressReporter {
  const emit = ctx.ui?.emit;
  if (!emit || runId === undefined) return SILENT;
  const intervalMs = options.intervalMs ?? 100;
  const clock = options.clock ?? Date.now;
  let lastAt = -Infinity;
  let lastDone = -1;
  const send = (done: number, total: number | null) => {
    lastAt = clock();
    lastDone = done;
    emit('task.progress', { task, runId, done, total });
  };
  return {
    report(done, total) {
      // An estimate that turns out too small says nothing any more: the bar becomes indeterminate.
      const shownTotal = total !== null && total >= done ? total : null;
      if (done === lastDone) return;
      if (done === shownTotal || clock() - lastAt >= intervalMs) send(done, shownTotal);
    },
    finish(done) {
      send(done, done);
    },
  };
}
