import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppError } from '../../src-shared/errors';
import type { ImportKind } from '../../src-shared/schemas/import-preview.schema';
import type { ImportPreview, ImportPreviewInput, ImportRecord } from '../../src-shared/schemas/import.schema';
import { applyRememberedMapping, correctMapping, fieldsOf, proposeMapping, rememberMapping as rememberedForm, type ImportField, type MappingProposal, type RememberedMapping } from '../domain/import/header-mapping';
import { locateTable, type LocatedTable, type SheetChoice } from '../domain/import/find-table';
import { normaliseRows } from '../domain/import/normalise';
import { EarlyNormaliser, NormalisedTables, normalisedKey, type NormaliseJob, type NormalisedPart } from '../domain/import/early-normalise';
import type { PersonRecord } from '../domain/import/normalise';
import { mentorPlanner, participantPlanner, planMentors, planOrganisations, planParticipants, type OrganisationsPlan, type PeoplePlan, type PeoplePlanner } from '../domain/import/plan';
import type { WorkbookData } from '../domain/import/sheet-data';
import { foldName } from '../domain/names';
import type { ControlledTransaction } from 'kysely';
import type { Db } from '../db/connection';
import type { Database } from '../db/schema';
import { findProgramme } from '../db/repositories/programme.repository';
import { appendAudit } from '../db/repositories/audit.repository';
import * as repo from '../db/repositories/import.repository';
import { loadSpreadsheet } from '../io/spreadsheet/load-spreadsheet';
import type { RowSink } from '../io/spreadsheet/read-options';
import type { ParseJob } from '../io/spreadsheet/read-spreadsheet';
import { progressReporter } from './progress';
import { backupNow, backupPending } from './backup.service';
import { isoNow, type ServiceContext } from './context';
import { emptyChanges, linkOrganisation, PeopleWriter, RewriteNeeded, type ImportChanges } from './import-writes';

/** A parsed file kept between preview, corrections and commit (the window may refine several times). */
interface PreparedFile {
  programmeId: number;
  kind: ImportKind;
  fileName: string;
  fileHash: string;
  workbook: WorkbookData;
  /** The sheet the coordinator chose in the latest preview; commit imports that sheet. */
  sheet?: string;
  /**
   * The latest normalised rows with the sheet, mapping and phone countries they were made with.
   * Normalising is pure, so the commit reuses the preview's work; planning is not cached, because it
   * depends on the database as it is at commit time.
   */
  normalised?: { key: string; value: ReturnType<typeof normaliseRows> };
  /** Rows normalised while the file was read (see EarlyNormaliser); used by the first plan, then dropped. */
  early?: NormalisedTables;
}

/**
 * "0475 12 34 56" is a Belgian mobile and a Dutch landline: numbers without a prefix are read as numbers
 * of the country where most of the programme's organisations are (Dutch postcodes: 1234 AB).
 */
function phoneCountriesOf(linkedPostcodes: readonly string[]): ('NL' | 'BE')[] {
  const dutch = linkedPostcodes.filter((p) => /^\d{4} ?[A-Z]{2}$/.test(p)).length;
  return linkedPostcodes.length > 0 && dutch * 2 > linkedPostcodes.length ? ['NL', 'BE'] : ['BE', 'NL'];
}

const MAX_KEPT_PREVIEWS = 5;
const previews = new WeakMap<object, Map<string, PreparedFile>>();
function cacheOf(ctx: ServiceContext): Map<string, PreparedFile> {
  let m = previews.get(ctx);
  if (!m) previews.set(ctx, (m = new Map()));
  return m;
}

export interface ReadOptions {
  /** Rows read so far and the rows expected (null when the file does not say); see loadSpreadsheet. */
  onProgress?: (rows: number, expected: number | null) => void;
  /** Where the file is parsed (see loadSpreadsheet); 'auto' (a worker when one is found) unless a benchmark or test says otherwise. */
  parseMode?: 'auto' | 'worker' | 'in-process';
  /** Gets the rows in batches while the file is read (the import normalises them meanwhile). */
  onRows?: RowSink;
  /** Gets the rows normalised while the file is read (see EarlyNormaliser). */
  onNormalised?: (part: NormalisedPart) => void;
  /** The share of the batches the parse worker normalises (see normalisingSink). */
  normalise?: ParseJob['normalise'];
}

/**
 * The parse worker normalises one batch in this many (normalisingSink). On the import benchmark
 * (2 cores) 1 in 2 was clearly slower than 1 in 3; 1 in 3, 1 in 4 and none were within the noise of
 * the shared machine, with 1 in 3 ahead in the quieter runs (bench/RESULTS.md).
 */
const NORMALISE_IN_WORKER_EVERY = 3;

