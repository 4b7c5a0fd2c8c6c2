import type { Page } from 'playwright-core';
import { ListPage } from './ListPage';

export class PeoplePage extends ListPage {
  constructor(page: Page) {
    super(page, 'people-table', 'Zoeken');
  }

  countText(n: number): string {
    return n === 1 ? '1 persoon' : `${n} personen`;
  }

  form(title: 'Nieuwe persoon' | 'Persoon bewerken') {
    return this.panel.getByRole('form', { name: title });
  }

  async fillForm(title: 'Nieuwe persoon' | 'Persoon bewerken', fields: { firstName?: string; lastName?: string; email?: string; organisation?: string; learningQuestions?: string }): Promise<void> {
    const form = this.form(title);
    if (fields.firstName !== undefined) await form.getByLabel('Voornaam').fill(fields.firstName);
    if (fields.lastName !== undefined) await form.getByLabel('Achternaam').fill(fields.lastName);
    if (fields.email !== undefined) await form.getByLabel('E-mail').fill(fields.email);
    if (fields.organisation !== undefined) await form.getByLabel('Organisatie').selectOption({ label: fields.organisation });
    if (fields.learningQuestions !== undefined) await form.getByLabel('Leervragen').fill(fields.learningQuestions);
    await form.getByRole('button', { name: 'Opslaan' }).click();
    await form.waitFor({ state: 'detached' });
  }

  async filterRole(label: 'Iedereen' | 'Deelnemers' | 'Mentoren'): Promise<void> {
    await this.page.getByLabel('Rol', { exact: true }).selectOption({ label });
  }
}
