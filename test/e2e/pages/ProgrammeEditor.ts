import type { Locator, Page } from 'playwright-core';

export type ProgrammeEditorTitle = 'Nieuw programma' | 'Programma bewerken';

export interface ProgrammeFields {
  name?: string;
  kind?: 'Kijkstage' | 'Jobshadowing' | 'Uitwisselingsronde';
  hours?: string;
  maxChoices?: string;
  maxPlacements?: string;
  minPlacesPerHost?: string;
  retentionMonths?: string;
  addLanguages?: string[];
  earlyBirdOpens?: string;
  earlyBirdCloses?: string;
  registrationOpens?: string;
  registrationCloses?: string;
  exchangeStarts?: string;
  exchangeEnds?: string;
  description?: string;
}

const DATE_LABELS = {
  earlyBirdOpens: 'Voorrang opent',
  earlyBirdCloses: 'Voorrang sluit',
  registrationOpens: 'Inschrijving opent',
  registrationCloses: 'Inschrijving sluit',
  exchangeStarts: 'Eerste dag',
  exchangeEnds: 'Laatste dag',
} as const;

/** The programme dialog of the dashboard: create, edit and delete a programme. */
export class ProgrammeEditor {
  constructor(readonly page: Page) {}

  dialog(title: ProgrammeEditorTitle): Locator {
    return this.page.getByRole('dialog', { name: title });
  }

  card(name: string): Locator {
    return this.page.getByRole('list', { name: 'Programma’s' }).getByRole('listitem').filter({ has: this.page.getByRole('heading', { name, exact: true, level: 3 }) });
  }

  async openNew(): Promise<Locator> {
    await this.page.getByRole('button', { name: 'Nieuw programma', exact: true }).click();
    const dialog = this.dialog('Nieuw programma');
    await dialog.waitFor();
    return dialog;
  }

  async openEdit(name: string): Promise<Locator> {
    await this.page.getByRole('button', { name: `Bewerken: ${name}`, exact: true }).click();
    const dialog = this.dialog('Programma bewerken');
    await dialog.waitFor();
    return dialog;
  }

  field(dialog: Locator, label: string): Locator {
    return dialog.getByLabel(label, { exact: true });
  }

  async fill(dialog: Locator, f: ProgrammeFields): Promise<void> {
    if (f.name !== undefined) await this.field(dialog, 'Naam').fill(f.name);
    if (f.kind !== undefined) await this.field(dialog, 'Soort').selectOption({ label: f.kind });
    if (f.hours !== undefined) await this.field(dialog, 'Uren per deelnemer').fill(f.hours);
    if (f.maxChoices !== undefined) await this.field(dialog, 'Maximum aantal keuzes').fill(f.maxChoices);
    if (f.maxPlacements !== undefined) await this.field(dialog, 'Maximum aantal plaatsen per deelnemer').fill(f.maxPlacements);
    if (f.minPlacesPerHost !== undefined) await this.field(dialog, 'Minimum aantal plaatsen per gastorganisatie').fill(f.minPlacesPerHost);
    if (f.retentionMonths !== undefined) await this.field(dialog, 'Bewaartermijn persoonsgegevens (maanden)').fill(f.retentionMonths);
    for (const language of f.addLanguages ?? []) await this.field(dialog, language).check();
    for (const key of Object.keys(DATE_LABELS) as (keyof typeof DATE_LABELS)[]) {
      const value = f[key];
      if (value !== undefined) await this.field(dialog, DATE_LABELS[key]).fill(value);
    }
    if (f.description !== undefined) await this.field(dialog, 'Omschrijving').fill(f.description);
  }

  async save(dialog: Locator): Promise<void> {
    await dialog.getByRole('button', { name: 'Opslaan' }).click();
  }

  /** Deletes the programme open in the edit dialog; returns the question the dialog asked. */
  async delete(dialog: Locator): Promise<string> {
    await dialog.getByRole('button', { name: 'Programma verwijderen' }).click();
    const question = dialog.getByRole('group', { name: /verwijderen\?/ });
    const text = await question.locator('p').innerText();
    await question.getByRole('button', { name: 'Ja, verwijderen' }).click();
    return text;
  }
}
