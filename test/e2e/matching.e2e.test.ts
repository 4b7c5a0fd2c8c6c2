import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestHost } from '../../src-main/testhost/test-host';
import { loadDemo } from '../../src-main/services/demo.service';
import * as matching from '../../src-main/services/matching.service';
import { listPlaces } from '../../src-main/services/place.service';
import { getPerson } from '../../src-main/services/person.service';
import { listProgrammes } from '../../src-main/services/programme.service';
import { AppError } from '../../src-shared/errors';
import type { PlacementView, Scenario } from '../../src-shared/schemas/matching.schema';
import type { TestContext } from '../helpers/context';
import { screenshot, type E2eBrowser } from '../helpers/e2e-browser';
import { openE2eSession, type E2eSeed, type E2eSession } from '../helpers/e2e-session';
import i18next from 'i18next';
import fr from '../../src-renderer/src/i18n/fr';
import nl from '../../src-renderer/src/i18n/nl';
import { explanationText } from '../../src-renderer/src/pages/matching/explanation-text';
import { AppShell } from './pages/AppShell';
import { MatchingPage, type ModeLabel } from './pages/MatchingPage';
import { SettingsPage } from './pages/SettingsPage';

/*
 * The matching board in Debian's Chromium against the real services, on the Kijkstage demo
 * (200 visitors, 3 choices, 40 hosts). The steps run in order on one database.
 */

let session: E2eSession | undefined;
let ctx: TestContext;
let host: TestHost;
let browser: E2eBrowser;
let programmeId: number;
let programmeName: string;
let hostErrors: string[];

/** The database the window opens on. */
async function seed({ ctx }: E2eSeed): Promise<void> {
  await loadDemo(ctx);
  const kijkstage = (await listProgrammes(ctx)).find((p) => p.kind === 'kijkstage');
  if (!kijkstage) throw new Error('the demo has no Kijkstage programme');
  programmeId = kijkstage.id;
  programmeName = kijkstage.name;
}

beforeAll(async () => {
  session = await openE2eSession({ name: 'matching', withDemoResources: true, seed });
  ({ ctx, host, browser, hostErrors } = session);
});

afterAll(() => session?.close());

const MODE_LABEL: Record<Scenario['mode'], ModeLabel> = { priority: 'Voorrang', optimal: 'Optimaal' };

async function newestScenario(): Promise<Scenario> {
  const [newest] = await matching.listScenarios(ctx, programmeId);
  if (!newest) throw new Error('no scenario was made');
  return matching.getScenario(ctx, newest.id);
}

/** Runs a mode from the board and returns the scenario the service stored for it. */
async function runFromBoard(board: MatchingPage, shell: AppShell, mode: Scenario['mode']): Promise<Scenario> {
  const before = (await matching.listScenarios(ctx, programmeId)).length;
  await board.run(MODE_LABEL[mode]);
  await shell.status.getByText(new RegExp(`^Scenario \\d+ \\(${MODE_LABEL[mode]}\\): `)).last().waitFor();
  const s = await newestScenario();
  expect((await matching.listScenarios(ctx, programmeId)).length).toBe(before + 1);
  expect(s.mode).toBe(mode);
  await shell.status.getByText(`Scenario ${s.id} (${MODE_LABEL[mode]}): ${s.placed} van de ${s.applications} aanmeldingen geplaatst.`).waitFor();
  return s;
}

/** The comparison shows exactly the service's counts for a scenario. */
async function expectComparisonMatches(board: MatchingPage, s: Scenario): Promise<void> {
  expect(await board.compareValue(s.id, 'Manier')).toBe(MODE_LABEL[s.mode]);
  expect(await board.compareValue(s.id, 'Aanmeldingen')).toBe(String(s.applications));
  expect(await board.compareValue(s.id, 'Geplaatst')).toBe(String(s.placed));
  expect(await board.compareValue(s.id, 'Niet geplaatst')).toBe(String(s.unplaced));
  for (const rank of ['1', '2', '3']) expect(await board.compareValue(s.id, `Op keuze ${rank}`)).toBe(String(s.byRank[rank] ?? 0));
  expect(await board.compareValue(s.id, 'Stuurt zonder te ontvangen')).toBe(String(s.reciprocity.filter((r) => r.sendsWithoutHosting).length));
  expect(await board.compareValue(s.id, 'Onder het minimum aantal plaatsen')).toBe(String(s.reciprocity.filter((r) => r.belowMinPlaces).length));
}

function activePlacements(list: PlacementView[]): PlacementView[] {
  return list.filter((p) => p.status !== 'cancelled');
}

