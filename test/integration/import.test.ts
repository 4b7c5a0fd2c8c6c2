import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src-main/cli/cli';
import { createHandlers } from '../../src-main/ipc/handlers';
import { dispatch } from '../../src-main/ipc/dispatch';
import * as imports from '../../src-main/services/import.service';
import { createOrganisation } from '../../src-main/services/organisation.service';
import { createPlace } from '../../src-main/services/place.service';
import { createProgramme } from '../../src-main/services/programme.service';
import { listBackups } from '../../src-main/services/backup.service';
import { exportMatchesXlsx } from '../../src-main/services/export.service';
import { publishScenario, runScenario } from '../../src-main/services/matching.service';
import { OrganisationInputSchema } from '../../src-shared/schemas/organisation.schema';
import { PlaceInputSchema } from '../../src-shared/schemas/place.schema';
import { ProgrammeInputSchema } from '../../src-shared/schemas/programme.schema';
import { FIXTURE_HOSTS, makeFixtures, type Fixtures } from '../fixtures/make-fixtures';
import { createTestContext, fixedClock, tempDir, type TestContext } from '../helpers/context';
import { snapshotDb } from '../helpers/snapshot';

/*
 * The import service as the wizard and the CLI use it, on the generated fixtures: preview writes
 * nothing, commit writes everything in one transaction, re-import changes nothing, undo puts back.
 */

let fx: Fixtures;
let dir: string;
let ctx: TestContext;
let programmeId: number;

beforeAll(async () => {
  fx = await makeFixtures();
});

beforeEach(async () => {
  dir = tempDir('meeloop-import-');
  ctx = await createTestContext({ file: path.join(dir, 'meeloop.db') });
  const p = await createProgramme(ctx, ProgrammeInputSchema.parse({ name: 'Kijkstages 2027', kind: 'kijkstage' }));
  programmeId = p.id;
  for (const h of FIXTURE_HOSTS) {
    const o = await createOrganisation(ctx, OrganisationInputSchema.parse({ name: h.name, postcode: '1000' }));
    await createPlace(ctx, PlaceInputSchema.parse({ programmeId, organisationId: o.id, team: 'Onthaal', capacity: 2 }));
  }
});

