import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestHost } from '../../src-main/testhost/test-host';
import * as imports from '../../src-main/services/import.service';
import { createOrganisation } from '../../src-main/services/organisation.service';
import * as people from '../../src-main/services/person.service';
import { createPlace } from '../../src-main/services/place.service';
import { createProgramme, summariseProgramme } from '../../src-main/services/programme.service';
import { OrganisationInputSchema } from '../../src-shared/schemas/organisation.schema';
import { PlaceInputSchema } from '../../src-shared/schemas/place.schema';
import { ProgrammeInputSchema } from '../../src-shared/schemas/programme.schema';
import type { TestContext } from '../helpers/context';
import { screenshot, type E2eBrowser } from '../helpers/e2e-browser';
import { openE2eSession, type E2eSeed, type E2eSession } from '../helpers/e2e-session';
import { AppShell } from './pages/AppShell';
import { ImportPage } from './pages/ImportPage';
import { SettingsPage } from './pages/SettingsPage';

/*
 * The import wizard in Debian's Chromium against the real services: a messy partner sheet in, the
 * sheet picked, a mapping fixed, an unresolved choice resolved, committed, checked in the database
 * through the services, and undone from the history.
 */

const HOSTS = ['De Vlinder vzw', 'Huis van het Kind Anderlecht', 'CAW Brussel', 'Maison Médicale Les Marolles asbl', 'OCMW Gent'];
const PROGRAMME = 'Kijkstages najaar 2026';
const OTHER_PROGRAMME = 'KIEK voorjaar 2027';
const FILE_NAME = 'inschrijvingen-partners.xlsx';
const HEADERS = ['Tijdstempel', 'Prénom', 'Familienaam', 'Courriel', 'GSM-nummer', 'Werkgever', 'Eerste keuze', '2e choix', 'Derde keuze', 'Wat doe je?'];
const TYPO = 'Huis van het Kindt Anderlect';

/**
 * A sheet as partners send it: two sheets with the same headers (the coordinator must pick), title
 * rows and a merged title above the header row, Dutch and French headers, a broken e-mail address,
 * the same person twice, a choice with a typo that does not resolve, and a column no synonym knows.
 */
