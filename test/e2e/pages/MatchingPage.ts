import type { Locator, Page } from 'playwright-core';

export type ModeLabel = 'Voorrang' | 'Optimaal';

/** The matching board: run scenarios, compare them, read one scenario, publish, and handle placements. */
export class MatchingPage {
  readonly page: Page;
  readonly compare: Locator;
  readonly compareTable: Locator;
  readonly outcome: Locator;
  readonly outcomeTable: Locator;
  readonly placements: Locator;
  readonly placementsTable: Locator;

  constructor(page: Page) {
    this.page = page;
    this.compare = page.getByRole('region', { name: 'Scenario’s naast elkaar' });
    this.compareTable = this.compare.getByRole('table', { name: 'Scenario’s naast elkaar' });
    this.outcome = page.getByRole('region', { name: /^Uitkomst van scenario/ });
    this.outcomeTable = page.getByTestId('outcome-table');
    this.placements = page.getByRole('region', { name: 'Koppelingen van het programma' });
    this.placementsTable = page.getByTestId('placements-table');
  }

  async chooseProgramme(name: string): Promise<void> {
    await this.page.getByLabel('Programma', { exact: true }).selectOption({ label: name });
  }

  async run(mode: ModeLabel): Promise<void> {
    await this.page.getByRole('group', { name: 'Scenario maken' }).getByRole('button', { name: mode, exact: true }).click();
  }

  /** Waits until the comparison has a column for this scenario. */
  async waitForColumn(scenarioId: number): Promise<void> {
    await this.compareTable.getByRole('columnheader', { name: `Scenario ${scenarioId}`, exact: true }).waitFor();
  }

  /** The comparison cell of one scenario on the row named `measure` (e.g. "Geplaatst", "Op keuze 1"), once it is loaded. */
  async compareValue(scenarioId: number, measure: string): Promise<string> {
    await this.waitForColumn(scenarioId);
    const headers = await this.compareTable.locator('thead th').allInnerTexts();
    const column = headers.findIndex((h) => h.trim() === `Scenario ${scenarioId}`);
    if (column < 1) throw new Error(`no comparison column for scenario ${scenarioId} in ${headers.join(' | ')}`);
    const row = this.compareTable.locator('tbody tr').filter({ has: this.page.getByRole('rowheader', { name: measure, exact: true }) });
    const cell = row.locator('td').nth(column - 1).filter({ hasNotText: '…' });
    await cell.waitFor();
    return (await cell.innerText()).trim();
  }

  /**
   * Opens the fill-per-host disclosure and returns its table. The table's hidden caption carries the
   * same words as the disclosure's summary, so the summary is found by its element, not by its text alone.
   */
  async openFill(): Promise<Locator> {
    const name = 'Bezetting per gastorganisatie';
    await this.compare.locator('summary').filter({ hasText: name }).click();
    const table = this.compare.getByRole('table', { name });
    await table.waitFor();
    return table;
  }

  async waitForOutcome(scenarioId: number, modeLabel: ModeLabel): Promise<void> {
    await this.page.getByRole('heading', { name: `Uitkomst van scenario ${scenarioId} (${modeLabel})`, level: 2 }).waitFor();
  }

  async filterOutcome(label: 'Iedereen' | 'Niet geplaatst' | 'Niet op keuze 1'): Promise<void> {
    await this.outcome.getByLabel('Tonen').selectOption({ label });
  }

  async searchOutcome(term: string): Promise<void> {
    await this.outcome.getByLabel('Zoeken').fill(term);
  }

  outcomeRows(): Locator {
    return this.outcomeTable.locator('tbody tr');
  }

  async publish(): Promise<void> {
    await this.outcome.getByRole('button', { name: 'Publiceren', exact: true }).click();
    await this.outcome.getByRole('group', { name: /publiceren\?/ }).getByRole('button', { name: 'Ja, publiceren' }).click();
  }

  async searchPlacements(term: string): Promise<void> {
    await this.placements.getByLabel('Zoeken').fill(term);
  }

  pinButton(participantName: string, isPinned: boolean): Locator {
    return this.placementsTable.getByRole('button', { name: `${isPinned ? 'Losmaken' : 'Vastzetten'}: ${participantName}`, exact: true });
  }

  /** Opens the side panel of a placement by the participant's name (search first when names repeat). */
  async openPlacement(participantName: string): Promise<Locator> {
    await this.placementsTable.getByRole('button', { name: participantName, exact: true }).first().click();
    const panel = this.page.getByRole('complementary', { name: participantName });
    await panel.waitFor();
    return panel;
  }

  async moveTo(panel: Locator, placeId: number): Promise<void> {
    await panel.getByLabel('Nieuwe plaats').selectOption(String(placeId));
    await panel.getByRole('button', { name: 'Verplaatsen', exact: true }).click();
  }

  async cancelPlacement(panel: Locator): Promise<void> {
    await panel.getByRole('button', { name: 'Koppeling annuleren' }).click();
    await panel.getByRole('group', { name: /annuleren\?/ }).getByRole('button', { name: 'Ja, annuleren' }).click();
  }
}
