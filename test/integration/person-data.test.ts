import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src-main/cli/cli';
import { createHandlers } from '../../src-main/ipc/handlers';
import { dispatch } from '../../src-main/ipc/dispatch';
import { backupNow } from '../../src-main/services/backup.service';
import { erasePerson, exportPerson } from '../../src-main/services/person-data.service';
import { listAudit } from '../../src-main/db/repositories/audit.repository';
import { createTestContext, fixedClock, tempDir, type TestContext } from '../helpers/context';

const dirs: string[] = [];
const contexts: TestContext[] = [];
afterEach(async () => {
  for (const c of contexts.splice(0)) await c.close().catch(() => undefined);
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

async function seeded() {
  const dir = tempDir('meeloop-person-');
  dirs.push(dir);
  const ctx = await createTestContext({ file: path.join(dir, 'meeloop.db') });
  contexts.push(ctx);
  const h = createHandlers(ctx);
  const call = async (c: string, i: unknown) => {
    const r = await dispatch(h, c, i, () => undefined);
    if (!r.ok) throw new Error(r.error.message);
    return r.value as { id: number };
  };
  const org = await call('organisation.create', { name: 'De Vlinder' });
  await call('person.create', { firstName: 'Lotte', lastName: 'Janssens', email: 'lotte@vlinder.example', phone: '0475 12 34 56', organisationId: org.id, isParticipant: true, learningQuestions: '=HYPERLINK("http://evil.example")' });
  await call('person.create', { firstName: 'Other', email: 'other@vlinder.example', organisationId: org.id, isParticipant: true });
  return { ctx, dir };
}

describe('person export', () => {
  it('writes everything about one person as JSON and records who exported it', async () => {
    const { ctx, dir } = await seeded();
    const out = path.join(dir, 'lotte.json');
    const r = await exportPerson(ctx, ' LOTTE@vlinder.example ', out);
    expect(r.format).toBe('json');
    const dossier = JSON.parse(fs.readFileSync(out, 'utf8'));
    expect(dossier.person).toMatchObject({ firstName: 'Lotte', email: 'lotte@vlinder.example', phone: '+32475123456' });
    expect(dossier.organisation).toMatchObject({ name: 'De Vlinder' });
    expect(JSON.stringify(dossier)).not.toContain('other@vlinder.example');
    const audit = await listAudit(ctx.db, { entity: 'person' });
    expect(audit.at(-1)).toMatchObject({ action: 'export_personal_data', actor: 'test' });
  });

  it('writes an xlsx a partner can open, with formula-like text kept as text', async () => {
    const { ctx, dir } = await seeded();
    const out = path.join(dir, 'lotte.xlsx');
    await exportPerson(ctx, 'lotte@vlinder.example', out);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const sheet = wb.getWorksheet('person');
    const values = (sheet?.getRow(2).values as unknown[]).filter((v) => typeof v === 'string') as string[];
    const lq = values.find((v) => v.includes('HYPERLINK'));
    expect(lq?.startsWith('=')).toBe(false);
    sheet?.eachRow((row) => row.eachCell((cell) => expect(cell.type).not.toBe(ExcelJS.ValueType.Formula)));
  });

  it('refuses an unknown person, a bad address, an existing file and an odd extension', async () => {
    const { ctx, dir } = await seeded();
    await expect(exportPerson(ctx, 'nobody@x.example', path.join(dir, 'a.json'))).rejects.toMatchObject({ code: 'not_found' });
    await expect(exportPerson(ctx, 'not-an-address', path.join(dir, 'a.json'))).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(exportPerson(ctx, 'lotte@vlinder.example', path.join(dir, 'a.exe'))).rejects.toMatchObject({ code: 'invalid_input' });
    fs.writeFileSync(path.join(dir, 'exists.json'), 'keep');
    await expect(exportPerson(ctx, 'lotte@vlinder.example', path.join(dir, 'exists.json'))).rejects.toMatchObject({ code: 'conflict' });
    expect(fs.readFileSync(path.join(dir, 'exists.json'), 'utf8')).toBe('keep');
  });
});

describe('person erase', () => {
  it('erases the person from the database and from every backup, and keeps the others', async () => {
    const { ctx } = await seeded();
    const b = await backupNow(ctx, 'manual');
    const r = await erasePerson(ctx, 'lotte@vlinder.example');
    expect(r).toEqual({ erased: 'lotte@vlinder.example', backupsCleaned: 1 });
    expect(await ctx.db.selectFrom('people').select('email').execute()).toEqual([{ email: 'other@vlinder.example' }]);
    const backup = new BetterSqlite3(b.file, { readonly: true });
    expect(backup.prepare('SELECT email FROM people').all()).toEqual([{ email: 'other@vlinder.example' }]);
    backup.close();
    // secure_delete + VACUUM: the address is gone from the backup file's bytes too.
    expect(fs.readFileSync(b.file).includes(Buffer.from('lotte@vlinder.example'))).toBe(false);
    const audit = await listAudit(ctx.db, { entity: 'person' });
    expect(audit.at(-1)).toMatchObject({ action: 'erase_person', details: '{}' });
  });

  it('is available from the CLI with one JSON object', async () => {
    const { ctx, dir } = await seeded();
    await ctx.close();
    contexts.splice(0);
    let stdout = '';
    const code = await runCli(['--db', path.join(dir, 'meeloop.db'), 'person', 'erase', '--email', 'lotte@vlinder.example', '--json'], { stdout: (t) => (stdout += t), stderr: () => undefined, env: {}, now: fixedClock() });
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ ok: true, erased: 'lotte@vlinder.example' });
    stdout = '';
    const again = await runCli(['--db', path.join(dir, 'meeloop.db'), 'person', 'export', '--email', 'lotte@vlinder.example', '--out', path.join(dir, 'x.json'), '--json'], { stdout: (t) => (stdout += t), stderr: () => undefined, env: {}, now: fixedClock() });
    expect(again).toBe(1);
    expect(JSON.parse(stdout)).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});
