import type { Locator, Page } from 'playwright-core';

export type PlannerTab = 'Tijdspad' | 'Groepssessies' | 'Meeloopblokken' | 'Uren en conflicten' | 'Agenda-export';

/** The planner: time path, group sessions, plan and calendar with the block panel, ledger and export. */
export class PlannerPage {
  readonly page: Page;
  readonly panel: Locator;
  readonly ledgerTable: Locator;
  readonly sessionsTable: Locator;
  readonly calendar: Locator;

  constructor(page: Page) {
    this.page = page;
    this.panel = page.getByRole('tabpanel');
    this.ledgerTable = page.getByTestId('ledger-table');
    this.sessionsTable = page.getByTestId('sessions-table');
    this.calendar = page.getByRole('region', { name: /^Week van|^\p{L}+ \d{4}$/u });
  }

  async chooseProgramme(name: string): Promise<void> {
    await this.page.getByLabel('Programma', { exact: true }).selectOption({ label: name });
  }

  async openTab(name: PlannerTab): Promise<void> {
    await this.page.getByRole('tab', { name, exact: true }).click();
    await this.page.getByRole('tab', { name, exact: true, selected: true }).waitFor();
  }

  /** The phase rows of the time path table (row header = phase label). */
  phaseRow(label: string): Locator {
    return this.panel.getByRole('row').filter({ has: this.page.getByRole('rowheader', { name: new RegExp(`^${escape(label)}`) }) });
  }

  async editPhase(label: string, starts: string, ends: string): Promise<void> {
    await this.panel.getByRole('button', { name: `${label}: data wijzigen` }).click();
    await this.panel.getByLabel(`Begin van ${label}`).fill(starts);
    await this.panel.getByLabel(`Einde van ${label}`).fill(ends);
    await this.panel.getByRole('button', { name: 'Opslaan', exact: true }).click();
  }

  async assignEveryone(): Promise<void> {
    await this.panel.getByRole('button', { name: 'Iedereen indelen', exact: true }).click();
  }

  async openSession(title: string): Promise<Locator> {
    await this.sessionsTable.getByRole('button', { name: title, exact: true }).click();
    const aside = this.page.getByRole('complementary', { name: title });
    await aside.waitFor();
    return aside;
  }

  async planPreview(): Promise<Locator> {
    await this.panel.getByRole('button', { name: 'Plannen (voorbeeld)', exact: true }).click();
    const summary = this.panel.getByRole('region', { name: 'Voorbeeld (nog niet opgeslagen)' });
    await summary.waitFor();
    return summary;
  }

  async apply(): Promise<Locator> {
    await this.panel.getByRole('button', { name: 'Toepassen', exact: true }).click();
    await this.panel.getByRole('group', { name: /opslaan\?/ }).getByRole('button', { name: 'Ja, toepassen' }).click();
    const summary = this.panel.getByRole('region', { name: 'Opgeslagen planning' });
    await summary.waitFor();
    return summary;
  }

  /** A summary value of the plan by its label ("koppelingen", "volledig gepland", ...). */
  async summaryValue(summary: Locator, label: string): Promise<string> {
    const term = summary.locator('dl div').filter({ has: this.page.locator('dt', { hasText: new RegExp(`^${escape(label)}$`) }) });
    return (await term.locator('dd').innerText()).trim();
  }

  async goToDate(date: string): Promise<void> {
    await this.panel.getByLabel('Ga naar datum').fill(date);
  }

  async showWeek(): Promise<void> {
    await this.panel.getByRole('group', { name: 'Weergave' }).getByRole('button', { name: 'Week', exact: true }).click();
  }

  async showMonth(): Promise<void> {
    await this.panel.getByRole('group', { name: 'Weergave' }).getByRole('button', { name: 'Maand', exact: true }).click();
  }

  /** A stored block in the calendar by the start of its accessible name ("Name bij Host, date start–end"). */
  calendarBlock(participantName: string): Locator {
    return this.panel.getByRole('button', { name: new RegExp(`^${escape(participantName)} bij `) });
  }

  async openBlock(participantName: string): Promise<Locator> {
    await this.calendarBlock(participantName).first().click();
    const aside = this.page.getByRole('complementary', { name: new RegExp(`^Blok van ${escape(participantName)} op `) });
    await aside.waitFor();
    return aside;
  }

  async moveBlock(aside: Locator, date: string, start?: string, end?: string): Promise<void> {
    await aside.getByLabel('Nieuwe datum').fill(date);
    if (start) await aside.getByLabel('Van', { exact: true }).fill(start);
    if (end) await aside.getByLabel('Tot', { exact: true }).fill(end);
    await aside.getByRole('button', { name: 'Verplaatsen', exact: true }).click();
  }

  refusal(aside: Locator): Locator {
    return aside.getByRole('alert');
  }

  /** The ledger row of a participant as cell texts: name, required, planned, done, missing, conflicts, state. */
  async ledgerRow(participantName: string): Promise<string[]> {
    const row = this.ledgerTable.locator('tbody tr').filter({ has: this.page.getByRole('cell', { name: participantName, exact: true }) });
    return (await row.locator('td').allInnerTexts()).map((s) => s.trim());
  }

  async exportIcs(): Promise<Locator> {
    await this.panel.getByRole('button', { name: 'Exporteren naar een map…', exact: true }).click();
    const result = this.panel.getByRole('region', { name: /bestand(en)? geschreven$/ });
    await result.waitFor();
    return result;
  }
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
