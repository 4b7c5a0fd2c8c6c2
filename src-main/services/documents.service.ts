import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../src-shared/errors';
import type { Language } from '../../src-shared/schemas/common.schema';
import {
  CONSENT_KINDS,
  type ConsentKind,
  type ConsentMarkInput,
  type ConsentState,
  type DocumentExportResult,
  type DocumentPreview,
  type DocumentRequest,
  type DocumentScope,
  type DocumentSet,
  type DocumentsOverview,
  type ExportMode,
} from '../../src-shared/schemas/documents.schema';
import type { Db } from '../db/connection';
import { appendAudit } from '../db/repositories/audit.repository';
import { parseJson } from '../db/repositories/json';
import {
  chooseDocumentLanguage,
  documentFileName,
  HostOverviewInputSchema,
  overviewsPerMentor,
  parseDocumentInput,
  scheduleHours,
  uniqueFileNames,
  type DocumentPerson,
  type GroupSession,
  type IncomingVisit,
  type ScheduleBlock,
} from '../domain/documents';
import { createDocumentRenderer, resolveOutputFile, shippedTemplatesDir, userTemplatesDir, type DocumentJob, type DocumentRenderer } from '../io/pdf';
import { isoNow, type ServiceContext } from './context';
import { progressReporter } from './progress';

/*
 * The Documents use cases: gather what each document needs from the database, render it with the
 * PDF renderer and record who exported whose data. The renderer validates the gathered data and
 * chooses the language (the participant's for what the participant reads and signs, the host's for
 * the host overview and the client consent form); this file only passes both languages along.
 *
 * Only what a document prints leaves the database: names, function, the contact details the other
 * side may see, learning questions, dates and addresses. Notes, availability and networks never do.
 */

const DUTCH_POSTCODE = /^\d{4}\s?[A-Z]{2}$/i;

/**
 * The programme's country is not stored. It picks the legal wording of the confidentiality pledge,
 * so it is derived from the organisations taking part: more Dutch postcodes ("1234 AB") than others
 * makes a Dutch programme; anything else, including no postcodes at all, a Belgian one.
 */
export function programmeCountry(postcodes: readonly (string | null)[]): 'BE' | 'NL' {
  const known = postcodes.filter((p): p is string => p !== null && p.trim() !== '');
  const dutch = known.filter((p) => DUTCH_POSTCODE.test(p.trim())).length;
  return dutch > known.length - dutch ? 'NL' : 'BE';
}

const LANGUAGES: readonly Language[] = ['nl', 'fr', 'en'];
const asLanguage = (value: string | null | undefined): Language => (LANGUAGES.includes(value as Language) ? (value as Language) : 'nl');
const fullName = (first: string, last: string | null) => `${first} ${last ?? ''}`.trim();
const addressLines = (address: string | null, postcode: string | null, municipality: string | null): string[] =>
  [address?.trim() ?? '', [postcode, municipality].filter((x) => x && x.trim() !== '').join(' ')].filter((l) => l !== '');
/** "Hallepoort 27, 1000 Brussel" as printed lines. */
const locationLines = (location: string): string[] => location.split(/\s*[,\n]\s*/).map((l) => l.trim()).filter((l) => l !== '').slice(0, 6);

interface PlacementData {
  placementId: number;
  participant: { id: number; name: string; functionTitle: string | null; email: string | null; phone: string | null; language: Language; learningQuestions: string; network: string | null };
  ownOrganisation: { name: string; address: string[]; language: Language } | null;
  host: { id: number; name: string; address: string[]; language: Language };
  mentor: (DocumentPerson & { id: number | null }) | null;
  blocks: (ScheduleBlock & { status: string })[];
  sessions: GroupSession[];
}

interface ProgrammeData {
  id: number;
  name: string;
  country: 'BE' | 'NL';
  requiredHours: number | null;
  theme: { name: string; framework: string; areas: { title: string; indicators: string[] }[] } | null;
  placements: PlacementData[];
}

