import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DocumentsOverview } from '../../src-shared/schemas/documents.schema';
import { runCli } from '../../src-main/cli/cli';
import { listAudit } from '../../src-main/db/repositories/audit.repository';
import { dispatch } from '../../src-main/ipc/dispatch';
import { createHandlers } from '../../src-main/ipc/handlers';
import * as documents from '../../src-main/services/documents.service';
import { loadDemo } from '../../src-main/services/demo.service';
import * as matching from '../../src-main/services/matching.service';
import { updatePerson } from '../../src-main/services/person.service';
import * as planner from '../../src-main/services/planner.service';
import { listProgrammes } from '../../src-main/services/programme.service';
import { createTestContext, fixedClock, tempDir, type TestContext } from '../helpers/context';
import { pdfFonts, pdfInfo, pdfText } from './pdf/poppler';

/*
 * The Documents use cases on the demo, as a coordinator uses them: publish a matching, plan and
 * apply, then preview and export programmes, host overviews, consent forms and certificates per
 * participant, per host and per programme, through the services, the IPC contract and the CLI.
 * Files are checked by the text poppler reads back, never by bytes.
 */

const NOW = '2026-12-01T09:00:00.000Z';
let ctx: TestContext;
let dir: string;
let switching: number;
let kijkstage: number;
let kiek: number;
let wisselstage: number;
let st: DocumentsOverview;

/** pdftotext breaks lines where the layout does; compare with single spaces. */
const flat = (text: string) => text.replace(/\s+/g, ' ');
const textOf = (file: string) => flat(pdfText(file));
let folders = 0;
const newFolder = (name = 'out') => {
  const d = path.join(dir, `${name}-${++folders}`);
  fs.mkdirSync(d);
  return d;
};
const exportActions = async (programmeId: number) => (await listAudit(ctx.db, { entity: 'programme', entityId: programmeId })).filter((a) => a.action === 'export_personal_data');

