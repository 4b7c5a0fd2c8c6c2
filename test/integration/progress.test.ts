import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Result } from '../../src-shared/errors';
import type { ChannelOutput, EventName, EventPayload } from '../../src-shared/ipc/contract';
import { ProgressEventSchema, type ProgressEvent } from '../../src-shared/schemas/progress.schema';
import { listAudit } from '../../src-main/db/repositories/audit.repository';
import { dispatch, type Handlers } from '../../src-main/ipc/dispatch';
import { createHandlers } from '../../src-main/ipc/handlers';
import { loadSpreadsheet } from '../../src-main/io/spreadsheet/load-spreadsheet';
import type { UiPort } from '../../src-main/services/context';
import { loadDemo } from '../../src-main/services/demo.service';
import * as documents from '../../src-main/services/documents.service';
import * as matching from '../../src-main/services/matching.service';
import * as planner from '../../src-main/services/planner.service';
import { createProgramme, listProgrammes } from '../../src-main/services/programme.service';
import { progressReporter } from '../../src-main/services/progress';
import { ProgrammeInputSchema } from '../../src-shared/schemas/programme.schema';
import { makeBenchFile } from '../fixtures/make-fixtures';
import { createTestContext, tempDir, type TestContext } from '../helpers/context';
import { pdfInfo, pdfText } from './pdf/poppler';

/*
 * Progress events end to end below the window: the documents export and the import preview emit
 * 'task.progress' through the context's ui.emit (as the app's main window and the test host do),
 * throttled, always ending with done === total; a documents export stops when told to and keeps
 * only whole files. Everything goes through the IPC handlers with the run id the window would choose.
 */

let dir: string;
let ctx: TestContext;
let handlers: Handlers;
let programmeId: number;
let participants: number;
const events: ProgressEvent[] = [];
/** Called with every event after it is recorded: a test can react to one (stop the export). */
let onEvent: (e: ProgressEvent) => void = () => undefined;
const logged: string[] = [];

const emit: NonNullable<UiPort['emit']> = <E extends EventName>(event: E, payload: EventPayload<E>) => {
  if (event !== 'task.progress') return;
  // What the window receives must pass the contract's schema.
  const e = ProgressEventSchema.parse(payload);
  events.push(e);
  onEvent(e);
};

async function call<C extends keyof Handlers>(channel: C, input: unknown): Promise<ChannelOutput<C>> {
  const r = (await dispatch(handlers, channel, input, (m, e) => logged.push(`${m} ${String(e)}`))) as Result<ChannelOutput<C>>;
  if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
  return r.value;
}

const runOf = (runId: string) => events.filter((e) => e.runId === runId);
let folders = 0;
const newFolder = () => {
  const d = path.join(dir, `out-${++folders}`);
  fs.mkdirSync(d);
  return d;
};

beforeAll(async () => {
  dir = tempDir('meeloop-progress-');
  ctx = await createTestContext({ file: path.join(dir, 'meeloop.db'), dataDir: dir });
  await loadDemo(ctx);
  programmeId = (await listProgrammes(ctx)).find((p) => p.kind === 'jobshadowing')!.id;
  const scenario = await matching.runScenario(ctx, { programmeId, roundId: null, mode: 'optimal' });
  await matching.publishScenario(ctx, scenario.id);
  await planner.plan(ctx, { programmeId, apply: true });
  participants = (await documents.documentsOverview(ctx, programmeId)).participants.length;
  ctx.ui = { chooseFolder: async () => null, emit };
  handlers = createHandlers(ctx);
}, 60_000);

