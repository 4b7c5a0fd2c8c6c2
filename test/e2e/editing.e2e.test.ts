import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestHost } from '../../src-main/testhost/test-host';
import * as organisations from '../../src-main/services/organisation.service';
import * as people from '../../src-main/services/person.service';
import * as places from '../../src-main/services/place.service';
import * as programmes from '../../src-main/services/programme.service';
import type { Organisation } from '../../src-shared/schemas/organisation.schema';
import type { Person } from '../../src-shared/schemas/person.schema';
import type { Programme } from '../../src-shared/schemas/programme.schema';
import type { TestContext } from '../helpers/context';
import { screenshot, type E2eBrowser } from '../helpers/e2e-browser';
import { openE2eSession, type E2eSeed, type E2eSession } from '../helpers/e2e-session';
import { AppShell } from './pages/AppShell';
import { OrganisationDetails } from './pages/OrganisationDetails';
import { OrganisationsPage } from './pages/OrganisationsPage';
import { ProgrammeEditor } from './pages/ProgrammeEditor';

/*
 * Editing what the foundation test only shows: contact persons and places of an organisation, and
 * programmes. The real renderer in Debian's Chromium against the real services; every change the
 * window reports is checked again through the services. The tests run in order on one database.
 */

let session: E2eSession | undefined;
let ctx: TestContext;
let host: TestHost;
let browser: E2eBrowser;
let hostErrors: string[];

let kijkstage: Programme;
let host1: Organisation;
let ownMentor: Person;
let otherMentor: Person;

const blankOrganisation = { sector: null, network: null, address: null, postcode: null, municipality: null, languages: ['nl' as const], website: null, role: 'both' as const, preconditionNotes: '', maxHoursPerDay: null };
const blankPerson = { phone: null, language: 'nl' as const, functionTitle: null, network: null, isParticipant: false, isMentor: true, learningQuestions: '', availability: [], mentorCapacity: 2, notes: '' };

/** The database the window opens on. */
async function seed({ ctx }: E2eSeed): Promise<void> {
  // A programme in the database means no first-start dialog: the window opens on the dashboard.
  kijkstage = await programmes.createProgramme(ctx, {
    name: 'Kijkstages Bij een ander 2027',
    kind: 'kijkstage',
    languages: ['nl', 'fr'],
    requiredHours: null,
    maxChoices: 3,
    minPlacesPerHost: null,
    maxPlacementsPerParticipant: 1,
    retentionMonths: null,
    description: '',
    earlyBirdOpens: null,
    earlyBirdCloses: null,
    registrationOpens: null,
    registrationCloses: null,
    exchangeStarts: null,
    exchangeEnds: null,
    themeId: null,
  });
  host1 = await organisations.createOrganisation(ctx, { ...blankOrganisation, name: 'Buurtwerk De Linde', municipality: 'Anderlecht', role: 'hosts' });
  const other = await organisations.createOrganisation(ctx, { ...blankOrganisation, name: 'Woonzorg Het Anker', municipality: 'Schaarbeek' });
  ownMentor = await people.createPerson(ctx, { ...blankPerson, firstName: 'Nadia', lastName: 'Claes', email: 'nadia.claes@delinde.example', organisationId: host1.id });
  otherMentor = await people.createPerson(ctx, { ...blankPerson, firstName: 'Pieter', lastName: 'Wouters', email: 'pieter.wouters@anker.example', organisationId: other.id });
}

beforeAll(async () => {
  session = await openE2eSession({ name: 'editing', seed });
  ({ ctx, host, browser, hostErrors } = session);
});

afterAll(() => session?.close());

async function openOrganisation(name: string): Promise<OrganisationDetails> {
  const { page } = browser;
  const shell = new AppShell(page);
  const orgs = new OrganisationsPage(page);
  await shell.go('Organisaties');
  await orgs.waitForCount(orgs.countText(2));
  await orgs.select(name);
  return new OrganisationDetails(page);
}