beforeAll(async () => {
  dir = tempDir('meeloop-documents-');
  ctx = await createTestContext({ file: path.join(dir, 'meeloop.db'), now: fixedClock(NOW) });
  await loadDemo(ctx);
  const programmes = await listProgrammes(ctx);
  switching = programmes.find((p) => p.kind === 'jobshadowing')!.id;
  kijkstage = programmes.find((p) => p.kind === 'kijkstage')!.id;
  kiek = programmes.find((p) => p.name.startsWith('KIEK'))!.id;
  wisselstage = programmes.find((p) => p.name.startsWith('Wisselstage'))!.id;
  for (const id of [switching, kijkstage, kiek]) {
    const s = await matching.runScenario(ctx, { programmeId: id, roundId: null, mode: 'optimal' });
    await matching.publishScenario(ctx, s.id);
    await planner.plan(ctx, { programmeId: id, apply: true });
  }
  st = await documents.documentsOverview(ctx, switching);
});
afterAll(async () => {
  await ctx.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('overview', () => {
  it('lists every placed participant with host, mentor, language, planned blocks and three unsent consent forms, and every host', async () => {
    const placements = (await matching.listPlacements(ctx, switching)).filter((p) => p.status !== 'cancelled');
    expect(st.programmeName).toMatch(/^Switching Talent/);
    expect(st.country).toBe('BE');
    expect(st.participants.map((p) => p.placementId).sort()).toEqual(placements.map((p) => p.id).sort());
    for (const p of st.participants) {
      const placement = placements.find((x) => x.id === p.placementId)!;
      expect(p.hostId).toBe(placement.organisationId);
      expect(p.mentorName).toBeTruthy();
      expect(p.blocks).toBeGreaterThan(0);
      expect(p.hoursDone).toBe(0);
      expect(p.consents.map((c) => [c.kind, c.status])).toEqual([['client_consent', 'not_sent'], ['confidentiality', 'not_sent'], ['data_sharing', 'not_sent']]);
    }
    expect(st.hosts.map((h) => h.organisationId).sort()).toEqual([...new Set(placements.map((p) => p.organisationId))].sort());
    for (const h of st.hosts) expect(h.participants).toBe(st.participants.filter((p) => p.hostId === h.organisationId).length);
    expect((await documents.documentsOverview(ctx, kiek)).country).toBe('NL');
  });

  it('answers not_found for an unknown programme and an empty list where nothing is placed yet', async () => {
    await expect(documents.documentsOverview(ctx, 9999)).rejects.toMatchObject({ code: 'not_found', message: expect.stringContaining('no programme with number 9999') });
    const empty = await documents.documentsOverview(ctx, wisselstage);
    expect(empty.participants).toEqual([]);
    expect(empty.hosts).toEqual([]);
  });
});

describe('preview', () => {
  it('shows the first page of a participant’s programme with their host, mentor and schedule, and writes nothing', async () => {
    const p = st.participants[0]!;
    const auditBefore = (await exportActions(switching)).length;
    const preview = await documents.previewDocuments(ctx, { programmeId: switching, set: 'programme', scope: { kind: 'participant', personId: p.personId } });
    expect(preview.documents).toBe(1);
    expect(preview.language).toBe('nl');
    expect(preview.title).toBe(st.programmeName);
    expect(preview.subtitle).toBe(`Jouw programma bij ${p.hostName}`);
    expect(preview.fileName).toBe(`programma - ${p.name}.pdf`);
    const text = JSON.stringify(preview.blocks);
    expect(text).toContain(p.name);
    expect(text).toContain(p.mentorName!);
    const schedule = preview.blocks.find((b) => b.type === 'table');
    expect(schedule?.type === 'table' && schedule.rows.length).toBe(p.blocks);
    expect((await exportActions(switching)).length).toBe(auditBefore);
  });

  it('counts what an export of a host’s consent forms writes, and refuses a host overview for one participant', async () => {
    const host = st.hosts[0]!;
    const preview = await documents.previewDocuments(ctx, { programmeId: switching, set: 'consent', scope: { kind: 'host', organisationId: host.organisationId } });
    expect(preview.documents).toBe(3 * host.participants);
    expect(preview.title).toBe('Toestemming van de cliënt');
    await expect(documents.previewDocuments(ctx, { programmeId: switching, set: 'host-overview', scope: { kind: 'participant', personId: st.participants[0]!.personId } })).rejects.toMatchObject({ code: 'invalid_input', message: expect.stringMatching(/per host organisation/) });
  });
});

describe('every document per participant, per host and per programme', () => {
  it('writes a participant’s programme, consent forms and certificate, one file per person, readable and A4 with embedded fonts', async () => {
    const p = st.participants[1]!;
    const out = newFolder('participant');
    const programme = await documents.exportDocumentFiles(ctx, { programmeId: switching, set: 'programme', scope: { kind: 'participant', personId: p.personId } }, { folder: out, mode: 'per-person' });
    expect(programme.files.map((f) => f.name)).toEqual([`programma - ${p.name}.pdf`]);
    const file = programme.files[0]!.file;
    const text = textOf(file);
    for (const expected of [p.name, p.hostName, p.mentorName!, 'Jouw leervragen', 'Praktische afspraken', 'beroepsgeheim', 'Voorbereiding', 'Totaal: 14 uur', 'Observatiepunten']) expect(text).toContain(expected);
    const info = pdfInfo(file);
    expect([Math.round(info.width), Math.round(info.height)]).toEqual([595, 842]);
    for (const f of pdfFonts(file)) expect(f.embedded).toBe(true);

    const consent = await documents.exportDocumentFiles(ctx, { programmeId: switching, set: 'consent', scope: { kind: 'participant', personId: p.personId } }, { folder: out, mode: 'per-person' });
    expect(consent.documents).toBe(3);
    expect(consent.files.map((f) => f.name)).toEqual([`toestemmingsformulieren - ${p.name}.pdf`]);
    const forms = textOf(consent.files[0]!.file);
    for (const expected of ['Toestemming van de cliënt', 'Verklaring beroepsgeheim', 'artikel 458 van het Strafwetboek', 'decreet Integrale Jeugdhulp', 'Welke gegevens delen we?', p.name]) expect(forms).toContain(expected);

    const certificate = await documents.exportDocumentFiles(ctx, { programmeId: switching, set: 'certificate', scope: { kind: 'participant', personId: p.personId } }, { folder: out, mode: 'per-document' });
    expect(certificate.files.map((f) => f.name)).toEqual([`attest - ${p.name}.pdf`]);
    expect(textOf(certificate.files[0]!.file)).toContain(`Hiermee bevestigen wij dat ${p.name}`);
  });

  it('writes the host overview with a page per mentor, only with the host’s own participants', async () => {
    const host = st.hosts.find((h) => h.participants >= 2) ?? st.hosts[0]!;
    const out = newFolder('host');
    const r = await documents.exportDocumentFiles(ctx, { programmeId: switching, set: 'host-overview', scope: { kind: 'host', organisationId: host.organisationId } }, { folder: out, mode: 'per-document' });
    expect(r.documents).toBe(1 + host.mentors.length);
    expect(r.files).toHaveLength(r.documents);
    const all = r.files.map((f) => textOf(f.file)).join(' ');
    expect(all).toContain(`Bezoekers bij ${host.name}`);
    for (const m of host.mentors) expect(all).toContain(`Mentor: ${m}`);
    for (const p of st.participants) {
      if (p.hostId === host.organisationId) expect(all).toContain(p.name);
      else expect(all, `${p.name} is not expected at ${host.name}`).not.toContain(p.name);
    }
    // One file per person: the host's overview and its mentors' pages together.
    const perHost = await documents.exportDocumentFiles(ctx, { programmeId: switching, set: 'host-overview', scope: { kind: 'host', organisationId: host.organisationId } }, { folder: out, mode: 'per-person' });
    expect(perHost.files.map((f) => f.name)).toEqual([`overzichten gastorganisatie - ${host.name}.pdf`]);
    expect(pdfInfo(perHost.files[0]!.file).pages).toBeGreaterThanOrEqual(r.documents);
  });

  it('writes all programmes of a programme as one file per person or as one print-ready file', async () => {
    const out = newFolder('programme');
    const progress: number[] = [];
    const each = await documents.exportDocumentFiles(ctx, { programmeId: switching, set: 'programme', scope: { kind: 'programme' } }, { folder: out, mode: 'per-person', onProgress: (p) => progress.push(p.done) });
    const participants = new Set(st.participants.map((p) => p.personId)).size;
    expect(each.files).toHaveLength(participants);
    expect(progress).toEqual(Array.from({ length: st.participants.length }, (_, i) => i + 1));
    for (const p of st.participants) expect(each.files.some((f) => f.name === `programma - ${p.name}.pdf`)).toBe(true);
    expect(fs.readdirSync(out).sort()).toEqual(each.files.map((f) => f.name).sort());

    const combined = await documents.exportDocumentFiles(ctx, { programmeId: switching, set: 'programme', scope: { kind: 'programme' } }, { folder: out, mode: 'combined' });
    expect(combined.files).toHaveLength(1);
    expect(combined.files[0]!.name).toMatch(/^programma’s - Switching Talent/);
    const text = textOf(combined.files[0]!.file);
    for (const p of st.participants) expect(text).toContain(p.name);
    expect(pdfInfo(combined.files[0]!.file).pages).toBeGreaterThanOrEqual(st.participants.length);
  });

  it('prints the hours actually done on the certificate', async () => {
    const p = st.participants[2]!;
    const blocks = (await planner.getSchedule(ctx, switching)).blocks.filter((b) => b.placementId === p.placementId);
    await planner.setBlockStatus(ctx, { id: blocks[0]!.id, status: 'done' });
    const minutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3));
    const hours = (minutes(blocks[0]!.endTime) - minutes(blocks[0]!.startTime)) / 60;
    const row = (await documents.documentsOverview(ctx, switching)).participants.find((x) => x.placementId === p.placementId)!;
    expect(row.hoursDone).toBe(hours);
    const r = await documents.exportDocumentFiles(ctx, { programmeId: switching, set: 'certificate', scope: { kind: 'participant', personId: p.personId } }, { folder: newFolder('cert'), mode: 'per-person' });
    expect(textOf(r.files[0]!.file)).toContain(`Aantal gepresteerde uren: ${String(hours).replace('.', ',')} uur`);
  });

  it('never overwrites a file: a second export gets a numbered name', async () => {
    const p = st.participants[0]!;
    const out = newFolder('twice');
    const request = { programmeId: switching, set: 'programme' as const, scope: { kind: 'participant' as const, personId: p.personId } };
    const first = await documents.exportDocumentFiles(ctx, request, { folder: out, mode: 'per-person' });
    const second = await documents.exportDocumentFiles(ctx, request, { folder: out, mode: 'per-person' });
    expect(second.files[0]!.name).toBe(`programma - ${p.name} (2).pdf`);
    expect(fs.existsSync(first.files[0]!.file)).toBe(true);
  });
});

