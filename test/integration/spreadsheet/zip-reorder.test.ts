import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readXlsx } from '../../../src-main/io/spreadsheet/sheet-reader';
import { reorderXlsxParts } from '../../../src-main/io/spreadsheet/zip-reorder';
import type { SheetRow } from '../../../src-main/domain/import/sheet-data';
import { tempDir } from '../../helpers/context';

let dir: string;
let file: string;

beforeAll(async () => {
  dir = tempDir();
  file = path.join(dir, 'inschrijvingen.xlsx');
  // exceljs's streaming writer, like Excel, puts the worksheets before xl/sharedStrings.xml.
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true, useStyles: true });
  for (const name of ['Inschrijvingen', 'Reserve']) {
    const ws = writer.addWorksheet(name);
    ws.addRow(['Tijdstempel', 'E-mailadres', 'Voornaam', 'Keuze']).commit();
    for (let i = 0; i < 300; i++) ws.addRow([new Date(Date.UTC(2026, 10, 1 + (i % 28), 9, i % 60)), `p${i}@voorbeeld.be`, `Voornaam ${i} é ë ç`, i % 2 ? 'CAW Brussel' : 'De Vlinder']).commit();
    ws.commit();
  }
  await writer.commit();
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function rowsOf(source: string): Promise<SheetRow[][]> {
  const sheets: SheetRow[][] = [];
  await readXlsx(source, { maxRows: 1000, maxColumns: 50 }, (batch) => {
    sheets[batch.sheetIndex] = [...(sheets[batch.sheetIndex] ?? []), ...batch.rows];
  });
  return sheets;
}

describe('moving the shared strings before the worksheets', () => {
  it('puts the parts exceljs needs first, keeps every part byte for byte, and reads the same rows', async () => {
    const original = fs.readFileSync(file);
    const before = Object.keys((await JSZip.loadAsync(original)).files);
    expect(before.indexOf('xl/worksheets/sheet1.xml')).toBeLessThan(before.indexOf('xl/sharedStrings.xml'));

    const reordered = await reorderXlsxParts(original);
    expect(reordered).not.toBeNull();
    const zip = await JSZip.loadAsync(reordered as Buffer);
    const after = Object.keys(zip.files);
    expect(after.slice(0, 4)).toEqual(['[Content_Types].xml', '_rels/.rels', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels']);
    expect(after.indexOf('xl/sharedStrings.xml')).toBeLessThan(after.indexOf('xl/worksheets/sheet1.xml'));
    expect(after.indexOf('xl/styles.xml')).toBeLessThan(after.indexOf('xl/worksheets/sheet1.xml'));
    expect(after.indexOf('xl/worksheets/sheet1.xml')).toBeLessThan(after.indexOf('xl/worksheets/sheet2.xml'));
    expect([...after].sort()).toEqual([...before].sort());
    const source = await JSZip.loadAsync(original);
    for (const name of before) expect(await zip.file(name)?.async('nodebuffer')).toEqual(await source.file(name)?.async('nodebuffer'));

    // readXlsx reorders the file it is given; the reordered copy, read as it is, gives the same rows.
    const copy = path.join(dir, 'herschikt.xlsx');
    fs.writeFileSync(copy, reordered as Buffer);
    const fromOriginal = await rowsOf(file);
    expect(fromOriginal.map((s) => s.length)).toEqual([301, 301]);
    expect(fromOriginal[0]?.[1]?.cells[0]).toEqual(new Date(Date.UTC(2026, 10, 1, 9, 0)));
    expect(fromOriginal[0]?.[5]?.cells[2]).toBe('Voornaam 4 é ë ç');
    expect(await rowsOf(copy)).toEqual(fromOriginal);
  });

  it('leaves a zip alone when the order is already right, and anything that is not a plain zip', async () => {
    const reordered = (await reorderXlsxParts(fs.readFileSync(file))) as Buffer;
    expect(await reorderXlsxParts(reordered)).toBeNull();
    expect(await reorderXlsxParts(Buffer.from('E-mail;Naam\njan@x.be;Jan\n'))).toBeNull();
    expect(await reorderXlsxParts(fs.readFileSync(file).subarray(0, 4000))).toBeNull();
  });
});