afterAll(async () => {
  await ctx?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('the progress reporter', () => {
  it('sends the first event, then at most one per interval, and always the end', () => {
    const sent: ProgressEvent[] = [];
    let now = 1000;
    const reporter = progressReporter({ ui: { chooseFolder: async () => null, emit: (_e, p) => sent.push(p as ProgressEvent) } }, 'import-read', 'run-12345678', { intervalMs: 100, clock: () => now });
    reporter.report(500, 3000);
    now += 50;
    reporter.report(1000, 3000); // within the interval: thinned out
    now += 60;
    reporter.report(1500, 3000);
    reporter.report(3000, 3000); // reaching the total always goes out
    reporter.finish(3000);
    expect(sent.map((e) => [e.done, e.total])).toEqual([[500, 3000], [1500, 3000], [3000, 3000], [3000, 3000]]);
    expect(sent.every((e) => e.task === 'import-read' && e.runId === 'run-12345678')).toBe(true);
  });

  it('turns an estimate that proved too small into an unknown total', () => {
    const sent: ProgressEvent[] = [];
    const reporter = progressReporter({ ui: { chooseFolder: async () => null, emit: (_e, p) => sent.push(p as ProgressEvent) } }, 'import-read', 'run-12345678', { intervalMs: 0 });
    reporter.report(500, 400);
    reporter.finish(800);
    expect(sent.map((e) => [e.done, e.total])).toEqual([[500, null], [800, 800]]);
  });

  it('stays silent without a window (the CLI) or without a run id', () => {
    let count = 0;
    progressReporter({}, 'documents-export', 'run-12345678').finish(3);
    progressReporter({ ui: { chooseFolder: async () => null, emit: () => count++ } }, 'documents-export', undefined).finish(3);
    expect(count).toBe(0);
  });
});

describe('documents export progress', () => {
  it('emits increasing progress for its own run id, ending at the number of documents', async () => {
    const runId = 'export-run-0001';
    const folder = newFolder();
    const r = await call('documents.export', { programmeId, set: 'programme', scope: { kind: 'programme' }, mode: 'per-document', folder, runId });
    expect(r.isCancelled).toBe(false);
    expect(r.documents).toBe(participants);
    const mine = runOf(runId);
    expect(mine.length).toBeGreaterThanOrEqual(2);
    expect(mine.every((e) => e.task === 'documents-export' && e.total === participants)).toBe(true);
    const done = mine.map((e) => e.done);
    expect(done).toEqual([...done].sort((a, b) => a - b));
    expect(done[0]).toBe(1);
    expect(mine.at(-1)).toMatchObject({ done: participants, total: participants });
  });

  it('emits nothing for an export the window did not name (and the CLI has no window at all)', async () => {
    const before = events.length;
    const r = await call('documents.export', { programmeId, set: 'certificate', scope: { kind: 'programme' }, mode: 'combined', folder: newFolder() });
    expect(r.files).toHaveLength(1);
    expect(events.length).toBe(before);
  });

  it('stops a one-file-per-document export when told to: whole files stay, nothing half-written, no form marked sent', async () => {
    const runId = 'export-run-0002';
    const folder = newFolder();
    const total = 3 * participants;
    let stop: Promise<ChannelOutput<'documents.cancelExport'>> | null = null;
    // The coordinator presses Stop once the window shows 4 documents written.
    onEvent = (e) => {
      if (e.runId === runId && e.done >= 4 && stop === null) stop = call('documents.cancelExport', { runId });
    };
    const auditBefore = (await listAudit(ctx.db, { entity: 'programme', entityId: programmeId })).length;
    const r = await call('documents.export', { programmeId, set: 'consent', scope: { kind: 'programme' }, mode: 'per-document', folder, runId });
    onEvent = () => undefined;
    expect(await stop).toEqual({ isStopping: true });
    expect(r.isCancelled).toBe(true);
    expect(r.consentsMarkedSent).toBe(0);
    expect(r.files.length).toBeGreaterThanOrEqual(4);
    expect(r.files.length).toBeLessThan(total);
    expect(r.documents).toBe(r.files.length);
    // Exactly the files it names are in the folder, each a whole PDF that reads back.
    expect(fs.readdirSync(folder).sort()).toEqual(r.files.map((f) => f.name).sort());
    for (const f of r.files) {
      expect(pdfInfo(f.file).pages).toBeGreaterThanOrEqual(1);
      expect(pdfText(f.file).length).toBeGreaterThan(100);
    }
    const mine = runOf(runId);
    expect(mine.at(-1)!.done).toBeLessThan(total);
    // Nothing was marked sent, and the partial export is in the audit log as incomplete.
    const overview = await documents.documentsOverview(ctx, programmeId);
    expect(overview.participants.flatMap((p) => p.consents.map((c) => c.status)).every((s) => s === 'not_sent')).toBe(true);
    const audit = await listAudit(ctx.db, { entity: 'programme', entityId: programmeId });
    expect(audit.length).toBe(auditBefore + 1);
    expect(audit.at(-1)!.action).toBe('export_personal_data');
    expect(JSON.parse(audit.at(-1)!.details)).toMatchObject({ set: 'consent', mode: 'per-document', files: r.files.length, isComplete: false });
  });

  it('stops a print-ready combined export between documents and removes the half-written file', async () => {
    const runId = 'export-run-0003';
    const folder = newFolder();
    // The stop request arrives over the event loop, as an IPC call does, while the one file is being written.
    onEvent = (e) => {
      if (e.runId === runId && e.done === 1) setTimeout(() => void call('documents.cancelExport', { runId }), 0);
    };
    const r = await call('documents.export', { programmeId, set: 'consent', scope: { kind: 'programme' }, mode: 'combined', folder, runId });
    onEvent = () => undefined;
    expect(r.isCancelled).toBe(true);
    expect(r.files).toEqual([]);
    expect(r.documents).toBe(0);
    expect(fs.readdirSync(folder)).toEqual([]);
    expect(runOf(runId).at(-1)!.done).toBeLessThan(3 * participants);
  });

  it('refuses a second export under a run id that is still running', async () => {
    const request = { programmeId, set: 'certificate', scope: { kind: 'programme' }, mode: 'combined', runId: 'export-run-0004' };
    const first = call('documents.export', { ...request, folder: newFolder() });
    const second = await dispatch(handlers, 'documents.export', { ...request, folder: newFolder() }, () => undefined);
    expect(second).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect((await first).isCancelled).toBe(false);
  });

  it('answers that there is nothing to stop once an export has ended, and refuses a run id that is not one', async () => {
    expect(await call('documents.cancelExport', { runId: 'export-run-0001' })).toEqual({ isStopping: false });
    const bad = await dispatch(handlers, 'documents.cancelExport', { runId: '../x' }, () => undefined);
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});

describe('import preview progress', () => {
  let importProgramme: number;
  beforeAll(async () => {
    importProgramme = (await createProgramme(ctx, ProgrammeInputSchema.parse({ name: 'Voortgang', kind: 'kijkstage' }))).id;
  });

  /** 2,400 participants written by the ordinary (non-streaming) writer, which declares the sheet's dimension. */
  async function largeSheet(): Promise<string> {
    const file = path.join(dir, 'groot.xlsx');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Inschrijvingen');
    ws.addRow(['Voornaam', 'Achternaam', 'E-mailadres', 'Eerste keuze']);
    for (let i = 0; i < 2400; i++) ws.addRow([`Voornaam${i}`, `Achternaam ${i}`, `deelnemer${i}@voorbeeld.be`, 'De Vlinder vzw']);
    await wb.xlsx.writeFile(file);
    return file;
  }

  const preview = (file: string, runId: string) =>
    call('import.preview', { programmeId: importProgramme, kind: 'participants', runId, file: { fileName: path.basename(file), contentBase64: fs.readFileSync(file).toString('base64') } });

  it('emits the rows read of a large .xlsx against the size its sheet declares, ending at the rows read', async () => {
    const runId = 'import-run-0001';
    const p = await preview(await largeSheet(), runId);
    expect(p.summary.rows).toBe(2400);
    const mine = runOf(runId);
    expect(mine.every((e) => e.task === 'import-read')).toBe(true);
    // Every 500 rows in the worker; the first always goes out, against the declared 2,401 rows.
    expect(mine[0]).toMatchObject({ done: 500, total: 2401 });
    const done = mine.map((e) => e.done);
    expect(done).toEqual([...done].sort((a, b) => a - b));
    expect(mine.at(-1)).toMatchObject({ done: 2401, total: 2401 });
  });

  it('emits rows read with no known total for a sheet that declares no size (the streaming writer’s files)', async () => {
    const runId = 'import-run-0002';
    const file = await makeBenchFile(1200, path.join(dir, 'bench'));
    const p = await preview(file, runId);
    expect(p.summary.rows).toBe(1200);
    const mine = runOf(runId);
    expect(mine[0]).toMatchObject({ done: 500, total: null });
    expect(mine.at(-1)).toMatchObject({ done: 1201, total: 1201 });
  });

  it('reports every 500 rows from the worker with the expected total, for .xlsx and .csv', async () => {
    const xlsx: [number, number | null][] = [];
    const r = await loadSpreadsheet(await largeSheet(), { onProgress: (rows, expected) => xlsx.push([rows, expected]) });
    expect(r.ok && r.mode).toBe('worker');
    expect(xlsx).toEqual([[500, 2401], [1000, 2401], [1500, 2401], [2000, 2401], [2401, 2401]]);

    const csvFile = path.join(dir, 'groot.csv');
    fs.writeFileSync(csvFile, ['Voornaam;E-mail', ...Array.from({ length: 1100 }, (_, i) => `V${i};v${i}@voorbeeld.be`)].join('\r\n') + '\r\n');
    const csv: [number, number | null][] = [];
    const c = await loadSpreadsheet(csvFile, { onProgress: (rows, expected) => csv.push([rows, expected]) });
    expect(c.ok).toBe(true);
    expect(csv.map(([rows]) => rows)).toEqual([500, 1000, 1101]);
    // Papaparse's records (a trailing empty one included): an estimate from above.
    expect(csv.every(([, expected]) => expected !== null && expected >= 1101)).toBe(true);
  });

  it('emits nothing when refining an earlier preview (nothing is read again)', async () => {
    const first = await preview(await largeSheet(), 'import-run-0003');
    const before = events.length;
    await call('import.preview', { programmeId: importProgramme, kind: 'participants', previewId: first.previewId, runId: 'import-run-0004' });
    expect(events.length).toBe(before);
    expect(logged).toEqual([]);
  });
});