afterAll(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

const tableRows = async (table: 'people' | 'applications' | 'organisations') => Number((await ctx.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

describe('participants from a Microsoft Forms export', () => {
  it('previews without writing: creates, duplicates, rejected cells with row and column, unresolved choices with candidates', async () => {
    const before = await snapshotDb(ctx.db);
    const p = await imports.previewImport(ctx, { programmeId, kind: 'participants', filePath: fx.msForms });
    expect(await snapshotDb(ctx.db)).toEqual(before);
    expect(p.canCommit).toBe(true);
    expect(p.columns.find((c) => c.header === 'E-mailadres')?.field).toBe('email');
    expect(p.columns.find((c) => c.header === 'Eerste keuze')?.field).toBe('choice1');
    // Row 5 (An Peeters again, later) wins over row 2; row 4 has a broken address; row 6 a bad phone.
    expect(p.duplicates).toEqual([expect.objectContaining({ email: 'an.peeters@example.be', keptRow: 5, droppedRows: [2] })]);
    expect(p.rejected).toEqual(expect.arrayContaining([expect.objectContaining({ row: 4, column: 'E-mailadres', columnLetter: 'H' })]));
    expect(p.rejected.some((r) => r.row === 6 && r.column === 'GSM-nummer')).toBe(true);
    const vlindr = p.unresolvedChoices.find((u) => u.text === 'Vlindr');
    expect(vlindr?.candidates[0]?.name).toBe('De Vlinder vzw');
    // Row 6 (Dirk) is refused for its phone number, so its unknown choice is not asked about.
    expect(p.unresolvedChoices.find((u) => u.text === 'Het Anker')).toBeUndefined();
  });

  it('commits in one transaction after a backup, resolves choices regardless of case and accents, and re-importing changes nothing', async () => {
    const p = await imports.previewImport(ctx, { programmeId, kind: 'participants', filePath: fx.msForms });
    const vlinder = FIXTURE_HOSTS.find((h) => h.name === 'De Vlinder vzw')!;
    const vlinderId = (await ctx.db.selectFrom('organisations').select('id').where('name', '=', vlinder.name).executeTakeFirstOrThrow()).id;
    const key = p.unresolvedChoices.find((u) => u.text === 'Vlindr')!.key;
    const record = await imports.commitImport(ctx, { previewId: p.previewId, choiceOverrides: { [key]: vlinderId } });
    expect(record.summary).toMatchObject({ created: expect.any(Number), duplicates: 1 });
    expect(listBackups(ctx).some((b) => b.reason === 'before-import')).toBe(true);

    const an = await ctx.db.selectFrom('people').selectAll().where('email', '=', 'an.peeters@example.be').executeTakeFirstOrThrow();
    expect(an.last_name).toBe('Peeters-Claes');
    expect(an.phone).toBe('+3225556677');
    const bram = await ctx.db.selectFrom('people').selectAll().where('email', '=', 'bram@example.be').executeTakeFirstOrThrow();
    expect(bram.phone).toBe('+32486112233');
    const bramApp = await ctx.db.selectFrom('applications').select('id').where('participant_id', '=', bram.id).executeTakeFirstOrThrow();
    const choices = await ctx.db.selectFrom('application_choices as c').leftJoin('organisations as o', 'o.id', 'c.organisation_id').select(['c.rank', 'o.name', 'c.raw_text']).where('c.application_id', '=', bramApp.id).orderBy('c.rank').execute();
    expect(choices.map((c) => c.name)).toEqual(['Maison Médicale Les Marolles asbl', 'De Vlinder vzw', 'De Vlinder vzw']);

    // The confirmed mapping is remembered for this set of headers.
    const again = await imports.previewImport(ctx, { programmeId, kind: 'participants', filePath: fx.msForms });
    expect(again.isMappingRemembered).toBe(true);
    // ... and so is the pick for "Vlindr": the second preview resolves it without asking.
    expect(again.unresolvedChoices.find((u) => u.text === 'Vlindr')).toBeUndefined();
    expect(again.summary.created).toBe(0);
    expect(again.summary.updated).toBe(0);
    const before = await snapshotDb(ctx.db);
    const second = await imports.commitImport(ctx, { previewId: again.previewId });
    expect(second.summary).toMatchObject({ created: 0, updated: 0 });
    const after = await snapshotDb(ctx.db);
    for (const t of ['people', 'applications', 'application_choices', 'organisations', 'places']) expect(after[t], t).toEqual(before[t]);
  });

  it('an updated file updates, and undo puts everything back', async () => {
    const first = await imports.commitImport(ctx, { previewId: (await imports.previewImport(ctx, { programmeId, kind: 'participants', filePath: fx.msForms })).previewId });
    const baseline = await snapshotDb(ctx.db);
    // The same people in a Google Forms export: Jan is new, and An's phone changes in a CSV later.
    const google = await imports.previewImport(ctx, { programmeId, kind: 'participants', filePath: fx.googleForms });
    expect(google.duplicates[0]?.message).toMatch(/submitted last/);
    const second = await imports.commitImport(ctx, { previewId: google.previewId });
    expect(second.summary.created).toBeGreaterThan(0);
    expect(await tableRows('people')).toBeGreaterThan(baseline.people!.length);
    const history = await imports.listImports(ctx, programmeId);
    expect(history.map((h) => h.id)).toEqual([second.id, first.id]);
    const undone = await imports.undoImport(ctx, second.id);
    expect(undone.undoneAt).not.toBeNull();
    const restored = await snapshotDb(ctx.db);
    for (const t of ['people', 'applications', 'application_choices', 'organisations', 'places', 'contacts', 'programme_organisations']) expect(restored[t], t).toEqual(baseline[t]);
    await expect(imports.undoImport(ctx, second.id)).rejects.toMatchObject({ code: 'conflict' });
  });

  it('refuses to undo an import whose participants were matched since', async () => {
    const rec = await imports.commitImport(ctx, { previewId: (await imports.previewImport(ctx, { programmeId, kind: 'participants', filePath: fx.csvUtf8 })).previewId });
    const s = await runScenario(ctx, { programmeId, roundId: null, mode: 'optimal' });
    expect(s.placed).toBeGreaterThan(0);
    await publishScenario(ctx, s.id);
    await expect(imports.undoImport(ctx, rec.id)).rejects.toMatchObject({ code: 'conflict', message: expect.stringContaining('matched') });
  });
});

describe('other files and kinds', () => {
  it('reads a hand-made sheet with title rows as host organisations with places and contacts', async () => {
    const p = await imports.previewImport(ctx, { programmeId, kind: 'organisations', filePath: fx.handMade });
    expect(p.headerRow).toBe(5);
    expect(p.rejected.length).toBeGreaterThan(0);
    for (const r of p.rejected) expect(r.row).toBeGreaterThan(5);
    await imports.commitImport(ctx, { previewId: p.previewId });
    const vlinder = await ctx.db.selectFrom('organisations').selectAll().where('name', '=', 'De Vlinder vzw').executeTakeFirstOrThrow();
    const places = await ctx.db.selectFrom('places').select(['team', 'capacity']).where('organisation_id', '=', vlinder.id).orderBy('team').execute();
    expect(places.map((x) => x.team)).toEqual(expect.arrayContaining(['Leefgroep', 'Thuisbegeleiding']));
    const contacts = await ctx.db.selectFrom('contacts').select(['name', 'email']).where('organisation_id', '=', vlinder.id).execute();
    expect(contacts).toEqual([{ name: 'Sara Leroy', email: 'sara@devlinder.be' }]);
  });

  it('reads CSV in UTF-8, UTF-8 with BOM and Windows-1252 to the same people', async () => {
    const names: string[][] = [];
    for (const file of [fx.csvUtf8, fx.csvBom, fx.csv1252]) {
      const p = await imports.previewImport(ctx, { programmeId, kind: 'participants', filePath: file });
      expect(p.format).toBe('csv');
      names.push(p.changes.map((c) => c.label).sort());
    }
    expect(names[0]).toContain('Hélène Çelik <helene@example.be>');
    expect(names[1]).toEqual(names[0]);
    expect(names[2]).toEqual(names[0]);
  });

  it('asks which sheet when several could hold the table, and takes the one chosen', async () => {
    const p = await imports.previewImport(ctx, { programmeId, kind: 'participants', filePath: fx.multiSheet });
    if (p.sheetMessage) {
      expect(p.canCommit).toBe(false);
      const chosen = await imports.previewImport(ctx, { programmeId, kind: 'participants', previewId: p.previewId, sheet: 'Inschrijvingen' });
      expect(chosen.sheet).toBe('Inschrijvingen');
    } else {
      expect(p.sheet).toBe('Inschrijvingen');
    }
    expect(p.sheets.map((s) => s.name)).toEqual(expect.arrayContaining(['Info', 'Inschrijvingen']));
  });

  it('lets the coordinator correct the mapping, and refuses an unknown field', async () => {
    const p = await imports.previewImport(ctx, { programmeId, kind: 'participants', filePath: fx.msForms });
    const fn = p.columns.find((c) => c.field === 'functionTitle')!;
    const corrected = await imports.previewImport(ctx, { programmeId, kind: 'participants', previewId: p.previewId, mapping: { [String(fn.index)]: null } });
    expect(corrected.columns.find((c) => c.index === fn.index)?.field).toBeNull();
    await expect(imports.previewImport(ctx, { programmeId, kind: 'participants', previewId: p.previewId, mapping: { '1': 'salary' } })).rejects.toMatchObject({ code: 'invalid_input' });
  });

  it('imports mentors with their capacity', async () => {
    const p = await imports.previewImport(ctx, { programmeId, kind: 'mentors', filePath: fx.mentors });
    await imports.commitImport(ctx, { previewId: p.previewId });
    const mia = await ctx.db.selectFrom('people').selectAll().where('email', '=', 'mia@example.be').executeTakeFirstOrThrow();
    expect(mia).toMatchObject({ is_mentor: 1, mentor_capacity: 2 });
  });
});

describe('hostile files change nothing and say what to do', () => {
  it.each(['empty', 'csvRenamed', 'truncated', 'encrypted', 'legacyXls', 'zipBomb', 'mergeWholeSheet', 'millionRows'] as const)('%s', async (name) => {
    const before = await snapshotDb(ctx.db);
    const started = Date.now();
    const err = await imports.previewImport(ctx, { programmeId, kind: 'participants', filePath: fx[name] }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'file_rejected', message: expect.any(String) });
    expect((err as Error).message.length).toBeGreaterThan(20);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(await snapshotDb(ctx.db)).toEqual(before);
  });
});

describe('through the contract and the CLI', () => {
  it('previews a file sent by the window as base64 and commits it', async () => {
    const h = createHandlers(ctx);
    const content = fs.readFileSync(fx.csvBom).toString('base64');
    const r = await dispatch(h, 'import.preview', { programmeId, kind: 'participants', file: { fileName: 'inschrijvingen.csv', contentBase64: content } }, () => undefined);
    expect(r).toMatchObject({ ok: true, value: { fileName: 'inschrijvingen.csv', format: 'csv' } });
    const previewId = (r as { value: { previewId: string } }).value.previewId;
    const c = await dispatch(h, 'import.commit', { previewId }, () => undefined);
    expect(c).toMatchObject({ ok: true, value: { fileName: 'inschrijvingen.csv' } });
    const expired = await dispatch(h, 'import.commit', { previewId }, () => undefined);
    expect(expired).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('import FILE --json prints rows, created, updated, duplicates, rejected and unresolved choices; --dry-run writes nothing', async () => {
    await ctx.close();
    const cli = async (args: string[]) => {
      let stdout = '';
      const code = await runCli(['--db', ctx.dbPath, ...args, '--json'], { stdout: (t) => (stdout += t), stderr: () => undefined, env: {}, now: fixedClock() });
      return { code, out: JSON.parse(stdout) as Record<string, unknown> };
    };
    const dry = await cli(['import', fx.msForms, '--programme', String(programmeId), '--as', 'participants', '--dry-run']);
    expect(dry.code).toBe(0);
    expect(dry.out).toMatchObject({ ok: true, dryRun: true, rows: 6, duplicates: 1, created: expect.any(Number), updated: 0 });
    expect(dry.out.rejected).toEqual(expect.arrayContaining([expect.objectContaining({ row: 4, column: 'E-mailadres', code: 'email', message: expect.any(String) })]));
    expect((dry.out.unresolvedChoices as unknown[]).length).toBeGreaterThan(0);
    const real = await cli(['import', fx.msForms, '--programme', String(programmeId), '--as', 'participants']);
    expect(real.out).toMatchObject({ ok: true, dryRun: false, importId: expect.any(Number) });
    const again = await cli(['import', fx.msForms, '--programme', String(programmeId), '--as', 'participants']);
    expect(again.out).toMatchObject({ ok: true, created: 0, updated: 0 });
    const bad = await cli(['import', fx.zipBomb, '--programme', String(programmeId), '--as', 'participants']);
    expect(bad).toMatchObject({ code: 1, out: { ok: false, error: { code: 'file_rejected' } } });
    const wrongKind = await cli(['import', fx.msForms, '--programme', String(programmeId), '--as', 'visitors']);
    expect(wrongKind.out).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining('organisations, participants or mentors') } });
    // Refusals before anything is written say what to do, with and without --dry-run.
    const unknownHeaders = path.join(dir, 'onbekend.csv');
    fs.writeFileSync(unknownHeaders, 'Kolom A;Kolom B\r\nx;y\r\n');
    for (const dryRun of [[], ['--dry-run']]) {
      const unmapped = await cli(['import', unknownHeaders, '--programme', String(programmeId), '--as', 'participants', ...dryRun]);
      expect(unmapped.out).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(/^No column was recognised for: .*email.*Rename the header/) } });
      const noSheet = await cli(['import', fx.multiSheet, '--programme', String(programmeId), '--as', 'participants', '--sheet', 'Bestaat niet', ...dryRun]);
      expect(noSheet.out).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining('Inschrijvingen') } });
      expect(JSON.stringify(noSheet.out)).not.toContain('[object Object]');
    }
    ctx = await createTestContext({ file: ctx.dbPath });
  });
});