describe('editing in the Meeloop window', () => {
  it('adds a contact person after the service refused a wrong phone number, and removes it again', async () => {
    const { page } = browser;
    const shell = new AppShell(page);
    await shell.open(host.entryUrl);
    await page.getByRole('heading', { name: kijkstage.name, level: 3 }).waitFor();

    const details = await openOrganisation(host1.name);
    await details.panel.getByText('Geen contactpersonen.').waitFor();
    const form = await details.openContactForm();
    await details.fillContact({ name: 'Samira El Amrani', role: 'contactpersoon gastorganisatie', email: 'Samira.ElAmrani@DeLinde.example', phone: '12' });
    await details.save(form);

    // The schema lets any short text through as a phone number; the service checks it and names the field.
    await form.getByRole('alert').getByText('"12" is not a valid phone number').waitFor();
    await form.locator('#contact-phone-error').getByText('is not a valid phone number').waitFor();
    expect(await organisations.listContacts(ctx, host1.id)).toEqual([]);

    await details.fillContact({ phone: '0475 12 34 56' });
    await details.save(form);
    await shell.status.getByText('Samira El Amrani is toegevoegd als contactpersoon.').waitFor();
    await form.waitFor({ state: 'detached' });
    await details.contact('Samira El Amrani').getByText('samira.elamrani@delinde.example · +32475123456').waitFor();
    const [contact, ...more] = await organisations.listContacts(ctx, host1.id);
    expect(more).toEqual([]);
    expect(contact).toMatchObject({ name: 'Samira El Amrani', role: 'host_contact', email: 'samira.elamrani@delinde.example', phone: '+32475123456', language: 'nl' });
    await screenshot(page, 'editing-01-contact-added');

    // Change the contact: a wrong number is refused in place, a right one stored in international form.
    const edit = await details.openContactEdit('Samira El Amrani');
    await details.fillContact({ phone: '0499/12.34' }, 'Samira El Amrani');
    await edit.getByRole('button', { name: 'Opslaan' }).click();
    await edit.locator('#contact-phone-error').waitFor();
    await details.fillContact({ role: 'projectverantwoordelijke', phone: '0499/12.34.56' }, 'Samira El Amrani');
    await edit.getByRole('button', { name: 'Opslaan' }).click();
    await shell.status.getByText('De gegevens van Samira El Amrani zijn bewaard.').waitFor();
    await details.contact('Samira El Amrani').getByText('samira.elamrani@delinde.example · +32499123456').waitFor();
    expect(await organisations.listContacts(ctx, host1.id)).toEqual([{ ...contact, role: 'project_lead', phone: '+32499123456' }]);

    await details.deleteRow(details.contact('Samira El Amrani'));
    await shell.status.getByText('Samira El Amrani is geen contactpersoon meer.').waitFor();
    await details.panel.getByText('Geen contactpersonen.').waitFor();
    expect(await organisations.listContacts(ctx, host1.id)).toEqual([]);
  }, 90_000);

  it('adds a place after refusing an invalid capacity, then changes and withdraws it', async () => {
    const { page } = browser;
    const shell = new AppShell(page);
    const details = new OrganisationDetails(page);
    await details.panel.getByText('Deze organisatie biedt geen plaatsen aan.').waitFor();

    const form = await details.openNewPlace();
    // Only mentors of this organisation can guide its places.
    expect(await details.mentorOptions('Nieuwe plaats')).toEqual(['(geen mentor)', 'Nadia Claes']);
    expect(await details.mentorOptions('Nieuwe plaats')).not.toContain(`${otherMentor.firstName} ${otherMentor.lastName}`);

    await details.fillPlace('Nieuwe plaats', { programme: kijkstage.name, team: 'Onthaalteam', format: 'Een aantal uren', capacity: '0', mentor: 'Nadia Claes', addLanguages: ['Frans'], description: 'Meelopen met het onthaal en een intakegesprek.' });
    await details.save(form);
    await form.getByText('Vul een geheel aantal plaatsen in, van 1 tot 1000.').waitFor();
    await form.getByText('Deze plaats wordt in uren aangeboden: vul het aantal uren in.').waitFor();
    expect(await form.getByLabel('Aantal plaatsen', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    await screenshot(page, 'editing-02-place-refused');
    expect(await places.listPlaces(ctx, { organisationId: host1.id })).toEqual([]);

    await details.fillPlace('Nieuwe plaats', { hours: '6', capacity: '2' });
    await details.save(form);
    await shell.status.getByText('De plaats "Onthaalteam" is opgeslagen.').waitFor();
    await form.waitFor({ state: 'detached' });
    await details.place('Onthaalteam').getByText(`· 6 uur · 2 plaats(en) · ${kijkstage.name} · mentor: Nadia Claes`).waitFor();
    const [created, ...more] = await places.listPlaces(ctx, { organisationId: host1.id });
    expect(more).toEqual([]);
    expect(created).toMatchObject({ programmeId: kijkstage.id, team: 'Onthaalteam', format: 'hours', hours: 6, capacity: 2, languages: ['nl', 'fr'], mentorId: ownMentor.id, description: 'Meelopen met het onthaal en een intakegesprek.' });

    // Changing the format to a whole day drops the hours; the programme of a place stays as it is.
    const edit = await details.openPlace('Onthaalteam');
    expect(await edit.getByLabel('Programma', { exact: true }).inputValue()).toBe(kijkstage.name);
    await details.fillPlace('Plaats wijzigen', { team: 'Onthaal en intake', format: 'Hele dag', capacity: '3' });
    expect(await edit.getByLabel('Aantal uren', { exact: true }).count()).toBe(0);
    await details.save(edit);
    await shell.status.getByText('De plaats "Onthaal en intake" is opgeslagen.').waitFor();
    await edit.waitFor({ state: 'detached' });
    await details.place('Onthaal en intake').getByText(/· dag · 3 plaats\(en\)/).waitFor();
    expect(await places.listPlaces(ctx, { organisationId: host1.id })).toEqual([
      expect.objectContaining({ id: created?.id, team: 'Onthaal en intake', format: 'day', hours: null, capacity: 3, mentorId: ownMentor.id, programmeId: kijkstage.id }),
    ]);
    await screenshot(page, 'editing-03-place-changed');

    await details.deleteRow(details.place('Onthaal en intake'));
    await shell.status.getByText('De plaats "Onthaal en intake" is verwijderd.').waitFor();
    await details.panel.getByText('Deze organisatie biedt geen plaatsen aan.').waitFor();
    expect(await places.listPlaces(ctx, { organisationId: host1.id })).toEqual([]);
  }, 90_000);

  it('creates a programme, changes its hours and deletes it from the dashboard', async () => {
    const { page } = browser;
    const shell = new AppShell(page);
    const editor = new ProgrammeEditor(page);
    const name = 'Switching Talent 2027';
    await shell.go('Dashboard');
    await editor.card(kijkstage.name).waitFor();

    const dialog = await editor.openNew();
    await editor.fill(dialog, {
      name,
      kind: 'Jobshadowing',
      maxChoices: '2',
      minPlacesPerHost: '5',
      retentionMonths: '24',
      addLanguages: ['Frans'],
      earlyBirdOpens: '2027-01-10',
      earlyBirdCloses: '2027-01-05',
      registrationOpens: '2027-01-17',
      registrationCloses: '2027-02-07',
      exchangeStarts: '2027-02-15',
      exchangeEnds: '2027-09-30',
    });
    await editor.save(dialog);
    // The windows rule of the schema, shown on the date that closes too early.
    await dialog.locator('#pe-early-closes-error').getByText('Deze datum ligt vóór de begindatum. Kies dezelfde dag of later.').waitFor();
    await screenshot(page, 'editing-04-programme-refused');
    expect((await programmes.listProgrammes(ctx)).map((p) => p.name)).toEqual([kijkstage.name]);

    await editor.fill(dialog, { earlyBirdCloses: '2027-01-16' });
    await editor.save(dialog);
    await shell.status.getByText(`Programma "${name}" aangemaakt.`).waitFor();
    await dialog.waitFor({ state: 'detached' });
    await editor.card(name).getByText('Jobshadowing · 14 uur per deelnemer · max. 2 keuzes').waitFor();
    const created = (await programmes.listProgrammes(ctx)).find((p) => p.name === name);
    expect(created).toMatchObject({
      kind: 'jobshadowing',
      languages: ['nl', 'fr'],
      requiredHours: 14,
      maxChoices: 2,
      minPlacesPerHost: 5,
      maxPlacementsPerParticipant: 1,
      retentionMonths: 24,
      earlyBirdOpens: '2027-01-10',
      earlyBirdCloses: '2027-01-16',
      registrationOpens: '2027-01-17',
      registrationCloses: '2027-02-07',
      exchangeStarts: '2027-02-15',
      exchangeEnds: '2027-09-30',
    });
    if (!created) throw new Error('the programme was not created');

    const edit = await editor.openEdit(name);
    expect(await editor.field(edit, 'Uren per deelnemer').inputValue()).toBe('14');
    await editor.fill(edit, { hours: '21', maxChoices: '11' });
    await editor.save(edit);
    await edit.getByText('Vul een geheel getal in van 1 tot 10.').waitFor();
    expect((await programmes.getProgramme(ctx, created.id)).requiredHours).toBe(14);
    await editor.fill(edit, { maxChoices: '2' });
    await editor.save(edit);
    await shell.status.getByText(`Programma "${name}" is opgeslagen.`).waitFor();
    await edit.waitFor({ state: 'detached' });
    await editor.card(name).getByText('Jobshadowing · 21 uur per deelnemer · max. 2 keuzes').waitFor();
    const changed = await programmes.getProgramme(ctx, created.id);
    expect(changed).toMatchObject({ requiredHours: 21, kind: 'jobshadowing', maxChoices: 2, earlyBirdOpens: '2027-01-10', retentionMonths: 24 });
    await screenshot(page, 'editing-05-programme-changed');

    const again = await editor.openEdit(name);
    const question = await editor.delete(again);
    expect(question).toContain('0 plaatsen');
    await shell.status.getByText(`Programma "${name}" is verwijderd.`).waitFor();
    await again.waitFor({ state: 'detached' });
    await editor.card(name).waitFor({ state: 'detached' });
    expect((await programmes.listProgrammes(ctx)).map((p) => p.name)).toEqual([kijkstage.name]);
    await expect(programmes.getProgramme(ctx, created.id)).rejects.toMatchObject({ code: 'not_found' });

    expect(browser.problems).toEqual([]);
    expect(hostErrors).toEqual([]);
  }, 90_000);
});
