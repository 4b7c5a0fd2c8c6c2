import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect, type Migration } from 'kysely';
import { AppError } from '../../src-shared/errors';
import type { Database } from './schema';
import { migrations } from './migrations';

export type Db = Kysely<Database>;

export interface OpenOptions {
  /** Path of the database file, or ':memory:'. */
  file: string;
  /** Electron loads better-sqlite3 built for its own ABI from here; Node uses the installed build. */
  nativeBinding?: string;
  /** Where pre-migration backups go; defaults to `backups/` beside the database. */
  backupDir?: string;
  /** Used to name backup files; a clock is passed in so tests are repeatable. */
  now?: () => Date;
  /** Tests pass their own list to exercise upgrades; the app always uses the shipped one. */
  migrations?: Record<string, Migration>;
}

export interface OpenedDb {
  db: Db;
  sqlite: BetterSqlite3.Database;
  file: string;
  schemaVersion: number;
  /** Path of the backup taken before migrating, if one was needed. */
  preMigrationBackup: string | null;
}

const handles = new WeakMap<Db, BetterSqlite3.Database>();

/**
 * The better-sqlite3 connection under a Kysely instance opened by openDatabase, for the few bulk writes
 * that need prepared statements run many times (db/repositories/bulk-insert.ts). Kysely has one
 * connection and a transaction holds it, so statements run on this handle inside a Kysely transaction
 * belong to that transaction.
 */
export function sqliteOf(db: Db): BetterSqlite3.Database {
  const handle = handles.get(db);
  if (!handle) throw new Error('This Kysely instance was not opened by openDatabase.');
  return handle;
}

export const KNOWN_MIGRATIONS = Object.keys(migrations).sort();
export const SCHEMA_VERSION = KNOWN_MIGRATIONS.length;

function openRaw(file: string, nativeBinding?: string): BetterSqlite3.Database {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  let sqlite: BetterSqlite3.Database;
  try {
    sqlite = new BetterSqlite3(file, nativeBinding ? { nativeBinding } : {});
  } catch (e) {
    throw new AppError(
      'db_damaged',
      `Meeloop cannot open the database file ${file}. Check that the file exists and that you may write to its folder, or restore a backup.`,
      { cause: String(e) },
    );
  }
  try {
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    const check = sqlite.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new Error(String(check));
  } catch (e) {
    sqlite.close();
    throw new AppError(
      'db_damaged',
      `The file ${file} is not a Meeloop database or it is damaged. Nothing was changed. Restore a backup (Settings > Restore, or \`meeloop restore FILE\`) or choose another file.`,
      { cause: String(e) },
    );
  }
  return sqlite;
}

function appliedMigrations(sqlite: BetterSqlite3.Database): string[] {
  const table = sqlite
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'kysely_migration'")
    .get();
  if (!table) return [];
  return (sqlite.prepare('SELECT name FROM kysely_migration ORDER BY name').all() as { name: string }[]).map((r) => r.name);
}

function hasUserTables(sqlite: BetterSqlite3.Database): boolean {
  const row = sqlite
    .prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    .get() as { n: number };
  return row.n > 0;
}

function stamp(d: Date): string {
  return d.toISOString().replace(/[:.]/g, '-');
}

/**
 * Opens (creating if needed) and migrates the database. Refuses a database written by a newer
 * Meeloop, and backs the file up before migrating it. Never deletes or resets user data.
 */
export async function openDatabase(options: OpenOptions): Promise<OpenedDb> {
  const now = options.now ?? (() => new Date());
  const list = options.migrations ?? migrations;
  const known = Object.keys(list).sort();
  const sqlite = openRaw(options.file, options.nativeBinding);
  const applied = appliedMigrations(sqlite);
  const unknown = applied.filter((name) => !known.includes(name));
  if (unknown.length > 0) {
    sqlite.close();
    throw new AppError(
      'db_newer_than_app',
      `This database was written by a newer version of Meeloop (it has changes ${unknown.join(', ')} that this version does not know). Nothing was changed. Install the latest Meeloop to open it.`,
      { unknown },
    );
  }
  if (applied.length === 0 && hasUserTables(sqlite)) {
    sqlite.close();
    throw new AppError(
      'db_damaged',
      `The file ${options.file} is an SQLite database, but not one of Meeloop. Nothing was changed. Choose a Meeloop database or start a new one.`,
    );
  }

  // Only now, once the file is known to be ours, change its journal mode (a persistent setting).
  if (options.file !== ':memory:') sqlite.pragma('journal_mode = WAL');
  const pending = known.filter((name) => !applied.includes(name));
  let preMigrationBackup: string | null = null;
  if (pending.length > 0 && applied.length > 0 && options.file !== ':memory:') {
    const dir = options.backupDir ?? path.join(path.dirname(path.resolve(options.file)), 'backups');
    fs.mkdirSync(dir, { recursive: true });
    preMigrationBackup = path.join(dir, `meeloop-${stamp(now())}-before-migration.db`);
    await sqlite.backup(preMigrationBackup);
  }

  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  handles.set(db, sqlite);
  if (pending.length > 0) {
    const migrator = new Migrator({ db, provider: { getMigrations: async () => list } });
    const { error, results } = await migrator.migrateToLatest();
    if (error) {
      await db.destroy();
      const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
      throw new AppError(
        'db_migration_failed',
        `Meeloop could not update the database (step ${failed}). Your data was not changed${preMigrationBackup ? `; a copy is at ${preMigrationBackup}` : ''}. Please report this problem.`,
        { cause: String(error) },
      );
    }
  }
  sqlite.pragma(`user_version = ${known.length}`);
  return { db, sqlite, file: options.file, schemaVersion: known.length, preMigrationBackup };
}