describe('export to Excel', () => {
  it('writes placements, participants and hosts; formula-like text stays text', async () => {
    await imports.commitImport(ctx, { previewId: (await imports.previewImport(ctx, { programmeId, kind: 'participants', filePath: fx.csvUtf8 })).previewId });
    await ctx.db.updateTable('people').set({ first_name: '=HYPERLINK("http://x.example","klik")' }).where('email', '=', 'zoe@example.be').execute();
    const s = await runScenario(ctx, { programmeId, roundId: null, mode: 'optimal' });
    await publishScenario(ctx, s.id);
    const file = path.join(dir, 'koppelingen.xlsx');
    const r = await exportMatchesXlsx(ctx, programmeId, file);
    expect(r.sheets).toMatchObject({ Koppelingen: s.placementCount, Deelnemers: 3 });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const cells: ExcelJS.Cell[] = [];
    wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => cells.push(c))));
    expect(cells.some((c) => String(c.value).includes('HYPERLINK'))).toBe(true);
    for (const c of cells) {
      expect(c.type).not.toBe(ExcelJS.ValueType.Formula);
      if (typeof c.value === 'string') expect(c.value.startsWith('=')).toBe(false);
    }
    await expect(exportMatchesXlsx(ctx, programmeId, file)).rejects.toMatchObject({ code: 'conflict' });
  });
});

