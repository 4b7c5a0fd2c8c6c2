import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestHost } from '../../src-main/testhost/test-host';
import { loadDemo } from '../../src-main/services/demo.service';
import * as documents from '../../src-main/services/documents.service';
import * as matching from '../../src-main/services/matching.service';
import * as planner from '../../src-main/services/planner.service';
import { listProgrammes } from '../../src-main/services/programme.service';
import type { TestContext } from '../helpers/context';
import { screenshot, type E2eBrowser } from '../helpers/e2e-browser';
import { openE2eSession, type E2eSeed, type E2eSession } from '../helpers/e2e-session';
import { pdfText } from '../integration/pdf/poppler';
import { AppShell } from './pages/AppShell';
import { DocumentsPage } from './pages/DocumentsPage';

/*
 * The Documents screen in Debian's Chromium, against the real services over the loopback test host:
 * the demo is loaded and Switching Talent matched and planned through the services; the coordinator
 * previews a participant's programme, exports it and all consent forms of the participant's host
 * into a folder (the folder dialog answers with a temporary folder), and marks a consent returned.
 */

let session: E2eSession | undefined;
let tmp: string;
let out: string;
let ctx: TestContext;
let host: TestHost;
let browser: E2eBrowser;
let programmeId: number;
let programmeName: string;
let hostErrors: string[];
const asked: string[] = [];
/** What the stand-in folder dialog answers. */
let folderAnswer = '';

/** The database the window opens on. */
async function seed({ tmp, ctx }: E2eSeed): Promise<void> {
  out = path.join(tmp, 'exports');
  fs.mkdirSync(out);
  folderAnswer = out;
  await loadDemo(ctx);
  const switching = (await listProgrammes(ctx)).find((p) => p.kind === 'jobshadowing')!;
  programmeId = switching.id;
  programmeName = switching.name;
  const scenario = await matching.runScenario(ctx, { programmeId, roundId: null, mode: 'optimal' });
  await matching.publishScenario(ctx, scenario.id);
  await planner.plan(ctx, { programmeId, apply: true });
}

beforeAll(async () => {
  session = await openE2eSession({
    name: 'documents',
    chooseFolder: async (purpose) => (asked.push(purpose), folderAnswer),
    seed,
    // Progress events reach the page over the host's event stream, as webContents.send does in the app.
    emit: true,
  });
  ({ tmp, ctx, host, browser, hostErrors } = session);
});

afterAll(() => session?.close());

const flat = (text: string) => text.replace(/\s+/g, ' ');