describe('file names from people’s names', () => {
  it('keeps every file inside the chosen folder, whatever the participant is called', async () => {
    const k = await documents.documentsOverview(ctx, kijkstage);
    const hostile = ['../../etc/passwd', 'CON', 'a/b\\c', '.verborgen'];
    const chosen = k.participants.slice(0, hostile.length);
    const originals = await ctx.db.selectFrom('people').select(['id', 'first_name', 'last_name']).where('id', 'in', chosen.map((p) => p.personId)).execute();
    for (const [i, p] of chosen.entries()) await updatePerson(ctx, { id: p.personId, patch: { firstName: hostile[i]!, lastName: '' } });
    const out = newFolder('hostile');
    const r = await documents.exportDocumentFiles(ctx, { programmeId: kijkstage, set: 'certificate', scope: { kind: 'programme' } }, { folder: out, mode: 'per-person' });
    expect(r.files).toHaveLength(new Set(k.participants.map((p) => p.personId)).size);
    for (const f of r.files) {
      expect(path.dirname(f.file)).toBe(out);
      expect(f.name).not.toMatch(/[/\\]|^\./);
    }
    expect(fs.readdirSync(out)).toHaveLength(r.files.length);
    expect(fs.existsSync(path.join(dir, 'etc'))).toBe(false);
    expect(textOf(r.files.find((f) => f.name.includes('etc-passwd'))!.file)).toContain('../../etc/passwd');
    for (const o of originals) await updatePerson(ctx, { id: o.id, patch: { firstName: o.first_name, lastName: o.last_name } });
  });
});

