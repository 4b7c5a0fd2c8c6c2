import type { Locator, Page } from 'playwright-core';

export type PlaceFormTitle = 'Nieuwe plaats' | 'Plaats wijzigen';

export interface PlaceFields {
  programme?: string;
  team?: string;
  format?: 'Halve dag' | 'Hele dag' | 'Dagdeel' | 'Een aantal uren';
  hours?: string;
  capacity?: string;
  mentor?: string;
  /** Language checkboxes to tick (by label), on top of what is ticked already. */
  addLanguages?: string[];
  description?: string;
}

/**
 * The side panel of one organisation: its contact persons and places, each row with its own actions,
 * and the forms that open below the lists.
 */
export class OrganisationDetails {
  readonly panel: Locator;
  readonly contacts: Locator;
  readonly places: Locator;

  constructor(readonly page: Page) {
    this.panel = page.getByRole('complementary');
    this.contacts = this.panel.getByRole('list', { name: 'Contactpersonen' });
    this.places = this.panel.getByRole('list', { name: 'Plaatsen' });
  }

  contact(name: string): Locator {
    return this.contacts.getByRole('listitem').filter({ has: this.page.getByText(name, { exact: true }) });
  }

  place(team: string): Locator {
    return this.places.getByRole('listitem').filter({ has: this.page.getByText(team, { exact: true }) });
  }

  /** The form to add a contact person, or to change the named one. */
  contactForm(editing?: string): Locator {
    return this.panel.getByRole('form', { name: editing ? `Contactpersoon ${editing} wijzigen` : 'Nieuwe contactpersoon' });
  }

  async openContactEdit(name: string): Promise<Locator> {
    await this.contact(name).getByRole('button', { name: `${name} wijzigen` }).click();
    const form = this.contactForm(name);
    await form.waitFor();
    return form;
  }

  placeForm(title: PlaceFormTitle): Locator {
    return this.panel.getByRole('form', { name: title });
  }

  async openContactForm(): Promise<Locator> {
    await this.panel.getByRole('button', { name: 'Contactpersoon toevoegen' }).click();
    const form = this.contactForm();
    await form.waitFor();
    return form;
  }

  async fillContact(fields: { name?: string; role?: string; email?: string; phone?: string }, editing?: string): Promise<void> {
    const form = this.contactForm(editing);
    if (fields.name !== undefined) await form.getByLabel('Naam', { exact: true }).fill(fields.name);
    if (fields.role !== undefined) await form.getByLabel('Rol', { exact: true }).selectOption({ label: fields.role });
    if (fields.email !== undefined) await form.getByLabel('E-mail', { exact: true }).fill(fields.email);
    if (fields.phone !== undefined) await form.getByLabel('Telefoon', { exact: true }).fill(fields.phone);
  }

  async openNewPlace(): Promise<Locator> {
    await this.panel.getByRole('button', { name: 'Plaats toevoegen' }).click();
    const form = this.placeForm('Nieuwe plaats');
    await form.waitFor();
    return form;
  }

  async openPlace(team: string): Promise<Locator> {
    await this.place(team).getByRole('button', { name: `Plaats "${team}" wijzigen`, exact: true }).click();
    const form = this.placeForm('Plaats wijzigen');
    await form.waitFor();
    return form;
  }

  async fillPlace(title: PlaceFormTitle, fields: PlaceFields): Promise<void> {
    const form = this.placeForm(title);
    if (fields.programme !== undefined) await form.getByLabel('Programma', { exact: true }).selectOption({ label: fields.programme });
    if (fields.team !== undefined) await form.getByLabel('Team of functie', { exact: true }).fill(fields.team);
    if (fields.format !== undefined) await form.getByLabel('Vorm', { exact: true }).selectOption({ label: fields.format });
    if (fields.hours !== undefined) await form.getByLabel('Aantal uren', { exact: true }).fill(fields.hours);
    if (fields.capacity !== undefined) await form.getByLabel('Aantal plaatsen', { exact: true }).fill(fields.capacity);
    if (fields.mentor !== undefined) await form.getByLabel('Mentor', { exact: true }).selectOption({ label: fields.mentor });
    for (const language of fields.addLanguages ?? []) await form.getByLabel(language, { exact: true }).check();
    if (fields.description !== undefined) await form.getByLabel('Omschrijving', { exact: true }).fill(fields.description);
  }

  /** The visible text of the options of the place form's mentor list. */
  mentorOptions(title: PlaceFormTitle): Promise<string[]> {
    return this.placeForm(title).getByLabel('Mentor', { exact: true }).locator('option').allInnerTexts();
  }

  async save(form: Locator): Promise<void> {
    await form.getByRole('button', { name: 'Opslaan' }).click();
  }

  /** Deletes one row (a contact person or a place) through its inline confirmation. */
  async deleteRow(row: Locator): Promise<void> {
    await row.getByRole('button', { name: 'Verwijderen' }).click();
    await row.getByRole('group').getByRole('button', { name: 'Verwijderen' }).click();
  }
}
