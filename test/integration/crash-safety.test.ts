import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect as globalExpect, it, type ExpectStatic } from 'vitest';
import { makeBenchFile } from '../fixtures/make-fixtures';
import { createOrganisation } from '../../src-main/services/organisation.service';
import { createPlace } from '../../src-main/services/place.service';
import { createProgramme } from '../../src-main/services/programme.service';
import { commitImport, previewImport } from '../../src-main/services/import.service';
import { runScenario } from '../../src-main/services/matching.service';
import { OrganisationInputSchema } from '../../src-shared/schemas/organisation.schema';
import { PlaceInputSchema } from '../../src-shared/schemas/place.schema';
import { ProgrammeInputSchema } from '../../src-shared/schemas/programme.schema';
import { REPO_ROOT, createTestContext, tempDir } from '../helpers/context';

/*
 * Issue #7 point 3. A child process runs a large import, or publishes a large matching scenario,
 * and is killed with SIGKILL at moments spread over the whole operation (before it starts, during
 * the backup, inside the transaction, around the commit). After every kill the database must pass
 * PRAGMA integrity_check and hold exactly the state before the operation or exactly the state after
 * it. The kill moments vary with the machine's speed; the assertion holds for any moment.
 *
 * "State" is every row of every table, except the audit log's 'backup' lines (the backup taken
 * before the operation is its own small committed step, by design).
 */

const KILLS_PER_OPERATION = 15;
const PARTICIPANTS = 1200;
const CLOCK = '2026-11-23T10:00:00.000Z';

const dir = tempDir('meeloop-crash-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The child: opens the database, prepares, says "ready", runs the operation, says "done". */
const CHILD = path.join(dir, 'child.ts');
const childSource = `
import { openServiceContext } from ${JSON.stringify(path.join(REPO_ROOT, 'src-main/services/open-context'))};
import { commitImport, previewImport } from ${JSON.stringify(path.join(REPO_ROOT, 'src-main/services/import.service'))};
import { publishScenario } from ${JSON.stringify(path.join(REPO_ROOT, 'src-main/services/matching.service'))};

const [op, db, arg1, arg2] = process.argv.slice(2);
void (async () => {
  const ctx = await openServiceContext({ file: db!, now: () => new Date(${JSON.stringify(CLOCK)}), actor: 'crash-test', resourcesDir: ${JSON.stringify(path.join(REPO_ROOT, 'resources'))}, version: 'test' });
  if (op === 'import') {
    const preview = await previewImport(ctx, { programmeId: Number(arg2), kind: 'participants', filePath: arg1! });
    process.stdout.write('ready\\n');
    await commitImport(ctx, { previewId: preview.previewId });
  } else {
    process.stdout.write('ready\\n');
    await publishScenario(ctx, Number(arg1));
  }
  process.stdout.write('done\\n');
  await ctx.close();
})();
`;

interface RunOutcome {
  /** ms from "ready" to the end of the process (only when not killed). */
  opMs: number;
  sawReady: boolean;
  sawDone: boolean;
  killed: boolean;
}

/**
 * Runs the child; `kill` says when to SIGKILL it: ms after spawn, or ms after it said "ready".
 * Resolves when the process is gone.
 */
function runChild(args: string[], kill: { afterSpawnMs: number } | { afterReadyMs: number } | null): Promise<RunOutcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, ...args], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let readyAt = 0;
    let timer: NodeJS.Timeout | null = null;
    const killNow = () => child.kill('SIGKILL');
    if (kill && 'afterSpawnMs' in kill) timer = setTimeout(killNow, kill.afterSpawnMs);
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (readyAt === 0 && out.includes('ready\n')) {
        readyAt = performance.now();
        if (kill && 'afterReadyMs' in kill) {
          if (kill.afterReadyMs <= 0) killNow();
          else timer = setTimeout(killNow, kill.afterReadyMs);
        }
      }
    });
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (timer) clearTimeout(timer);
      const killed = signal === 'SIGKILL';
      if (!killed && code !== 0) {
        reject(new Error(`child failed (${code}): ${err.slice(0, 2000)}`));
        return;
      }
      resolve({ opMs: readyAt ? performance.now() - readyAt : 0, sawReady: out.includes('ready\n'), sawDone: out.includes('done\n'), killed });
    });
  });
}

/** Integrity check and a hash of every row of every table (audit 'backup' lines left out). */
function inspect(file: string): { integrity: string; hash: string } {
  // Opened read-write: a WAL left by the killed process is recovered exactly as the app would.
  const db = new BetterSqlite3(file);
  try {
    const integrity = String(db.pragma('integrity_check', { simple: true }));
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]).map((t) => t.name);
    const h = crypto.createHash('sha256');
    for (const t of tables) {
      const where = t === 'audit_log' ? " WHERE action <> 'backup'" : '';
      const rows = (db.prepare(`SELECT * FROM "${t}"${where}`).all() as unknown[]).map((r) => JSON.stringify(r)).sort();
      h.update(`${t}:${rows.length}\n`);
      for (const r of rows) h.update(r + '\n');
    }
    return { integrity, hash: h.digest('hex') };
  } finally {
    db.close();
  }
}

function copyDb(from: string, to: string): void {
  fs.mkdirSync(path.dirname(to), { recursive: true });
  fs.copyFileSync(from, to);
}

