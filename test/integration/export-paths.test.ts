import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemo } from '../../src-main/services/demo.service';
import * as matching from '../../src-main/services/matching.service';
import * as planner from '../../src-main/services/planner.service';
import { listProgrammes } from '../../src-main/services/programme.service';
import { createTestContext, fixedClock, tempDir, type TestContext } from '../helpers/context';

/*
 * Issue #7 point 7 end to end for the calendar export (the documents export has the same test in
 * test/integration/pdf/documents-pdf.test.ts): people whose names are paths, device names, control
 * characters, emoji or very long text get one plain file each, inside the chosen folder, and nothing
 * is written anywhere else.
 */

const HOSTILE = ['../../etc/passwd', 'CON', 'a/b\\c', '..', '.verborgen', 'x'.repeat(180), '😀👩‍👩‍👧‍👦', 'tab\tnew\nline', '/tmp/absoluut'];

let ctx: TestContext;
let root: string;
let programmeId: number;

function listTree(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    out.push(p);
    if (e.isDirectory()) out.push(...listTree(p));
  }
  return out.sort();
}

beforeAll(async () => {
  root = tempDir('meeloop-paths-');
  fs.mkdirSync(path.join(root, 'data'));
  ctx = await createTestContext({ file: path.join(root, 'data', 'meeloop.db'), now: fixedClock('2026-12-01T09:00:00.000Z') });
  await loadDemo(ctx);
  programmeId = (await listProgrammes(ctx)).find((p) => p.kind === 'jobshadowing')!.id;
  const s = await matching.runScenario(ctx, { programmeId, roundId: null, mode: 'optimal' });
  await matching.publishScenario(ctx, s.id);
  // Names as an import from a hostile spreadsheet could bring them (straight into the table).
  const placed = (await matching.listPlacements(ctx, programmeId)).filter((p) => p.status !== 'cancelled');
  expect(placed.length).toBeGreaterThanOrEqual(HOSTILE.length);
  for (const [i, name] of HOSTILE.entries()) {
    await ctx.db.updateTable('people').set({ first_name: name, last_name: i % 2 === 0 ? '' : name }).where('id', '=', placed[i]!.participantId).execute();
  }
});
afterAll(async () => {
  await ctx.close();
  fs.rmSync(root, { recursive: true, force: true });
});

describe('calendar files named after people', () => {
  it('land inside the chosen folder with plain names, and nothing is written elsewhere', async () => {
    const folder = path.join(root, 'chosen', 'agenda');
    const before = listTree(root).filter((p) => !p.startsWith(path.join(root, 'data')));
    const r = await planner.exportCalendars(ctx, { programmeId, folder, scope: 'people' });
    expect(r.files.length).toBeGreaterThanOrEqual(HOSTILE.length);
    for (const f of r.files) {
      expect(path.dirname(f.file)).toBe(folder);
      expect(path.basename(f.file)).toMatch(/^[a-z0-9][a-z0-9-]{0,79}\.ics$/);
    }
    const names = r.files.map((f) => path.basename(f.file));
    expect(new Set(names).size).toBe(names.length);
    const after = listTree(root).filter((p) => !p.startsWith(path.join(root, 'data')));
    const created = after.filter((p) => !before.includes(p));
    // Only the chosen folder (and its parent, created for it) and the files in it are new.
    expect(created.filter((p) => path.dirname(p) !== folder)).toEqual([path.join(root, 'chosen'), folder]);
    expect(created.filter((p) => path.dirname(p) === folder).sort()).toEqual(r.files.map((f) => f.file).sort());
    expect(fs.existsSync('/tmp/absoluut.ics')).toBe(false);
  });

  it('refuses to write through a link that points outside the chosen folder', async () => {
    const folder = path.join(root, 'linked');
    const first = await planner.exportCalendars(ctx, { programmeId, folder, scope: 'programme' });
    const [file] = first.files.map((f) => f.file);
    const outside = path.join(root, 'outside.txt');
    fs.writeFileSync(outside, 'niet overschrijven');
    fs.rmSync(file!);
    fs.symlinkSync(outside, file!);
    await expect(planner.exportCalendars(ctx, { programmeId, folder, scope: 'programme' })).rejects.toMatchObject({ code: 'file_rejected', message: expect.stringContaining('link') });
    expect(fs.readFileSync(outside, 'utf8')).toBe('niet overschrijven');
  });
});
