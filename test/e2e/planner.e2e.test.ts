import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestHost } from '../../src-main/testhost/test-host';
import { loadDemo } from '../../src-main/services/demo.service';
import * as matching from '../../src-main/services/matching.service';
import * as planner from '../../src-main/services/planner.service';
import { listProgrammes } from '../../src-main/services/programme.service';
import type { Block } from '../../src-shared/schemas/planner.schema';
import type { TestContext } from '../helpers/context';
import { screenshot, type E2eBrowser } from '../helpers/e2e-browser';
import { openE2eSession, type E2eSeed, type E2eSession } from '../helpers/e2e-session';
import { AppShell } from './pages/AppShell';
import { PlannerPage } from './pages/PlannerPage';

/*
 * The planner in Debian's Chromium against the real services, on the Switching Talent demo: the
 * optimal matching is published through the service, then the coordinator assigns the sessions,
 * plans and applies the shadow blocks, reads the hours ledger, moves a block and exports the
 * calendars, all through the window. The steps run in order on one database.
 */

const MIN_HOURS = 14;
/** Runs in the page (the test itself has no DOM types): puts an element at the top of the window for a screenshot. */
const SCROLL_TO_TOP = (el: { scrollIntoView: (options: { block: 'start' }) => void }): void => el.scrollIntoView({ block: 'start' });

let session: E2eSession | undefined;
let icsDir: string;
let ctx: TestContext;
let host: TestHost;
let browser: E2eBrowser;
let programmeId: number;
let programmeName: string;
let hostErrors: string[];

/** The database the window opens on. */
async function seed({ tmp, ctx }: E2eSeed): Promise<void> {
  icsDir = path.join(tmp, 'agenda');
  await loadDemo(ctx);
  const jobshadowing = (await listProgrammes(ctx)).find((p) => p.kind === 'jobshadowing');
  if (!jobshadowing) throw new Error('the demo has no jobshadowing programme');
  programmeId = jobshadowing.id;
  programmeName = jobshadowing.name;
  const scenario = await matching.runScenario(ctx, { programmeId, roundId: null, mode: 'optimal' });
  await matching.publishScenario(ctx, scenario.id);
}

beforeAll(async () => {
  session = await openE2eSession({
    name: 'planner',
    withDemoResources: true,
    // The folder dialog of the window, answered by the test.
    chooseFolder: async () => icsDir,
    seed,
  });
  ({ ctx, host, browser, hostErrors } = session);
}, 240_000);

afterAll(() => session?.close());