async function messyWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const at = (day: number, hour: number) => new Date(Date.UTC(2026, 10, day, hour, 0, 0));
  const ws = wb.addWorksheet('Najaar 2026');
  ws.addRow(['Kijkstages "Bij een ander" – inschrijvingen najaar 2026']);
  ws.mergeCells('A1:J1');
  ws.addRow(['Export van 20/11/2026, niet doorsturen']);
  ws.addRow([]);
  ws.addRow(HEADERS);
  ws.addRow([at(3, 9), 'An', 'Peeters', 'An.Peeters@Example.be ', '0475 12 34 56', 'CAW Brussel', 'de vlinder', 'Huis van het Kind  Anderlecht', '', 'Maatschappelijk werker']); // row 5
  ws.addRow([at(3, 10), 'Bram', 'Janssens', 'bram@example', '0486 11 22 33', 'OCMW Gent', 'CAW Brussel', '', '', 'Begeleider']); // row 6: bad e-mail
  ws.addRow([at(4, 8), 'Chloé', 'Dubois', 'chloe@example.be', '+32 486 11 22 33', 'OCMW Gent', TYPO, 'DE VLINDER VZW', '', 'Opvoeder']); // row 7: typo
  ws.addRow([at(5, 14), 'An', 'Peeters', 'an.peeters@example.be', '0499/12.34.56', 'CAW Brussel', 'OCMW Gent', 'de vlinder', 'CAW Brussel', 'Teamcoach']); // row 8: An again, later
  ws.getColumn(1).numFmt = 'dd/mm/yyyy hh:mm';
  const old = wb.addWorksheet('Voorjaar 2026');
  old.addRow(HEADERS);
  old.addRow([at(1, 9), 'Oud', 'Voorjaar', 'oud@example.be', '', 'CAW Brussel', 'OCMW Gent', '', '', '']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

let session: E2eSession | undefined;
let ctx: TestContext;
let host: TestHost;
let browser: E2eBrowser;
let programmeId: number;
const hostId = new Map<string, number>();
let hostErrors: string[];

/** The database the window opens on. */
async function seed({ ctx }: E2eSeed): Promise<void> {
  await createProgramme(ctx, ProgrammeInputSchema.parse({ name: OTHER_PROGRAMME, kind: 'exchange_round' }));
  programmeId = (await createProgramme(ctx, ProgrammeInputSchema.parse({ name: PROGRAMME, kind: 'kijkstage' }))).id;
  for (const name of HOSTS) {
    const o = await createOrganisation(ctx, OrganisationInputSchema.parse({ name, postcode: '1000' }));
    hostId.set(name, o.id);
    await createPlace(ctx, PlaceInputSchema.parse({ programmeId, organisationId: o.id, team: 'Onthaal', capacity: 2 }));
  }
}

beforeAll(async () => {
  session = await openE2eSession({
    name: 'import',
    seed,
    // The rows read reach the page over the host's event stream, as webContents.send does in the app.
    emit: true,
  });
  ({ ctx, host, browser, hostErrors } = session);
});

afterAll(() => session?.close());

async function choicesOf(email: string): Promise<(string | null)[]> {
  const rows = await ctx.db
    .selectFrom('application_choices as c')
    .innerJoin('applications as a', 'a.id', 'c.application_id')
    .innerJoin('people as p', 'p.id', 'a.participant_id')
    .leftJoin('organisations as o', 'o.id', 'c.organisation_id')
    .select(['c.rank', 'o.name'])
    .where('p.email', '=', email)
    .where('a.programme_id', '=', programmeId)
    .orderBy('c.rank')
    .execute();
  return rows.map((r) => r.name);
}

describe('the import wizard', () => {
  it('imports a messy sheet: picks the sheet, fixes a mapping and a choice, commits, and undoes from the history', async () => {
    const { page } = browser;
    const shell = new AppShell(page);
    const wizard = new ImportPage(page);
    await shell.open(host.entryUrl);
    await shell.go('Import');
    await page.getByRole('heading', { name: 'Importeren', level: 1 }).waitFor();
    await wizard.history.getByText('Nog geen imports in dit programma.').waitFor();

    await wizard.chooseProgramme(PROGRAMME);
    await wizard.chooseKind('Deelnemers met hun keuzes');
    const before = await summariseProgramme(ctx, programmeId);
    await wizard.chooseFile(FILE_NAME, await messyWorkbook());

    // Two sheets hold the same headers: the wizard asks, and nothing can be imported before the answer.
    await page.getByText('Meerdere werkbladen lijken de lijst te bevatten.', { exact: false }).waitFor();
    expect(await wizard.commitButton().isDisabled()).toBe(true);
    await wizard.chooseSheet('Najaar 2026');
    await wizard.mapping.getByText('Lijst gevonden op werkblad “Najaar 2026”, kolomkoppen op rij 4.').waitFor();

    // Dutch and French headers are recognised; the unknown question column is not imported until mapped.
    expect(await wizard.fieldSelect('B', 'Prénom').inputValue()).toBe('firstName');
    expect(await wizard.fieldSelect('D', 'Courriel').inputValue()).toBe('email');
    expect(await wizard.fieldSelect('H', '2e choix').inputValue()).toBe('choice2');
    expect(await wizard.fieldSelect('J', 'Wat doe je?').inputValue()).toBe('');
    await wizard.mapping.scrollIntoViewIfNeeded();
    await screenshot(page, 'import-01-mapping');
    // Leaving out a required column blocks the import and says which field to map.
    await wizard.mapColumn('D', 'Courriel', '— niet importeren —');
    await wizard.mapping.getByRole('alert').getByText('Koppel nog een kolom aan: E-mailadres.', { exact: false }).waitFor();
    expect(await wizard.commitButton().isDisabled()).toBe(true);
    await wizard.mapColumn('D', 'Courriel', 'E-mailadres');
    await wizard.mapping.getByRole('alert').waitFor({ state: 'detached' });
    await wizard.mapColumn('J', 'Wat doe je?', 'Functie');
    await wizard.mapping.getByRole('row', { name: /Wat doe je\?/ }).getByText('door u gekozen').waitFor();
    expect(await wizard.fieldSelect('J', 'Wat doe je?').inputValue()).toBe('functionTitle');

    // The preview: counts, every rejected cell with its row as the sheet shows it, the duplicate.
    await expect.poll(() => wizard.summaryValue('rows').innerText()).toBe('4');
    expect(await wizard.summaryValue('created').innerText()).toBe('2');
    expect(await wizard.summaryValue('duplicates').innerText()).toBe('1');
    const rejected = await wizard.rejectedRows();
    expect(rejected.length).toBeGreaterThan(0);
    expect(rejected.every((r) => r[0] === '6')).toBe(true);
    expect(rejected[0]?.[1]).toBe('D · Courriel');
    // The reason in the window's language (Dutch), not the service's English.
    expect(rejected[0]?.[2]).toBe('“bram@example” is geen e-mailadres. Schrijf één adres, zoals naam@organisatie.be.');
    expect(await wizard.summaryValue('rejected').innerText()).toBe(String(new Set(rejected.map((r) => r[0])).size));
    await wizard.preview.getByText(/an\.peeters@example\.be: rij 8 wordt gebruikt \(de laatst ingediende\), rij 5 niet/).waitFor();

    // The typo does not resolve; the nearest host is offered first and picked.
    const candidates = await wizard.choiceCandidates(TYPO);
    expect(candidates[1]).toMatch(/^Huis van het Kind Anderlecht \(/);
    await wizard.choicesTable.getByRole('row', { name: new RegExp(TYPO) }).getByText('7').waitFor();
    await wizard.pickCandidate(TYPO, 'Huis van het Kind Anderlecht');
    await expect.poll(() => wizard.choiceSelect(TYPO).inputValue()).toBe(String(hostId.get('Huis van het Kind Anderlecht')));
    await wizard.preview.getByText(/keuze\(s\) zonder gastorganisatie/).waitFor({ state: 'detached' });
    await wizard.preview.scrollIntoViewIfNeeded();
    await screenshot(page, 'import-02-preview');

    // Nothing was written by the preview.
    expect(await imports.listImports(ctx, programmeId)).toEqual([]);
    expect(await summariseProgramme(ctx, programmeId)).toEqual(before);

    await wizard.commitButton().click();
    await shell.status.getByText(`${FILE_NAME} is geïmporteerd: 2 nieuw`).waitFor();

    // The database, through the services: the later sign-up of An won, Bram was refused, the pick holds.
    const an = (await people.listPeople(ctx, { role: 'all', search: 'an.peeters@example.be' }))[0];
    expect(an).toMatchObject({ firstName: 'An', lastName: 'Peeters', functionTitle: 'Teamcoach', phone: '+32499123456', organisationName: 'CAW Brussel' });
    const chloe = (await people.listPeople(ctx, { role: 'all', search: 'chloe@example.be' }))[0];
    expect(chloe).toMatchObject({ functionTitle: 'Opvoeder', phone: '+32486112233' });
    expect(await people.listPeople(ctx, { role: 'all', search: 'bram' })).toEqual([]);
    expect(await people.listPeople(ctx, { role: 'all', search: 'oud@example.be' })).toEqual([]);
    expect(await choicesOf('chloe@example.be')).toEqual(['Huis van het Kind Anderlecht', 'De Vlinder vzw']);
    expect(await choicesOf('an.peeters@example.be')).toEqual(['OCMW Gent', 'De Vlinder vzw', 'CAW Brussel']);
    const [record] = await imports.listImports(ctx, programmeId);
    expect(record).toMatchObject({ fileName: FILE_NAME, kind: 'participants', undoneAt: null, summary: { created: 2, duplicates: 1 } });
    const after = await summariseProgramme(ctx, programmeId);
    expect(after.participants).toBe(before.participants + 2);

    // The history shows the import; undo asks first, then puts everything back.
    const row = wizard.historyRow(FILE_NAME);
    await row.getByText('2 nieuw, 0 bijgewerkt').waitFor();
    await wizard.history.scrollIntoViewIfNeeded();
    await screenshot(page, 'import-03-history');
    await row.getByRole('button', { name: 'Ongedaan maken', exact: true }).click();
    await row.getByRole('group', { name: /ongedaan maken\?/ }).getByRole('button', { name: 'Annuleren' }).click();
    expect((await imports.listImports(ctx, programmeId))[0]?.undoneAt).toBeNull();
    await wizard.undo(FILE_NAME);
    await shell.status.getByText(`De import van ${FILE_NAME} is ongedaan gemaakt.`).waitFor();
    await row.getByText(/ongedaan gemaakt op/).waitFor();
    expect((await imports.listImports(ctx, programmeId))[0]?.undoneAt).not.toBeNull();
    expect(await people.listPeople(ctx, { role: 'all', search: 'an.peeters@example.be' })).toEqual([]);
    expect(await summariseProgramme(ctx, programmeId)).toEqual(before);
    await screenshot(page, 'import-04-undone');

    expect(browser.problems).toEqual([]);
    expect(hostErrors).toEqual([]);
  }, 180_000);

  it('says in place, in Dutch, why a file is refused, and writes nothing', async () => {
    const { page } = browser;
    const wizard = new ImportPage(page);
    const before = await summariseProgramme(ctx, programmeId);
    await wizard.chooseFile('leeg.xlsx', Buffer.alloc(0));
    const refusal = page.getByRole('alert').filter({ hasText: 'Dit bestand kan niet worden ingelezen' });
    // The reason comes in the UI language with what to do, not as the service's English message.
    await refusal.getByText('Het bestand is leeg. Open het in Excel', { exact: false }).waitFor();
    // A CSV renamed to .xlsx gets its own advice.
    await wizard.chooseFile('lijst.xlsx', Buffer.from('Voornaam;E-mail\nAn;an@example.be\n', 'utf8'));
    await refusal.getByText('Dit is een CSV-tekstbestand met een naam op .xlsx.', { exact: false }).waitFor();
    await screenshot(page, 'import-05-refused');
    expect(await summariseProgramme(ctx, programmeId)).toEqual(before);
    expect((await imports.listImports(ctx, programmeId)).length).toBe(1);
  }, 60_000);

  it('shows the rows read while the main process parses a large file, up to the last row', async () => {
    const { page } = browser;
    const wizard = new ImportPage(page);
    const before = await summariseProgramme(ctx, programmeId);
    // 3,000 sign-ups: large enough for several progress events (one per 500 rows), small enough to stay quick.
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Inschrijvingen');
    ws.addRow(['Voornaam', 'Familienaam', 'E-mailadres', 'Eerste keuze']);
    for (let i = 0; i < 3000; i++) ws.addRow([`Voornaam${i}`, `Naam ${i}`, `deelnemer${i}@voorbeeld.be`, HOSTS[i % HOSTS.length]]);
    const seen: { done: number; total: number | null }[] = [];
    await page.exposeFunction('recordProgress', (e: { done: number; total: number | null }) => void seen.push(e));
    // Listens through the page's own bridge (window.api.on), as lib/api.ts does.
    await page.evaluate(() => {
      const page = globalThis as unknown as { api: { on: (event: string, cb: (p: unknown) => void) => void }; recordProgress: (p: unknown) => void };
      page.api.on('task.progress', (p) => page.recordProgress(p));
    });

    await wizard.chooseFile('groot-bestand.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
    // Header and 3,000 rows, against the 3,001 rows the sheet declares: the bar ends full.
    await wizard.waitForRowsRead(3001);
    await expect.poll(() => wizard.summaryValue('rows').innerText()).toBe('3000');
    // The page heard every 500 rows (thinned to a few events) before the end.
    await expect.poll(() => seen.at(-1)).toEqual({ task: 'import-read', runId: expect.any(String), done: 3001, total: 3001 });
    expect(seen[0]).toMatchObject({ done: 500, total: 3001 });
    await page.getByRole('region', { name: '1. Bestand kiezen' }).scrollIntoViewIfNeeded();
    await screenshot(page, 'import-05b-rows-read');
    expect(await summariseProgramme(ctx, programmeId)).toEqual(before);
    expect(browser.problems).toEqual([]);
    expect(hostErrors).toEqual([]);
  }, 60_000);

  it('speaks French when the coordinator chose French, history included', async () => {
    const { page } = browser;
    const shell = new AppShell(page);
    await shell.go('Instellingen');
    await new SettingsPage(page).chooseLanguage('Français');
    await shell.go('Importer');
    await page.getByRole('heading', { name: 'Importer', level: 1 }).waitFor();
    await page.getByRole('radio', { name: 'Participants et leurs choix' }).waitFor();
    await page.getByLabel('Fichier (.xlsx ou .csv)').waitFor();
    const history = page.getByRole('region', { name: 'Imports précédents dans ce programme' });
    await history.getByRole('row').filter({ hasText: FILE_NAME }).getByText(/^annulé le /).waitFor();
    await screenshot(page, 'import-06-french');
    await shell.go('Paramètres');
    await new SettingsPage(page).chooseLanguage('Nederlands');
    await shell.nav.getByRole('link', { name: 'Instellingen' }).waitFor();
    expect(browser.problems).toEqual([]);
  }, 60_000);
});
