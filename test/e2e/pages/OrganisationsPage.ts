import type { Page } from 'playwright-core';
import { ListPage } from './ListPage';

export class OrganisationsPage extends ListPage {
  constructor(page: Page) {
    super(page, 'organisations-table', 'Zoeken');
  }

  countText(n: number): string {
    return n === 1 ? '1 organisatie' : `${n} organisaties`;
  }

  async edit(fields: { municipality?: string; sector?: string }): Promise<void> {
    await this.panel.getByRole('button', { name: 'Bewerken' }).click();
    const form = this.panel.getByRole('form', { name: 'Organisatie bewerken' });
    if (fields.municipality !== undefined) await form.getByLabel('Gemeente').fill(fields.municipality);
    if (fields.sector !== undefined) await form.getByLabel('Sector').fill(fields.sector);
    await form.getByRole('button', { name: 'Opslaan' }).click();
    await form.waitFor({ state: 'detached' });
  }

  contacts() {
    return this.panel.getByRole('list', { name: 'Contactpersonen' }).getByRole('listitem');
  }

  places() {
    return this.panel.getByRole('list', { name: 'Plaatsen' }).getByRole('listitem');
  }
}
