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
   * What only a window can do (system dialogs). Absent in the CLI; the app sets Electron's dialogs,
   * the end-to-end test host sets a stand-in.
   */
  ui?: UiPort;
}

export type FolderPurpose = 'documents' | 'calendar' | 'export';

export interface UiPort {
  /** The folder the coordinator picked, or null when they cancelled. */
  chooseFolder: (purpose: FolderPurpose) => Promise<string | null>;
}

export function isoNow(ctx: Pick<ServiceContext, 'now'>): string {
  return ctx.now().toISOString();
}