/** Reads everything the documents of one programme may print, in a few queries. */
async function loadProgrammeData(db: Db, programmeId: number): Promise<ProgrammeData> {
  const programme = await db.selectFrom('programmes').selectAll().where('id', '=', programmeId).executeTakeFirst();
  if (!programme) throw new AppError('not_found', `There is no programme with number ${programmeId}. Run "programme list" (or open the Dashboard) to see the programmes.`);

  const orgPostcodes = await db
    .selectFrom('organisations as o')
    .select('o.postcode')
    .where((eb) =>
      eb.or([
        eb('o.id', 'in', eb.selectFrom('programme_organisations').select('organisation_id').where('programme_id', '=', programmeId)),
        eb('o.id', 'in', eb.selectFrom('places').select('organisation_id').where('programme_id', '=', programmeId)),
      ]),
    )
    .execute();

  let theme: ProgrammeData['theme'] = null;
  if (programme.theme_id !== null) {
    const t = await db.selectFrom('themes').selectAll().where('id', '=', programme.theme_id).executeTakeFirst();
    if (t) {
      const areas = await db.selectFrom('theme_areas').selectAll().where('theme_id', '=', t.id).orderBy('position').execute();
      const indicators = areas.length === 0 ? [] : await db.selectFrom('theme_indicators').selectAll().where('area_id', 'in', areas.map((a) => a.id)).orderBy('position').execute();
      theme = { name: t.name, framework: t.framework, areas: areas.map((a) => ({ title: a.title, indicators: indicators.filter((i) => i.area_id === a.id).map((i) => i.text) })) };
    }
  }

  const rows = await db
    .selectFrom('placements as pl')
    .innerJoin('applications as a', 'a.id', 'pl.application_id')
    .innerJoin('people as p', 'p.id', 'a.participant_id')
    .innerJoin('organisations as h', 'h.id', 'pl.organisation_id')
    .leftJoin('organisations as own', 'own.id', 'p.organisation_id')
    .leftJoin('places as place', 'place.id', 'pl.place_id')
    .leftJoin('people as m', (j) => j.on((eb) => eb('m.id', '=', eb.fn.coalesce('pl.mentor_id', 'place.mentor_id'))))
    .select([
      'pl.id as placement_id',
      'p.id as person_id', 'p.first_name', 'p.last_name', 'p.function_title', 'p.email', 'p.phone', 'p.language', 'p.learning_questions', 'p.network',
      'h.id as host_id', 'h.name as host_name', 'h.address as host_address', 'h.postcode as host_postcode', 'h.municipality as host_municipality', 'h.languages as host_languages',
      'own.name as own_name', 'own.address as own_address', 'own.postcode as own_postcode', 'own.municipality as own_municipality', 'own.languages as own_languages',
      'm.id as mentor_id', 'm.first_name as m_first', 'm.last_name as m_last', 'm.function_title as m_function', 'm.email as m_email', 'm.phone as m_phone',
    ])
    .where('a.programme_id', '=', programmeId)
    .where('pl.status', '!=', 'cancelled')
    .orderBy('p.last_name')
    .orderBy('p.first_name')
    .orderBy('pl.id')
    .execute();

  const placementIds = rows.map((r) => r.placement_id);
  const blocks = placementIds.length === 0 ? [] : await db.selectFrom('shadow_blocks').selectAll().where('placement_id', 'in', placementIds).orderBy('date').orderBy('start_time').execute();
  const sessions = await db.selectFrom('group_sessions').selectAll().where('programme_id', '=', programmeId).where('kind', 'in', ['preparation', 'debrief']).orderBy('date').orderBy('start_time').execute();
  const attendance = sessions.length === 0 ? [] : await db.selectFrom('session_attendance').selectAll().where('session_id', 'in', sessions.map((s) => s.id)).execute();
  const hostIds = [...new Set(rows.map((r) => r.host_id))];
  const contacts = hostIds.length === 0 ? [] : await db.selectFrom('contacts').selectAll().where('organisation_id', 'in', hostIds).orderBy('id').execute();

  const placements = rows.map((r): PlacementData => {
    // Without a named mentor the host contact (else the project lead) receives the participant.
    const contact = contacts.find((c) => c.organisation_id === r.host_id && c.role === 'host_contact') ?? contacts.find((c) => c.organisation_id === r.host_id && c.role === 'project_lead') ?? null;
    const mentor =
      r.mentor_id !== null && r.m_first !== null
        ? { id: r.mentor_id, name: fullName(r.m_first, r.m_last), functionTitle: r.m_function, email: r.m_email, phone: r.m_phone }
        : contact
          ? { id: null, name: contact.name, functionTitle: null, email: contact.email, phone: contact.phone }
          : null;
    // Sessions the participant is assigned to; before the planner assigned anyone, the sessions whose audience they belong to.
    const attended = sessions.filter((s) => attendance.some((a) => a.session_id === s.id && a.person_id === r.person_id && a.status !== 'absent' && a.status !== 'excused'));
    const anyAssigned = attendance.some((a) => a.person_id === r.person_id);
    const own = anyAssigned
      ? attended
      : sessions.filter((s) => s.audience_roles !== 'mentors' && (s.audience_network === null || s.audience_network === r.network));
    return {
      placementId: r.placement_id,
      participant: {
        id: r.person_id,
        name: fullName(r.first_name, r.last_name),
        functionTitle: r.function_title,
        email: r.email,
        phone: r.phone,
        language: asLanguage(r.language),
        learningQuestions: r.learning_questions,
        network: r.network,
      },
      ownOrganisation: r.own_name === null ? null : { name: r.own_name, address: addressLines(r.own_address, r.own_postcode, r.own_municipality), language: asLanguage(parseJson<string[]>(r.own_languages ?? '[]', [])[0]) },
      host: { id: r.host_id, name: r.host_name, address: addressLines(r.host_address, r.host_postcode, r.host_municipality), language: asLanguage(parseJson<string[]>(r.host_languages, [])[0]) },
      mentor,
      blocks: blocks.filter((b) => b.placement_id === r.placement_id).map((b) => ({ date: b.date, startTime: b.start_time, endTime: b.end_time, activity: '', status: b.status })),
      sessions: own.map((s) => ({ kind: s.kind as 'preparation' | 'debrief', title: s.title, date: s.date, startTime: s.start_time, endTime: s.end_time, address: locationLines(s.location) })),
    };
  });

  return {
    id: programme.id,
    name: programme.name,
    country: programmeCountry(orgPostcodes.map((o) => o.postcode)),
    requiredHours: programme.required_hours,
    theme,
    placements,
  };
}

