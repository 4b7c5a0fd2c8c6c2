import type { Locator, Page } from 'playwright-core';

/** The window around every page: navigation, the alert region and the first-start dialog. */
export class AppShell {
  readonly page: Page;
  readonly nav: Locator;
  readonly alert: Locator;
  readonly status: Locator;
  readonly firstStart: Locator;

  constructor(page: Page) {
    this.page = page;
    this.nav = page.getByRole('navigation');
    this.alert = page.locator('main [role="alert"]').first();
    this.status = page.locator('main [role="status"]').first();
    this.firstStart = page.getByRole('dialog');
  }

  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await this.nav.waitFor();
  }

  async go(label: string | RegExp): Promise<void> {
    await this.nav.getByRole('link', { name: label }).click();
  }

  heading(): Locator {
    return this.page.getByRole('heading', { level: 1 });
  }

  navLabels(): Promise<string[]> {
    return this.nav.getByRole('link').allInnerTexts();
  }

  async chooseDemo(): Promise<void> {
    await this.firstStart.getByRole('button', { name: 'Demo openen' }).click();
    await this.firstStart.waitFor({ state: 'detached', timeout: 60_000 });
  }
}