/** Reads and checks a file from disk (CLI, or the window's bytes written to a private temp file). */
export async function readImportFile(file: string, options: ReadOptions = {}): Promise<{ workbook: WorkbookData; fileHash: string }> {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch {
    throw new AppError('not_found', `Meeloop cannot read ${file}. Check the file name and that the file is not open in another program.`);
  }
  const fileHash = crypto.createHash('sha256').update(bytes).digest('hex');
  const loaded = await loadSpreadsheet(file, { onProgress: options.onProgress, mode: options.parseMode, onRows: options.onRows, ...(options.normalise ? { normalise: options.normalise } : {}) });
  if (!loaded.ok) throw new AppError('file_rejected', loaded.rejection.message, loaded.rejection);
  return { workbook: loaded.workbook, fileHash };
}

interface Planned {
  table: LocatedTable | null;
  sheets: SheetChoice[];
  sheetMessage: string | null;
  proposal: MappingProposal | null;
  isRemembered: boolean;
  plan: PeoplePlan | OrganisationsPlan | null;
}

/** Locates the table and maps the columns (remembered mapping first, then the coordinator's corrections). */
async function mapFile(db: Db, prepared: PreparedFile, options: { sheet?: string; mapping?: Record<string, string | null> }): Promise<Omit<Planned, 'plan'>> {
  const located = locateTable(prepared.workbook, prepared.kind, options.sheet);
  if (!located.ok) {
    if (located.reason === 'no_table') throw new AppError('file_rejected', located.message, { reason: 'no_table', sheets: located.sheets });
    if (located.reason === 'sheet_not_found') throw new AppError('invalid_input', located.message, { sheets: located.sheets });
    return { table: null, sheets: located.sheets, sheetMessage: located.message, proposal: null, isRemembered: false };
  }
  const table = located.table;
  let proposal = proposeMapping(table.headers, prepared.kind);
  const remembered = await repo.findRememberedMapping(db, proposal.signature, prepared.kind);
  const isRemembered = remembered !== null;
  if (remembered) proposal = applyRememberedMapping(table.headers, prepared.kind, remembered as Record<string, ImportField | null>);
  if (options.mapping && Object.keys(options.mapping).length > 0) {
    const known = new Set<string>(fieldsOf(prepared.kind));
    const corrections: Record<number, ImportField | null> = {};
    for (const [index, field] of Object.entries(options.mapping)) {
      const i = Number(index);
      if (i >= table.headers.length) throw new AppError('invalid_input', `The file has no column number ${i + 1}. Choose a column from the list.`);
      if (field !== null && !known.has(field)) throw new AppError('invalid_input', `"${field}" is not a field of a ${prepared.kind} import. Choose one from the list.`);
      corrections[i] = field as ImportField | null;
    }
    proposal = correctMapping(proposal, corrections, table.headers);
  }
  return { table, sheets: located.sheets, sheetMessage: null, proposal, isRemembered };
}

/** The key the rows of a mapped table are normalised under (see normalisedKey), with the phone countries. */
async function normalisedKeyOf(db: Db, prepared: PreparedFile, table: LocatedTable, proposal: MappingProposal): Promise<{ key: string; phoneCountries: ('NL' | 'BE')[] }> {
  const phoneCountries = phoneCountriesOf(await repo.linkedOrganisationPostcodes(db, prepared.programmeId));
  return { key: normalisedKey(table.sheetName, table.headerRowNumber, proposal.columns, phoneCountries), phoneCountries };
}

/** Locates the table, maps the columns (remembered mapping first), normalises and plans. Pure but for reads. */
async function planFile(db: Db, prepared: PreparedFile, options: { sheet?: string; mapping?: Record<string, string | null>; choiceOverrides?: Record<string, number>; importedAt: string; isMappingOnly?: boolean }): Promise<Planned> {
  const mapped = await mapFile(db, prepared, options);
  const { table, proposal } = mapped;
  if (!table || !proposal || proposal.missingRequired.length > 0 || options.isMappingOnly) return { ...mapped, plan: null };

  const existing = await repo.loadExistingForImport(db, prepared.programmeId);
  const { key, phoneCountries } = await normalisedKeyOf(db, prepared, table, proposal);
  // Normalised before: by an earlier preview of this file, or while the file was being read.
  let normalised = prepared.normalised?.key === key ? prepared.normalised.value : prepared.early?.take(key);
  if (normalised === undefined) normalised = normaliseRows(prepared.kind, table, proposal.columns, { phoneCountries });
  prepared.normalised = { key, value: normalised };
  prepared.early = undefined;
  // Picks made in earlier imports of this programme are reused, so a re-import needs no new picks.
  const aliases = await repo.loadChoiceAliases(db, prepared.programmeId);
  const overrides = new Map(Object.entries({ ...aliases, ...(options.choiceOverrides ?? {}) }));
  let plan: PeoplePlan | OrganisationsPlan;
  if (prepared.kind === 'participants') {
    plan = planParticipants({ ...(normalised as ReturnType<typeof normaliseRows<'participants'>>), existing, hosts: existing.hosts, choiceOverrides: overrides, importedAt: options.importedAt });
  } else if (prepared.kind === 'mentors') {
    plan = planMentors({ ...(normalised as ReturnType<typeof normaliseRows<'mentors'>>), existing, importedAt: options.importedAt });
  } else {
    plan = planOrganisations({ ...(normalised as ReturnType<typeof normaliseRows<'organisations'>>), existing, defaultRole: 'hosts' });
  }
  return { ...mapped, plan };
}