function inScope(p: PlacementData, scope: DocumentScope): boolean {
  if (scope.kind === 'participant') return p.participant.id === scope.personId;
  if (scope.kind === 'host') return p.host.id === scope.organisationId;
  return true;
}

/** Fails with a message saying what to choose instead, when a scope names nobody in the programme. */
function selectPlacements(data: ProgrammeData, scope: DocumentScope): PlacementData[] {
  const selected = data.placements.filter((p) => inScope(p, scope));
  if (selected.length > 0) return selected;
  if (scope.kind === 'participant') throw new AppError('not_found', `This person has no placement in "${data.name}". Publish a matching first, or choose a participant from the list.`);
  if (scope.kind === 'host') throw new AppError('not_found', `This organisation receives nobody in "${data.name}". Choose a host from the list.`);
  throw new AppError('not_found', `"${data.name}" has no placements yet. Run and publish a matching first, then print the documents.`);
}

function placementCore(data: ProgrammeData, p: PlacementData, issuedOn: string) {
  return {
    programme: { name: data.name, country: data.country, requiredHours: data.requiredHours, coordinator: null },
    participant: { name: p.participant.name, functionTitle: p.participant.functionTitle, email: p.participant.email, phone: p.participant.phone, language: p.participant.language, learningQuestions: p.participant.learningQuestions },
    ownOrganisation: p.ownOrganisation ?? { name: '—', address: [], language: p.participant.language },
    host: { name: p.host.name, address: p.host.address, language: p.host.language },
    mentor: p.mentor ? { name: p.mentor.name, functionTitle: p.mentor.functionTitle, email: p.mentor.email, phone: p.mentor.phone } : null,
    issuedOn,
  };
}

const plainBlocks = (blocks: PlacementData['blocks']): ScheduleBlock[] => blocks.map(({ date, startTime, endTime, activity }) => ({ date, startTime, endTime, activity }));

/** The documents for one reader: a participant's (every placement) or a host's (with its mentors' pages). */
interface JobGroup {
  name: string;
  jobs: DocumentJob[];
}

interface BuiltJobs {
  /** Every document in print order. */
  jobs: DocumentJob[];
  /** The same documents per participant (or per host for the host overview), for one file per person. */
  groups: JobGroup[];
  placements: PlacementData[];
  /** Distinct persons whose data the documents carry (participants and mentors or host contacts). */
  personKeys: Set<string>;
}