describe('language follows the participant or the host', () => {
  it('writes a French-speaking participant’s programme in French, and the client consent in the host’s language', async () => {
    const k = await documents.documentsOverview(ctx, kijkstage);
    const hostLanguage = new Map(k.hosts.map((h) => [h.organisationId, h.language]));
    const mixed = k.participants.find((p) => p.language === 'fr' && hostLanguage.get(p.hostId) === 'nl') ?? k.participants.find((p) => p.language === 'fr')!;
    expect(mixed).toBeDefined();
    const out = newFolder('lang');
    const programme = await documents.exportDocumentFiles(ctx, { programmeId: kijkstage, set: 'programme', scope: { kind: 'participant', personId: mixed.personId } }, { folder: out, mode: 'per-person' });
    const text = textOf(programme.files[0]!.file);
    expect(text).toContain(`Ton programme chez ${mixed.hostName}`);
    expect(text).toContain('Accords pratiques');
    expect(text).not.toContain('Praktische afspraken');

    const forms = await documents.exportDocumentFiles(ctx, { programmeId: kijkstage, set: 'consent', scope: { kind: 'participant', personId: mixed.personId } }, { folder: out, mode: 'per-document' });
    const [client, pledge, sharing] = forms.files.map((f) => textOf(f.file));
    expect(client).toContain(hostLanguage.get(mixed.hostId) === 'nl' ? 'Toestemming van de cliënt' : 'Consentement du bénéficiaire');
    expect(pledge).toContain('Déclaration de secret professionnel');
    expect(pledge).toContain('article 458');
    expect(sharing).toContain('Quelles données partageons-nous ?');

    const host = k.hosts.find((h) => h.language === 'fr')!;
    const overview = await documents.previewDocuments(ctx, { programmeId: kijkstage, set: 'host-overview', scope: { kind: 'host', organisationId: host.organisationId } });
    expect(overview.language).toBe('fr');
    expect(overview.title).toContain('Visiteurs chez');
  });

  it('follows a participant who reads English, and uses the Dutch (not the Belgian) legal wording in a Dutch programme', async () => {
    const k = await documents.documentsOverview(ctx, kiek);
    const p = k.participants[0]!;
    await updatePerson(ctx, { id: p.personId, patch: { language: 'en' } });
    const programme = await documents.previewDocuments(ctx, { programmeId: kiek, set: 'programme', scope: { kind: 'participant', personId: p.personId } });
    expect(programme.language).toBe('en');
    expect(programme.subtitle).toBe(`Your programme at ${p.hostName}`);
    await updatePerson(ctx, { id: p.personId, patch: { language: 'nl' } });
    const r = await documents.exportDocumentFiles(ctx, { programmeId: kiek, set: 'consent', scope: { kind: 'participant', personId: p.personId } }, { folder: newFolder('nl'), mode: 'combined' });
    const text = textOf(r.files[0]!.file);
    expect(text).toContain('privacywetgeving (AVG)');
    expect(text).not.toContain('Strafwetboek');
  });
});

