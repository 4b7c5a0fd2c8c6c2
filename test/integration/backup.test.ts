import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src-main/cli/cli';
import { backupNow, ensureDailyBackup, KEEP_AUTOMATIC_BACKUPS, listBackups, restoreBackup } from '../../src-main/services/backup.service';
import { createProgramme, deleteProgramme, listProgrammes } from '../../src-main/services/programme.service';
import { ProgrammeInputSchema } from '../../src-shared/schemas/programme.schema';
import { createTestContext, fixedClock, tempDir, type TestContext } from '../helpers/context';

const dirs: string[] = [];
const contexts: TestContext[] = [];
afterEach(async () => {
  for (const c of contexts.splice(0)) await c.close().catch(() => undefined);
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

async function fileContext(now = fixedClock()) {
  const dir = tempDir('meeloop-backup-');
  dirs.push(dir);
  const ctx = await createTestContext({ file: path.join(dir, 'meeloop.db'), now });
  contexts.push(ctx);
  return { ctx, dir };
}

const programme = (name: string) => ProgrammeInputSchema.parse({ name, kind: 'kijkstage' });

describe('backups', () => {
  it('backs up the live database to a chosen file and refuses to overwrite one', async () => {
    const { ctx, dir } = await fileContext();
    await createProgramme(ctx, programme('Bij een ander 2027'));
    const out = path.join(dir, 'copy', 'mijn-backup.db');
    const b = await backupNow(ctx, 'manual', out);
    expect(b.file).toBe(out);
    const copy = await createTestContext({ file: out });
    contexts.push(copy);
    expect((await listProgrammes(copy)).map((p) => p.name)).toEqual(['Bij een ander 2027']);
    await expect(backupNow(ctx, 'manual', out)).rejects.toMatchObject({ code: 'conflict' });
  });

  it('keeps a bounded number of automatic backups and never deletes manual ones', async () => {
    let t = Date.parse('2026-11-01T08:00:00Z');
    const { ctx } = await fileContext(() => new Date(t));
    await backupNow(ctx, 'manual');
    for (let i = 0; i < KEEP_AUTOMATIC_BACKUPS + 5; i++) {
      t += 60_000;
      await backupNow(ctx, 'before-import');
    }
    const list = listBackups(ctx);
    expect(list.filter((b) => b.reason === 'before-import')).toHaveLength(KEEP_AUTOMATIC_BACKUPS);
    expect(list.filter((b) => b.reason === 'manual')).toHaveLength(1);
    expect(list[0]?.createdAt).toBe(new Date(t).toISOString());
  });

  it('writes a backup under a temporary name first and clears leftovers of a cut-off copy', async () => {
    const { ctx } = await fileContext();
    const first = await backupNow(ctx, 'manual');
    const stale = path.join(path.dirname(first.file), 'meeloop-2026-01-01T00-00-00-000Z-daily.db.partial');
    fs.writeFileSync(stale, 'half a copy');
    let seen: string | null = null;
    const snapshot = ctx.snapshot;
    ctx.snapshot = async (file) => {
      seen = file;
      expect(fs.existsSync(stale)).toBe(false);
      await snapshot(file);
    };
    const b = await backupNow(ctx, 'daily');
    expect(seen).toBe(`${b.file}.partial`);
    expect(fs.readdirSync(path.dirname(b.file)).filter((n) => n.endsWith('.partial'))).toEqual([]);
    ctx.snapshot = async () => {
      throw new Error('disk full');
    };
    await expect(backupNow(ctx, 'daily')).rejects.toThrow('disk full');
    expect(listBackups(ctx)).toHaveLength(2);
    expect(fs.readdirSync(path.dirname(b.file)).filter((n) => n.endsWith('.partial'))).toEqual([]);
  });

  it('takes one daily backup per day', async () => {
    const { ctx } = await fileContext();
    expect(await ensureDailyBackup(ctx)).not.toBeNull();
    expect(await ensureDailyBackup(ctx)).toBeNull();
    expect(listBackups(ctx).filter((b) => b.reason === 'daily')).toHaveLength(1);
  });

  it('keeps the state before a programme is deleted as a backup, and takes none for an unknown programme', async () => {
    const { ctx } = await fileContext();
    const p = await createProgramme(ctx, programme('Weg'));
    await expect(deleteProgramme(ctx, p.id + 99)).rejects.toMatchObject({ code: 'not_found' });
    expect(listBackups(ctx)).toHaveLength(0);
    await deleteProgramme(ctx, p.id);
    const [b] = listBackups(ctx);
    expect(b?.reason).toBe('before-bulk-delete');
    const before = await createTestContext({ file: b!.file });
    contexts.push(before);
    expect((await listProgrammes(before)).map((x) => x.name)).toEqual(['Weg']);
    expect(await listProgrammes(ctx)).toEqual([]);
  });

  it('restores a backup and keeps the state before the restore as a backup', async () => {
    let t = Date.parse('2026-11-23T09:00:00Z');
    const { ctx } = await fileContext(() => new Date((t += 1000)));
    await createProgramme(ctx, programme('Voor'));
    const b = await backupNow(ctx, 'manual');
    await createProgramme(ctx, programme('Na'));
    const r = await restoreBackup(ctx, b.file);
    expect((await listProgrammes(ctx)).map((p) => p.name)).toEqual(['Voor']);
    const kept = await createTestContext({ file: r.previousStateKeptAt });
    contexts.push(kept);
    expect((await listProgrammes(kept)).map((p) => p.name).sort()).toEqual(['Na', 'Voor']);
  });

  it('refuses to restore a file that is not a Meeloop backup and changes nothing', async () => {
    const { ctx, dir } = await fileContext();
    await createProgramme(ctx, programme('Blijft'));
    const junk = path.join(dir, 'junk.db');
    fs.writeFileSync(junk, 'not a database at all'.repeat(100));
    await expect(restoreBackup(ctx, junk)).rejects.toMatchObject({ code: 'file_rejected', message: expect.stringContaining('Nothing was changed') });
    await expect(restoreBackup(ctx, path.join(dir, 'missing.db'))).rejects.toMatchObject({ code: 'not_found' });
    expect((await listProgrammes(ctx)).map((p) => p.name)).toEqual(['Blijft']);
    expect(listBackups(ctx)).toHaveLength(0);
  });
});

describe('backup and restore from the CLI', () => {
  async function cli(args: string[]) {
    let stdout = '';
    const code = await runCli(args, { stdout: (t) => (stdout += t), stderr: () => undefined, env: {}, now: fixedClock() });
    return { code, json: JSON.parse(stdout) as Record<string, unknown> };
  }

  it('backup --out writes a copy; restore brings a damaged database back and keeps the damaged file aside', async () => {
    const dir = tempDir('meeloop-cli-backup-');
    dirs.push(dir);
    const db = path.join(dir, 'meeloop.db');
    await cli(['--db', db, 'programme', 'create', '--name', 'Switching Talent', '--kind', 'jobshadowing', '--json']);
    const out = path.join(dir, 'backup.db');
    const b = await cli(['--db', db, 'backup', '--out', out, '--json']);
    expect(b).toMatchObject({ code: 0, json: { ok: true, file: out } });

    fs.writeFileSync(db, 'overwritten by accident'.repeat(500));
    for (const s of ['-wal', '-shm']) fs.rmSync(db + s, { force: true });
    const broken = await cli(['--db', db, 'programme', 'list', '--json']);
    expect(broken).toMatchObject({ code: 1, json: { ok: false, error: { code: 'db_damaged', message: expect.stringContaining('Restore a backup') } } });

    const r = await cli(['--db', db, 'restore', out, '--json']);
    expect(r).toMatchObject({ code: 0, json: { ok: true, restored: out } });
    const aside = r.json.previousStateKeptAt as string;
    expect(fs.readFileSync(aside, 'utf8')).toContain('overwritten by accident');
    const list = await cli(['--db', db, 'programme', 'list', '--json']);
    expect((list.json.programmes as { name: string }[]).map((p) => p.name)).toEqual(['Switching Talent']);
  });

  it('restore of a non-backup answers with JSON and leaves the database alone', async () => {
    const dir = tempDir('meeloop-cli-backup-');
    dirs.push(dir);
    const db = path.join(dir, 'meeloop.db');
    await cli(['--db', db, 'programme', 'create', '--name', 'Blijft', '--kind', 'kijkstage', '--json']);
    const junk = path.join(dir, 'junk.xlsx');
    fs.writeFileSync(junk, 'PK\u0003\u0004 not really');
    const r = await cli(['--db', db, 'restore', junk, '--json']);
    expect(r).toMatchObject({ code: 1, json: { ok: false, error: { code: 'file_rejected' } } });
    const list = await cli(['--db', db, 'programme', 'list', '--json']);
    expect((list.json.programmes as unknown[]).length).toBe(1);
  });
});