function toPreview(previewId: string, prepared: PreparedFile, p: Planned): ImportPreview {
  const plan = p.plan;
  const changes =
    plan === null
      ? []
      : plan.kind === 'organisations'
        ? plan.items.map((i) => ({ row: i.rows[0] ?? 0, action: i.action, label: i.values.name, fields: [...i.changes.map((c) => c.field), ...(i.places.some((x) => x.action !== 'unchanged') ? ['places'] : []), ...(i.contacts.some((x) => x.action !== 'unchanged') ? ['contacts'] : [])] }))
        : plan.items.map((i) => ({
            row: i.rowNumber,
            action: i.action === 'unchanged' && i.application && i.application.action !== 'unchanged' ? ('update' as const) : i.action,
            label: `${i.values.firstName} ${i.values.lastName}`.trim() + ` <${i.values.email}>`,
            fields: [...i.changes.map((c) => c.field), ...(i.application?.changes.map((c) => `application.${c.field}`) ?? [])],
          }));
  const people = plan && plan.kind !== 'organisations' ? plan : null;
  return {
    previewId,
    fileName: prepared.fileName,
    kind: prepared.kind,
    format: prepared.workbook.format,
    encoding: prepared.workbook.encoding ?? null,
    separator: prepared.workbook.separator ?? null,
    sheets: p.sheets.map((s) => ({ name: s.name, dataRows: s.dataRows, recognisedHeaders: s.recognisedHeaders, isHidden: s.isHidden })),
    sheetMessage: p.sheetMessage,
    sheet: p.table?.sheetName ?? null,
    headerRow: p.table?.headerRowNumber ?? null,
    columns: p.proposal?.columns ?? [],
    fields: [...fieldsOf(prepared.kind)],
    missingRequired: p.proposal?.missingRequired ?? [],
    isMappingRemembered: p.isRemembered,
    summary: plan?.summary ?? { rows: p.table?.rows.length ?? 0, created: 0, updated: 0, unchanged: 0, duplicates: 0, rejected: 0 },
    changes,
    duplicates: people?.duplicates.map((d) => ({ email: d.email, keptRow: d.keptRow, droppedRows: d.droppedRows, message: d.message })) ?? [],
    rejected: plan?.rejected ?? [],
    unresolvedChoices: people?.unresolvedChoices ?? [],
    newOrganisations: people?.newOrganisations.map((n) => ({ name: n.name, rows: n.rows })) ?? [],
    canCommit: plan !== null,
  };
}

/** Reads the file of a preview input into the cache; rows are normalised while the worker reads. */
async function prepareFile(ctx: ServiceContext, input: ImportPreviewInput & { filePath?: string }, options: ReadOptions): Promise<{ previewId: string; prepared: PreparedFile }> {
  const cache = cacheOf(ctx);
  // Reading a large file takes seconds: the window named this run to show the rows read meanwhile.
  const progress = progressReporter(ctx, 'import-read', input.runId);
  let file = input.filePath;
  let temp: string | null = null;
  if (!file) {
    if (!input.file) throw new AppError('invalid_input', 'Choose a file to import.');
    const bytes = Buffer.from(input.file.contentBase64, 'base64');
    temp = fs.mkdtempSync(path.join(os.tmpdir(), 'meeloop-import-'));
    // Only the extension of the given name is used; the name itself never becomes a path.
    const ext = path.extname(input.file.fileName).toLowerCase().replace(/[^.a-z0-9]/g, '').slice(0, 6);
    file = path.join(temp, `upload${ext}`);
    fs.writeFileSync(file, bytes, { mode: 0o600 });
  }
  let prepared: PreparedFile;
  try {
    // What the first preview will map and normalise with is known before reading: start on the rows as they come.
    const remembered = await repo.listRememberedMappings(ctx.db, input.kind);
    const job: NormaliseJob = {
      kind: input.kind,
      remembered: [...remembered].map(([signature, mapping]) => [signature, mapping as RememberedMapping]),
      phoneCountries: phoneCountriesOf(await repo.linkedOrganisationPostcodes(ctx.db, input.programmeId)),
    };
    // Each batch is normalised as it arrives, by this thread or (one in NORMALISE_IN_WORKER_EVERY) by the
    // parse worker, and the CLI's import plans and writes it (onNormalised) while the worker reads on.
    const normaliser = EarlyNormaliser.of(job);
    const early = new NormalisedTables();
    const read = await readImportFile(file, {
      ...options,
      normalise: { job, every: NORMALISE_IN_WORKER_EVERY },
      onRows: (batch) => {
        const done = batch.normalised;
        const parts = normaliser.add(batch, done === undefined);
        for (const part of done ?? parts) {
          early.add(part);
          options.onNormalised?.(part);
        }
        options.onRows?.(batch);
      },
      onProgress: (rows, expected) => {
        progress.report(rows, expected);
        options.onProgress?.(rows, expected);
      },
    });
    progress.finish(read.workbook.sheets.reduce((n, s) => n + s.rows.length, 0));
    prepared = { programmeId: input.programmeId, kind: input.kind, fileName: input.file?.fileName ?? path.basename(file), fileHash: read.fileHash, workbook: read.workbook, early };
  } finally {
    if (temp) fs.rmSync(temp, { recursive: true, force: true });
  }
  const previewId = crypto.randomBytes(16).toString('hex');
  cache.set(previewId, prepared);
  while (cache.size > MAX_KEPT_PREVIEWS) cache.delete(cache.keys().next().value as string);
  return { previewId, prepared };
}

