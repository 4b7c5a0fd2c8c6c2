import { describe, expect, it } from 'vitest';
import type { RawCellValue } from '../../../src-main/domain/import/cell-values';
import { EarlyNormaliser, NormalisedTables, normalisedKey } from '../../../src-main/domain/import/early-normalise';
import { normalisingSink } from '../../../src-main/io/spreadsheet/read-spreadsheet';
import type { RowBatch } from '../../../src-main/io/spreadsheet/read-options';
import { locateTable } from '../../../src-main/domain/import/find-table';
import { applyRememberedMapping, correctMapping, proposeMapping, rememberMapping, type RememberedMapping } from '../../../src-main/domain/import/header-mapping';
import { normaliseRows } from '../../../src-main/domain/import/normalise';
import type { SheetRow, WorkbookData } from '../../../src-main/domain/import/sheet-data';

/*
 * Rows normalised batch by batch while the file is read must equal normalising the located table at
 * once, and must only be handed out for the sheet, header row, mapping and phone countries they were
 * made with.
 */

const HEADERS = ['Tijdstempel', 'E-mailadres', 'Voornaam', 'Achternaam', 'GSM-nummer', 'Organisatie', 'Eerste keuze', 'Tweede keuze'];

function sheetRows(count: number): SheetRow[] {
  const rows: SheetRow[] = [
    { rowNumber: 1, cells: ['Inschrijvingen kijkstages 2027'] },
    { rowNumber: 3, cells: HEADERS },
  ];
  for (let i = 0; i < count; i++) {
    const cells: RawCellValue[] = [
      `${String((i % 28) + 1).padStart(2, '0')}/11/2026 10:${String(i % 60).padStart(2, '0')}`,
      i === 40 ? 'geen-adres' : `persoon${i % 700}@voorbeeld.be`,
      `Voornaam${i}`,
      `Achternaam ${i}`,
      i === 77 ? '12' : `0475 12 ${String(i % 100).padStart(2, '0')} 56`,
      i % 3 === 0 ? 'De Vlinder vzw' : 'Onbekende Dienst',
      i % 5 === 0 ? 'de vlinder' : 'CAW Brussel',
      'Huis van het Kind',
    ];
    rows.push({ rowNumber: i + 4, cells });
  }
  return rows;
}

/** Hands the rows over as the readers do: 500 at a time per sheet. */
function feed(early: EarlyNormaliser, sheets: { name: string; rows: SheetRow[] }[]): NormalisedTables {
  const tables = new NormalisedTables();
  sheets.forEach((sheet, sheetIndex) => {
    for (let i = 0; i < sheet.rows.length; i += 500) for (const part of early.add({ sheetIndex, sheetName: sheet.name, isHidden: false, rows: sheet.rows.slice(i, i + 500) })) tables.add(part);
  });
  return tables;
}

const none = (): RememberedMapping | null => null;