/** The documents of one request, in print order, with the persons whose data they carry. */
function buildJobs(data: ProgrammeData, set: DocumentSet, scope: DocumentScope, issuedOn: string): BuiltJobs {
  if (set === 'host-overview' && scope.kind === 'participant') {
    throw new AppError('invalid_input', 'The host overview is made per host organisation: choose a host or the whole programme.');
  }
  const placements = selectPlacements(data, scope);
  const personKeys = new Set<string>();
  const groups = new Map<string, JobGroup>();
  const add = (key: string, name: string, ...added: DocumentJob[]) => {
    const group = groups.get(key) ?? { name, jobs: [] };
    group.jobs.push(...added);
    groups.set(key, group);
  };
  const result = (): BuiltJobs => {
    const list = [...groups.values()];
    return { jobs: list.flatMap((g) => g.jobs), groups: list, placements, personKeys };
  };
  for (const p of placements) {
    personKeys.add(`p${p.participant.id}`);
    if (p.mentor) personKeys.add(p.mentor.id !== null ? `p${p.mentor.id}` : `c${p.mentor.name}`);
  }
  if (set === 'host-overview') {
    const hostIds = [...new Set(placements.map((p) => p.host.id))];
    for (const hostId of hostIds) {
      const atHost = placements.filter((p) => p.host.id === hostId);
      const host = atHost[0]!.host;
      const visits: IncomingVisit[] = atHost.map((p) => ({
        participant: { name: p.participant.name, functionTitle: p.participant.functionTitle, email: p.participant.email, phone: p.participant.phone, language: p.participant.language, learningQuestions: p.participant.learningQuestions },
        ownOrganisation: p.ownOrganisation?.name ?? '',
        mentor: p.mentor ? { name: p.mentor.name, functionTitle: p.mentor.functionTitle, email: p.mentor.email, phone: p.mentor.phone } : null,
        blocks: plainBlocks(p.blocks),
      }));
      const overview = parseDocumentInput(
        HostOverviewInputSchema,
        { programme: { name: data.name, country: data.country, requiredHours: data.requiredHours, coordinator: null }, host: { name: host.name, address: host.address, language: host.language }, visits, issuedOn },
        `the host overview for ${host.name}`,
      );
      add(`h${hostId}`, host.name, { kind: 'host-overview', data: overview }, ...overviewsPerMentor(overview).map((perMentor): DocumentJob => ({ kind: 'host-overview', data: perMentor })));
    }
    return result();
  }
  for (const p of placements) {
    const core = placementCore(data, p, issuedOn);
    const key = `p${p.participant.id}`;
    if (set === 'programme') {
      add(key, p.participant.name, { kind: 'programme', data: { ...core, blocks: plainBlocks(p.blocks), sessions: p.sessions, theme: data.theme } });
    } else if (set === 'consent') {
      const visitDates = [...new Set(p.blocks.map((b) => b.date))];
      const consent = { ...core, visitDates, activities: [] };
      add(key, p.participant.name, { kind: 'client-consent', data: consent }, { kind: 'confidentiality-pledge', data: consent }, { kind: 'data-sharing', data: consent });
    } else {
      // Only blocks that took place count; the period is the first and last day actually done.
      const done = p.blocks.filter((b) => b.status === 'done');
      const dates = done.map((b) => b.date).sort();
      add(key, p.participant.name, { kind: 'certificate', data: { ...core, hoursDone: Math.round(scheduleHours(done) * 100) / 100, periodFrom: dates[0] ?? null, periodTo: dates[dates.length - 1] ?? null, signatory: null } });
    }
  }
  return result();
}

/** The organisation's logo, when the coordinator put one in the templates folder of the data folder. */
function findLogo(dataDir: string): string | null {
  for (const name of ['logo.png', 'logo.jpg', 'logo.jpeg']) {
    const file = path.join(userTemplatesDir(dataDir), name);
    if (fs.existsSync(file)) return file;
  }
  return null;
}

/** A renderer over the coordinator's templates (data folder) first and the shipped ones second. */
export function documentRenderer(ctx: Pick<ServiceContext, 'dataDir'>): DocumentRenderer {
  return createDocumentRenderer({ templateDirs: [userTemplatesDir(ctx.dataDir), shippedTemplatesDir()], logoPath: findLogo(ctx.dataDir) });
}

const issuedOn = (ctx: ServiceContext) => isoNow(ctx).slice(0, 10);

async function loadConsentRows(db: Db, programmeId: number) {
  return db.selectFrom('consents').selectAll().where('programme_id', '=', programmeId).orderBy('id').execute();
}