async function requireProgramme(ctx: ServiceContext, programmeId: number): Promise<void> {
  const programme = await findProgramme(ctx.db, programmeId);
  if (!programme) throw new AppError('not_found', `There is no programme with number ${programmeId}. Choose a programme first.`);
}

/**
 * Reads a file (or takes an earlier preview) and shows what the import would do: rows to create,
 * update or leave, duplicates, rejected cells with row and column, unresolved choices. Writes nothing
 * but the parsed file into a short-lived cache for the commit.
 */
export async function previewImport(ctx: ServiceContext, input: ImportPreviewInput & { filePath?: string }, options: ReadOptions = {}): Promise<ImportPreview> {
  await requireProgramme(ctx, input.programmeId);
  let previewId: string;
  let prepared: PreparedFile;
  if (input.previewId) {
    const found = cacheOf(ctx).get(input.previewId);
    if (!found) throw new AppError('not_found', 'This preview has expired. Choose the file again.');
    if (found.programmeId !== input.programmeId || found.kind !== input.kind) throw new AppError('invalid_input', 'The programme or kind changed: choose the file again.');
    previewId = input.previewId;
    prepared = found;
  } else {
    ({ previewId, prepared } = await prepareFile(ctx, input, options));
  }
  const planned = await planFile(ctx.db, prepared, { sheet: input.sheet ?? prepared.sheet, mapping: input.mapping, choiceOverrides: input.choiceOverrides, importedAt: isoNow(ctx) });
  if (input.sheet !== undefined) prepared.sheet = input.sheet;
  return toPreview(previewId, prepared, planned);
}

