import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestHost } from '../../src-main/testhost/test-host';
import * as organisations from '../../src-main/services/organisation.service';
import * as people from '../../src-main/services/person.service';
import type { TestContext } from '../helpers/context';
import { demoOrganisationNames, demoPeople, type E2eDemo } from '../helpers/e2e-demo';
import { screenshot, type E2eBrowser } from '../helpers/e2e-browser';
import { openE2eSession, type E2eSession } from '../helpers/e2e-session';
import { AppShell } from './pages/AppShell';
import { OrganisationsPage } from './pages/OrganisationsPage';
import { PeoplePage } from './pages/PeoplePage';
import { SettingsPage } from './pages/SettingsPage';

/*
 * The real renderer in Debian's Chromium, against the real services over the loopback test host.
 * The tests run in order on one database: the first one opens the demo the others look at.
 */

let session: E2eSession | undefined;
let demo: E2eDemo;
let ctx: TestContext;
let host: TestHost;
let browser: E2eBrowser;
let hostErrors: string[];

beforeAll(async () => {
  session = await openE2eSession({ name: 'foundation', withDemoResources: true });
  ({ ctx, host, browser, hostErrors } = session);
  demo = session.demo!;
});

afterAll(() => session?.close());

describe('the Meeloop window', () => {
  it('opens the demo and shows, sorts, searches and edits its organisations and people', async () => {
    const { page } = browser;
    const shell = new AppShell(page);
    await shell.open(host.entryUrl);

    await shell.firstStart.waitFor();
    await screenshot(page, '01-first-start');
    await shell.chooseDemo();
    await shell.status.getByText(/De demo is geladen/).waitFor();
    const firstProgramme = demo.programmes[0]?.programme.name ?? '';
    await page.getByRole('heading', { name: firstProgramme, level: 3 }).waitFor();
    await screenshot(page, '02-dashboard');

    // Organisations: the demo's names, as many as the service holds.
    const orgs = new OrganisationsPage(page);
    await shell.go('Organisaties');
    const names = demoOrganisationNames(demo);
    const all = await organisations.listOrganisations(ctx);
    expect(all.length).toBe(names.length);
    await orgs.waitForCount(orgs.countText(names.length));
    for (const name of names.slice(0, 5)) await orgs.row(name).waitFor();
    expect(await orgs.rows().count()).toBe(names.length);
    await screenshot(page, '03-organisations');

    // Sorting: names are unique, so a second click on "Naam" reverses the order exactly.
    const ascending = await orgs.firstColumn();
    await orgs.sortBy('Naam');
    await page.getByRole('columnheader', { name: 'Naam' }).and(page.locator('[aria-sort="descending"]')).waitFor();
    expect(await orgs.firstColumn()).toEqual([...ascending].reverse());
    await orgs.sortBy('Naam');

    // Search is done by the service; the window shows what it answers.
    const target = names[Math.floor(names.length / 2)] ?? names[0] ?? '';
    const expected = await organisations.listOrganisations(ctx, target);
    if (names.length > 1) expect(expected.length).toBeLessThan(names.length);
    await orgs.searchFor(target);
    await orgs.waitForCount(orgs.countText(expected.length));
    await orgs.row(target).waitFor();

    // The selected organisation with its contact persons and places.
    await orgs.select(target);
    const targetOrg = expected.find((o) => o.name === target);
    if (!targetOrg) throw new Error(`search for "${target}" did not return it`);
    const contacts = await organisations.listContacts(ctx, targetOrg.id);
    for (const c of contacts) await orgs.panel.getByText(c.name).first().waitFor();

    // Editing persists: the service sees the change, and so does a reloaded window.
    await orgs.edit({ municipality: 'Teststad E2E' });
    await shell.status.getByText(`"${target}" is opgeslagen.`).waitFor();
    expect((await organisations.getOrganisation(ctx, targetOrg.id)).municipality).toBe('Teststad E2E');
    await page.reload();
    await orgs.searchFor(target);
    await orgs.select(target);
    await orgs.panel.getByText('Teststad E2E').waitFor();
    await screenshot(page, '04-organisation-edited');

    // People: the demo's people, a search that narrows, and the mentor filter.
    const ppl = new PeoplePage(page);
    await shell.go('Mensen');
    const everyone = demoPeople(demo);
    expect((await people.listPeople(ctx, { role: 'all' })).length).toBe(everyone.length);
    await ppl.waitForCount(ppl.countText(everyone.length));
    for (const p of everyone.slice(0, 5)) await ppl.row(p.name).first().waitFor();
    await screenshot(page, '05-people');

    const person = everyone[Math.floor(everyone.length / 2)] ?? everyone[0];
    if (!person) throw new Error('the demo has no people');
    const found = await people.listPeople(ctx, { role: 'all', search: person.email });
    expect(found.length).toBeLessThan(everyone.length);
    await ppl.searchFor(person.email);
    await ppl.waitForCount(ppl.countText(found.length));
    await ppl.row(person.name).first().waitFor();

    await ppl.searchFor('');
    await ppl.filterRole('Mentoren');
    const mentors = await people.listPeople(ctx, { role: 'mentor' });
    await ppl.waitForCount(ppl.countText(mentors.length));
    expect(await ppl.rows().count()).toBe(Math.max(mentors.length, 1));

    expect(browser.problems).toEqual([]);
    expect(hostErrors).toEqual([]);
  }, 120_000);

  it('shows the service message when a save is refused', async () => {
    const { page } = browser;
    const shell = new AppShell(page);
    const orgs = new OrganisationsPage(page);
    await shell.go('Organisaties');
    const existing = demoOrganisationNames(demo)[0] ?? '';
    await page.getByRole('button', { name: 'Nieuwe organisatie' }).click();
    const form = page.getByRole('form', { name: 'Nieuwe organisatie' });
    await form.getByLabel('Naam').fill(existing.toUpperCase());
    await form.getByRole('button', { name: 'Opslaan' }).click();
    await form.getByRole('alert').getByText('already exists').waitFor();

    // Client-side validation speaks Dutch and blocks the call.
    await form.getByLabel('Naam').fill('');
    await form.getByLabel('Postcode').fill('nope');
    await form.getByRole('button', { name: 'Opslaan' }).click();
    await form.getByText('Vul dit veld in.').waitFor();
    await form.getByText('Gebruik een Belgische (1000) of Nederlandse (1234 AB) postcode.').waitFor();
    await screenshot(page, '06-refused-save');
    await form.getByRole('button', { name: 'Annuleren' }).click();
    expect((await organisations.listOrganisations(ctx)).length).toBe(demoOrganisationNames(demo).length);
    await orgs.waitForCount(orgs.countText(demoOrganisationNames(demo).length));
  }, 60_000);

  it('creates, edits and deletes a person with learning questions', async () => {
    const { page } = browser;
    const shell = new AppShell(page);
    const ppl = new PeoplePage(page);
    await shell.go('Mensen');
    await ppl.filterRole('Iedereen');
    const organisation = demoOrganisationNames(demo)[1] ?? demoOrganisationNames(demo)[0] ?? '';

    await page.getByRole('button', { name: 'Nieuwe persoon' }).click();
    await ppl.fillForm('Nieuwe persoon', { firstName: 'Testa', lastName: 'Doorloop', email: 'Testa.Doorloop@E2E.example', organisation, learningQuestions: 'Hoe verloopt een teamoverleg?\nHoe betrek ik ouders?' });
    await shell.status.getByText('Testa Doorloop is opgeslagen.').waitFor();
    const [created] = await people.listPeople(ctx, { role: 'all', search: 'testa.doorloop@e2e.example' });
    expect(created?.organisationName).toBe(organisation);
    expect(created?.learningQuestions).toBe('Hoe verloopt een teamoverleg?\nHoe betrek ik ouders?');
    expect(created?.isParticipant).toBe(true);

    await ppl.panel.getByRole('button', { name: 'Bewerken' }).click();
    await ppl.fillForm('Persoon bewerken', { learningQuestions: 'Hoe werkt een intake?' });
    await ppl.panel.getByText('Hoe werkt een intake?').waitFor();
    expect((await people.getPerson(ctx, created?.id ?? 0)).learningQuestions).toBe('Hoe werkt een intake?');

    await ppl.panel.getByRole('button', { name: 'Verwijderen' }).click();
    await ppl.panel.getByRole('group').getByRole('button', { name: 'Verwijderen' }).click();
    await shell.status.getByText('Testa Doorloop is verwijderd.').waitFor();
    expect(await people.listPeople(ctx, { role: 'all', search: 'testa.doorloop@e2e.example' })).toEqual([]);
  }, 60_000);

  it('switches the navigation to French in Settings and remembers it', async () => {
    const { page } = browser;
    const shell = new AppShell(page);
    const settings = new SettingsPage(page);
    await shell.go('Instellingen');
    await settings.dbPath().getByText(ctx.dbPath).waitFor();

    await settings.chooseLanguage('Français');
    await shell.nav.getByRole('link', { name: 'Paramètres' }).waitFor();
    expect(await shell.navLabels()).toEqual(['Tableau de bord', 'Organisations', 'Personnes', 'Importer', 'Appariement', 'Planning', 'Documents', 'Paramètres']);
    expect(await page.getAttribute('html', 'lang')).toBe('fr');
    await screenshot(page, '07-settings-fr');

    await page.reload();
    await shell.nav.getByRole('link', { name: 'Tableau de bord' }).waitFor();

    await settings.chooseLanguage('Nederlands');
    await shell.nav.getByRole('link', { name: 'Instellingen' }).waitFor();
    expect(await shell.navLabels()).toEqual(['Dashboard', 'Organisaties', 'Mensen', 'Import', 'Matching', 'Planner', 'Documenten', 'Instellingen']);
  }, 60_000);

  it('makes a backup from Settings and restores it, keeping the state before the restore', async () => {
    const { page } = browser;
    const shell = new AppShell(page);
    await shell.go('Instellingen');
    await page.getByRole('button', { name: 'Nu een reservekopie maken' }).click();
    await shell.status.getByText(/Reservekopie gemaakt/).waitFor();
    const table = page.getByRole('table', { name: 'Reservekopieën' });
    await table.getByText('zelf gemaakt').first().waitFor();

    // A change after the backup disappears when the backup is restored.
    const made = await organisations.createOrganisation(ctx, { name: 'Na de reservekopie', sector: null, network: null, address: null, postcode: null, municipality: null, languages: ['nl'], website: null, role: 'both', preconditionNotes: '', maxHoursPerDay: null });
    const manual = table.getByRole('row').filter({ hasText: 'zelf gemaakt' }).first();
    await manual.getByRole('button', { name: 'Terugzetten' }).click();
    await manual.getByRole('group').getByRole('button', { name: 'Terugzetten' }).click();
    await shell.status.getByText(/De reservekopie is teruggezet/).waitFor();
    await expect(organisations.getOrganisation(ctx, made.id)).rejects.toMatchObject({ code: 'not_found' });
    await table.getByText('voor terugzetten').first().waitFor();
    await screenshot(page, '08-backups');
  }, 60_000);
});