describe('only the data a document needs', () => {
  it('prints no notes, availability or preconditions, and no other participants', async () => {
    const p = st.participants[3]!;
    const secret = 'GEHEIM-notitie-over-gezondheid';
    await updatePerson(ctx, { id: p.personId, patch: { notes: secret } });
    await ctx.db.updateTable('organisations').set({ precondition_notes: 'GEHEIM-personeelstekort' }).where('id', '=', p.hostId).execute();
    const out = newFolder('minimal');
    const texts: string[] = [];
    for (const set of ['programme', 'consent', 'certificate'] as const) {
      const r = await documents.exportDocumentFiles(ctx, { programmeId: switching, set, scope: { kind: 'participant', personId: p.personId } }, { folder: out, mode: 'combined' });
      texts.push(textOf(r.files[0]!.file));
    }
    const overview = await documents.exportDocumentFiles(ctx, { programmeId: switching, set: 'host-overview', scope: { kind: 'host', organisationId: p.hostId } }, { folder: out, mode: 'combined' });
    texts.push(textOf(overview.files[0]!.file));
    for (const text of texts) {
      expect(text).not.toContain('GEHEIM');
      expect(text).not.toMatch(/mon_am|tue_pm/);
    }
    for (const other of st.participants.filter((x) => x.hostId !== p.hostId)) for (const text of texts) expect(text).not.toContain(other.name);
    // The programme tells the participant how to reach the mentor, not where the mentor lives or what they note.
    const preview = await documents.previewDocuments(ctx, { programmeId: switching, set: 'programme', scope: { kind: 'participant', personId: p.personId } });
    const fields = preview.blocks.filter((b) => b.type === 'fields').flatMap((b) => (b.type === 'fields' ? b.rows.map((r) => r[0]) : []));
    expect(fields).not.toContain('Notities');
  });
});

describe('audit log and consent forms', () => {
  it('logs every export of personal data with what, for whom and how many persons, without names', async () => {
    const before = (await exportActions(switching)).length;
    const host = st.hosts[1]!;
    const r = await documents.exportDocumentFiles(ctx, { programmeId: switching, set: 'host-overview', scope: { kind: 'host', organisationId: host.organisationId } }, { folder: newFolder('audit'), mode: 'combined' });
    const after = await exportActions(switching);
    expect(after).toHaveLength(before + 1);
    const entry = after[after.length - 1]!;
    expect(entry).toMatchObject({ actor: 'test', at: NOW, entity: 'programme', entityId: switching });
    const details = JSON.parse(entry.details) as Record<string, unknown>;
    expect(details).toMatchObject({ kind: 'documents', set: 'host-overview', scope: { kind: 'host', organisationId: host.organisationId }, mode: 'combined', documents: r.documents, files: 1, persons: r.persons });
    expect(r.persons).toBe(host.participants + host.mentors.length);
    expect(details.participantIds).toEqual(expect.arrayContaining(st.participants.filter((p) => p.hostId === host.organisationId).map((p) => p.personId)));
    for (const p of st.participants) expect(entry.details).not.toContain(p.name);
  });

  it('marks a host’s consent forms sent on export, keeps returned ones, and records them returned later', async () => {
    const host = st.hosts.find((h) => h.participants >= 2)!;
    const atHost = st.participants.filter((p) => p.hostId === host.organisationId);
    const out = newFolder('consent');
    const r = await documents.exportDocumentFiles(ctx, { programmeId: switching, set: 'consent', scope: { kind: 'host', organisationId: host.organisationId } }, { folder: out, mode: 'per-person' });
    expect(r.files).toHaveLength(atHost.length);
    expect(r.consentsMarkedSent).toBe(3 * atHost.length);
    for (const p of atHost) expect(textOf(r.files.find((f) => f.name.includes(p.name))!.file)).toContain(p.name);
    let overview = await documents.documentsOverview(ctx, switching);
    for (const p of atHost) {
      const forms = overview.participants.find((x) => x.placementId === p.placementId)!.consents;
      expect(forms.map((c) => c.status)).toEqual(['sent', 'sent', 'sent']);
      expect(forms.every((c) => c.sentAt === NOW && c.returnedAt === null)).toBe(true);
    }
    const others = overview.participants.filter((x) => x.hostId !== host.organisationId && x.consents.some((c) => c.status === 'sent'));
    expect(others.map((x) => x.hostId)).not.toContain(host.organisationId);

    const first = atHost[0]!;
    const returned = await documents.markConsents(ctx, { programmeId: switching, personId: first.personId, organisationId: host.organisationId, status: 'returned' });
    expect(returned.map((c) => c.status)).toEqual(['returned', 'returned', 'returned']);
    expect(returned.every((c) => c.returnedAt === NOW && c.sentAt === NOW)).toBe(true);
    const refused = await documents.markConsents(ctx, { programmeId: switching, personId: atHost[1]!.personId, organisationId: host.organisationId, kind: 'client_consent', status: 'refused' });
    expect(refused.map((c) => c.status)).toEqual(['refused', 'sent', 'sent']);

    // Printing again sends nothing new and never undoes a returned or refused form.
    const again = await documents.exportDocumentFiles(ctx, { programmeId: switching, set: 'consent', scope: { kind: 'host', organisationId: host.organisationId } }, { folder: out, mode: 'combined' });
    expect(again.consentsMarkedSent).toBe(0);
    overview = await documents.documentsOverview(ctx, switching);
    expect(overview.participants.find((x) => x.placementId === first.placementId)!.consents.map((c) => c.status)).toEqual(['returned', 'returned', 'returned']);
    expect(overview.participants.find((x) => x.placementId === atHost[1]!.placementId)!.consents[0]!.status).toBe('refused');

    // The dashboard's tasks no longer ask for the returned forms.
    const tasks = (await planner.listTasks(ctx, switching))[0]!.tasks;
    expect(tasks.some((t) => t.kind === 'consent_missing' && t.personId === first.personId)).toBe(false);
    const audit = await listAudit(ctx.db, { entity: 'person', entityId: first.personId });
    expect(audit.some((a) => a.action === 'consent_status' && a.details.includes('"returned"'))).toBe(true);

    // A mistake can be undone: back to not sent.
    const undone = await documents.markConsents(ctx, { programmeId: switching, personId: first.personId, organisationId: host.organisationId, status: 'not_sent' });
    expect(undone.every((c) => c.status === 'not_sent' && c.sentAt === null && c.returnedAt === null)).toBe(true);
    await documents.markConsents(ctx, { programmeId: switching, personId: first.personId, organisationId: host.organisationId, status: 'returned' });
  });

  it('refuses to mark forms of a placement that does not exist', async () => {
    const p = st.participants[0]!;
    const otherHost = st.hosts.find((h) => h.organisationId !== p.hostId)!;
    await expect(documents.markConsents(ctx, { programmeId: switching, personId: p.personId, organisationId: otherHost.organisationId, status: 'returned' })).rejects.toMatchObject({ code: 'not_found', message: expect.stringContaining('no placement at this host') });
  });
});