async function executeOrganisationsPlan(trx: Db, programmeId: number, plan: OrganisationsPlan, at: string, changes: ImportChanges): Promise<void> {
  for (const item of plan.items) {
    const v = item.values;
    let id = item.organisationId;
    if (item.action === 'create' || id === null) {
      const key = foldName(v.name);
      const existing = await trx.selectFrom('organisations').select('id').where('name_key', '=', key).executeTakeFirst();
      if (existing) id = existing.id;
      else {
        const row = await trx
          .insertInto('organisations')
          .values({ name: v.name, name_key: key, sector: v.sector, network: v.network, address: v.address, postcode: v.postcode, municipality: v.municipality, languages: '["nl"]', website: v.website, role: v.programmeRole, precondition_notes: '', max_hours_per_day: null, created_at: at, updated_at: at })
          .returning('id')
          .executeTakeFirstOrThrow();
        id = row.id;
        changes.created.organisations.push(row.id);
      }
    } else if (item.action === 'update') {
      const before = await trx.selectFrom('organisations').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      const set: Record<string, unknown> = {};
      const prior: Record<string, unknown> = {};
      for (const c of item.changes) {
        if (c.field === 'programmeRole' || c.field === 'activationCode') continue;
        const column = c.field === 'name' ? 'name' : c.field;
        set[column] = (v as unknown as Record<string, unknown>)[c.field];
        prior[column] = (before as unknown as Record<string, unknown>)[column];
        if (c.field === 'name') {
          set.name_key = foldName(v.name);
          prior.name_key = before.name_key;
        }
      }
      if (Object.keys(set).length > 0) {
        changes.updated.organisations.push({ id, before: { ...prior, updated_at: before.updated_at } });
        await trx.updateTable('organisations').set({ ...set, updated_at: at }).where('id', '=', id).execute();
      }
    }
    await linkOrganisation(trx, programmeId, id, v.programmeRole, v.activationCode, changes);
    for (const c of item.contacts) {
      if (c.action === 'create') {
        const row = await trx.insertInto('contacts').values({ organisation_id: id, name: c.values.name, role: 'project_lead', email: c.values.email, phone: c.values.phone, language: 'nl' }).returning('id').executeTakeFirstOrThrow();
        changes.created.contacts.push(row.id);
      } else if (c.action === 'update' && c.contactId !== null) {
        const before = await trx.selectFrom('contacts').selectAll().where('id', '=', c.contactId).executeTakeFirstOrThrow();
        changes.updated.contacts.push({ id: c.contactId, before: { name: before.name, email: before.email, phone: before.phone } });
        await trx.updateTable('contacts').set({ name: c.values.name, email: c.values.email ?? before.email, phone: c.values.phone ?? before.phone }).where('id', '=', c.contactId).execute();
      }
    }
    for (const p of item.places) {
      const values = { team: p.values.team, format: p.values.format, hours: p.values.hours, capacity: p.values.capacity, languages: JSON.stringify(p.values.languages), description: p.values.description };
      if (p.action === 'create') {
        const row = await trx.insertInto('places').values({ programme_id: programmeId, organisation_id: id, round_id: null, mentor_id: null, availability: '[]', ...values }).returning('id').executeTakeFirstOrThrow();
        changes.created.places.push(row.id);
      } else if (p.action === 'update' && p.placeId !== null) {
        const before = await trx.selectFrom('places').selectAll().where('id', '=', p.placeId).executeTakeFirstOrThrow();
        changes.updated.places.push({ id: p.placeId, before: { team: before.team, format: before.format, hours: before.hours, capacity: before.capacity, languages: before.languages, description: before.description } });
        await trx.updateTable('places').set(values).where('id', '=', p.placeId).execute();
      }
    }
  }
}

function toRecord(row: { id: number; programme_id: number | null; kind: string; file_name: string; created_at: string; undone_at: string | null; summary: string }): ImportRecord {
  return { id: row.id, programmeId: row.programme_id, kind: row.kind as ImportKind, fileName: row.file_name, createdAt: row.created_at, undoneAt: row.undone_at, summary: JSON.parse(row.summary) as ImportRecord['summary'] };
}

/**
 * Commits a preview in one transaction: plans again against the data as it is now (so a second
 * import of the same file changes nothing), executes the plan, remembers the confirmed mapping and
 * records what changed for undo. A backup is taken first.
 */
export async function commitImport(ctx: ServiceContext, input: { previewId: string; mapping?: Record<string, string | null>; choiceOverrides?: Record<string, number> }): Promise<ImportRecord> {
  const prepared = cacheOf(ctx).get(input.previewId);
  if (!prepared) throw new AppError('not_found', 'This preview has expired. Choose the file again.');
  const { record } = await commitPrepared(ctx, prepared, input);
  cacheOf(ctx).delete(input.previewId);
  return record;
}

/**
 * Reads a file and imports it at once (the CLI's `import` without --dry-run: there is no coordinator to
 * look at a preview in between). Participants and mentors are planned and written while the file is
 * read (StreamingPeopleImport; `writtenWhileReading` says whether that went through); otherwise, and for
 * organisations, the file is read first and planned once, inside the transaction. Returns the record
 * and the preview of what was done: the same plan the window's preview shows, made against the same data.
 */
export async function importFile(
  ctx: ServiceContext,
  input: { programmeId: number; kind: ImportKind; filePath: string; sheet?: string },
  options: ReadOptions = {},
): Promise<{ record: ImportRecord; preview: ImportPreview; writtenWhileReading: boolean }> {
  await requireProgramme(ctx, input.programmeId);
  const kind = input.kind;
  // Organisation files are short and group rows by organisation over the whole file: read first, then plan.
  const stream = kind === 'organisations' ? null : new StreamingPeopleImport(ctx, { programmeId: input.programmeId, kind, ...(input.sheet !== undefined ? { sheet: input.sheet } : {}) });
  let read: Awaited<ReturnType<typeof prepareFile>>;
  try {
    read = await prepareFile(ctx, input, { ...options, ...(stream ? { onNormalised: (part: NormalisedPart) => stream.push(part) } : {}) });
  } catch (e) {
    await stream?.abort();
    throw e;
  }
  const { previewId, prepared } = read;
  try {
    if (input.sheet !== undefined) prepared.sheet = input.sheet;
    const streamed = (await stream?.commit(prepared)) ?? null;
    const { record, planned } = streamed ?? (await commitPrepared(ctx, prepared, {}));
    return { record, preview: toPreview(previewId, prepared, planned), writtenWhileReading: streamed !== null };
  } finally {
    cacheOf(ctx).delete(previewId);
  }
}

