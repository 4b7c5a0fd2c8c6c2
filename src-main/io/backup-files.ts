import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { AppError } from '../../src-shared/errors';
import { KNOWN_MIGRATIONS } from '../db/connection';

/** Reasons a backup is taken; part of the file name so the list reads well. */
export const BACKUP_REASONS = ['manual', 'daily', 'before-import', 'before-publish', 'before-migration', 'before-bulk-delete', 'before-restore', 'before-erase'] as const;
export type BackupReason = (typeof BACKUP_REASONS)[number];

export interface BackupFile {
  file: string;
  name: string;
  createdAt: string;
  reason: BackupReason;
  sizeBytes: number;
}

const NAME = /^meeloop-(\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z)-([a-z-]+)\.db$/;

export function backupName(at: Date, reason: BackupReason): string {
  return `meeloop-${at.toISOString().replace(/[:.]/g, '-')}-${reason}.db`;
}

/** Backups in a folder, newest first. Files that do not follow the naming are left alone. */
export function listBackupFiles(dir: string): BackupFile[] {
  if (!fs.existsSync(dir)) return [];
  const out: BackupFile[] = [];
  for (const name of fs.readdirSync(dir)) {
    const m = NAME.exec(name);
    if (!m) continue;
    const reason = m[2] as BackupReason;
    if (!(BACKUP_REASONS as readonly string[]).includes(reason)) continue;
    const stamp = m[1] ?? '';
    const createdAt = stamp.replace(/T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z$/, 'T$1:$2:$3.$4Z');
    const file = path.join(dir, name);
    out.push({ file, name, createdAt, reason, sizeBytes: fs.statSync(file).size });
  }
  return out.sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : a.name < b.name ? 1 : -1));
}

/**
 * Checks that a file is a Meeloop database this version can open, without changing it:
 * readable SQLite, passes quick_check, and holds no migration newer than the app.
 */
export function validateBackupFile(file: string): void {
  if (!fs.existsSync(file)) throw new AppError('not_found', `The file ${file} does not exist. Choose a backup from the list.`);
  let db: BetterSqlite3.Database | null = null;
  try {
    db = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new Error(String(check));
    const table = db.prepare("SELECT name FROM sqlite_master WHERE type='table' AND name='kysely_migration'").get();
    if (!table) throw new AppError('file_rejected', `${path.basename(file)} is not a Meeloop backup. Nothing was changed. Choose another file.`);
    const names = (db.prepare('SELECT name FROM kysely_migration').all() as { name: string }[]).map((r) => r.name);
    const unknown = names.filter((n) => !KNOWN_MIGRATIONS.includes(n));
    if (unknown.length > 0) throw new AppError('db_newer_than_app', `${path.basename(file)} was made by a newer Meeloop. Nothing was changed. Install the latest Meeloop to restore it.`);
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError('file_rejected', `${path.basename(file)} is damaged or is not a Meeloop backup. Nothing was changed. Choose another backup.`, { cause: String(e) });
  } finally {
    db?.close();
  }
}

/** Deletes the oldest automatic backups beyond `keep`. Manual backups are never deleted. */
export function pruneBackups(dir: string, keep: number): string[] {
  const automatic = listBackupFiles(dir).filter((b) => b.reason !== 'manual');
  const removed: string[] = [];
  for (const b of automatic.slice(keep)) {
    fs.rmSync(b.file, { force: true });
    removed.push(b.file);
  }
  return removed;
}

/**
 * Puts a validated backup in place of the database file. The caller has closed the database and
 * kept a backup of the current state. The WAL files of the old state are removed so they are not
 * replayed onto the restored file.
 */
export function replaceDatabaseFile(dbPath: string, backupFile: string): void {
  const tmp = `${dbPath}.restoring`;
  fs.copyFileSync(backupFile, tmp);
  for (const suffix of ['-wal', '-shm']) fs.rmSync(dbPath + suffix, { force: true });
  fs.renameSync(tmp, dbPath);
}