describe('normalising while the file is read', () => {
  it('equals normalising the located table at once, rejected cells and row numbers included', () => {
    const rows = sheetRows(1800);
    const workbook: WorkbookData = { format: 'xlsx', sheets: [{ name: 'Formulierreacties 1', rows, isHidden: false }] };
    const early = new EarlyNormaliser('participants', none, { phoneCountries: ['BE', 'NL'] });
    const earlyTables = feed(early, [{ name: 'Formulierreacties 1', rows }]);
    const located = locateTable(workbook, 'participants');
    if (!located.ok) throw new Error(located.message);
    const columns = proposeMapping(located.table.headers, 'participants').columns;
    const whole = normaliseRows('participants', located.table, columns, { phoneCountries: ['BE', 'NL'] });
    const got = earlyTables.take(normalisedKey(located.table.sheetName, located.table.headerRowNumber, columns, ['BE', 'NL']));
    expect(got).toBeDefined();
    expect(got).toEqual(whole);
    expect(whole.records.length).toBe(1798);
    expect(whole.issues.map((i) => [i.row, i.code])).toEqual([[44, 'email'], [81, 'phone']]);
  });

  it('is not handed out for another mapping, other phone countries or another sheet', () => {
    const rows = sheetRows(600);
    const early = new EarlyNormaliser('participants', none, { phoneCountries: ['BE', 'NL'] });
    const earlyTables = feed(early, [{ name: 'Blad1', rows }]);
    const columns = proposeMapping(HEADERS, 'participants').columns;
    expect(earlyTables.take(normalisedKey('Blad1', 3, columns, ['BE', 'NL']))).toBeDefined();
    const corrected = correctMapping(proposeMapping(HEADERS, 'participants'), { 5: null }, HEADERS).columns;
    expect(earlyTables.take(normalisedKey('Blad1', 3, corrected, ['BE', 'NL']))).toBeUndefined();
    expect(earlyTables.take(normalisedKey('Blad1', 3, columns, ['NL', 'BE']))).toBeUndefined();
    expect(earlyTables.take(normalisedKey('Blad2', 3, columns, ['BE', 'NL']))).toBeUndefined();
  });

  it('uses the remembered mapping for these headers, and starts nothing when a required column is unmapped', () => {
    const rows = sheetRows(100);
    const remembered = rememberMapping(correctMapping(proposeMapping(HEADERS, 'participants'), { 5: null }, HEADERS).columns);
    const signature = proposeMapping(HEADERS, 'participants').signature;
    const early = new EarlyNormaliser('participants', (s) => (s === signature ? remembered : null), { phoneCountries: ['BE', 'NL'] });
    const earlyTables = feed(early, [{ name: 'Blad1', rows }]);
    const withoutOrganisation = applyRememberedMapping(HEADERS, 'participants', remembered).columns;
    const got = earlyTables.take(normalisedKey('Blad1', 3, withoutOrganisation, ['BE', 'NL']));
    expect(got?.records).toHaveLength(98);
    expect(got?.records.every((r) => 'organisation' in r && r.organisation === null)).toBe(true);

    const noEmail = rows.map((r) => (r.rowNumber === 3 ? { ...r, cells: HEADERS.map((h) => (h === 'E-mailadres' ? 'Iets anders' : h)) } : r));
    const blind = new EarlyNormaliser('participants', none, { phoneCountries: ['BE', 'NL'] });
    const blindTables = feed(blind, [{ name: 'Blad1', rows: noEmail }]);
    const headers = HEADERS.map((h) => (h === 'E-mailadres' ? 'Iets anders' : h));
    expect(blindTables.take(normalisedKey('Blad1', 3, proposeMapping(headers, 'participants').columns, ['BE', 'NL']))).toBeUndefined();
  });

  it('normalises every sheet that looks like the table, so the sheet the coordinator picks is ready', () => {
    const early = new EarlyNormaliser('participants', none, { phoneCountries: ['BE', 'NL'] });
    const earlyTables = feed(early, [{ name: 'Ronde 1', rows: sheetRows(40) }, { name: 'Ronde 2', rows: sheetRows(90) }]);
    const columns = proposeMapping(HEADERS, 'participants').columns;
    expect(earlyTables.take(normalisedKey('Ronde 1', 3, columns, ['BE', 'NL']))?.records.length).toBe(40);
    expect(earlyTables.take(normalisedKey('Ronde 2', 3, columns, ['BE', 'NL']))?.records.length).toBe(88);
  });

  it('gives the same rows when the parse worker normalises one batch in three and this thread the rest', () => {
    const rows = sheetRows(2600);
    const job = { kind: 'participants' as const, remembered: [], phoneCountries: ['BE' as const, 'NL' as const] };
    const received: RowBatch[] = [];
    const sink = normalisingSink({ file: 'x.xlsx', format: 'xlsx', maxRows: 10_000, maxColumns: 50, expectedRows: null, normalise: { job, every: 3 } }, (b) => received.push(b));
    for (let i = 0; i < rows.length; i += 500) sink({ sheetIndex: 0, sheetName: 'Blad1', isHidden: false, rows: rows.slice(i, i + 500) });
    // Batches 3 and 6 (of 6) came normalised by the worker; this thread follows every batch and does the others.
    expect(received.map((b) => b.normalised !== undefined)).toEqual([false, false, true, false, false, true]);
    const here = EarlyNormaliser.of(job);
    const tables = new NormalisedTables();
    // As the import service does: follow every batch, normalise those the worker did not.
    for (const b of received) {
      const parts = here.add(b, b.normalised === undefined);
      if (b.normalised) expect(parts).toEqual([]);
      for (const part of b.normalised ?? parts) tables.add(part);
    }
    const columns = proposeMapping(HEADERS, 'participants').columns;
    const whole = normaliseRows('participants', { rows: rows.slice(2) }, columns, { phoneCountries: ['BE', 'NL'] });
    expect(tables.take(normalisedKey('Blad1', 3, columns, ['BE', 'NL']))).toEqual(whole);
  });
});
