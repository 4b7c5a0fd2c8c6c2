import type { Locator, Page } from 'playwright-core';

/**
 * What the organisations and people pages share: a search box, a count line, a sortable table whose
 * first cell is a button that opens the row in the side panel, and that panel.
 */
export class ListPage {
  readonly page: Page;
  readonly table: Locator;
  readonly search: Locator;
  readonly panel: Locator;

  constructor(page: Page, testId: string, searchLabel: string) {
    this.page = page;
    this.table = page.getByTestId(testId);
    this.search = page.getByRole('searchbox', { name: searchLabel });
    this.panel = page.getByRole('complementary');
  }

  rows(): Locator {
    return this.table.locator('tbody tr');
  }

  row(name: string): Locator {
    return this.table.getByRole('button', { name, exact: true });
  }

  /** Waits for the count line, which the page writes only once the server answered. */
  async waitForCount(text: string): Promise<void> {
    await this.page.getByText(text, { exact: true }).waitFor();
  }

  async searchFor(term: string): Promise<void> {
    await this.search.fill(term);
  }

  async select(name: string): Promise<void> {
    await this.row(name).click();
    await this.panel.getByRole('heading', { name, level: 2 }).waitFor();
  }

  async sortBy(header: string): Promise<void> {
    await this.table.getByRole('columnheader', { name: header }).getByRole('button').click();
  }

  /** The visible text of the first column, top to bottom. */
  firstColumn(): Promise<string[]> {
    return this.table.locator('tbody tr td:first-child').allInnerTexts();
  }
}
