import type { Locator, Page } from 'playwright-core';

/** The Documents screen: participants and hosts, the export panel with its preview, and the consent forms. */
export class DocumentsPage {
  readonly page: Page;
  readonly participants: Locator;
  readonly participantsTable: Locator;
  readonly hostsTable: Locator;
  readonly panel: Locator;
  readonly preview: Locator;

  constructor(page: Page) {
    this.page = page;
    this.participants = page.getByRole('region', { name: 'Deelnemers', exact: true });
    this.participantsTable = page.getByTestId('documents-participants');
    this.hostsTable = page.getByTestId('documents-hosts');
    this.panel = page.getByRole('complementary', { name: 'Documenten maken' });
    this.preview = this.panel.getByTestId('document-preview');
  }

  async chooseProgramme(name: string): Promise<void> {
    await this.page.getByLabel('Programma', { exact: true }).selectOption({ label: name });
  }

  async selectParticipant(name: string): Promise<void> {
    await this.participants.getByLabel('Zoeken').fill(name);
    await this.participantsTable.getByRole('button', { name, exact: true }).click();
  }

  async selectHost(name: string): Promise<void> {
    await this.hostsTable.getByRole('button', { name, exact: true }).click();
  }

  async chooseDocument(label: string): Promise<void> {
    await this.panel.getByLabel('Document', { exact: true }).selectOption({ label });
  }

  async chooseFiles(label: 'Eén PDF per persoon' | 'Eén PDF om in één keer af te drukken' | 'Eén PDF per document'): Promise<void> {
    await this.panel.getByRole('radio', { name: label }).check();
  }

  /** Waits for the preview whose page carries `subtitle` (or title) text. */
  async waitForPreview(text: string): Promise<void> {
    await this.preview.getByText(text, { exact: true }).waitFor();
  }

  async waitForExportCount(count: number): Promise<void> {
    await this.panel.getByText(count === 1 ? 'Een export schrijft 1 document.' : `Een export schrijft ${count} documenten.`).waitFor();
  }

  async export(): Promise<void> {
    await this.panel.getByRole('button', { name: 'Exporteren naar map…' }).click();
  }

  /** The export's progress bar ("12 van 40" as its value text). */
  progressBar(): Locator {
    return this.panel.getByRole('progressbar', { name: 'Voortgang van de export' });
  }

  /** Waits until the progress shows `done` of `total` documents, in its text and in the bar itself. */
  async waitForProgress(done: number, total: number): Promise<void> {
    await this.panel.getByRole('status').getByText(`${done} van ${total}`, { exact: true }).waitFor();
    const bar = this.progressBar();
    await this.page.waitForFunction(([el, d, t]) => el !== null && el.getAttribute('value') === d && el.getAttribute('max') === t, [await bar.elementHandle(), String(done), String(total)] as const);
  }

  /** Stops the running export ("Stoppen" next to the bar). */
  async stop(): Promise<void> {
    await this.panel.getByRole('button', { name: 'Stoppen', exact: true }).click();
  }

  /** The names of the files the last export wrote, once it finished. */
  async writtenFiles(): Promise<string[]> {
    const list = this.panel.getByRole('group', { name: 'Geschreven bestanden' });
    await list.waitFor();
    return list.getByRole('listitem').allInnerTexts();
  }

  consentPanel(name: string): Locator {
    return this.page.getByRole('region', { name: `Toestemmingen van ${name}` });
  }

  async markAllReturned(name: string): Promise<void> {
    await this.consentPanel(name).getByRole('button', { name: 'Alle drie terug ontvangen' }).click();
  }

  /** The consent summary cell of a participant's row ("1 van 3 terug"). */
  participantRow(name: string): Locator {
    return this.participantsTable.locator('tbody tr').filter({ has: this.page.getByRole('button', { name, exact: true }) });
  }
}