describe("the CLI's one-pass import (read while normalising, plan once in the transaction)", () => {
  /** 1,200 sign-ups under a title row: duplicates far apart, refused cells, unknown hosts, new employers. */
  async function messyLargeFile(file: string): Promise<void> {
    const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true, useStyles: true });
    const ws = writer.addWorksheet('Inschrijvingen');
    ws.addRow(['Inschrijvingen kijkstages 2027']).commit();
    ws.addRow([]).commit();
    ws.addRow(['Tijdstempel', 'E-mailadres', 'Voornaam', 'Achternaam', 'GSM-nummer', 'Organisatie', 'Eerste keuze', 'Tweede keuze']).commit();
    for (let i = 0; i < 1200; i++) {
      // Rows 5 and 1,105 (and others 1,100 apart) are the same person: the later submission wins.
      const who = i % 1100;
      ws.addRow([
        `${String((i % 27) + 1).padStart(2, '0')}/10/2026 ${String(8 + (i % 10)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}`,
        i === 700 ? 'niet-een-adres' : `Deelnemer${who}@Voorbeeld.be `,
        `Voornaam${i}`,
        `Achternaam ${i}`,
        i === 333 ? '0475 12' : `0475 ${String(100000 + i).slice(0, 2)} ${String(100000 + i).slice(2, 4)} ${String(100000 + i).slice(4, 6)}`,
        i % 4 === 0 ? 'Nieuwe Zender vzw' : 'De Vlinder vzw',
        i % 9 === 0 ? 'Vlindertje' : 'de vlinder',
        i % 2 === 0 ? 'CAW BRUSSEL' : 'Huis van het Kind Anderlecht',
      ]).commit();
    }
    ws.commit();
    await writer.commit();
  }

  async function freshProgramme(): Promise<{ ctx: TestContext; programmeId: number }> {
    const c = await createTestContext();
    const p = await createProgramme(c, ProgrammeInputSchema.parse({ name: 'Kijkstages 2027', kind: 'kijkstage' }));
    for (const h of FIXTURE_HOSTS) {
      const o = await createOrganisation(c, OrganisationInputSchema.parse({ name: h.name, postcode: '1000' }));
      await createPlace(c, PlaceInputSchema.parse({ programmeId: p.id, organisationId: o.id, team: 'Onthaal', capacity: 2 }));
    }
    return { ctx: c, programmeId: p.id };
  }

  it('writes exactly what preview + commit write, and reports the same', async () => {
    const file = path.join(dir, 'inschrijvingen-groot.xlsx');
    await messyLargeFile(file);
    const a = await freshProgramme();
    const b = await freshProgramme();
    try {
      const once = await imports.importFile(a.ctx, { programmeId: a.programmeId, kind: 'participants', filePath: file });
      // Written while the file was read: the 100 later sign-ups were written over the first ones.
      expect(once.writtenWhileReading).toBe(true);
      const preview = await imports.previewImport(b.ctx, { programmeId: b.programmeId, kind: 'participants', filePath: file });
      const record = await imports.commitImport(b.ctx, { previewId: preview.previewId });
      // Everything but the migrations' own timestamps.
      const { kysely_migration: _ma, ...dataA } = await snapshotDb(a.ctx.db);
      const { kysely_migration: _mb, ...dataB } = await snapshotDb(b.ctx.db);
      expect(dataA).toEqual(dataB);
      expect(dataA.people).toHaveLength(1098);
      expect(once.record.summary).toEqual(record.summary);
      expect(once.record.summary).toMatchObject({ rows: 1200, created: 1098, duplicates: 100, rejected: 2 });
      const { previewId: _a, ...fromOnce } = once.preview;
      const { previewId: _b, ...fromPreview } = preview;
      expect(fromOnce).toEqual(fromPreview);
      expect(once.preview.rejected.map((r) => [r.row, r.code])).toEqual([[337, 'phone'], [704, 'email']]);
      expect(once.preview.duplicates[0]).toMatchObject({ email: 'deelnemer0@voorbeeld.be', keptRow: 1104, droppedRows: [4] });
      expect(once.preview.unresolvedChoices.map((u) => u.text)).toEqual(['Vlindertje']);
      expect(once.preview.newOrganisations.map((o) => o.name)).toEqual(['Nieuwe Zender vzw']);
      // Importing the same file again changes nothing.
      const again = await imports.importFile(a.ctx, { programmeId: a.programmeId, kind: 'participants', filePath: file });
      expect(again.record.summary).toMatchObject({ created: 0, updated: 0, unchanged: 1098 });
      expect(again.writtenWhileReading).toBe(true);
    } finally {
      await a.ctx.close();
      await b.ctx.close();
    }
  });

  it('rolls back what it wrote and imports in two steps when a later sign-up names another employer', async () => {
    const file = path.join(dir, 'werkgever-gewijzigd.xlsx');
    const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true });
    const ws = writer.addWorksheet('Inschrijvingen');
    ws.addRow(['E-mailadres', 'Voornaam', 'Organisatie', 'Eerste keuze']).commit();
    for (let i = 0; i < 700; i++) ws.addRow([`p${i % 650}@voorbeeld.be`, `V${i}`, i >= 650 ? `Nieuwe Werkgever ${i}` : 'De Vlinder vzw', 'CAW Brussel']).commit();
    ws.commit();
    await writer.commit();
    const a = await freshProgramme();
    const b = await freshProgramme();
    try {
      const once = await imports.importFile(a.ctx, { programmeId: a.programmeId, kind: 'participants', filePath: file });
      expect(once.writtenWhileReading).toBe(false);
      const preview = await imports.previewImport(b.ctx, { programmeId: b.programmeId, kind: 'participants', filePath: file });
      await imports.commitImport(b.ctx, { previewId: preview.previewId });
      const { kysely_migration: _ma, ...dataA } = await snapshotDb(a.ctx.db);
      const { kysely_migration: _mb, ...dataB } = await snapshotDb(b.ctx.db);
      expect(dataA).toEqual(dataB);
      expect(once.record.summary).toMatchObject({ rows: 700, created: 650, duplicates: 50 });
      expect(dataA.organisations?.length).toBe(FIXTURE_HOSTS.length + 50);
    } finally {
      await a.ctx.close();
      await b.ctx.close();
    }
  });

  it('takes back the rows it already wrote when the file is refused halfway', async () => {
    const file = path.join(dir, 'te-breed-halverwege.xlsx');
    const wide = async (withWideRow: boolean) => {
      const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true });
      const ws = writer.addWorksheet('Inschrijvingen');
      ws.addRow(['E-mailadres', 'Voornaam', 'Eerste keuze']).commit();
      for (let i = 0; i < 1500; i++) ws.addRow(withWideRow && i === 1400 ? Array.from({ length: 600 }, () => 'x') : [`p${i}@voorbeeld.be`, `V${i}`, 'CAW Brussel']).commit();
      ws.commit();
      await writer.commit();
    };
    await wide(true);
    const before = await snapshotDb(ctx.db);
    const backupsBefore = listBackups(ctx).map((b) => b.name);
    let rowsRead = 0;
    await expect(imports.importFile(ctx, { programmeId, kind: 'participants', filePath: file }, { onRows: (batch) => (rowsRead += batch.rows.length) })).rejects.toMatchObject({ code: 'file_rejected', details: { reason: 'too_many_columns' } });
    // A thousand rows had been read (and written, inside the transaction) before the wide row.
    expect(rowsRead).toBeGreaterThanOrEqual(1000);
    expect(await snapshotDb(ctx.db)).toEqual(before);
    // The copy taken before writing began is gone again with the rows.
    expect(listBackups(ctx).map((b) => b.name)).toEqual(backupsBefore);
    // The next import finds the database free and unchanged.
    await wide(false);
    const ok = await imports.importFile(ctx, { programmeId, kind: 'participants', filePath: file });
    expect(ok.writtenWhileReading).toBe(true);
    expect(ok.record.summary).toMatchObject({ rows: 1500, created: 1500 });
  });

  it('changes nothing when the file is refused or the programme does not exist', async () => {
    const before = await snapshotDb(ctx.db);
    await expect(imports.importFile(ctx, { programmeId, kind: 'participants', filePath: fx.zipBomb })).rejects.toMatchObject({ code: 'file_rejected' });
    await expect(imports.importFile(ctx, { programmeId: 999, kind: 'participants', filePath: fx.msForms })).rejects.toMatchObject({ code: 'not_found' });
    await expect(imports.importFile(ctx, { programmeId, kind: 'participants', filePath: fx.multiSheet, sheet: 'Bestaat niet' })).rejects.toMatchObject({ code: 'invalid_input' });
    expect(await snapshotDb(ctx.db)).toEqual(before);
    expect(listBackups(ctx)).toHaveLength(0);
  });
});
