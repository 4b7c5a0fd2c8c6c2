import path from 'node:path';
import { openDatabase, type OpenedDb } from '../db/connection';
import { replaceDatabaseFile } from '../io/backup-files';
import type { ServiceContext } from './context';

export interface OpenContextOptions {
  file: string;
  now: () => Date;
  actor: string;
  resourcesDir: string;
  version: string;
  dataDir?: string;
  nativeBinding?: string;
}

export interface OpenedContext extends ServiceContext {
  /** The schema version and pre-migration backup of the first open. */
  opened: OpenedDb;
}

/** Opens and migrates the database and builds the context every service receives (app, CLI, tests). */
export async function openServiceContext(o: OpenContextOptions): Promise<OpenedContext> {
  const open = () => openDatabase({ file: o.file, now: o.now, nativeBinding: o.nativeBinding });
  let current = await open();
  const ctx: OpenedContext = {
    db: current.db,
    now: o.now,
    actor: o.actor,
    dbPath: o.file,
    dataDir: o.dataDir ?? path.dirname(path.resolve(o.file)),
    resourcesDir: o.resourcesDir,
    version: o.version,
    opened: current,
    snapshot: async (file) => {
      await current.sqlite.backup(file);
    },
    replaceWith: async (file) => {
      await current.db.destroy();
      replaceDatabaseFile(o.file, file);
      current = await open();
      ctx.db = current.db;
    },
    close: () => current.db.destroy(),
  };
  return ctx;
}
