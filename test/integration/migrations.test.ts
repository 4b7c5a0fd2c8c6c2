import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { sql, type Kysely, type Migration } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, SCHEMA_VERSION } from '../../src-main/db/connection';
import { migrations } from '../../src-main/db/migrations';
import { REPO_ROOT, fixedClock, tempDir } from '../helpers/context';

/*
 * Migration policy as tests: shipped migrations never change, re-running is a no-op, a newer
 * database is refused untouched, and the file is backed up before it is migrated.
 */

/** sha256 of every shipped migration. Adding a migration adds a line; changing one fails here. */
const SHIPPED: Record<string, string> = {
  '0004_closed_periods.ts': '6c94e289e2955f65d4ae87c60cdea321332cd3e77ad398ccb3b396b8f27799c0',
  '0003_planner.ts': 'ab8aa83a08c0354c400a4840bf9be82583418a0b2bbe7b7cdfae65451e29d304',
  '0002_matching_scenarios.ts': '4330c048629419249097591b544381050c6a0609db160b4e45e97030e0670ded',
  '0001_initial.ts': 'b19d16f9d50ffc9130df13bacc38ca3987c5ce72cc64903545b382500d64b1f2',
};

const dirs: string[] = [];
function freshFile(): string {
  const dir = tempDir();
  dirs.push(dir);
  return path.join(dir, 'meeloop.db');
}
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function fileHash(file: string): string {
  return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

describe('shipped migrations', () => {
  it('are unchanged since they shipped', () => {
    const dir = path.join(REPO_ROOT, 'src-main', 'db', 'migrations');
    for (const [name, hash] of Object.entries(SHIPPED)) {
      expect(fileHash(path.join(dir, name)), `${name} was edited: add a new migration instead`).toBe(hash);
    }
  });

  it('are all registered in the static list, in order', () => {
    const dir = path.join(REPO_ROOT, 'src-main', 'db', 'migrations');
    const files = fs.readdirSync(dir).filter((f) => /^\d{4}_.+\.ts$/.test(f)).map((f) => f.replace(/\.ts$/, '')).sort();
    expect(Object.keys(migrations)).toEqual(files);
    expect(Object.keys(SHIPPED).map((f) => f.replace(/\.ts$/, '')).sort()).toEqual(files);
  });
});

describe('openDatabase', () => {
  it('creates a fresh database with every table and foreign keys on', async () => {
    const file = freshFile();
    const opened = await openDatabase({ file });
    expect(opened.schemaVersion).toBe(SCHEMA_VERSION);
    expect(opened.preMigrationBackup).toBeNull();
    const tables = (opened.sqlite.prepare("SELECT name FROM sqlite_master WHERE type='table'").all() as { name: string }[]).map((t) => t.name);
    for (const t of ['programmes', 'rounds', 'themes', 'organisations', 'contacts', 'places', 'people', 'applications', 'application_choices', 'placements', 'group_sessions', 'session_attendance', 'shadow_blocks', 'consents', 'imports', 'audit_log']) {
      expect(tables).toContain(t);
    }
    expect(opened.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(opened.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    await opened.db.destroy();
  });

  it('re-opening a current database changes nothing and takes no backup', async () => {
    const file = freshFile();
    const first = await openDatabase({ file });
    await first.db.insertInto('settings').values({ key: 'k', value: 'v' }).execute();
    await first.db.destroy();
    const second = await openDatabase({ file });
    expect(second.preMigrationBackup).toBeNull();
    const rows = await second.db.selectFrom('kysely_migration' as never).selectAll().execute();
    expect(rows).toHaveLength(SCHEMA_VERSION);
    expect(await second.db.selectFrom('settings').selectAll().execute()).toEqual([{ key: 'k', value: 'v' }]);
    await second.db.destroy();
  });

  it('refuses a database written by a newer Meeloop, with a clear message, and leaves it untouched', async () => {
    const file = freshFile();
    const opened = await openDatabase({ file });
    await sql`INSERT INTO kysely_migration (name, timestamp) VALUES ('9999_from_the_future', '2030-01-01')`.execute(opened.db);
    await opened.db.destroy();
    const before = fileHash(file);
    await expect(openDatabase({ file })).rejects.toMatchObject({
      code: 'db_newer_than_app',
      message: expect.stringMatching(/newer version of Meeloop.*Install the latest Meeloop/),
    });
    expect(fileHash(file)).toBe(before);
  });

  it('backs the file up before migrating it, and the backup holds the old data', async () => {
    const file = freshFile();
    const opened = await openDatabase({ file });
    await opened.db.insertInto('settings').values({ key: 'before', value: 'upgrade' }).execute();
    await opened.db.destroy();

    const next: Migration = {
      up: async (db: Kysely<unknown>) => {
        await db.transaction().execute(async (trx) => {
          await sql`ALTER TABLE settings ADD COLUMN note TEXT`.execute(trx);
        });
      },
    };
    const upgraded = await openDatabase({ file, now: fixedClock('2026-11-23T12:00:00.000Z'), migrations: { ...migrations, '9000_test_upgrade': next } });
    expect(upgraded.preMigrationBackup).not.toBeNull();
    const backup = upgraded.preMigrationBackup as string;
    expect(path.basename(backup)).toBe('meeloop-2026-11-23T12-00-00-000Z-before-migration.db');
    await upgraded.db.destroy();

    const old = new BetterSqlite3(backup, { readonly: true });
    expect(old.prepare('SELECT value FROM settings WHERE key = ?').get('before')).toEqual({ value: 'upgrade' });
    const cols = (old.prepare('PRAGMA table_info(settings)').all() as { name: string }[]).map((c) => c.name);
    expect(cols).not.toContain('note');
    old.close();
  });

  it('a failing migration leaves the data as it was and says where the backup is', async () => {
    const file = freshFile();
    const opened = await openDatabase({ file });
    await opened.db.insertInto('settings').values({ key: 'keep', value: 'me' }).execute();
    await opened.db.destroy();
    const broken: Migration = {
      up: async (db: Kysely<unknown>) => {
        await db.transaction().execute(async (trx) => {
          await sql`CREATE TABLE half_done (x INTEGER)`.execute(trx);
          await sql`THIS IS NOT SQL`.execute(trx);
        });
      },
    };
    await expect(openDatabase({ file, migrations: { ...migrations, '9001_broken': broken } })).rejects.toMatchObject({ code: 'db_migration_failed' });
    const raw = new BetterSqlite3(file, { readonly: true });
    expect(raw.prepare("SELECT name FROM sqlite_master WHERE name = 'half_done'").get()).toBeUndefined();
    expect(raw.prepare("SELECT value FROM settings WHERE key = 'keep'").get()).toEqual({ value: 'me' });
    raw.close();
  });

  it('refuses a file that is not a database, and one that is another program\'s database, without changing either', async () => {
    const garbage = freshFile();
    fs.writeFileSync(garbage, 'this is a spreadsheet, not a database'.repeat(200));
    const before = fileHash(garbage);
    await expect(openDatabase({ file: garbage })).rejects.toMatchObject({ code: 'db_damaged', message: expect.stringMatching(/Restore a backup/) });
    expect(fileHash(garbage)).toBe(before);

    const foreign = freshFile();
    const other = new BetterSqlite3(foreign);
    other.exec('CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)');
    other.close();
    const foreignBefore = fileHash(foreign);
    await expect(openDatabase({ file: foreign })).rejects.toMatchObject({ code: 'db_damaged', message: expect.stringMatching(/not one of Meeloop/) });
    expect(fileHash(foreign)).toBe(foreignBefore);
  });
});
