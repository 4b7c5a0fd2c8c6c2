import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src-main/cli/cli';
import { REPO_ROOT, fixedClock, tempDir } from '../helpers/context';
import { migrations } from '../../src-main/db/migrations';

const dir = tempDir('meeloop-cli-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function cli(args: string[], env: NodeJS.ProcessEnv = {}) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env, now: fixedClock() });
  return { code, stdout, stderr, json: () => JSON.parse(stdout) as Record<string, unknown> };
}

describe('CLI', () => {
  const db = path.join(dir, 'x.db');

  it('db init creates the database and prints one JSON object', async () => {
    const r = await cli(['--db', db, 'db', 'init', '--json']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    expect(r.json()).toMatchObject({ ok: true, dbPath: db, schemaVersion: Object.keys(migrations).length });
    expect(fs.existsSync(db)).toBe(true);
  });

  it('programme create prints the programme with its id; list shows it', async () => {
    const r = await cli(['--db', db, 'programme', 'create', '--name', 'Switching Talent', '--kind', 'jobshadowing', '--json']);
    expect(r.code).toBe(0);
    expect(r.json()).toMatchObject({ ok: true, id: expect.any(Number), name: 'Switching Talent', kind: 'jobshadowing', requiredHours: 14, maxChoices: 3 });
    const k = await cli(['--db', db, 'programme', 'create', '--name', 'KIEK', '--kind', 'exchange-round', '--hours', '7.5', '--max-choices', '5', '--json']);
    expect(k.json()).toMatchObject({ ok: true, kind: 'exchange_round', requiredHours: 7.5, maxChoices: 5 });
    const list = await cli(['--db', db, 'programme', 'list', '--json']);
    expect((list.json().programmes as { name: string }[]).map((p) => p.name).sort()).toEqual(['KIEK', 'Switching Talent']);
    const text = await cli(['--db', db, 'programme', 'list']);
    expect(text.stdout).toContain('Switching Talent');
  });

  it('MEELOOP_DB selects the database when --db is absent', async () => {
    const other = path.join(dir, 'env.db');
    const r = await cli(['db', 'init', '--json'], { MEELOOP_DB: other });
    expect(r.json()).toMatchObject({ ok: true, dbPath: other });
  });

  it.each([
    [['programme', 'create', '--name', 'X', '--kind', 'camp'], /kind must be kijkstage, jobshadowing or exchange-round/],
    [['programme', 'create', '--kind', 'kijkstage'], /--name/],
    [['programme', 'create', '--name', 'X', '--kind', 'kijkstage', '--hours', 'many'], /--hours must be a number/],
    [['programme', 'create', '--name', 'X', '--kind', 'kijkstage', '--max-choices', '0'], /max/i],
    [['programme', 'launch'], /Unknown command/],
    [['programme', 'list', '--colour'], /--colour|Unknown option/],
    [['db', 'init', 'extra'], /no arguments/],
  ])('refuses %j with a clear message, exit code 1 and nothing written', async (args, message) => {
    const before = fs.readFileSync(db);
    const r = await cli(['--db', db, ...args, '--json']);
    expect(r.code).toBe(1);
    const out = r.json() as { ok: boolean; error: { code: string; message: string } };
    expect(out.ok).toBe(false);
    expect(out.error.code).toBe('invalid_input');
    expect(out.error.message).toMatch(message);
    expect(fs.readFileSync(db).equals(before)).toBe(true);
    const list = await cli(['--db', db, 'programme', 'list', '--json']);
    expect((list.json().programmes as unknown[]).length).toBe(2);
  });

  it('a database from a newer Meeloop is refused as JSON', async () => {
    const newer = path.join(dir, 'newer.db');
    await cli(['--db', newer, 'db', 'init']);
    const Sqlite = (await import('better-sqlite3')).default;
    const raw = new Sqlite(newer);
    raw.prepare("INSERT INTO kysely_migration (name, timestamp) VALUES ('9999_future', 'x')").run();
    raw.close();
    const r = await cli(['--db', newer, 'programme', 'list', '--json']);
    expect(r.code).toBe(1);
    expect(r.json()).toMatchObject({ ok: false, error: { code: 'db_newer_than_app' } });
  });

  it('runs as `npm run --silent cli` with exactly one JSON object on stdout', async () => {
    const file = path.join(dir, 'npm.db');
    const run = promisify(execFile);
    const { stdout } = await run('npm', ['run', '--silent', 'cli', '--', '--db', file, 'programme', 'create', '--name', 'Bij een ander', '--kind', 'kijkstage', '--json'], { cwd: REPO_ROOT });
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0] ?? '')).toMatchObject({ ok: true, id: 1, kind: 'kijkstage' });
    const failed = await run('npm', ['run', '--silent', 'cli', '--', '--db', file, 'programme', 'create', '--json'], { cwd: REPO_ROOT }).catch((e: { code: number; stdout: string }) => e);
    expect((failed as { code: number }).code).not.toBe(0);
    expect(JSON.parse((failed as { stdout: string }).stdout)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  }, 60_000);
});
