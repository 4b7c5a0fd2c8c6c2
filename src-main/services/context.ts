import type { EventName, EventPayload } from '../../src-shared/ipc/contract';
import type { Db } from '../db/connection';

/** What every service receives: the database, a clock and who acts. No globals. */
export interface ServiceContext {
  /** Reassigned when a backup is restored; services read it at call time, never keep it. */
  db: Db;
  now: () => Date;
  /** Who made a change, for the audit log: 'app' for the window, 'cli' for the command line. */
  actor: string;
  dbPath: string;
  dataDir: string;
  resourcesDir: string;
  version: string;
  /** Copies the live database to a file with SQLite's online backup API. */
  snapshot: (file: string) => Promise<void>;
  /** Closes the database, puts `file` in its place and opens (and migrates) it again. */
  replaceWith: (file: string) => Promise<void>;
  /** Closes the database. */
  close: () => Promise<void>;
  /**
   * What only a window can do (system dialogs, events pushed to the page). Absent in the CLI; the app
   * sets Electron's dialogs and its main window, the end-to-end test host sets stand-ins.
   */
  ui?: UiPort;
}

export type FolderPurpose = 'documents' | 'calendar' | 'export';

export interface UiPort {
  /** The folder the coordinator picked, or null when they cancelled. */
  chooseFolder: (purpose: FolderPurpose) => Promise<string | null>;
  /**
   * Pushes an event to the window (fire and forget; nothing is sent when there is no window). Optional:
   * services must work the same without it.
   */
  emit?: <E extends EventName>(event: E, payload: EventPayload<E>) => void;
}

export function isoNow(ctx: Pick<ServiceContext, 'now'>): string {
  return ctx.now().toISOString();
}