describe('the Documents screen', () => {
  it('previews and exports a participant’s programme, exports a host’s consent forms and marks a consent returned', async () => {
    const { page } = browser;
    const shell = new AppShell(page);
    const docs = new DocumentsPage(page);
    const overview = await documents.documentsOverview(ctx, programmeId);
    const participant = overview.participants.find((p) => overview.participants.filter((x) => x.hostId === p.hostId).length >= 2) ?? overview.participants[0]!;
    const atHost = overview.participants.filter((p) => p.hostId === participant.hostId);

    await shell.open(host.entryUrl);
    await shell.go('Documenten');
    await shell.heading().getByText('Documenten').waitFor();
    await docs.chooseProgramme(programmeName);
    await docs.participantsTable.getByRole('button', { name: overview.participants[0]!.name, exact: true }).first().waitFor();

    // Preview of the participant's programme: the first page as the PDF prints it.
    await docs.selectParticipant(participant.name);
    await docs.waitForPreview(`Jouw programma bij ${participant.hostName}`);
    await docs.preview.getByText(participant.name, { exact: true }).first().waitFor();
    await docs.preview.getByRole('heading', { name: 'Jouw leervragen' }).waitFor();
    await docs.waitForExportCount(1);
    await docs.preview.scrollIntoViewIfNeeded();
    await screenshot(page, 'documents-01-preview');

    // Export it into the folder the (stand-in) folder dialog answers.
    await docs.export();
    expect(await docs.writtenFiles()).toEqual([`programma - ${participant.name}.pdf`]);
    await docs.waitForProgress(1, 1);
    await shell.status.getByText(`1 bestand geschreven in ${out}.`).waitFor();
    const programmeFile = path.join(out, `programma - ${participant.name}.pdf`);
    expect(fs.existsSync(programmeFile)).toBe(true);
    expect(flat(pdfText(programmeFile))).toContain(participant.name);
    expect(asked).toEqual(['documents']);

    // All consent forms for the participant's host: one file per participant at that host.
    await docs.selectHost(participant.hostName);
    await docs.chooseDocument('Toestemmingsformulieren (3 per bezoek)');
    await docs.waitForPreview('Toestemming van de cliënt');
    await docs.waitForExportCount(3 * atHost.length);
    await docs.chooseFiles('Eén PDF per persoon');
    await docs.export();
    const files = await docs.writtenFiles();
    expect(files.sort()).toEqual(atHost.map((p) => `toestemmingsformulieren - ${p.name}.pdf`).sort());
    // The bar, moved by the main process's progress events, reached the last document.
    await docs.waitForProgress(3 * atHost.length, 3 * atHost.length);
    for (const p of atHost) {
      const text = flat(pdfText(path.join(out, `toestemmingsformulieren - ${p.name}.pdf`)));
      expect(text).toContain(p.name);
      expect(text).toContain('Verklaring beroepsgeheim');
    }
    await shell.status.getByText(`${3 * atHost.length} toestemmingsformulieren staan nu op verstuurd.`).waitFor();
    await screenshot(page, 'documents-02-consents-exported');

    // The forms are sent; one participant brings them back signed.
    await docs.selectParticipant(participant.name);
    const consents = docs.consentPanel(participant.name);
    await consents.getByLabel('Toestemming cliënt').and(page.locator('select')).waitFor();
    expect(await consents.getByLabel('Toestemming cliënt').inputValue()).toBe('sent');
    await docs.markAllReturned(participant.name);
    await shell.status.getByText(`De formulieren van ${participant.name} staan op terug ontvangen.`).waitFor();
    await docs.participantRow(participant.name).getByText('3 van 3 terug').waitFor();
    expect(await consents.getByLabel('Beroepsgeheim').inputValue()).toBe('returned');
    const after = await documents.documentsOverview(ctx, programmeId);
    expect(after.participants.find((p) => p.placementId === participant.placementId)!.consents.map((c) => c.status)).toEqual(['returned', 'returned', 'returned']);
    for (const p of atHost.filter((x) => x.placementId !== participant.placementId)) {
      expect(after.participants.find((x) => x.placementId === p.placementId)!.consents.map((c) => c.status)).toEqual(['sent', 'sent', 'sent']);
    }
    await screenshot(page, 'documents-03-consent-returned');

    expect(browser.problems).toEqual([]);
    expect(hostErrors).toEqual([]);
  }, 180_000);

  it('stops a long export: the files written so far stay whole, the rest is not written', async () => {
    const { page } = browser;
    const shell = new AppShell(page);
    const docs = new DocumentsPage(page);
    const overview = await documents.documentsOverview(ctx, programmeId);
    const total = 3 * overview.participants.length;
    folderAnswer = path.join(tmp, 'stopped');
    fs.mkdirSync(folderAnswer);

    await shell.open(host.entryUrl);
    await shell.go('Documenten');
    await docs.chooseProgramme(programmeName);
    await docs.participantsTable.getByRole('button', { name: overview.participants[0]!.name, exact: true }).first().waitFor();
    await docs.chooseDocument('Toestemmingsformulieren (3 per bezoek)');
    await docs.panel.getByRole('radio', { name: 'Het hele programma', exact: true }).check();
    await docs.chooseFiles('Eén PDF per document');
    await docs.waitForExportCount(total);

    await docs.export();
    await docs.stop();
    await shell.status.getByText(/^Export gestopt\. \d+ volledige? bestand(en)? (is|zijn) geschreven/).waitFor();
    const files = await docs.writtenFiles();
    expect(files.length).toBeLessThan(total);
    // Exactly the files the screen lists are in the folder: no half-written one, nothing after the stop.
    expect(fs.readdirSync(folderAnswer).sort()).toEqual([...files].sort());
    for (const f of files) expect(flat(pdfText(path.join(folderAnswer, f))).length).toBeGreaterThan(100);
    // The bar stays where the export stopped (one document per file here), short of the end.
    await docs.waitForProgress(files.length, total);
    expect(await docs.panel.getByRole('button', { name: 'Stoppen', exact: true }).count()).toBe(0);
    await screenshot(page, 'documents-04-export-stopped');
    // A stopped export marks no form as sent: every form keeps the status it had.
    const statuses = (o: typeof overview) => o.participants.map((p) => p.consents.map((c) => c.status));
    expect(statuses(await documents.documentsOverview(ctx, programmeId))).toEqual(statuses(overview));

    expect(browser.problems).toEqual([]);
    expect(hostErrors).toEqual([]);
  }, 120_000);
});
