import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadSpreadsheet, parseWorkerHost } from '../../../src-main/io/spreadsheet/load-spreadsheet';
import type { RowBatch } from '../../../src-main/io/spreadsheet/read-options';
import { makeBenchFile, makeFixtures, type Fixtures } from '../../fixtures/make-fixtures';
import { tempDir } from '../../helpers/context';

/*
 * The parse worker stays alive between files (a fresh worker per file cost more than the read) and
 * hands rows on in batches while it reads. A file that hits a limit still loses only its worker:
 * the next file gets a new one.
 */

let f: Fixtures;
let large: string;
beforeAll(async () => {
  f = await makeFixtures();
  large = await makeBenchFile(1200, path.join(tempDir('meeloop-worker-'), 'bench'));
}, 120_000);

describe('the long-lived parse worker', () => {
  it('reads one file after another in the same worker', async () => {
    const host = parseWorkerHost();
    if (!host) throw new Error('no parse worker found');
    const first = await loadSpreadsheet(f.msForms);
    expect(first.ok && first.mode).toBe('worker');
    const started = host.started;
    for (const file of [f.googleForms, f.handMade, f.csvUtf8]) expect((await loadSpreadsheet(file)).ok).toBe(true);
    expect(host.started).toBe(started);
  });

  it('replaces the worker after a file runs past the time limit, and reads the next file', async () => {
    const host = parseWorkerHost();
    if (!host) throw new Error('no parse worker found');
    expect((await loadSpreadsheet(f.msForms)).ok).toBe(true);
    const started = host.started;
    const stopped = await loadSpreadsheet(large, { timeoutMs: 1 });
    expect(!stopped.ok && stopped.rejection.reason).toBe('timeout');
    const next = await loadSpreadsheet(f.msForms);
    expect(next.ok).toBe(true);
    expect(host.started).toBe(started + 1);
  });

  it('refuses a file that runs the worker out of memory, and reads the next file in a new worker', async () => {
    const host = parseWorkerHost();
    if (!host) throw new Error('no parse worker found');
    const starved = await loadSpreadsheet(large, { maxMemoryMb: 2 });
    expect(starved.ok).toBe(false);
    if (!starved.ok) {
      expect(starved.rejection.reason).toBe('out_of_memory');
      expect(starved.rejection.message).toMatch(/needs too much memory/);
    }
    const started = host.started;
    expect((await loadSpreadsheet(f.msForms)).ok).toBe(true);
    expect(host.started).toBe(started + 1);
  });

  it('hands rows on in batches of at most 500 that add up to the sheets it returns', async () => {
    const batches: RowBatch[] = [];
    const r = await loadSpreadsheet(large, { onRows: (b) => batches.push(b) });
    if (!r.ok) throw new Error(r.rejection.message);
    expect(batches.length).toBeGreaterThanOrEqual(3);
    expect(batches.every((b) => b.rows.length <= 500 && b.sheetIndex === 0)).toBe(true);
    expect(batches.flatMap((b) => b.rows)).toEqual(r.workbook.sheets[0]?.rows);
    expect(r.workbook.sheets[0]?.rows).toHaveLength(1201);
  });

  it('lists every sheet, also one without rows, in workbook order', async () => {
    const names: string[] = [];
    const r = await loadSpreadsheet(f.multiSheet, { onRows: (b) => names.push(b.sheetName) });
    if (!r.ok) throw new Error(r.rejection.message);
    expect([...new Set(names)]).toEqual(r.workbook.sheets.map((s) => s.name));
  });
});

describe('zip parts in any order', () => {
  it('reads a workbook whose sheets come before workbook.xml in the zip, with their names and hidden state', async () => {
    // Some writers put workbook.xml after the sheets; exceljs's streaming reader then failed ("reading 'sheets'").
    const JSZip = (await import('jszip')).default;
    const original = await JSZip.loadAsync(fs.readFileSync(f.multiSheet));
    const names = Object.keys(original.files).filter((n) => !original.files[n]?.dir);
    const first = ['[Content_Types].xml', '_rels/.rels', 'xl/_rels/workbook.xml.rels', 'xl/sharedStrings.xml', 'xl/styles.xml'];
    const sheets = names.filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n));
    const order = [...first.filter((n) => names.includes(n)), ...sheets, 'xl/workbook.xml', ...names.filter((n) => !first.includes(n) && !sheets.includes(n) && n !== 'xl/workbook.xml')];
    const reordered = new JSZip();
    for (const n of order) {
      const entry = original.files[n];
      if (entry) reordered.file(n, await entry.async('nodebuffer'));
    }
    const file = path.join(tempDir('meeloop-order-'), 'volgorde.xlsx');
    fs.writeFileSync(file, await reordered.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
    const expected = await loadSpreadsheet(f.multiSheet);
    for (const mode of ['worker', 'in-process'] as const) {
      const r = await loadSpreadsheet(file, { mode });
      if (!r.ok || !expected.ok) throw new Error('not read');
      expect(r.workbook.sheets.map((s) => [s.name, s.isHidden, s.rows.length])).toEqual(expected.workbook.sheets.map((s) => [s.name, s.isHidden, s.rows.length]));
      expect(r.workbook.sheets.map((s) => s.name)).toContain('Inschrijvingen');
      expect(r.workbook.sheets.some((s) => s.isHidden)).toBe(true);
    }
  });
});