/**
 * Kill moments: one at start-up, one the moment the operation starts, the rest spread evenly over
 * the operation as long as it is expected to take. The estimate adapts: a kill that came too late
 * (the child had finished) shortens it, so a machine that speeds up still gets kills mid-operation.
 */
function killMoment(i: number, estimateMs: number): { afterSpawnMs: number } | { afterReadyMs: number } {
  if (i === 0) return { afterSpawnMs: 30 };
  if (i === 1) return { afterReadyMs: 0 };
  const n = KILLS_PER_OPERATION - 2;
  return { afterReadyMs: Math.round(((i - 2 + 0.5) / n) * estimateMs) };
}

async function killRepeatedly(expect: ExpectStatic, label: string, pristine: string, args: (db: string) => string[]) {
  const before = inspect(pristine);
  expect(before.integrity).toBe('ok');

  // One undisturbed run gives the "after" state and how long the operation takes on this machine.
  const calibrationDb = path.join(dir, `${label}-calibration`, 'meeloop.db');
  copyDb(pristine, calibrationDb);
  const full = await runChild(args(calibrationDb), null);
  expect(full.sawDone).toBe(true);
  const after = inspect(calibrationDb);
  expect(after.integrity).toBe('ok');
  expect(after.hash, 'the operation changed nothing: the test would prove nothing').not.toBe(before.hash);

  const seen = { before: 0, after: 0, midOperation: 0 };
  let estimateMs = Math.max(full.opMs, 50);
  for (let i = 0; i < KILLS_PER_OPERATION; i++) {
    const moment = killMoment(i, estimateMs);
    const db = path.join(dir, `${label}-${i}`, 'meeloop.db');
    copyDb(pristine, db);
    const r = await runChild(args(db), moment);
    if (r.killed && r.sawReady && !r.sawDone) seen.midOperation++;
    if (r.sawDone) estimateMs = Math.max(20, estimateMs * 0.6);
    const state = inspect(db);
    expect(state.integrity, `${label}: integrity after kill ${i} (${JSON.stringify(moment)})`).toBe('ok');
    const which = state.hash === before.hash ? 'before' : state.hash === after.hash ? 'after' : 'neither';
    expect(which, `${label}: after kill ${i} (${JSON.stringify(moment)}) the database is half-way`).not.toBe('neither');
    seen[which as 'before' | 'after']++;
    fs.rmSync(path.dirname(db), { recursive: true, force: true });
  }
  // The kill at start-up always leaves the state before; many kills must have hit the running operation.
  expect(seen.before).toBeGreaterThan(0);
  expect(seen.midOperation, JSON.stringify(seen)).toBeGreaterThanOrEqual(Math.floor(KILLS_PER_OPERATION / 4));
  return seen;
}

// The two operations run side by side (separate files) to halve the wall time; each test uses its own expect.
describe.concurrent('crash safety: SIGKILL at any moment leaves the database as before or as after', () => {
  let benchFile = '';
  const importPristine = path.join(dir, 'import-pristine.db');
  const publishPristine = path.join(dir, 'publish-pristine.db');
  let programmeId = 0;
  let scenarioId = 0;

  beforeAll(async () => {
    fs.writeFileSync(CHILD, childSource);
    benchFile = await makeBenchFile(PARTICIPANTS, path.join(dir, 'fixtures'));

    // Import: an empty programme, the hosts the file chooses from already there.
    const ctx = await createTestContext({ file: importPristine, now: () => new Date(CLOCK) });
    const programme = await createProgramme(ctx, ProgrammeInputSchema.parse({ name: 'Bij een ander 2027', kind: 'kijkstage' }));
    programmeId = programme.id;
    for (let i = 1; i <= 60; i++) {
      const org = await createOrganisation(ctx, OrganisationInputSchema.parse({ name: `Gastorganisatie ${i} vzw`, role: 'hosts' }));
      await createPlace(ctx, PlaceInputSchema.parse({ programmeId, organisationId: org.id, team: 'Team', capacity: 30 }));
    }
    await ctx.close();

    // Publish: the same programme after the import, with an optimal scenario run but not published.
    copyDb(importPristine, publishPristine);
    const pub = await createTestContext({ file: publishPristine, now: () => new Date(CLOCK) });
    const preview = await previewImport(pub, { programmeId, kind: 'participants', filePath: benchFile });
    await commitImport(pub, { previewId: preview.previewId });
    const scenario = await runScenario(pub, { programmeId, roundId: null, mode: 'optimal' });
    globalExpect(scenario.placed).toBeGreaterThan(800);
    scenarioId = scenario.id;
    await pub.close();
    fs.rmSync(path.join(dir, 'backups'), { recursive: true, force: true });
  }, 180_000);

  it(`a large import (${PARTICIPANTS} participants) killed ${KILLS_PER_OPERATION} times`, async ({ expect }) => {
    await killRepeatedly(expect, 'import', importPristine, (db) => ['import', db, benchFile, String(programmeId)]);
  }, 180_000);

  it(`a matching publish (optimal scenario, over 800 placements) killed ${KILLS_PER_OPERATION} times`, async ({ expect }) => {
    await killRepeatedly(expect, 'publish', publishPristine, (db) => ['publish', db, String(scenarioId)]);
  }, 180_000);
});