async function commitPrepared(ctx: ServiceContext, prepared: PreparedFile, input: { mapping?: Record<string, string | null>; choiceOverrides?: Record<string, number> }): Promise<{ record: ImportRecord; planned: Planned }> {
  // Sheet and mapping are checked before the backup; the plan itself is made once, inside the transaction.
  const first = await planFile(ctx.db, prepared, { sheet: prepared.sheet, mapping: input.mapping, choiceOverrides: input.choiceOverrides, importedAt: isoNow(ctx), isMappingOnly: true });
  if (!first.proposal || first.proposal.missingRequired.length > 0) {
    const missing = first.proposal?.missingRequired.join(', ');
    throw new AppError('invalid_input', missing ? `Map a column to: ${missing}, then import.` : (first.sheetMessage ?? 'Choose the sheet that holds the table first.'), {
      ...(missing ? { reason: 'missing_required', missingRequired: first.proposal?.missingRequired } : { reason: 'choose_sheet', sheets: first.sheets.map((x) => x.name) }),
    });
  }
  if (ctx.dbPath !== ':memory:') await backupNow(ctx, 'before-import');
  const at = isoNow(ctx);
  return ctx.db.transaction().execute(async (trx) => {
    const planned = await planFile(trx, prepared, { sheet: prepared.sheet, mapping: input.mapping, choiceOverrides: input.choiceOverrides, importedAt: at });
    if (!planned.plan || !planned.proposal) throw new AppError('conflict', 'The data changed while importing. Nothing was imported. Try again.');
    const plan = planned.plan;
    const proposal = planned.proposal;
    const row = await trx
      .insertInto('imports')
      .values({ programme_id: prepared.programmeId, kind: prepared.kind, file_name: prepared.fileName, file_hash: prepared.fileHash, sheet: planned.table?.sheetName ?? null, header_signature: proposal.signature, mapping: JSON.stringify(proposal.columns), summary: JSON.stringify(plan.summary), changes: '{}', created_at: at, undone_at: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    const changes = emptyChanges();
    if (plan.kind === 'organisations') await executeOrganisationsPlan(trx, prepared.programmeId, plan, at, changes);
    else {
      // New rows go in through the connection under ctx.db (bulkInsert), which this transaction holds.
      const writer = new PeopleWriter(trx, ctx.db, prepared.programmeId, row.id, at, changes);
      await writer.writeNew(plan.items.filter((i) => i.action === 'create').sort((a, b) => a.firstRow - b.firstRow));
      await writer.finish(plan);
    }
    const record = await recordImport(ctx, trx, prepared, row.id, planned, changes, at, input.choiceOverrides);
    return { record, planned };
  });
}

/** Completes the import's row (summary, mapping, what changed for undo), remembers the mapping and the picks, and audits. */
async function recordImport(ctx: ServiceContext, trx: Db, prepared: PreparedFile, importId: number, planned: Planned, changes: ImportChanges, at: string, choiceOverrides?: Record<string, number>): Promise<ImportRecord> {
  const plan = planned.plan;
  const proposal = planned.proposal;
  if (!plan || !proposal) throw new Error('recordImport needs a plan');
  await trx
    .updateTable('imports')
    .set({ file_name: prepared.fileName, file_hash: prepared.fileHash, sheet: planned.table?.sheetName ?? null, header_signature: proposal.signature, mapping: JSON.stringify(proposal.columns), summary: JSON.stringify(plan.summary), changes: JSON.stringify(changes) })
    .where('id', '=', importId)
    .execute();
  await repo.rememberMapping(trx, proposal.signature, prepared.kind, rememberedForm(proposal.columns), at);
  if (choiceOverrides && Object.keys(choiceOverrides).length > 0) {
    await repo.saveChoiceAliases(trx, prepared.programmeId, { ...(await repo.loadChoiceAliases(trx, prepared.programmeId)), ...choiceOverrides });
  }
  await appendAudit(trx, { at, actor: ctx.actor, action: 'import', entity: 'programme', entityId: prepared.programmeId, details: { import: importId, kind: prepared.kind, ...plan.summary } });
  return toRecord(await trx.selectFrom('imports').selectAll().where('id', '=', importId).executeTakeFirstOrThrow());
}

/**
 * The CLI's one-pass import of participants or mentors. As the parse worker hands on rows and they are
 * normalised (EarlyNormaliser), this plans them (PeoplePlanner) and writes the people met for the first
 * time (PeopleWriter), inside a transaction opened at the first rows; when the file is read it checks
 * that the table, mapping and phone countries it guessed from the first rows are the ones the whole
 * file gives (normalisedKey), writes the rest of the plan and commits. Anything else (another sheet, a
 * mapping that needs the coordinator, a kept row that cannot be written over the first one) rolls
 * back and leaves the import to commitPrepared, which gives the same result in two steps. A refused
 * file rolls back: the database stays as it was.
 *
 * Hazard, and the one exception to "never await other IO inside a transaction" (STYLE.md): the
 * transaction stays open while the parse worker reads the file. That is safe here because nothing else
 * may use the connection meanwhile: only the CLI calls importFile (one command per process), and the
 * read path (inspection, worker, normalising) never queries the database; every query of the import
 * itself goes through `trx` or through bulkInsert on the connection the transaction holds. Do not call
 * importFile from the window, where other requests share the connection: it would make them wait for
 * the whole read.
 */
class StreamingPeopleImport {
  private key: string | null = null;
  private readonly queue: NormalisedPart['result'][] = [];
  private running: Promise<void> | null = null;
  private error: unknown = null;
  private state: { trx: ControlledTransaction<Database>; importId: number; at: string; planner: PeoplePlanner<PersonRecord>; writer: PeopleWriter; backup: { prune: () => void; discard: () => void } | null } | null = null;

  constructor(
    private readonly ctx: ServiceContext,
    private readonly input: { programmeId: number; kind: 'participants' | 'mentors'; sheet?: string },
  ) {}

  /** Takes rows normalised early; only the first sheet with a mapped table (or the sheet asked for) is imported this way. */
  push(part: NormalisedPart): void {
    if (this.error !== null) return;
    if (this.key === null) {
      if (this.input.sheet !== undefined && part.sheetName !== this.input.sheet) return;
      this.key = part.key;
    }
    if (part.key !== this.key) return;
    this.queue.push(part.result);
    this.running ??= this.pump().finally(() => {
      this.running = null;
    });
  }

  private async pump(): Promise<void> {
    try {
      const state = this.state ?? (await this.start());
      for (let part = this.queue.shift(); part !== undefined; part = this.queue.shift()) {
        await state.writer.writeNew(state.planner.add(part.records as PersonRecord[], part.issues, part.rejectedRows));
      }
    } catch (e) {
      this.error = e;
      this.queue.length = 0;
    }
  }

  private async start(): Promise<NonNullable<StreamingPeopleImport['state']>> {
    const { ctx, input } = this;
    // The copy is made before the transaction; its audit line goes into the transaction, and a refused
    // file deletes the copy again: nothing is left of an import that did not happen.
    const backup = ctx.dbPath !== ':memory:' ? await backupPending(ctx, 'before-import') : null;
    const at = isoNow(ctx);
    const trx = await ctx.db.startTransaction().execute();
    try {
      await backup?.keep(trx);
      const row = await trx
        .insertInto('imports')
        .values({ programme_id: input.programmeId, kind: input.kind, file_name: '', file_hash: '', sheet: null, header_signature: '', mapping: '[]', summary: '{}', changes: '{}', created_at: at, undone_at: null })
        .returning('id')
        .executeTakeFirstOrThrow();
      const existing = await repo.loadExistingForImport(trx, input.programmeId);
      const planner =
        input.kind === 'participants'
          ? participantPlanner({ existing, hosts: existing.hosts, choiceOverrides: new Map(Object.entries(await repo.loadChoiceAliases(trx, input.programmeId))), importedAt: at })
          : mentorPlanner({ existing, importedAt: at });
      // The parts hold records of this kind (the EarlyNormaliser was made for it). New rows go in
      // through the connection under ctx.db (bulkInsert), which this transaction holds.
      const writer = new PeopleWriter(trx, ctx.db, input.programmeId, row.id, at, emptyChanges());
      this.state = { trx, importId: row.id, at, planner: planner as unknown as PeoplePlanner<PersonRecord>, writer, backup };
      return this.state;
    } catch (e) {
      await trx.rollback().execute();
      backup?.discard();
      throw e;
    }
  }

  /** Waits for the rows handed on so far to be planned and written. */
  private async settle(): Promise<void> {
    while (this.running) await this.running;
  }

  /** Undoes everything written (the file was refused or the import fails). */
  async abort(): Promise<void> {
    await this.settle();
    const state = this.state;
    this.state = null;
    if (!state) return;
    await state.trx.rollback().execute();
    state.backup?.discard();
  }

  /**
   * Finishes the import after the whole file was read: the record and plan, or null when nothing was
   * written this way or it had to be rolled back (then commitPrepared imports the file).
   */
  async commit(prepared: PreparedFile): Promise<{ record: ImportRecord; planned: Planned } | null> {
    await this.settle();
    if (this.error !== null) {
      await this.abort();
      throw this.error;
    }
    const state = this.state;
    if (!state) return null;
    const { trx, planner, writer, at } = state;
    try {
      const mapped = await mapFile(trx, prepared, { sheet: prepared.sheet });
      const sameTable = mapped.table && mapped.proposal && mapped.proposal.missingRequired.length === 0 && (await normalisedKeyOf(trx, prepared, mapped.table, mapped.proposal)).key === this.key;
      if (!sameTable) {
        await this.abort();
        return null;
      }
      const plan = planner.finish();
      await writer.finish(plan, planner.amendedEmails());
      const planned: Planned = { ...mapped, plan };
      const record = await recordImport(this.ctx, trx, prepared, state.importId, planned, writer.changes, at);
      await trx.commit().execute();
      this.state = null;
      state.backup?.prune();
      return { record, planned };
    } catch (e) {
      await this.abort();
      if (e instanceof RewriteNeeded) return null;
      throw e;
    }
  }
}

/** The imports of a programme, newest first. */
export async function listImports(ctx: ServiceContext, programmeId: number): Promise<ImportRecord[]> {
  const rows = await ctx.db.selectFrom('imports').selectAll().where('programme_id', '=', programmeId).orderBy('id', 'desc').execute();
  return rows.map(toRecord);
}

/**
 * Undoes an import: puts back what it changed and removes what it created. Refused, with the reason,
 * when later work builds on it (placements made from its applications, people used elsewhere).
 */
export async function undoImport(ctx: ServiceContext, id: number): Promise<ImportRecord> {
  const row = await ctx.db.selectFrom('imports').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('not_found', `There is no import with number ${id}.`);
  if (row.undone_at) throw new AppError('conflict', 'This import was already undone.');
  const changes = JSON.parse(row.changes) as ImportChanges;
  if (ctx.dbPath !== ':memory:') await backupNow(ctx, 'before-bulk-delete');
  return ctx.db.transaction().execute(async (trx) => {
    const c = changes.created;
    if (c.applications.length > 0) {
      const used = await trx.selectFrom('placements').select('id').where('application_id', 'in', c.applications).where('status', '!=', 'cancelled').executeTakeFirst();
      if (used) throw new AppError('conflict', 'Participants of this import have been matched since. Cancel those placements (or run the matching again without them) before undoing the import.');
    }
    if (c.people.length > 0) {
      const elsewhere = await trx.selectFrom('applications').select('id').where('participant_id', 'in', c.people).where('id', 'not in', c.applications.length > 0 ? c.applications : [0]).executeTakeFirst();
      if (elsewhere) throw new AppError('conflict', 'Some people of this import have signed up for something else since. Undo that first, or edit those people by hand.');
    }
    for (const u of changes.updated.applications) {
      await trx.updateTable('applications').set(u.before).where('id', '=', u.id).execute();
      await trx.deleteFrom('application_choices').where('application_id', '=', u.id).execute();
      for (const ch of u.choices) await trx.insertInto('application_choices').values({ application_id: u.id, ...ch }).execute();
    }
    for (const u of changes.updated.people) await trx.updateTable('people').set(u.before).where('id', '=', u.id).execute();
    for (const u of changes.updated.places) await trx.updateTable('places').set(u.before).where('id', '=', u.id).execute();
    for (const u of changes.updated.contacts) await trx.updateTable('contacts').set(u.before).where('id', '=', u.id).execute();
    for (const u of changes.updated.organisations) await trx.updateTable('organisations').set(u.before).where('id', '=', u.id).execute();
    for (const u of changes.updated.links) await trx.updateTable('programme_organisations').set(u.before).where('programme_id', '=', row.programme_id ?? 0).where('organisation_id', '=', u.organisationId).execute();
    if (c.applications.length > 0) await trx.deleteFrom('applications').where('id', 'in', c.applications).execute();
    if (c.contacts.length > 0) await trx.deleteFrom('contacts').where('id', 'in', c.contacts).execute();
    if (c.places.length > 0) await trx.deleteFrom('places').where('id', 'in', c.places).execute();
    if (c.people.length > 0) await trx.deleteFrom('people').where('id', 'in', c.people).execute();
    if (c.links.length > 0) await trx.deleteFrom('programme_organisations').where('programme_id', '=', row.programme_id ?? 0).where('organisation_id', 'in', c.links).execute();
    for (const orgId of c.organisations) {
      try {
        await trx.deleteFrom('organisations').where('id', '=', orgId).execute();
      } catch {
        throw new AppError('conflict', 'An organisation this import created is used by other data now. Move that data first, then undo the import.');
      }
    }
    const at = isoNow(ctx);
    await trx.updateTable('imports').set({ undone_at: at }).where('id', '=', id).execute();
    await appendAudit(trx, { at, actor: ctx.actor, action: 'import_undo', entity: 'programme', entityId: row.programme_id, details: { import: id } });
    return toRecord({ ...row, undone_at: at });
  });
}
