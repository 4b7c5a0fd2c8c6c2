import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../src-shared/errors';
import { appendAudit } from '../db/repositories/audit.repository';
import { backupName, listBackupFiles, pruneBackups, validateBackupFile, type BackupFile, type BackupReason } from '../io/backup-files';
import { isoNow, type ServiceContext } from './context';

/** How many automatic backups are kept; manual ones are kept until the coordinator deletes them. */
export const KEEP_AUTOMATIC_BACKUPS = 20;

export function backupDir(ctx: Pick<ServiceContext, 'dataDir'>): string {
  return path.join(ctx.dataDir, 'backups');
}

/**
 * Takes a consistent copy of the live database with SQLite's online backup API. Automatic backups
 * rotate; `outFile` (CLI `backup --out`) writes a manual copy wherever the coordinator wants it.
 */
export async function backupNow(ctx: ServiceContext, reason: BackupReason, outFile?: string): Promise<BackupFile> {
  const pending = await backupPending(ctx, reason, outFile);
  await pending.keep(ctx.db);
  pending.prune();
  return pending.backup;
}

/**
 * A backup whose copy is made but not yet recorded: `keep(db)` writes the audit line through `db` (a
 * transaction: the import that writes while it reads records its backup in its own transaction);
 * `prune()` then drops automatic backups beyond the kept number, once the backup is sure to stay;
 * `discard()` deletes the copy instead (that import was refused and rolled back, and leaves no trace).
 */
export async function backupPending(
  ctx: ServiceContext,
  reason: BackupReason,
  outFile?: string,
): Promise<{ backup: BackupFile; keep: (db: ServiceContext['db']) => Promise<void>; prune: () => void; discard: () => void }> {
  if (ctx.dbPath === ':memory:' && !outFile) throw new AppError('conflict', 'This database lives in memory only; give a file to back it up to.');
  const at = ctx.now();
  const file = outFile ? path.resolve(outFile) : path.join(backupDir(ctx), backupName(at, reason));
  if (outFile && fs.existsSync(file)) throw new AppError('conflict', `${file} already exists. Choose another file name; Meeloop never overwrites a file.`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  // Written under a temporary name (never listed as a backup) and renamed when complete: a crash
  // mid-copy leaves no broken file in the restore list.
  const partial = `${file}.partial`;
  // Leftovers of a copy cut off by a crash hold personal data that erase and purge would not see.
  if (!outFile) for (const n of fs.readdirSync(path.dirname(file))) if (n.endsWith('.db.partial')) fs.rmSync(path.join(path.dirname(file), n), { force: true });
  try {
    await ctx.snapshot(partial);
    fs.renameSync(partial, file);
  } catch (e) {
    fs.rmSync(partial, { force: true });
    throw e;
  }
  return {
    backup: { file, name: path.basename(file), createdAt: at.toISOString(), reason, sizeBytes: fs.statSync(file).size },
    keep: async (db) => {
      await appendAudit(db, { at: at.toISOString(), actor: ctx.actor, action: 'backup', entity: 'database', entityId: null, details: { reason, file } });
    },
    prune: () => {
      if (!outFile && reason !== 'manual') pruneBackups(backupDir(ctx), KEEP_AUTOMATIC_BACKUPS);
    },
    discard: () => fs.rmSync(file, { force: true }),
  };
}

/** The backups in the app's backup folder, newest first. */
export function listBackups(ctx: ServiceContext): BackupFile[] {
  return listBackupFiles(backupDir(ctx));
}

/** Takes the daily backup if none was taken today (called at start). */
export async function ensureDailyBackup(ctx: ServiceContext): Promise<BackupFile | null> {
  const today = isoNow(ctx).slice(0, 10);
  const hasToday = listBackups(ctx).some((b) => b.reason === 'daily' && b.createdAt.slice(0, 10) === today);
  return hasToday ? null : backupNow(ctx, 'daily');
}

/**
 * Restores a backup: checks it first (nothing changes when it is not a usable Meeloop backup),
 * keeps the current state as a 'before-restore' backup, then puts the backup in place.
 */
export async function restoreBackup(ctx: ServiceContext, file: string): Promise<{ restored: string; previousStateKeptAt: string }> {
  const source = path.resolve(file);
  validateBackupFile(source);
  const kept = await backupNow(ctx, 'before-restore');
  await ctx.replaceWith(source);
  await appendAudit(ctx.db, { at: isoNow(ctx), actor: ctx.actor, action: 'restore', entity: 'database', entityId: null, details: { from: source, previous: kept.file } });
  return { restored: source, previousStateKeptAt: kept.file };
}

/** Restores a backup chosen by name from the backup folder (the window never sends paths). */
export async function restoreBackupByName(ctx: ServiceContext, name: string): Promise<{ restored: string; previousStateKeptAt: string | null }> {
  const found = listBackups(ctx).find((b) => b.name === name);
  if (!found) throw new AppError('not_found', `There is no backup called ${name}. Choose one from the list.`);
  return restoreBackup(ctx, found.file);
}

/**
 * Restores a backup onto a database file that may not even open (damaged, foreign). The current
 * file is kept: as a 'before-restore' backup when it opens, else renamed to `*.damaged-<time>`.
 * Used by the CLI and by the app's start-up when the database is damaged.
 */
export async function restoreDatabaseFile(
  dbPath: string,
  file: string,
  open: () => Promise<ServiceContext>,
  now: () => Date,
): Promise<{ restored: string; previousStateKeptAt: string | null }> {
  const source = path.resolve(file);
  validateBackupFile(source);
  if (!fs.existsSync(dbPath)) {
    fs.mkdirSync(path.dirname(dbPath), { recursive: true });
    fs.copyFileSync(source, dbPath);
    return { restored: source, previousStateKeptAt: null };
  }
  let current: ServiceContext | null = null;
  try {
    current = await open();
  } catch {
    current = null;
  }
  if (current) {
    try {
      const r = await restoreBackup(current, source);
      return r;
    } finally {
      await current.close();
    }
  }
  const aside = `${dbPath}.damaged-${now().toISOString().replace(/[:.]/g, '-')}`;
  fs.renameSync(dbPath, aside);
  for (const suffix of ['-wal', '-shm']) if (fs.existsSync(dbPath + suffix)) fs.renameSync(dbPath + suffix, aside + suffix);
  fs.copyFileSync(source, dbPath);
  return { restored: source, previousStateKeptAt: aside };
}
