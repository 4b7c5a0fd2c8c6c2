import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { locateTable } from '../../../src-main/domain/import/find-table';
import { proposeMapping } from '../../../src-main/domain/import/header-mapping';
import { normaliseRows } from '../../../src-main/domain/import/normalise';
import { planParticipants } from '../../../src-main/domain/import/plan';
import { loadSpreadsheet, resolveParseWorker } from '../../../src-main/io/spreadsheet/load-spreadsheet';
import { toCsv, writeXlsx } from '../../../src-main/io/spreadsheet/xlsx-writer';
import { FIXTURE_HOSTS, makeFixtures, type Fixtures } from '../../fixtures/make-fixtures';

let f: Fixtures;
beforeAll(async () => {
  f = await makeFixtures();
}, 120_000);

async function load(file: string, mode: 'auto' | 'in-process' = 'auto') {
  const r = await loadSpreadsheet(file, { mode });
  if (!r.ok) throw new Error(`rejected: ${r.rejection.message}`);
  return r;
}

describe('hostile files are refused with a clear message within seconds', () => {
  it.each([
    ['empty', 'empty_file', /file is empty/],
    ['csvRenamed', 'csv_renamed', /CSV text file whose name ends in \.xlsx/],
    ['truncated', 'truncated', /incomplete or damaged/],
    ['encrypted', 'encrypted', /protected with a password/],
    ['legacyXls', 'legacy_xls', /Excel 97-2003/],
    ['zipBomb', 'compression_ratio', /zip bomb/],
    ['mergeWholeSheet', 'merge_too_large', /merged cells covering 1,048,576 rows by 16,384 columns/],
    ['millionRows', 'dimension_too_large', /claims to use 1,048,576 rows/],
  ] as const)('%s → %s', async (key, reason, message) => {
    const started = Date.now();
    const r = await loadSpreadsheet(f[key]);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.rejection.reason).toBe(reason);
      expect(r.rejection.message).toMatch(message);
    }
  });

  it('refuses a file over the size limit and a sheet over the row limit', async () => {
    const big = await loadSpreadsheet(f.msForms, { limits: { maxFileBytes: 1000 } });
    expect(!big.ok && big.rejection.reason).toBe('file_too_large');
    // The declared <dimension> already tells: refused before parsing.
    const declared = await loadSpreadsheet(f.msForms, { limits: { maxRows: 3 } });
    expect(!declared.ok && declared.rejection.reason).toBe('dimension_too_large');
    const rows = await loadSpreadsheet(f.csvUtf8, { limits: { maxRows: 2 } });
    expect(!rows.ok && rows.rejection.reason).toBe('too_many_rows');
    const rowsInProcess = await loadSpreadsheet(f.csvUtf8, { limits: { maxRows: 2 }, mode: 'in-process' });
    expect(!rowsInProcess.ok && rowsInProcess.rejection.reason).toBe('too_many_rows');
  });

  it('stops a parse that runs past the time limit', async () => {
    const r = await loadSpreadsheet(f.msForms, { timeoutMs: 1 });
    expect(!r.ok && r.rejection.reason).toBe('timeout');
  });
});

