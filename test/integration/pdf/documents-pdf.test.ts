import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isAppError } from '../../../src-shared/errors';
import { copyTemplatesForEditing, createDocumentRenderer, exportDocuments, shippedTemplatesDir, type DocumentJob } from '../../../src-main/io/pdf';
import { certificateInput, consentInput, hostOverviewInput, programmeInput } from './document-fixtures';
import { inkIn, inkInMargin, pdfFonts, pdfInfo, pdfText, renderPages } from './poppler';

const root = mkdtempSync(path.join(os.tmpdir(), 'meeloop-pdf-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let counter = 0;
const renderer = createDocumentRenderer({ templateDirs: [shippedTemplatesDir()] });

async function write(jobs: DocumentJob | DocumentJob[], r = renderer): Promise<string> {
  const file = path.join(root, `doc-${++counter}.pdf`);
  await r.renderToFile(jobs, file);
  return file;
}

/** pdftotext breaks lines where the layout does; compare with single spaces. */
const flat = (text: string) => text.replace(/\s+/g, ' ');

/** Page size, embedded fonts and per-document page numbers: what every document must get right. */
function expectPrintable(file: string, pageWord: string, pages?: number): void {
  const info = pdfInfo(file);
  expect(Math.round(info.width)).toBe(595);
  expect(Math.round(info.height)).toBe(842);
  if (pages !== undefined) expect(info.pages).toBe(pages);
  const fonts = pdfFonts(file);
  expect(fonts.length).toBeGreaterThan(0);
  for (const f of fonts) {
    expect(f.embedded, `${f.name} embedded`).toBe(true);
    expect(f.name).toMatch(/DejaVuSans/);
  }
  for (let p = 1; p <= info.pages; p++) expect(flat(pdfText(file, p))).toContain(pageWord.replace('{page}', String(p)).replace('{pages}', String(info.pages)));
}

const PAGE_OF = { nl: 'Pagina {page} van {pages}', fr: 'Page {page} sur {pages}', en: 'Page {page} of {pages}' } as const;

/** What each document must say in each language: its title and wording with é ë ç ’ €. */
const EXPECTED = {
  programme: {
    nl: ['Jouw programma bij Crèche Les Câlins', 'Praktische afspraken', 'eigen werkgever', '(€ 0)', 'Bel dan zelf', 'beroepsgeheim', 'Totaal: 14 uur', 'Observatiepunten'],
    fr: ['Ton programme chez Crèche Les Câlins', 'Accords pratiques', 'propre employeur', '(0 €)', 'Appelle toi-même', 'secret professionnel', 'Total : 14 h', 'Points d’observation'],
    en: ['Your programme at Crèche Les Câlins', 'Practical agreements', 'own employer', '(€ 0)', 'Call your mentor', 'professional secrecy', 'Total: 14 hours', 'Observation points'],
  },
  'host-overview': {
    nl: ['Bezoekers bij Crèche Les Câlins', 'Mentor: François Lefèvre', 'Noël Çelik', 'Leervragen'],
    fr: ['Visiteurs chez Crèche Les Câlins', 'Mentor : François Lefèvre', 'Noël Çelik', 'Questions d’apprentissage'],
    en: ['Visitors at Crèche Les Câlins', 'Mentor: François Lefèvre', 'Noël Çelik', 'Learning questions'],
  },
  'client-consent': {
    nl: ['Toestemming van de cliënt', 'Welkom', 'Liever niet', 'Kookactiviteit', 'Handtekening'],
    fr: ['Consentement du bénéficiaire', 'Bienvenu', 'Plutôt pas', 'Kookactiviteit', 'Signature'],
    en: ['Client consent', 'Welcome', 'Rather not', 'Kookactiviteit', 'Signature'],
  },
  'confidentiality-pledge': {
    nl: ['Verklaring beroepsgeheim', 'artikel 458 van het Strafwetboek', 'decreet Integrale Jeugdhulp', 'collega’s'],
    fr: ['Déclaration de secret professionnel', 'article 458 du Code pénal', 'decreet Integrale Jeugdhulp', 'Je m’engage'],
    en: ['Confidentiality pledge', 'article 458 of the Belgian Criminal Code', 'decreet Integrale Jeugdhulp', 'clients’ personal data'],
  },
  'data-sharing': {
    nl: ['Welke gegevens delen we?', 'naam, telefoonnummer en e-mailadres', 'François Lefèvre', 'zoe.dhondt@kinderopvang.example'],
    fr: ['Quelles données partageons-nous ?', 'nom, numéro de téléphone et adresse e-mail', 'François Lefèvre', 'zoe.dhondt@kinderopvang.example'],
    en: ['Which data do we share?', 'name, phone number and e-mail address', 'François Lefèvre', 'zoe.dhondt@kinderopvang.example'],
  },
  certificate: {
    nl: ['Deelnameattest', 'Aantal gepresteerde uren: 14,5 uur', 'Kinderdagverblijf ’t Kriebelnest'],
    fr: ['Attestation de participation', 'Nombre d’heures prestées : 14,5 h', 'Kinderdagverblijf ’t Kriebelnest'],
    en: ['Certificate of participation', 'Hours done: 14.5 hours', 'Kinderdagverblijf ’t Kriebelnest'],
  },
} as const;

function job(kind: keyof typeof EXPECTED, lang: 'nl' | 'fr' | 'en'): DocumentJob {
  switch (kind) {
    case 'programme':
      return { kind, data: programmeInput(lang) };
    case 'host-overview':
      return { kind, data: hostOverviewInput(lang) };
    case 'certificate':
      return { kind, data: certificateInput(lang) };
    default:
      return { kind, data: consentInput(lang) };
  }
}

describe.each(['nl', 'fr', 'en'] as const)('documents in %s', (lang) => {
  it.each(Object.keys(EXPECTED) as (keyof typeof EXPECTED)[])('%s reads back with its wording, accents, A4 size, embedded fonts and page numbers', async (kind) => {
    const file = await write(job(kind, lang));
    const text = flat(pdfText(file));
    for (const expected of EXPECTED[kind][lang]) expect(text).toContain(expected);
    expect(text).toContain('Switching Talent – édition 2026');
    expect(text).toMatch(/[é].*[ë]|[ë].*[é]/);
    expectPrintable(file, PAGE_OF[lang]);

    const pages = renderPages(file, mkdtempSync(path.join(root, 'png-')));
    expect(pages).toHaveLength(pdfInfo(file).pages);
    for (const page of pages) {
      expect(inkIn(page, { left: 0.1, top: 0.07, right: 0.9, bottom: 0.9 }), 'page has content').toBeGreaterThan(200);
      expect(inkInMargin(page, 30), 'nothing in the outer 30 pt').toBe(0);
    }
  });
});

describe('long content', () => {
  it('very long learning questions flow onto more pages instead of being cut, and stay inside the margins', async () => {
    const questions = Array.from({ length: 120 }, (_, i) => `Vraag ${i + 1}: hoe betrekken jullie ouders, vrijwilligers en buren bij het dagelijkse leven in de voorziening, en wat leert het team daaruit over participatie?`);
    questions.push(`Eén-heel-lang-woord-zonder-spaties-${'x'.repeat(400)}-einde`);
    const file = await write({ kind: 'programme', data: programmeInput('nl', { participant: { ...programmeInput('nl').participant!, learningQuestions: questions.join('\n') } }) });
    const { pages } = pdfInfo(file);
    expect(pages).toBeGreaterThanOrEqual(5);
    const text = flat(pdfText(file));
    for (const n of [1, 60, 120]) expect(text).toContain(`Vraag ${n}:`);
    expect(text).toContain('Praktische afspraken');
    expect(text).toContain('Observatiepunten');
    expectPrintable(file, PAGE_OF.nl, pages);
    for (const page of renderPages(file, mkdtempSync(path.join(root, 'png-')))) {
      expect(inkIn(page, { left: 0.1, top: 0.07, right: 0.9, bottom: 0.9 })).toBeGreaterThan(200);
      expect(inkInMargin(page, 30)).toBe(0);
    }
  });

  it('a long schedule keeps each row whole and repeats the header on the next page', async () => {
    const blocks = Array.from({ length: 70 }, (_, i) => ({
      date: `2026-03-${String((i % 28) + 1).padStart(2, '0')}`,
      startTime: '09:00',
      endTime: '12:00',
      activity: i % 7 === 0 ? 'Meedraaien in de leefgroep, teamoverleg en een gesprek met de verantwoordelijke over de wenperiode' : 'Meedraaien',
    }));
    const file = await write({ kind: 'programme', data: programmeInput('en', { blocks }) });
    const { pages } = pdfInfo(file);
    expect(pages).toBeGreaterThanOrEqual(3);
    expect(flat(pdfText(file))).toContain('Total: 210 hours');
    let headers = 0;
    for (let p = 1; p <= pages; p++) if (/Date\s+Time\s+Activity\s+Hours/.test(execFileSync('pdftotext', ['-layout', '-f', String(p), '-l', String(p), file, '-'], { encoding: 'utf8' }))) headers++;
    expect(headers).toBeGreaterThanOrEqual(2);
    for (const page of renderPages(file, mkdtempSync(path.join(root, 'png-')))) expect(inkInMargin(page, 30)).toBe(0);
  });
});

describe('bulk export', () => {
  const people = ['Zoë D’Hondt', '../../etc/passwd', 'CON', 'Zoë D’Hondt', '.verborgen'];
  const jobs: DocumentJob[] = people.map((name, i) => ({
    kind: 'programme',
    data: { ...programmeInput((['nl', 'fr', 'en'] as const)[i % 3]), participant: { ...programmeInput().participant!, name, language: (['nl', 'fr', 'en'] as const)[i % 3] } },
  }));

  it('writes one file per person inside the folder, with safe unique names and progress', async () => {
    const folder = mkdtempSync(path.join(root, 'each-'));
    const progress: number[] = [];
    const result = await exportDocuments(renderer, jobs, { folder, mode: 'per-document', onProgress: (p) => progress.push(p.done) });
    expect(progress).toEqual([1, 2, 3, 4, 5]);
    expect(readdirSync(folder).sort()).toEqual(['programma - Zoë D’Hondt (2).pdf', 'programma - Zoë D’Hondt.pdf', 'programme - _CON.pdf', 'programme - etc-passwd.pdf', 'programme - verborgen.pdf']);
    for (const f of result.files) expect(path.dirname(f)).toBe(await import('node:fs/promises').then((fs) => fs.realpath(folder)));
    expect(readdirSync(root)).not.toContain('passwd');
  });

  it('writes one print-ready file where every document has its own page numbers', async () => {
    const folder = mkdtempSync(path.join(root, 'one-'));
    const result = await exportDocuments(renderer, jobs.slice(0, 3), { folder, mode: 'combined', combinedFileName: 'alle programma’s.pdf' });
    expect(result.files).toHaveLength(1);
    const file = result.files[0]!;
    const { pages } = pdfInfo(file);
    expect(pages).toBe(6);
    expect(flat(pdfText(file, 1))).toContain('Pagina 1 van 2');
    expect(flat(pdfText(file, 3))).toContain('Page 1 sur 2');
    expect(flat(pdfText(file, 6))).toContain('Page 2 of 2');
  });

  it('all forms for one host go into one file in the host’s and participant’s languages', async () => {
    const forms: DocumentJob[] = (['client-consent', 'confidentiality-pledge', 'data-sharing'] as const).map((kind) => ({ kind, data: consentInput('nl', 'fr') }));
    const file = await write(forms);
    expect(flat(pdfText(file))).toMatch(/Consentement du bénéficiaire[\s\S]*Verklaring beroepsgeheim[\s\S]*Welke gegevens delen we\?/);
    expectPrintable(file, '{page}', 3);
  });

  it('stops between documents when cancelled and leaves no half-written file', async () => {
    const folder = mkdtempSync(path.join(root, 'stop-'));
    const controller = new AbortController();
    const run = exportDocuments(renderer, jobs, { folder, mode: 'per-document', signal: controller.signal, onProgress: (p) => p.done === 2 && controller.abort() });
    await expect(run).rejects.toThrow();
    expect(readdirSync(folder)).toHaveLength(2);
    const combined = mkdtempSync(path.join(root, 'stop-one-'));
    const again = new AbortController();
    await expect(exportDocuments(renderer, jobs, { folder: combined, mode: 'combined', signal: again.signal, onProgress: () => again.abort() })).rejects.toThrow();
    expect(readdirSync(combined)).toEqual([]);
  });

  it('refuses bad data before writing any file', async () => {
    const folder = mkdtempSync(path.join(root, 'bad-'));
    const bad: DocumentJob = { kind: 'programme', data: { ...programmeInput(), issuedOn: '23/11/2026' } };
    await expect(exportDocuments(renderer, [jobs[0]!, bad], { folder, mode: 'per-document' })).rejects.toThrow(/issuedOn/);
    expect(readdirSync(folder)).toEqual([]);
  });
});

describe('templates and logo', () => {
  it('a coordinator’s copy of a template wins over the shipped one, file by file', async () => {
    const userDir = path.join(root, 'user-templates');
    mkdirSync(path.join(userDir, 'nl'), { recursive: true });
    const own = JSON.parse(execFileSync('cat', [path.join(shippedTemplatesDir(), 'nl', 'programme.json')], { encoding: 'utf8' })) as Record<string, unknown>;
    own.subtitle = 'Eigen tekst van de coördinator voor {participant.name}';
    writeFileSync(path.join(userDir, 'nl', 'programme.json'), JSON.stringify(own));
    const r = createDocumentRenderer({ templateDirs: [userDir, shippedTemplatesDir()] });
    const text = flat(pdfText(await write({ kind: 'programme', data: programmeInput('nl') }, r)));
    expect(text).toContain('Eigen tekst van de coördinator voor Zoë D’Hondt');
    expect(text).toContain('Pagina 1 van 2'); // common.json still from the app
  });

  it('copies the shipped templates for editing without overwriting the coordinator’s edits', () => {
    const userDir = path.join(root, 'copy-templates');
    mkdirSync(path.join(userDir, 'nl'), { recursive: true });
    writeFileSync(path.join(userDir, 'nl', 'certificate.json'), '{"mine": true}');
    const copied = copyTemplatesForEditing(shippedTemplatesDir(), userDir);
    expect(copied).toHaveLength(20);
    expect(execFileSync('cat', [path.join(userDir, 'nl', 'certificate.json')], { encoding: 'utf8' })).toBe('{"mine": true}');
    expect(copyTemplatesForEditing(shippedTemplatesDir(), userDir)).toEqual([]);
  });

  it('a broken template is reported with its file and what to fix', async () => {
    const userDir = path.join(root, 'broken-templates');
    mkdirSync(path.join(userDir, 'fr'), { recursive: true });
    writeFileSync(path.join(userDir, 'fr', 'certificate.json'), '{ "title": "Attestation", }');
    const r = createDocumentRenderer({ templateDirs: [userDir, shippedTemplatesDir()] });
    const error = await r.renderToBuffer({ kind: 'certificate', data: certificateInput('fr') }).catch((e: unknown) => e);
    expect(isAppError(error) && error.code).toBe('file_rejected');
    expect(String((error as Error).message)).toMatch(/fr[/\\]certificate\.json is not valid JSON/);
  });

  it('prints the organisation logo and refuses a file that is not PNG or JPEG', async () => {
    const source = await write({ kind: 'certificate', data: certificateInput('nl') });
    execFileSync('pdftoppm', ['-png', '-r', '20', '-f', '1', '-l', '1', '-singlefile', source, path.join(root, 'logo')]);
    const r = createDocumentRenderer({ templateDirs: [shippedTemplatesDir()], logoPath: path.join(root, 'logo.png') });
    const file = await write({ kind: 'certificate', data: certificateInput('nl') }, r);
    expect(execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' }).split('\n').filter((l) => /^\s+1\s/.test(l))).toHaveLength(1);
    const page = renderPages(file, mkdtempSync(path.join(root, 'png-')))[0]!;
    expect(inkIn(page, { left: 0.75, top: 0.07, right: 0.9, bottom: 0.13 })).toBeGreaterThan(0);
    expect(inkInMargin(page, 30)).toBe(0);

    writeFileSync(path.join(root, 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    expect(() => createDocumentRenderer({ templateDirs: [shippedTemplatesDir()], logoPath: path.join(root, 'logo.svg') })).toThrow(/not a PNG or JPEG/);
  });
});