describe('clear messages for bad input', () => {
  afterEach(() => vi.restoreAllMocks());
  const request = () => ({ programmeId: switching, set: 'programme' as const, scope: { kind: 'participant' as const, personId: st.participants[0]!.personId } });

  it('unknown e-mail, someone without a placement, a programme without placements', async () => {
    await expect(documents.scopeForPerson(ctx, switching, 'programme', 'niemand@nergens.example')).rejects.toMatchObject({ code: 'not_found', message: expect.stringContaining('Nobody has the e-mail address niemand@nergens.example') });
    const mentor = await ctx.db.selectFrom('people').select(['id', 'email']).where('is_mentor', '=', 1).where('is_participant', '=', 0).executeTakeFirstOrThrow();
    const scope = await documents.scopeForPerson(ctx, switching, 'programme', mentor.email!.toUpperCase());
    expect(scope).toEqual({ kind: 'participant', personId: mentor.id });
    await expect(documents.exportDocumentFiles(ctx, { programmeId: switching, set: 'programme', scope }, { folder: newFolder('none'), mode: 'per-person' })).rejects.toMatchObject({ code: 'not_found', message: expect.stringContaining('has no placement in') });
    await expect(documents.previewDocuments(ctx, { programmeId: wisselstage, set: 'consent', scope: { kind: 'programme' } })).rejects.toMatchObject({ code: 'not_found', message: expect.stringContaining('has no placements yet. Run and publish a matching first') });
    await expect(documents.previewDocuments(ctx, { programmeId: switching, set: 'programme', scope: { kind: 'host', organisationId: 999999 } })).rejects.toMatchObject({ code: 'not_found', message: expect.stringContaining('receives nobody') });
  });

  it('a file instead of a folder, a folder in a folder that does not exist, a folder that is not writable', async () => {
    const file = path.join(dir, 'not-a-folder.txt');
    fs.writeFileSync(file, 'x');
    await expect(documents.exportDocumentFiles(ctx, request(), { folder: file, mode: 'per-person' })).rejects.toMatchObject({ code: 'file_rejected', message: expect.stringContaining('is a file, not a folder') });
    const deep = path.join(dir, 'missing', 'deeper');
    await expect(documents.exportDocumentFiles(ctx, request(), { folder: deep, mode: 'per-person' })).rejects.toMatchObject({ code: 'file_rejected', message: expect.stringContaining('does not exist') });
    expect(fs.existsSync(path.join(dir, 'missing'))).toBe(false);

    const locked = newFolder('locked');
    fs.chmodSync(locked, 0o500);
    try {
      // Root writes anywhere: there the operating system's refusal is simulated at the same call.
      if (process.getuid?.() === 0) {
        const open = fs.openSync;
        vi.spyOn(fs, 'openSync').mockImplementation((...args: Parameters<typeof fs.openSync>) => {
          if (String(args[0]).startsWith(locked)) throw Object.assign(new Error(`EACCES: permission denied, open '${String(args[0])}'`), { code: 'EACCES' });
          return open(...args);
        });
      }
      await expect(documents.exportDocumentFiles(ctx, request(), { folder: locked, mode: 'per-person' })).rejects.toMatchObject({ code: 'file_rejected', message: expect.stringMatching(/cannot write the documents into .*no permission.*Choose another folder/) });
    } finally {
      fs.chmodSync(locked, 0o700);
    }
    expect(fs.readdirSync(locked)).toEqual([]);
  });

  it('creates a missing folder inside an existing one (the CLI’s --out new-folder)', async () => {
    const fresh = path.join(dir, `fresh-${++folders}`);
    const r = await documents.exportDocumentFiles(ctx, request(), { folder: fresh, mode: 'per-person' });
    expect(r.folder).toBe(fresh);
    expect(fs.readdirSync(fresh)).toEqual([r.files[0]!.name]);
  });
});