describe('reading real partner files', () => {
  it('runs in a worker from the TypeScript sources and reports progress', async () => {
    expect(resolveParseWorker()).not.toBeNull();
    const progress: number[] = [];
    const r = await loadSpreadsheet(f.msForms, { onProgress: (n) => progress.push(n) });
    expect(r.ok && r.mode).toBe('worker');
    expect(progress.at(-1)).toBe(7);
  });

  it('reads a Microsoft Forms export end to end: mapping, values, duplicates, unresolved choices', async () => {
    const { workbook } = await load(f.msForms);
    const located = locateTable(workbook, 'participants');
    if (!located.ok) throw new Error(located.message);
    const mapping = proposeMapping(located.table.headers, 'participants');
    expect(mapping.missingRequired).toEqual([]);
    const n = normaliseRows('participants', located.table, mapping.columns);
    expect(n.issues.map((i) => [i.row, i.columnLetter])).toEqual([[4, 'H'], [6, 'I']]);
    const byEmail = Object.fromEntries(n.records.map((r) => [r.email, r]));
    expect(byEmail['bram@example.be']?.phone).toBe('+32486112233');
    expect(byEmail['eva@example.be']?.phone).toBe('+31612345678');
    expect(byEmail['an.peeters@example.be']?.functionTitle).toBe('Teamcoach');
    expect(byEmail['bram@example.be']?.submittedAt).toBe('2026-11-03T10:07:00');
    const plan = planParticipants({ ...n, existing: { people: [], organisations: [] }, hosts: FIXTURE_HOSTS, importedAt: '2026-11-23T10:00:00' });
    expect(plan.duplicates[0]).toMatchObject({ email: 'an.peeters@example.be', keptRow: 5, droppedRows: [2] });
    expect(plan.unresolvedChoices.map((u) => [u.text, u.rows, u.candidates[0]?.name])).toEqual([['Vlindr', [3], 'De Vlinder vzw']]);
    const bram = plan.items.find((i) => i.values.email === 'bram@example.be');
    expect(bram?.application?.choices.map((c) => c.organisationId)).toEqual([4, 1, null]);
    expect(plan.summary).toMatchObject({ rows: 6, created: 3, duplicates: 1, rejected: 2 });
  });

  it('reads a Google Forms export with text timestamps and yes/no', async () => {
    const { workbook } = await load(f.googleForms);
    const located = locateTable(workbook, 'participants');
    if (!located.ok) throw new Error(located.message);
    const mapping = proposeMapping(located.table.headers, 'participants');
    const n = normaliseRows('participants', located.table, mapping.columns);
    expect(n.rejectedRows).toEqual([5]);
    const plan = planParticipants({ ...n, existing: { people: [], organisations: [] }, hosts: FIXTURE_HOSTS, importedAt: '2026-11-23T10:00:00' });
    expect(plan.duplicates[0]).toMatchObject({ email: 'jan@example.be', keptRow: 2, reason: 'later_submission' });
    expect(plan.items[0]?.application).toMatchObject({ submittedAt: '2026-11-23T14:03:12', isEarlyBird: true });
  });

  it('finds the header row under a merged title and blank rows, with real row numbers', async () => {
    const { workbook } = await load(f.handMade);
    const located = locateTable(workbook, 'organisations');
    if (!located.ok) throw new Error(located.message);
    expect(located.table.headerRowNumber).toBe(5);
    expect(located.table.rows[0]?.rowNumber).toBe(6);
    const mapping = proposeMapping(located.table.headers, 'organisations');
    const n = normaliseRows('organisations', located.table, mapping.columns);
    expect(n.issues.map((i) => [i.row, i.column])).toEqual([[8, 'Aantal plaatsen'], [10, 'Postcode'], [10, 'Aantal plaatsen']]);
    expect(n.records.find((r) => r.name === 'Stichting Buurtzorg')?.postcode).toBe('7511 AB');
  });

  it('reads French headers and Excel serial dates', async () => {
    const { workbook } = await load(f.french);
    const located = locateTable(workbook, 'participants');
    if (!located.ok) throw new Error(located.message);
    const n = normaliseRows('participants', located.table, proposeMapping(located.table.headers, 'participants').columns);
    expect(n.issues).toEqual([]);
    expect(n.records[0]).toMatchObject({ firstName: 'Hélène', submittedAt: '2026-11-23T12:00:00', language: 'fr', phone: '+3225556677' });
    expect(n.records[0]?.choices.map((c) => c.text)).toEqual(['maison médicale les marolles', 'caw brussel', 'Huis van het kind anderlecht']);
  });

  it('picks the sheet that holds the table, skips hidden sheets, and honours the sheet option', async () => {
    const { workbook } = await load(f.multiSheet);
    expect(workbook.sheets.find((s) => s.name === 'Oud')?.isHidden).toBe(true);
    const auto = locateTable(workbook, 'participants');
    expect(auto.ok && auto.table.sheetName).toBe('Inschrijvingen');
    const chosen = locateTable(workbook, 'participants', 'Oud');
    expect(chosen.ok && chosen.table.rows.length).toBe(1);
    const missing = locateTable(workbook, 'participants', 'Nope');
    expect(!missing.ok && missing.message).toMatch(/Choose one of: Info, Inschrijvingen, Oud/);
  });

  it.each([
    ['csvUtf8', 'utf-8', ','],
    ['csvBom', 'utf-8-bom', ';'],
    ['csv1252', 'windows-1252', ';'],
  ] as const)('reads %s with encoding %s and separator %j', async (key, encoding, separator) => {
    const { workbook } = await load(f[key]);
    expect(workbook).toMatchObject({ format: 'csv', encoding, separator });
    const rows = workbook.sheets[0]?.rows ?? [];
    expect(rows[1]?.cells.slice(0, 2)).toEqual(['Hélène', 'Çelik']);
    expect(rows[3]?.cells[1]).toBe('Müller; Sr.');
    expect(rows[3]?.rowNumber).toBe(4);
  });

  it('reads the same way in-process when no worker is available', async () => {
    const r = await load(f.googleForms, 'in-process');
    expect(r.mode).toBe('in-process');
    expect(r.workbook.sheets[0]?.rows).toHaveLength(5);
  });
});

describe('export writer', () => {
  it('writes cells that start with = + - @ tab or CR as text that cannot run', async () => {
    const file = path.join(os.tmpdir(), `meeloop-export-${process.pid}.xlsx`);
    await writeXlsx(file, [{ name: 'Plaatsingen', rows: [['Naam', 'Telefoon'], ['=HYPERLINK("http://evil","x")', '+32475123456'], ['@SUM(A1)', '-5'], ['\tx', '+cmd|calc']] }]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet('Plaatsingen');
    expect(ws?.getCell('A2').value).toBe(`'=HYPERLINK("http://evil","x")`);
    expect(ws?.getCell('A2').formula).toBeUndefined();
    expect(ws?.getCell('B2').value).toBe('+32475123456');
    expect(ws?.getCell('A3').value).toBe(`'@SUM(A1)`);
    expect(ws?.getCell('A4').value).toBe(`'\tx`);
    expect(ws?.getCell('B4').value).toBe(`'+cmd|calc`);
    const xml = fs.readFileSync(file);
    expect(xml.includes(Buffer.from('<f>'))).toBe(false);
    fs.rmSync(file);
    expect(toCsv([['=1+1', 'a;b', '-2']])).toBe(`\uFEFF'=1+1;"a;b";-2\r\n`);
  });
});