/** A weekday date `weeks` weeks after the block where neither its participant nor its mentor has another block, not on a holiday. */
function freeDateFor(block: Block, blocks: Block[], holidays: Set<string>, windowEnd: string): string {
  const people = new Set([block.participantId, ...(block.mentorId !== null ? [block.mentorId] : [])]);
  for (let weeks = 1; weeks < 30; weeks++) {
    const d = new Date(`${block.date}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() + 7 * weeks);
    const date = d.toISOString().slice(0, 10);
    if (date > windowEnd) break;
    if (holidays.has(date)) continue;
    const isBusy = blocks.some((o) => o.id !== block.id && o.date === date && (people.has(o.participantId) || (o.mentorId !== null && people.has(o.mentorId))));
    if (!isBusy) return date;
  }
  throw new Error(`no free date for block ${block.id}`);
}

describe('the planner window', () => {
  it('shows the time path with today and keeps an edited phase', async () => {
    const { page } = browser;
    const shell = new AppShell(page);
    await shell.open(host.entryUrl);
    await shell.go('Planner');
    const plan = new PlannerPage(page);
    await shell.heading().filter({ hasText: 'Planning' }).waitFor();
    await plan.chooseProgramme(programmeName);
    await plan.openTab('Tijdspad');

    const tp = await planner.getTimePath(ctx, programmeId);
    for (const p of tp.phases) await plan.phaseRow(p.labels.nl).waitFor();
    const current = tp.phases.filter((p) => tp.currentPhaseIds.includes(p.id));
    expect(current.length).toBeGreaterThan(0);
    for (const p of current) await plan.phaseRow(p.labels.nl).getByText('nu', { exact: true }).waitFor();
    await plan.panel.getByText(`Nu bezig: ${current.map((p) => p.labels.nl).join(', ')}.`).waitFor();
    await screenshot(page, 'planner-01-time-path');

    // The coordinator moves the debrief; the service keeps it, and going back to the template undoes it.
    const debrief = tp.phases.find((p) => p.key === 'debrief');
    if (!debrief) throw new Error('the jobshadowing time path has no debrief');
    await plan.editPhase(debrief.labels.nl, '2027-10-07', '2027-10-08');
    await shell.status.getByText(`De data van ${debrief.labels.nl} zijn opgeslagen.`).waitFor();
    expect((await planner.getTimePath(ctx, programmeId)).phases.find((p) => p.id === debrief.id)).toMatchObject({ starts: '2027-10-07', ends: '2027-10-08', isEdited: true });
    await plan.phaseRow(debrief.labels.nl).getByRole('cell', { name: 'aangepast' }).waitFor();
    await plan.panel.getByRole('button', { name: `${debrief.labels.nl}: terug naar de data van het sjabloon` }).click();
    await plan.phaseRow(debrief.labels.nl).getByRole('cell', { name: 'sjabloon' }).waitFor();
    expect((await planner.getTimePath(ctx, programmeId)).phases.find((p) => p.id === debrief.id)?.isEdited).toBe(false);

    // A closed period (school holidays are not in any offline source): refused with the end before
    // the start, saved, listed, shaded as a holiday for the planner, and deleted again.
    const closed = plan.panel.getByRole('region', { name: 'Gesloten periodes (bv. schoolvakanties)' });
    await closed.getByText('Nog geen gesloten periodes: de planning vermijdt alleen de feestdagen.').waitFor();
    await closed.getByRole('button', { name: 'Periode toevoegen' }).click();
    await closed.getByLabel('Naam', { exact: true }).fill('Krokusvakantie');
    await closed.getByLabel('Van', { exact: true }).fill('2027-02-15');
    await closed.getByLabel('Tot en met', { exact: true }).fill('2027-02-08');
    await closed.getByRole('button', { name: 'Opslaan', exact: true }).click();
    await closed.getByText('De einddatum ligt vóór de begindatum. Kies een latere einddatum.').waitFor();
    expect(await planner.listClosedPeriods(ctx, programmeId)).toEqual([]);
    await closed.getByLabel('Tot en met', { exact: true }).fill('2027-02-21');
    await closed.getByRole('button', { name: 'Opslaan', exact: true }).click();
    await shell.status.getByText(/^Krokusvakantie is toegevoegd: de planning plant geen blokken van /).waitFor();
    await closed.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Krokusvakantie' }) }).getByRole('cell', { name: '7', exact: true }).waitFor();
    expect(await planner.listClosedPeriods(ctx, programmeId)).toMatchObject([{ name: 'Krokusvakantie', starts: '2027-02-15', ends: '2027-02-21' }]);
    expect((await planner.getSchedule(ctx, programmeId)).holidays.filter((h) => h.name === 'Krokusvakantie').map((h) => h.date)).toHaveLength(7);
    await screenshot(page, 'planner-01b-closed-periods');
    await closed.getByRole('button', { name: 'Verwijderen', exact: true }).click();
    await closed.getByRole('group', { name: '"Krokusvakantie" verwijderen? Dit kan niet ongedaan worden.' }).getByRole('button', { name: 'Verwijderen', exact: true }).click();
    await shell.status.getByText('Krokusvakantie is verwijderd: die dagen kunnen weer gepland worden.').waitFor();
    await closed.getByText('Nog geen gesloten periodes: de planning vermijdt alleen de feestdagen.').waitFor();
    expect(await planner.listClosedPeriods(ctx, programmeId)).toEqual([]);
  });

  it('assigns everyone to the group sessions and records attendance', async () => {
    const { page } = browser;
    const shell = new AppShell(page);
    const plan = new PlannerPage(page);
    await plan.openTab('Groepssessies');
    const before = await planner.listSessions(ctx, programmeId);
    for (const s of before.sessions) await plan.sessionsTable.getByRole('button', { name: s.title, exact: true }).waitFor();

    await plan.assignEveryone();
    await shell.status.getByText(/nieuwe indeling\(en\)/).waitFor();
    const after = await planner.listSessions(ctx, programmeId);
    const assigned = after.sessions.reduce((n, s) => n + s.attendees.length, 0);
    expect(assigned).toBeGreaterThan(0);
    await plan.panel.getByRole('heading', { name: `Nog zonder sessie (${after.unassigned.length})` }).waitFor();
    await screenshot(page, 'planner-02-sessions');

    // Attendance of the first person in the first session with people in it.
    const session = after.sessions.find((s) => s.attendees.length > 0);
    const attendee = session?.attendees[0];
    if (!session || !attendee) throw new Error('nobody was assigned to a session');
    const aside = await plan.openSession(session.title);
    await aside.getByLabel(`Aanwezigheid van ${attendee.name}`).selectOption({ label: 'aanwezig' });
    await shell.status.getByText(`${attendee.name}: aanwezig.`).waitFor();
    const saved = (await planner.listSessions(ctx, programmeId)).sessions.find((s) => s.id === session.id);
    expect(saved?.attendees.find((a) => a.personId === attendee.personId)?.status).toBe('present');
    await screenshot(page, 'planner-03-attendance');

    // A new session: the form checks the times, the service stores it, edit and delete work.
    await plan.panel.getByRole('button', { name: 'Nieuwe sessie', exact: true }).click();
    const form = plan.panel.getByRole('form', { name: 'Nieuwe groepssessie' });
    await form.getByLabel('Titel').fill('Intervisie E2E');
    await form.getByLabel('Soort').selectOption({ label: 'intervisie' });
    await form.getByLabel('Datum').fill('2027-06-15');
    await form.getByLabel('Van', { exact: true }).fill('14:00');
    await form.getByLabel('Tot', { exact: true }).fill('13:00');
    await form.getByLabel('Doelgroep').selectOption({ label: 'mentoren' });
    await form.getByRole('button', { name: 'Opslaan', exact: true }).click();
    await form.getByText('Het einde moet na het begin liggen. Verbeter de uren.').waitFor();
    await form.getByLabel('Tot', { exact: true }).fill('16:00');
    await form.getByRole('button', { name: 'Opslaan', exact: true }).click();
    await shell.status.getByText('Sessie "Intervisie E2E" is opgeslagen.').waitFor();
    const created = (await planner.listSessions(ctx, programmeId)).sessions.find((x) => x.title === 'Intervisie E2E');
    expect(created).toMatchObject({ kind: 'intervision', date: '2027-06-15', startTime: '14:00', endTime: '16:00', audienceRoles: 'mentors', capacity: null });
    const createdPanel = page.getByRole('complementary', { name: 'Intervisie E2E' });
    await createdPanel.getByRole('button', { name: 'Bewerken', exact: true }).click();
    await createdPanel.getByLabel('Capaciteit').fill('12');
    await createdPanel.getByRole('button', { name: 'Opslaan', exact: true }).click();
    await createdPanel.getByText('12', { exact: true }).waitFor();
    expect((await planner.listSessions(ctx, programmeId)).sessions.find((x) => x.id === created!.id)?.capacity).toBe(12);
    await createdPanel.getByRole('button', { name: 'Verwijderen', exact: true }).click();
    await createdPanel.getByRole('group', { name: /verwijderen\?/ }).getByRole('button', { name: 'Verwijderen', exact: true }).click();
    await shell.status.getByText('Sessie "Intervisie E2E" is verwijderd.').waitFor();
    expect((await planner.listSessions(ctx, programmeId)).sessions.some((x) => x.id === created!.id)).toBe(false);
  });

  it('plans (a preview writes nothing), applies, and shows every jobshadower at 14 hours or more', async () => {
    const { page } = browser;
    const plan = new PlannerPage(page);
    await plan.openTab('Meeloopblokken');
    await plan.panel.getByText('Er zijn nog geen meeloopblokken.', { exact: false }).waitFor();

    const preview = await plan.planPreview();
    const placements = (await matching.listPlacements(ctx, programmeId)).filter((p) => p.status !== 'cancelled');
    expect(await plan.summaryValue(preview, 'koppelingen')).toBe(String(placements.length));
    expect((await planner.getSchedule(ctx, programmeId)).blocks).toHaveLength(0);
    await plan.panel.getByText(/gestreepte blokken zijn nog niet opgeslagen/).waitFor();
    await screenshot(page, 'planner-04-preview');

    const applied = await plan.apply();
    const schedule = await planner.getSchedule(ctx, programmeId);
    expect(schedule.blocks.length).toBeGreaterThan(0);
    expect(await plan.summaryValue(applied, 'nieuwe blokken')).toBe(String(schedule.blocks.length));
    expect(await plan.summaryValue(applied, 'volledig gepland')).toBe(String(placements.length));
    // The calendar opens on the first week with blocks and shows them as buttons.
    const first = [...schedule.blocks].sort((a, b) => (a.date + a.startTime < b.date + b.startTime ? -1 : 1))[0]!;
    await plan.calendarBlock(first.participantName).first().waitFor();
    await plan.panel.getByRole('heading', { name: /^Week van / }).evaluate(SCROLL_TO_TOP);
    await screenshot(page, 'planner-05-calendar-week');
    await plan.showMonth();
    const month = new Intl.DateTimeFormat('nl', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${first.date}T00:00:00Z`));
    await plan.panel.getByRole('heading', { name: month, exact: true }).evaluate(SCROLL_TO_TOP);
    await screenshot(page, 'planner-06-calendar-month');
    await plan.showWeek();

    // The ledger: every jobshadower at 14 hours or more, exactly as the service counts.
    await plan.openTab('Uren en conflicten');
    const ledger = await planner.getLedger(ctx, programmeId);
    expect(ledger.rows).toHaveLength(new Set(placements.map((p) => p.participantId)).size);
    await plan.panel.getByText(`${ledger.rows.length} deelnemers`, { exact: true }).waitFor();
    expect(await plan.ledgerTable.locator('tbody tr').count()).toBe(ledger.rows.length);
    const hours = (n: number) => new Intl.NumberFormat('nl', { maximumFractionDigits: 2 }).format(n);
    for (const r of ledger.rows) {
      expect(r.plannedHours + r.doneHours).toBeGreaterThanOrEqual(MIN_HOURS);
      const cells = await plan.ledgerRow(r.participantName);
      expect(cells.slice(0, 5)).toEqual([r.participantName, hours(r.requiredHours), hours(r.plannedHours), hours(r.doneHours), hours(r.missingHours)]);
      expect(Number(cells[2]!.replace(',', '.')) + Number(cells[3]!.replace(',', '.'))).toBeGreaterThanOrEqual(MIN_HOURS);
      expect(cells[6]).toBe('volledig');
    }
    await plan.panel.getByText('Geen conflicten in de planning.').waitFor();
    await screenshot(page, 'planner-07-ledger');
  });

  it('refuses to move a block onto a holiday with the reason, and moves it to a free day', async () => {
    const { page } = browser;
    const shell = new AppShell(page);
    const plan = new PlannerPage(page);
    await plan.openTab('Meeloopblokken');
    const schedule = await planner.getSchedule(ctx, programmeId);
    const block = [...schedule.blocks].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id - b.id))[0]!;
    await plan.goToDate(block.date);
    const aside = await plan.openBlock(block.participantName);
    // Several blocks of one person can share a week: the panel says which one opened.
    const openedDate = await aside.getByLabel('Nieuwe datum').inputValue();
    const opened = schedule.blocks.find((b) => b.participantId === block.participantId && b.date === openedDate);
    if (!opened) throw new Error(`no block of ${block.participantName} on ${openedDate}`);

    const windowHolidays = schedule.holidays.filter((h) => h.date >= (schedule.windowStart ?? '') && h.date <= (schedule.windowEnd ?? ''));
    const holiday = windowHolidays.find((h) => [1, 2, 3, 4, 5].includes(new Date(`${h.date}T00:00:00Z`).getUTCDay()));
    if (!holiday) throw new Error('no weekday holiday in the exchange window');
    await plan.moveBlock(aside, holiday.date);
    await plan.refusal(aside).getByText(new RegExp(`is een feestdag \\(${holiday.name}\\)\\. Verplaats het blok naar een andere dag\\.`)).waitFor();
    expect((await planner.getSchedule(ctx, programmeId)).blocks.find((b) => b.id === opened.id)?.date).toBe(opened.date);
    await screenshot(page, 'planner-08-move-refused');

    const target = freeDateFor(opened, schedule.blocks, new Set(schedule.holidays.map((h) => h.date)), schedule.windowEnd ?? '');
    await plan.moveBlock(aside, target);
    await shell.status.getByText(new RegExp(`^Het blok van ${opened.participantName} staat nu op .* ${opened.startTime}–${opened.endTime}\\.$`)).waitFor();
    const moved = (await planner.getSchedule(ctx, programmeId)).blocks.find((b) => b.id === opened.id);
    expect(moved).toMatchObject({ date: target, startTime: opened.startTime, endTime: opened.endTime });
    // The calendar follows the block to its new week.
    const shownDate = new Intl.DateTimeFormat('nl', { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${target}T00:00:00Z`));
    await plan.panel.getByRole('button', { name: `${opened.participantName} bij ${opened.hostName}, ${shownDate} ${opened.startTime}–${opened.endTime}, voorstel` }).waitFor();
    await screenshot(page, 'planner-09-moved');

    // Accept it, then split it in two: the hours stay the same.
    await aside.getByRole('button', { name: 'Aanvaarden', exact: true }).click();
    await shell.status.getByText(`Het blok van ${opened.participantName} is aanvaard.`).waitFor();
    expect((await planner.getSchedule(ctx, programmeId)).blocks.find((b) => b.id === opened.id)?.status).toBe('accepted');
    const splitAt = await aside.getByLabel('Splitsen om').inputValue();
    await aside.getByRole('button', { name: 'Splitsen', exact: true }).click();
    await shell.status.getByText(`Het blok van ${opened.participantName} is gesplitst om ${splitAt}.`).waitFor();
    const parts = (await planner.getSchedule(ctx, programmeId)).blocks.filter((b) => b.placementId === opened.placementId && b.date === target);
    expect(parts.map((b) => [b.startTime, b.endTime, b.status])).toEqual([
      [opened.startTime, splitAt, 'accepted'],
      [splitAt, opened.endTime, 'accepted'],
    ]);
    const ledger = await planner.getLedger(ctx, programmeId);
    expect(ledger.conflicts).toHaveLength(0);
    expect(ledger.rows.find((r) => r.participantId === opened.participantId)?.plannedHours).toBeGreaterThanOrEqual(MIN_HOURS);
  });

  it('lists a conflict with its fix when the window shrinks, and the fix moves the block back inside', async () => {
    const { page } = browser;
    const shell = new AppShell(page);
    const plan = new PlannerPage(page);
    const schedule = await planner.getSchedule(ctx, programmeId);
    const first = [...schedule.blocks].sort((a, b) => (a.date < b.date ? -1 : 1))[0]!;
    const shadowing = (await planner.getTimePath(ctx, programmeId)).phases.find((p) => p.key === 'shadowing');
    if (!shadowing) throw new Error('the jobshadowing time path has no shadowing phase');
    const d = new Date(`${first.date}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() + 1);
    const newStart = d.toISOString().slice(0, 10);

    // The coordinator starts the shadowing phase a day after the first blocks.
    await plan.openTab('Tijdspad');
    await plan.editPhase(shadowing.labels.nl, newStart, shadowing.ends);
    await shell.status.getByText(`De data van ${shadowing.labels.nl} zijn opgeslagen.`).waitFor();
    const before = await planner.getLedger(ctx, programmeId);
    expect(before.conflicts.length).toBe(schedule.blocks.filter((b) => b.date === first.date).length);
    expect(before.conflicts.every((c) => c.rule === 'outside_window' && c.suggestedSlot !== null)).toBe(true);

    await plan.openTab('Uren en conflicten');
    const conflicts = plan.panel.getByRole('region', { name: /^\d+ conflict(en)?$/ });
    await conflicts.getByRole('heading', { name: before.conflicts.length === 1 ? '1 conflict' : `${before.conflicts.length} conflicten` }).waitFor();
    await conflicts.getByText(`Buiten de uitwisselingsperiode: ${before.conflicts[0]!.participantName}`, { exact: false }).first().waitFor();
    await conflicts.evaluate(SCROLL_TO_TOP);
    await screenshot(page, 'planner-10-conflict');
    for (let left = before.conflicts.length; left > 0; left--) {
      await conflicts.getByRole('button', { name: /^Verplaatsen naar / }).first().click();
      await plan.panel.getByRole('heading', { name: left - 1 === 0 ? '0 conflicten' : left - 1 === 1 ? '1 conflict' : `${left - 1} conflicten` }).waitFor();
    }
    await plan.panel.getByText('Geen conflicten in de planning.').waitFor();
    const after = await planner.getLedger(ctx, programmeId);
    expect(after.conflicts).toHaveLength(0);
    for (const r of after.rows) expect(r.plannedHours + r.doneHours).toBeGreaterThanOrEqual(MIN_HOURS);
    expect((await planner.getSchedule(ctx, programmeId)).blocks.every((b) => b.date >= newStart)).toBe(true);
  });

  it('exports the calendars as .ics files into the folder the dialog answers', async () => {
    const { page } = browser;
    const shell = new AppShell(page);
    const plan = new PlannerPage(page);
    await plan.openTab('Agenda-export');
    const result = await plan.exportIcs();
    const files = fs.readdirSync(icsDir).filter((n) => n.endsWith('.ics'));
    const placements = (await matching.listPlacements(ctx, programmeId)).filter((p) => p.status !== 'cancelled');
    // One file for the programme and one per participant and mentor.
    const people = new Set([...placements.map((p) => p.participantId), ...placements.flatMap((p) => (p.mentorId !== null ? [p.mentorId] : []))]);
    expect(files.length).toBe(1 + people.size);
    await result.getByRole('heading', { name: `${files.length} bestanden geschreven` }).waitFor();
    await shell.status.getByText(`${files.length} agendabestanden geschreven in ${icsDir}.`).waitFor();
    // The programme's calendar holds every block and every session.
    const schedule = await planner.getSchedule(ctx, programmeId);
    const sessions = (await planner.listSessions(ctx, programmeId)).sessions;
    const programmeFile = result.getByRole('listitem').filter({ hasText: 'programma' }).first();
    await programmeFile.getByText(`${schedule.blocks.length + sessions.length} afspraken`).waitFor();
    const texts = files.map((f) => fs.readFileSync(path.join(icsDir, f), 'utf8'));
    expect(Math.max(...texts.map((s) => s.split('BEGIN:VEVENT').length - 1))).toBe(schedule.blocks.length + sessions.length);
    await screenshot(page, 'planner-11-export');
  });

  it('shows on the dashboard where the programme stands and what is due', async () => {
    const { page } = browser;
    const shell = new AppShell(page);
    await shell.go('Dashboard');
    const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: programmeName, level: 3 }) });
    await card.waitFor();
    const tp = await planner.getTimePath(ctx, programmeId);
    const current = tp.phases.filter((p) => tp.currentPhaseIds.includes(p.id));
    await card.getByText(`Nu bezig: ${current.map((p) => p.labels.nl).join(', ')}.`).waitFor();
    const [tasks] = await planner.listTasks(ctx, programmeId);
    const consents = new Set(tasks!.tasks.filter((t) => t.kind === 'consent_missing').map((t) => t.personId));
    expect(consents.size).toBeGreaterThan(0);
    await card.getByText(`Toestemmingsformulieren niet terug: ${consents.size} personen`).waitFor();
    // Everyone is planned, so "hours not planned" is not listed.
    expect(tasks!.tasks.some((t) => t.kind === 'hours_not_planned')).toBe(false);
    expect(await card.getByText(/^Uren niet gepland/).count()).toBe(0);
    await screenshot(page, 'planner-12-dashboard');

    // A card's link opens the planner on that programme, not on the one shown last.
    const other = (await listProgrammes(ctx)).find((p) => p.id !== programmeId);
    if (!other) throw new Error('the demo has one programme only');
    const otherCard = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: other.name, level: 3 }) });
    await otherCard.getByRole('link', { name: 'Naar de planning' }).click();
    await shell.heading().filter({ hasText: 'Planning' }).waitFor();
    expect(await page.getByLabel('Programma', { exact: true }).locator('option:checked').innerText()).toBe(other.name);

    expect(browser.problems).toEqual([]);
    expect(hostErrors).toEqual([]);
  });
});