describe('through the IPC contract', () => {
  const call = (channel: string, input: unknown) => dispatch(createHandlers(ctx), channel, input, (m) => { throw new Error(m); });

  it('overview, preview, export and mark consents answer the envelope', async () => {
    const overview = await call('documents.overview', { programmeId: switching });
    expect(overview).toMatchObject({ ok: true, value: { programmeId: switching } });
    const p = st.participants[0]!;
    const preview = await call('documents.preview', { programmeId: switching, set: 'programme', scope: { kind: 'participant', personId: p.personId } });
    expect(preview).toMatchObject({ ok: true, value: { documents: 1, language: 'nl' } });
    const out = newFolder('ipc');
    const exported = await call('documents.export', { programmeId: switching, set: 'consent', scope: { kind: 'participant', personId: p.personId }, folder: out });
    expect(exported).toMatchObject({ ok: true, value: { folder: out, documents: 3, files: [{ name: `toestemmingsformulieren - ${p.name}.pdf` }] } });
    const marked = await call('documents.markConsents', { programmeId: switching, personId: p.personId, organisationId: p.hostId, kind: 'data_sharing', status: 'returned' });
    expect(marked).toMatchObject({ ok: true, value: expect.arrayContaining([{ kind: 'data_sharing', status: 'returned', sentAt: expect.any(String), returnedAt: NOW }]) });
  });

  it('refuses a relative folder, an unknown mode and a scope without its id as invalid_input', async () => {
    const p = st.participants[0]!;
    for (const input of [
      { programmeId: switching, set: 'programme', scope: { kind: 'programme' }, folder: 'exports' },
      { programmeId: switching, set: 'programme', scope: { kind: 'programme' }, folder: '/tmp', mode: 'zip' },
      { programmeId: switching, set: 'programme', scope: { kind: 'participant' }, folder: '/tmp' },
      { programmeId: switching, set: 'diploma', scope: { kind: 'programme' }, folder: '/tmp' },
    ]) {
      expect(await call('documents.export', input)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    }
    expect(await call('documents.markConsents', { programmeId: switching, personId: p.personId, organisationId: p.hostId, status: 'lost' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await call('documents.export', { programmeId: wisselstage, set: 'programme', scope: { kind: 'programme' }, folder: dir })).toMatchObject({ ok: false, error: { code: 'not_found', message: expect.stringContaining('no placements yet') } });
  });
});

describe('CLI', () => {
  async function cli(args: string[]) {
    let stdout = '';
    let stderr = '';
    const code = await runCli(['--db', path.join(dir, 'meeloop.db'), ...args], { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env: {}, now: fixedClock(NOW) });
    return { code, stdout, stderr, json: () => JSON.parse(stdout) as Record<string, unknown> };
  }

  it.each([
    ['programme-pdf', 'programma - '],
    ['consent-pdf', 'toestemmingsformulieren - '],
    ['certificate-pdf', 'attest - '],
    ['host-pdf', 'overzichten gastorganisatie - '],
  ])('export %s --json prints the files it wrote, one per person', async (command, prefix) => {
    const out = newFolder(`cli-${command}`);
    const r = await cli(['export', command, '--programme', String(switching), '--out', out, '--json']);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    const json = r.json() as { ok: boolean; folder: string; files: { file: string; name: string }[]; documents: number };
    expect(json.ok).toBe(true);
    expect(json.folder).toBe(out);
    const expectedFiles = command === 'host-pdf' ? st.hosts.length : new Set(st.participants.map((p) => p.personId)).size;
    expect(json.files).toHaveLength(expectedFiles);
    expect(fs.readdirSync(out).sort()).toEqual(json.files.map((f) => f.name).sort());
    for (const f of json.files) {
      expect(f.name.startsWith(prefix), f.name).toBe(true);
      expect(pdfInfo(f.file).pages).toBeGreaterThan(0);
    }
  });

  it('export programme-pdf --person EMAIL writes that participant’s programme; host-pdf --person takes a mentor', async () => {
    const p = st.participants[4]!;
    const out = newFolder('cli-person');
    const r = await cli(['export', 'programme-pdf', '--programme', String(switching), '--out', out, '--person', p.email!.toUpperCase(), '--json']);
    expect(r.code, r.stdout).toBe(0);
    const files = r.json().files as { file: string }[];
    expect(files).toHaveLength(1);
    expect(textOf(files[0]!.file)).toContain(p.name);

    const mentor = await ctx.db.selectFrom('people').select('email').where('first_name', '=', p.mentorName!.split(' ')[0]!).where('organisation_id', '=', p.hostId).executeTakeFirstOrThrow();
    const host = await cli(['export', 'host-pdf', '--programme', String(switching), '--out', out, '--person', mentor.email!, '--mode', 'combined', '--json']);
    expect(host.code, host.stdout).toBe(0);
    const hostFiles = host.json().files as { file: string; name: string }[];
    expect(hostFiles).toHaveLength(1);
    expect(textOf(hostFiles[0]!.file)).toContain(`Bezoekers bij ${p.hostName}`);

    const text = await cli(['export', 'consent-pdf', '--programme', String(switching), '--out', out, '--person', p.email!, '--mode', 'per-document']);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/Wrote 3 document\(s\) in 3 file\(s\)/);
  });

  it.each([
    [['export', 'programme-pdf', '--out', '/tmp'], /--programme/],
    [['export', 'programme-pdf', '--programme', '1'], /--out/],
    [['export', 'consent-pdf', '--programme', 'abc', '--out', '/tmp'], /number of a programme/],
    [['export', 'programme-pdf', '--programme', '1', '--out', '/tmp', '--mode', 'zip'], /--mode must be/],
    [['export', 'programme-pdf', '--programme', '9999', '--out', '/tmp/meeloop-never'], /no programme with number 9999/],
    [['export', 'programme-pdf', '--programme', 'WISSEL', '--out', '/tmp/meeloop-never'], /no placements yet/],
    [['export', 'programme-pdf', '--programme', 'SWITCHING', '--out', '/tmp/meeloop-never', '--person', 'niemand@nergens.example'], /Nobody has the e-mail address niemand@nergens.example/],
    [['export', 'programme-pdf', '--programme', 'SWITCHING', '--out', 'FILE'], /is a file, not a folder/],
  ])('refuses %j with a clear message, exit code 1 and one JSON object', async (args, message) => {
    const file = path.join(dir, 'cli-not-a-folder.txt');
    fs.writeFileSync(file, 'x');
    const resolved = args.map((a) => (a === 'WISSEL' ? String(wisselstage) : a === 'SWITCHING' ? String(switching) : a === 'FILE' ? file : a));
    const r = await cli([...resolved, '--json']);
    expect(r.code).toBe(1);
    const out = r.json() as { ok: boolean; error: { code: string; message: string } };
    expect(out.ok).toBe(false);
    expect(out.error.message).toMatch(message);
    expect(fs.existsSync('/tmp/meeloop-never')).toBe(false);
  });
});
