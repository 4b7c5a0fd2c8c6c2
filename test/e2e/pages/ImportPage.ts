import type { Locator, Page } from 'playwright-core';

export type KindLabel = 'Gastorganisaties met hun plaatsen' | 'Deelnemers met hun keuzes' | 'Mentoren';

/** The import wizard and the import history, found by role and Dutch label as the coordinator sees them. */
export class ImportPage {
  readonly page: Page;
  readonly mapping: Locator;
  readonly preview: Locator;
  readonly rejectedTable: Locator;
  readonly choicesTable: Locator;
  readonly history: Locator;
  readonly historyTable: Locator;

  constructor(page: Page) {
    this.page = page;
    this.mapping = page.getByRole('region', { name: '3. Kolommen koppelen' });
    this.preview = page.getByRole('region', { name: '4. Voorbeeld' });
    this.rejectedTable = this.preview.getByRole('table', { name: 'Geweigerde cellen' });
    this.choicesTable = this.preview.getByRole('table', { name: 'Keuzes zonder gastorganisatie' });
    this.history = page.getByRole('region', { name: 'Eerdere imports in dit programma' });
    this.historyTable = this.history.getByRole('table', { name: 'Eerdere imports' });
  }

  async chooseProgramme(name: string): Promise<void> {
    await this.page.getByLabel('Programma', { exact: true }).selectOption({ label: name });
  }

  async chooseKind(label: KindLabel): Promise<void> {
    await this.page.getByRole('radio', { name: label }).check();
  }

  /** Chooses a file through the file input, as the system file dialog would. */
  async chooseFile(name: string, bytes: Buffer): Promise<void> {
    const mimeType = name.endsWith('.csv') ? 'text/csv' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    await this.page.getByLabel('Bestand (.xlsx of .csv)').setInputFiles({ name, mimeType, buffer: bytes });
  }

  /** The bar of the file step: bytes loaded first, then the rows the main process has read. */
  readProgress(): Locator {
    return this.page.getByRole('progressbar', { name: 'Voortgang van het lezen' });
  }

  /** Waits until the file step says all `rows` were read ("Gelezen: 3.001 rijen.") with a full bar. */
  async waitForRowsRead(rows: number): Promise<void> {
    await this.page.getByText(`Gelezen: ${rows.toLocaleString('nl')} rijen.`, { exact: true }).waitFor();
    const bar = await this.readProgress().elementHandle();
    await this.page.waitForFunction(([el, n]) => el !== null && el.getAttribute('value') === n && el.getAttribute('max') === n, [bar, String(rows)] as const);
  }

  sheetSelect(): Locator {
    return this.page.getByLabel('Werkblad met de lijst');
  }

  async chooseSheet(name: string): Promise<void> {
    await this.sheetSelect().selectOption(name);
  }

  /** The field select of one column, by its letter and header as the file has them. */
  fieldSelect(letter: string, header: string): Locator {
    return this.mapping.getByLabel(`Importeren als, kolom ${letter} (${header})`, { exact: true });
  }

  async mapColumn(letter: string, header: string, fieldLabel: string): Promise<void> {
    await this.fieldSelect(letter, header).selectOption({ label: fieldLabel });
  }

  /** The count shown for one line of the summary (created, updated, unchanged, duplicates, rejected, rows). */
  summaryValue(key: 'rows' | 'created' | 'updated' | 'unchanged' | 'duplicates' | 'rejected'): Locator {
    return this.preview.getByTestId(`import-summary-${key}`);
  }

  /** The rejected-cells table as [row, column, reason] texts, top to bottom. */
  async rejectedRows(): Promise<string[][]> {
    const rows = this.rejectedTable.locator('tbody tr');
    const out: string[][] = [];
    for (let i = 0; i < (await rows.count()); i++) out.push((await rows.nth(i).locator('td').allInnerTexts()).map((s) => s.trim()));
    return out;
  }

  choiceSelect(text: string): Locator {
    return this.preview.getByLabel(`Bedoelde gastorganisatie voor “${text}”`, { exact: true });
  }

  /** The candidate options offered for an unresolved choice, as shown. */
  choiceCandidates(text: string): Promise<string[]> {
    return this.choiceSelect(text).locator('option').allInnerTexts();
  }

  async pickCandidate(text: string, organisationName: string): Promise<void> {
    const options = await this.choiceCandidates(text);
    const label = options.find((o) => o.startsWith(`${organisationName} (`));
    if (!label) throw new Error(`"${organisationName}" is not offered for "${text}": ${options.join(' | ')}`);
    await this.choiceSelect(text).selectOption({ label });
  }

  commitButton(): Locator {
    return this.page.getByRole('region', { name: '5. Importeren' }).getByRole('button', { name: 'Importeren', exact: true });
  }

  historyRow(fileName: string): Locator {
    return this.historyTable.getByRole('row').filter({ has: this.page.getByRole('rowheader', { name: fileName, exact: true }) });
  }

  /** Undo from the history, answering the confirmation. */
  async undo(fileName: string): Promise<void> {
    const row = this.historyRow(fileName).first();
    await row.getByRole('button', { name: 'Ongedaan maken', exact: true }).click();
    await row.getByRole('group', { name: /ongedaan maken\?/ }).getByRole('button', { name: 'Ja, ongedaan maken' }).click();
  }
}