describe('the matching board', () => {
  let first: Scenario;
  let second: Scenario;
  let pinned: PlacementView;

  it('runs both modes on the Kijkstage demo and compares them with the service’s counts', async () => {
    const { page } = browser;
    const shell = new AppShell(page);
    const board = new MatchingPage(page);
    await shell.open(host.entryUrl);
    await shell.go('Matching');
    await shell.heading().getByText('Matching').waitFor();
    await board.chooseProgramme(programmeName);
    await board.compare.getByText('Nog geen scenario’s voor dit programma.').waitFor();

    first = await runFromBoard(board, shell, 'priority');
    second = await runFromBoard(board, shell, 'optimal');
    expect(first.applications).toBe(200);
    expect(second.placed).toBeGreaterThanOrEqual(first.placed);

    await expectComparisonMatches(board, first);
    await expectComparisonMatches(board, second);
    await screenshot(page, 'matching-01-comparison');

    // Fill per host: every host of the service, with its taken/capacity.
    const fillTable = await board.openFill();
    const busiest = [...second.fill].sort((a, b) => b.taken - a.taken)[0];
    if (!busiest) throw new Error('the scenario has no fill per host');
    await fillTable.getByRole('row', { name: new RegExp(`^${busiest.organisationName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} `) }).getByText(`${busiest.taken} van ${busiest.capacity}`).last().waitFor();
    expect(await fillTable.locator('tbody tr').count()).toBe(second.fill.length);
    await fillTable.scrollIntoViewIfNeeded();
    await screenshot(page, 'matching-02-fill');

    // The newest scenario is shown in full: everyone once, with the service's explanation.
    await board.waitForOutcome(second.id, 'Optimaal');
    const rowsTotal = second.assignments.length + second.outcomes.filter((o) => o.outcome === 'unplaced').length;
    await board.outcome.getByText(`${rowsTotal} rijen`, { exact: true }).waitFor();
    await board.filterOutcome('Niet op keuze 1');
    const lower = second.assignments.filter((a) => a.rank !== 1);
    await board.outcome.getByText(lower.length === 1 ? '1 rij' : `${lower.length} rijen`, { exact: true }).waitFor();
    const explained = second.outcomes.find((o) => o.outcome === 'lower_choice');
    if (explained) {
      await board.searchOutcome(explained.email ?? explained.participantName);
      await board.outcomeTable.getByText(explained.text.nl, { exact: true }).waitFor();
      await board.searchOutcome('');
    }
    await board.filterOutcome('Niet geplaatst');
    await board.outcome.getByText(second.unplaced === 1 ? '1 rij' : `${second.unplaced} rijen`, { exact: true }).waitFor();
    const waiting = board.outcome.getByRole('list', { name: 'Wachtlijst' }).getByRole('listitem');
    if (second.waitingList.length > 0) {
      await waiting.first().waitFor();
      expect(await waiting.count()).toBe(second.waitingList.length);
      const unplaced = second.outcomes.find((o) => o.outcome === 'unplaced');
      if (unplaced) await board.outcomeTable.getByText(unplaced.text.nl, { exact: true }).first().waitFor();
    } else {
      await board.outcome.getByText('Iedereen heeft een plaats: de wachtlijst is leeg.').waitFor();
    }
    await board.outcome.scrollIntoViewIfNeeded();
    await screenshot(page, 'matching-03-outcome');

    // The first scenario can be viewed from the comparison.
    await board.compare.getByRole('button', { name: `Bekijken: Scenario ${first.id}` }).click();
    await board.waitForOutcome(first.id, 'Voorrang');
    await board.compare.getByRole('button', { name: `Bekijken: Scenario ${second.id}` }).click();
    await board.waitForOutcome(second.id, 'Optimaal');
    await board.filterOutcome('Iedereen');
    expect(browser.problems).toEqual([]);
  }, 120_000);

  it('writes the explanations in French in a French window', async () => {
    const { page } = browser;
    const shell = new AppShell(page);
    const board = new MatchingPage(page);
    const unplaced = second.outcomes.find((o) => o.outcome === 'unplaced' && o.reasons.some((r) => r.code.startsWith('full')));
    if (!unplaced) throw new Error('the demo has nobody unplaced for lack of room');
    const frT = i18next.createInstance();
    await frT.init({ resources: { fr: { translation: fr }, nl: { translation: nl } }, lng: 'fr', fallbackLng: 'nl', interpolation: { escapeValue: false } });
    const expected = explanationText(unplaced, frT.t, 'fr');
    expect(expected).toMatch(/^Pas de place attribuée\. Choix 1, .+ : /);

    await shell.go('Instellingen');
    await new SettingsPage(page).chooseLanguage('Français');
    await shell.go('Appariement');
    await page.getByLabel('Programme', { exact: true }).selectOption({ label: programmeName });
    await page.getByRole('heading', { name: `Résultat du scénario ${second.id} (Optimal)`, level: 2 }).waitFor();
    const outcome = page.getByRole('region', { name: /^Résultat du scénario/ });
    await outcome.getByLabel('Rechercher').fill(unplaced.email ?? unplaced.participantName);
    await board.outcomeTable.getByText(expected, { exact: true }).waitFor();
    expect(await board.outcomeRows().count()).toBe(1);
    await outcome.scrollIntoViewIfNeeded();
    await screenshot(page, 'matching-03b-outcome-fr');

    await shell.go('Paramètres');
    await new SettingsPage(page).chooseLanguage('Nederlands');
    await shell.go('Matching');
    await board.chooseProgramme(programmeName);
    await board.waitForOutcome(second.id, 'Optimaal');
    expect(browser.problems).toEqual([]);
  }, 60_000);

  it('publishes a scenario, pins a placement, re-runs with the pin kept, and publishes again', async () => {
    const { page } = browser;
    const shell = new AppShell(page);
    const board = new MatchingPage(page);

    await board.outcome.getByRole('button', { name: 'Publiceren', exact: true }).click();
    await board.outcome.getByText(/Alle voorgestelde koppelingen die niet vastgezet zijn, worden vervangen/).waitFor();
    await screenshot(page, 'matching-04-publish-confirm');
    await board.outcome.getByRole('group', { name: /publiceren\?/ }).getByRole('button', { name: 'Ja, publiceren' }).click();
    await shell.status.getByText(`Scenario ${second.id} is gepubliceerd: ${second.placementCount} nieuwe koppelingen, 0 behouden, 0 vervangen.`).waitFor();
    const published = await matching.listPlacements(ctx, programmeId);
    expect(activePlacements(published)).toHaveLength(second.placementCount);
    await board.placements.getByText(`${second.placementCount} koppelingen`, { exact: true }).waitFor();
    expect(await board.compareValue(second.id, 'Gepubliceerd')).not.toBe('nee');

    // Pin someone who did not get a first choice: the re-run might well have moved them.
    const target = published.find((p) => p.rank !== 1) ?? published[0];
    if (!target) throw new Error('nothing was published');
    await board.searchPlacements(target.email ?? target.participantName);
    await board.pinButton(target.participantName, false).click();
    await shell.status.getByText(`De koppeling van ${target.participantName} is vastgezet: ze blijft staan bij een nieuwe matching.`).waitFor();
    await board.pinButton(target.participantName, true).waitFor();
    pinned = (await matching.listPlacements(ctx, programmeId)).find((p) => p.id === target.id) as PlacementView;
    expect(pinned.isPinned).toBe(true);
    await board.placements.scrollIntoViewIfNeeded();
    await screenshot(page, 'matching-05-pinned');

    // Re-run: the new scenario keeps the pinned placement, in the service and on screen.
    await page.getByRole('heading', { name: 'Scenario maken' }).scrollIntoViewIfNeeded();
    const third = await runFromBoard(board, shell, 'priority');
    const kept = third.assignments.find((a) => a.applicationId === pinned.applicationId);
    expect(kept).toMatchObject({ placeId: pinned.placeId, organisationId: pinned.organisationId, isPinned: true });
    await expectComparisonMatches(board, third);
    await board.waitForOutcome(third.id, 'Voorrang');
    await board.searchOutcome(pinned.email ?? pinned.participantName);
    const row = board.outcomeRows().filter({ hasText: pinned.participantName });
    await row.filter({ hasText: pinned.organisationName }).filter({ hasText: 'vastgezet' }).waitFor();
    expect(await board.outcomeRows().count()).toBe(1);
    await board.outcome.scrollIntoViewIfNeeded();
    await screenshot(page, 'matching-06-rerun-pin-kept');

    // Publish again: the pinned placement is kept, the others are replaced.
    const replaceable = activePlacements(await matching.listPlacements(ctx, programmeId)).filter((p) => !p.isPinned && p.status === 'proposed').length;
    await board.publish();
    const newOnes = third.assignments.filter((a) => !(a.applicationId === pinned.applicationId && a.placeId === pinned.placeId)).length;
    await shell.status.getByText(`Scenario ${third.id} is gepubliceerd: ${newOnes} nieuwe koppelingen, 1 behouden, ${replaceable} vervangen.`).waitFor();
    const after = await matching.listPlacements(ctx, programmeId);
    expect(after.find((p) => p.id === pinned.id)).toMatchObject({ isPinned: true, placeId: pinned.placeId, status: 'proposed' });
    expect(activePlacements(after)).toHaveLength(third.placementCount);
    await board.searchPlacements(pinned.email ?? pinned.participantName);
    await board.pinButton(pinned.participantName, true).waitFor();
    expect(browser.problems).toEqual([]);
  }, 120_000);

  it('shows the service’s refusal when a hand move breaks a rule', async () => {
    const { page } = browser;
    const shell = new AppShell(page);
    const board = new MatchingPage(page);
    const active = activePlacements(await matching.listPlacements(ctx, programmeId));
    const places = await listPlaces(ctx, { programmeId });

    // A move to the participant's own organisation, which the rules never allow; else a full place.
    let move: { placement: PlacementView; placeId: number } | null = null;
    for (const p of active) {
      const own = (await getPerson(ctx, p.participantId)).organisationId;
      const ownPlace = places.find((pl) => pl.organisationId === own);
      if (ownPlace) {
        move = { placement: p, placeId: ownPlace.id };
        break;
      }
    }
    if (!move) {
      const taken = new Map<number, number>();
      for (const p of active) if (p.placeId !== null) taken.set(p.placeId, (taken.get(p.placeId) ?? 0) + 1);
      const full = places.find((pl) => (taken.get(pl.id) ?? 0) >= pl.capacity);
      const mover = active.find((p) => p.placeId !== full?.id);
      if (full && mover) move = { placement: mover, placeId: full.id };
    }
    if (!move) throw new Error('the demo offers no move that breaks a rule');

    // The service refuses it (a refused move changes nothing) and says why in Dutch.
    const input = { applicationId: move.placement.applicationId, placeId: move.placeId, fromPlacementId: move.placement.id };
    const refused = await matching.movePlacement(ctx, input).then(
      () => null,
      (e: unknown) => e,
    );
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).code).toBe('conflict');
    const nl = ((refused as AppError).details as { nl: string }).nl;

    await board.searchPlacements(move.placement.email ?? move.placement.participantName);
    const panel = await board.openPlacement(move.placement.participantName);
    await board.moveTo(panel, move.placeId);
    await shell.alert.getByText(nl, { exact: true }).waitFor();
    await panel.getByText(nl, { exact: true }).waitFor();
    await shell.heading().scrollIntoViewIfNeeded();
    await screenshot(page, 'matching-07-move-refused');
    await panel.scrollIntoViewIfNeeded();
    await screenshot(page, 'matching-08-move-panel');
    const unchanged = (await matching.listPlacements(ctx, programmeId)).find((p) => p.id === move.placement.id);
    expect(unchanged).toMatchObject({ placeId: move.placement.placeId, status: move.placement.status });
    await shell.alert.getByRole('button', { name: 'Melding sluiten' }).first().click();
  }, 60_000);

  it('cancels a placement and names who on the waiting list gets the freed place', async () => {
    const { page } = browser;
    const shell = new AppShell(page);
    const board = new MatchingPage(page);
    const current = activePlacements(await matching.listPlacements(ctx, programmeId)).filter((p) => p.id !== pinned.id);
    const victim = current[0];
    if (!victim) throw new Error('no placement to cancel');
    const waitingNames = new Set((await newestScenario()).waitingList.map((w) => w.participantName));

    await board.searchPlacements(victim.email ?? victim.participantName);
    const panel = await board.openPlacement(victim.participantName);
    await board.cancelPlacement(panel);
    await shell.status.getByText(`De koppeling van ${victim.participantName} is geannuleerd.`).waitFor();
    const offer = panel.getByRole('group', { name: 'Wachtlijst' });
    await offer.waitFor();
    const text = await offer.innerText();
    const named = /aan aan (.+), de eerste op de wachtlijst/.exec(text);
    if (named) {
      // The one offered the place was waiting, and still has no placement.
      expect(waitingNames.has(named[1] ?? '')).toBe(true);
      expect(activePlacements(await matching.listPlacements(ctx, programmeId)).some((p) => p.participantName === named[1])).toBe(false);
      expect(text).toContain(`bij ${victim.organisationName} aan`);
    } else {
      expect(text).toContain('Niemand op de wachtlijst past op de vrijgekomen plaats.');
    }
    expect((await matching.listPlacements(ctx, programmeId)).find((p) => p.id === victim.id)?.status).toBe('cancelled');
    await board.placementsTable.getByText('geannuleerd').waitFor();
    await panel.scrollIntoViewIfNeeded();
    await screenshot(page, 'matching-09-cancelled-offer');
    expect(browser.problems).toEqual([]);
    expect(hostErrors).toEqual([]);
  }, 60_000);
});