/** Participants (with their host, language, hours and consent forms) and hosts of a programme, for the Documents screen. */
export async function documentsOverview(ctx: ServiceContext, programmeId: number): Promise<DocumentsOverview> {
  const data = await loadProgrammeData(ctx.db, programmeId);
  const consents = await loadConsentRows(ctx.db, programmeId);
  const participants = data.placements.map((p) => {
    const forms: ConsentState[] = CONSENT_KINDS.map((kind) => {
      const row = consents.find((c) => c.kind === kind && c.person_id === p.participant.id && c.organisation_id === p.host.id);
      return { kind, status: row?.status ?? 'not_sent', sentAt: row?.sent_at ?? null, returnedAt: row?.returned_at ?? null };
    });
    return {
      personId: p.participant.id,
      placementId: p.placementId,
      name: p.participant.name,
      email: p.participant.email,
      ownOrganisation: p.ownOrganisation?.name ?? null,
      hostId: p.host.id,
      hostName: p.host.name,
      mentorName: p.mentor?.name ?? null,
      language: chooseDocumentLanguage('programme', { participant: p.participant.language, host: p.host.language }),
      blocks: p.blocks.length,
      hoursDone: scheduleHours(p.blocks.filter((b) => b.status === 'done')),
      consents: forms,
    };
  });
  const hosts = [...new Map(data.placements.map((p) => [p.host.id, p.host])).values()]
    .map((h) => {
      const atHost = data.placements.filter((p) => p.host.id === h.id);
      return {
        organisationId: h.id,
        name: h.name,
        language: chooseDocumentLanguage('host-overview', { host: h.language }),
        participants: atHost.length,
        mentors: [...new Set(atHost.map((p) => p.mentor?.name).filter((n): n is string => !!n))],
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
  return { programmeId: data.id, programmeName: data.name, country: data.country, participants, hosts };
}

/** The first document of a request as text blocks (what the first page says), without writing a file. */
export async function previewDocuments(ctx: ServiceContext, request: DocumentRequest): Promise<DocumentPreview> {
  const data = await loadProgrammeData(ctx.db, request.programmeId);
  const { jobs } = buildJobs(data, request.set, request.scope, issuedOn(ctx));
  const renderer = documentRenderer(ctx);
  const first = jobs[0]!;
  const model = renderer.model(first);
  return { documents: jobs.length, fileName: renderer.fileName(first), language: model.language, title: model.title, subtitle: model.subtitle, footer: model.footer, blocks: model.blocks };
}

/** Progress after each document written. */
export interface ExportProgress {
  done: number;
  total: number;
  file: string;
}

/** Where and how an export writes its files. */
export interface ExportOptions {
  /** The folder to write into; created when missing, but only inside an existing folder. */
  folder: string;
  mode: ExportMode;
  onProgress?: (progress: ExportProgress) => void;
  /**
   * Stops the export between documents: whole files already written stay, the file being written is
   * removed, no consent form is marked sent, and the result says `isCancelled`.
   */
  signal?: AbortSignal;
}

/** Names not yet taken in the folder (case-insensitive): an export never overwrites a file. */
function freeNames(folder: string, names: readonly string[]): string[] {
  const existing = new Set(fs.readdirSync(folder).map((n) => n.toLowerCase()));
  return uniqueFileNames(names).map((name) => {
    const dot = name.lastIndexOf('.');
    const stem = dot > 0 ? name.slice(0, dot) : name;
    const ext = dot > 0 ? name.slice(dot) : '';
    let candidate = name;
    for (let n = 2; existing.has(candidate.toLowerCase()); n++) candidate = `${stem} (${n})${ext}`;
    existing.add(candidate.toLowerCase());
    return candidate;
  });
}

/** File-system errors that mean "this folder cannot take the files", not a defect in Meeloop. */
const FOLDER_ERRORS = new Set(['EACCES', 'EPERM', 'EROFS', 'ENOSPC', 'EDQUOT', 'ENOTDIR', 'ENOENT', 'EEXIST', 'EISDIR', 'ENAMETOOLONG', 'ELOOP', 'EINVAL', 'ERR_INVALID_ARG_VALUE']);

function folderError(folder: string, e: unknown): AppError | null {
  const code = (e as NodeJS.ErrnoException | null)?.code;
  if (!code || !FOLDER_ERRORS.has(code)) return null;
  const why =
    code === 'ENOSPC' || code === 'EDQUOT'
      ? 'the disk is full'
      : code === 'EACCES' || code === 'EPERM' || code === 'EROFS'
        ? 'you may not write there (read-only or no permission)'
        : code === 'ENOENT'
          ? 'the folder it should be in does not exist'
          : 'it is not a folder Meeloop can use';
  return new AppError('file_rejected', `Meeloop cannot write the documents into ${folder.slice(0, 300)}: ${why}. Choose another folder, for example one in your Documents folder.`);
}

/**
 * The folder to write into, after a probe file proves it takes files: a read-only or full folder
 * fails here with a message instead of halfway through an export. A missing folder is created only
 * inside an existing one (CLI --out new-folder), never a whole path of folders from a typo.
 */
function prepareFolder(folder: string): string {
  if (folder.trim() === '' || folder.includes('\u0000')) throw new AppError('file_rejected', 'This is not a folder name. Choose a folder for the documents.');
  const dir = path.resolve(folder);
  const probe = path.join(dir, `.meeloop-write-check-${process.pid}`);
  try {
    const stat = fs.statSync(dir, { throwIfNoEntry: false });
    if (stat && !stat.isDirectory()) throw new AppError('file_rejected', `${dir} is a file, not a folder. Choose a folder for the documents.`);
    if (!stat) fs.mkdirSync(dir);
    fs.closeSync(fs.openSync(probe, 'wx'));
    fs.rmSync(probe, { force: true });
  } catch (e) {
    throw folderError(dir, e) ?? e;
  }
  return dir;
}

/** The combined file's name; Dutch, as the coordinator's own file (the documents inside follow their readers). */
const COMBINED_PREFIX: Record<DocumentSet, string> = { programme: 'programma’s', 'host-overview': 'overzichten gastorganisatie', consent: 'toestemmingsformulieren', certificate: 'deelnamebewijzen' };

/** The files an export writes: each with its name and the documents it holds, in print order. */
function planFiles(built: BuiltJobs, mode: ExportMode, set: DocumentSet, combinedName: string, renderer: DocumentRenderer): { name: string; jobs: DocumentJob[] }[] {
  if (mode === 'combined') return [{ name: documentFileName(COMBINED_PREFIX[set], combinedName), jobs: built.jobs }];
  if (mode === 'per-document') return built.jobs.map((job) => ({ name: renderer.fileName(job), jobs: [job] }));
  // A reader with one document gets that document's own (translated) name.
  return built.groups.map((g) => ({ name: g.jobs.length === 1 ? renderer.fileName(g.jobs[0]!) : documentFileName(COMBINED_PREFIX[set], g.name), jobs: g.jobs }));
}

/**
 * Writes the documents of a request as PDF: one print-ready file, one file per person or one per
 * document. Every document is built (and its data checked) and the folder proven writable before the
 * first file is written; a file is never overwritten. Exporting consent forms marks them as sent (a
 * returned or refused form keeps its status). Every export is logged in the audit log (who, when,
 * which documents, how many persons, the participants' ids; no names), since the files carry
 * personal data. An export stopped through `options.signal` keeps its whole files and answers
 * `isCancelled` (logged as incomplete when it wrote any file).
 */
export async function exportDocumentFiles(ctx: ServiceContext, request: DocumentRequest, options: ExportOptions): Promise<DocumentExportResult> {
  const data = await loadProgrammeData(ctx.db, request.programmeId);
  const built = buildJobs(data, request.set, request.scope, issuedOn(ctx));
  const { jobs, placements, personKeys } = built;
  const renderer = documentRenderer(ctx);
  const scopeName = request.scope.kind === 'programme' ? data.name : request.scope.kind === 'participant' ? placements[0]!.participant.name : placements[0]!.host.name;
  const planned = planFiles(built, options.mode, request.set, scopeName, renderer);
  const folder = prepareFolder(options.folder);

  const files: string[] = [];
  const names = freeNames(folder, planned.map((f) => f.name));
  const { signal } = options;
  let done = 0;
  let documentsWritten = 0;
  try {
    for (const [i, planFile] of planned.entries()) {
      signal?.throwIfAborted();
      const file = await resolveOutputFile(folder, names[i]!);
      const before = done;
      await renderer.renderToFile(planFile.jobs, file, (j) => {
        // Thrown inside the renderer: it removes the half-written file before the error comes out here.
        signal?.throwIfAborted();
        done = before + j + 1;
        options.onProgress?.({ done, total: jobs.length, file });
      });
      files.push(file);
      documentsWritten += planFile.jobs.length;
    }
  } catch (e) {
    // Files written before the failure carry personal data too: they are logged, then the error goes on.
    if (files.length > 0) await appendAudit(ctx.db, { at: isoNow(ctx), actor: ctx.actor, action: 'export_personal_data', entity: 'programme', entityId: data.id, details: { ...auditDetails(), isComplete: false } });
    if (signal?.aborted) {
      // The persons count stays that of the whole request: an upper bound, as in the audit log.
      return { folder, files: files.map((file) => ({ file, name: path.basename(file) })), documents: documentsWritten, persons: personKeys.size, consentsMarkedSent: 0, isCancelled: true };
    }
    throw folderError(folder, e) ?? e;
  }
  function auditDetails() {
    return { kind: 'documents', set: request.set, scope: request.scope, mode: options.mode, documents: jobs.length, files: files.length, persons: personKeys.size, participantIds: [...new Set(placements.map((p) => p.participant.id))], folder };
  }

  const at = isoNow(ctx);
  const consentsMarkedSent = await ctx.db.transaction().execute(async (trx) => {
    let marked = 0;
    if (request.set === 'consent') {
      for (const p of placements) for (const kind of CONSENT_KINDS) if (await markSent(trx, data.id, p.participant.id, p.host.id, kind, at)) marked++;
    }
    await appendAudit(trx, { at, actor: ctx.actor, action: 'export_personal_data', entity: 'programme', entityId: data.id, details: auditDetails() });
    return marked;
  });
  return { folder, files: files.map((file) => ({ file, name: path.basename(file) })), documents: jobs.length, persons: personKeys.size, consentsMarkedSent, isCancelled: false };
}

/** Exports still running per context, by the run id the window chose: cancelExport aborts one. */
const runningExports = new WeakMap<object, Map<string, AbortController>>();
function runningOf(ctx: ServiceContext): Map<string, AbortController> {
  let m = runningExports.get(ctx);
  if (!m) runningExports.set(ctx, (m = new Map()));
  return m;
}

/**
 * The window's export: exportDocumentFiles under the run id the window chose, reporting each document
 * written as 'task.progress' events (throttled; a finished run always ends with done === total) and
 * stoppable with cancelExport. Without a run id it is a plain export: no events, nothing to stop.
 */
export async function exportDocumentsRun(ctx: ServiceContext, request: DocumentRequest, options: { folder: string; mode: ExportMode; runId?: string }): Promise<DocumentExportResult> {
  const { runId, ...where } = options;
  if (runId === undefined) return exportDocumentFiles(ctx, request, where);
  const running = runningOf(ctx);
  if (running.has(runId)) throw new AppError('conflict', 'This export is already running. Wait for it to finish or stop it first.');
  const controller = new AbortController();
  running.set(runId, controller);
  const progress = progressReporter(ctx, 'documents-export', runId);
  try {
    const result = await exportDocumentFiles(ctx, request, { ...where, signal: controller.signal, onProgress: (p) => progress.report(p.done, p.total) });
    if (!result.isCancelled) progress.finish(result.documents);
    return result;
  } finally {
    running.delete(runId);
  }
}

/** Tells the export running under `runId` to stop; false when there is none (it had already ended). */
export function cancelExport(ctx: ServiceContext, runId: string): { isStopping: boolean } {
  const controller = runningOf(ctx).get(runId);
  controller?.abort();
  return { isStopping: controller !== undefined };
}

/** Marks one form sent unless it already went out or came back; true when it changed. */
async function markSent(trx: Db, programmeId: number, personId: number, organisationId: number, kind: ConsentKind, at: string): Promise<boolean> {
  const row = await trx.selectFrom('consents').selectAll().where('programme_id', '=', programmeId).where('person_id', '=', personId).where('organisation_id', '=', organisationId).where('kind', '=', kind).executeTakeFirst();
  if (!row) {
    await trx.insertInto('consents').values({ kind, programme_id: programmeId, person_id: personId, organisation_id: organisationId, status: 'sent', sent_at: at, returned_at: null, expires_at: null }).execute();
    return true;
  }
  if (row.status !== 'not_sent') return false;
  await trx.updateTable('consents').set({ status: 'sent', sent_at: at }).where('id', '=', row.id).execute();
  return true;
}

/**
 * Records what happened to the consent forms of one placement: returned (signed), refused, or back
 * to sent / not sent to correct a mistake. Answers the placement's three forms.
 */
export async function markConsents(ctx: ServiceContext, input: ConsentMarkInput): Promise<ConsentState[]> {
  const placement = await ctx.db
    .selectFrom('placements as pl')
    .innerJoin('applications as a', 'a.id', 'pl.application_id')
    .select('pl.id')
    .where('a.programme_id', '=', input.programmeId)
    .where('a.participant_id', '=', input.personId)
    .where('pl.organisation_id', '=', input.organisationId)
    .where('pl.status', '!=', 'cancelled')
    .executeTakeFirst();
  if (!placement) throw new AppError('not_found', 'This participant has no placement at this host in this programme. Reload the Documents screen and try again.');
  const at = isoNow(ctx);
  const kinds = input.kind ? [input.kind] : [...CONSENT_KINDS];
  await ctx.db.transaction().execute(async (trx) => {
    for (const kind of kinds) {
      const row = await trx.selectFrom('consents').selectAll().where('programme_id', '=', input.programmeId).where('person_id', '=', input.personId).where('organisation_id', '=', input.organisationId).where('kind', '=', kind).executeTakeFirst();
      const isAnswer = input.status === 'returned' || input.status === 'refused';
      const values = {
        status: input.status,
        sent_at: input.status === 'not_sent' ? null : (row?.sent_at ?? at),
        returned_at: isAnswer ? at : null,
      };
      if (row) await trx.updateTable('consents').set(values).where('id', '=', row.id).execute();
      else await trx.insertInto('consents').values({ kind, programme_id: input.programmeId, person_id: input.personId, organisation_id: input.organisationId, expires_at: null, ...values }).execute();
    }
    await appendAudit(trx, { at, actor: ctx.actor, action: 'consent_status', entity: 'person', entityId: input.personId, details: { programmeId: input.programmeId, organisationId: input.organisationId, kinds, status: input.status } });
  });
  const rows = await loadConsentRows(ctx.db, input.programmeId);
  return CONSENT_KINDS.map((kind) => {
    const row = rows.find((c) => c.kind === kind && c.person_id === input.personId && c.organisation_id === input.organisationId);
    return { kind, status: row?.status ?? 'not_sent', sentAt: row?.sent_at ?? null, returnedAt: row?.returned_at ?? null };
  });
}

/**
 * Whose documents the CLI's --person EMAIL asks for: the participant for programmes, consent forms
 * and certificates; for the host overview, the host organisation the person works for (a mentor or
 * host contact).
 */
export async function scopeForPerson(ctx: ServiceContext, programmeId: number, set: DocumentSet, email: string): Promise<DocumentScope> {
  const person = await findPersonByEmail(ctx, email);
  if (set !== 'host-overview') return { kind: 'participant', personId: person.id };
  const row = await ctx.db.selectFrom('people').select('organisation_id').where('id', '=', person.id).executeTakeFirstOrThrow();
  if (row.organisation_id === null) throw new AppError('invalid_input', `${person.name} does not work for an organisation, so there is no host overview for them. Give the e-mail address of a mentor or host contact.`);
  const hosts = await ctx.db
    .selectFrom('placements as pl')
    .innerJoin('applications as a', 'a.id', 'pl.application_id')
    .select('pl.id')
    .where('a.programme_id', '=', programmeId)
    .where('pl.organisation_id', '=', row.organisation_id)
    .where('pl.status', '!=', 'cancelled')
    .executeTakeFirst();
  if (!hosts) throw new AppError('not_found', `The organisation of ${person.name} receives nobody in this programme. Give the e-mail address of a mentor or host contact of a host organisation.`);
  return { kind: 'host', organisationId: row.organisation_id };
}

/** Finds a person by e-mail for the CLI's --person. */
export async function findPersonByEmail(ctx: ServiceContext, email: string): Promise<{ id: number; name: string }> {
  const row = await ctx.db.selectFrom('people').select(['id', 'first_name', 'last_name']).where('email', '=', email.trim().toLowerCase()).executeTakeFirst();
  if (!row) throw new AppError('not_found', `Nobody has the e-mail address ${email}. Check the spelling against the People screen (or the spreadsheet you imported).`);
  return { id: row.id, name: fullName(row.first_name, row.last_name) };
}
