import type { Page } from 'playwright-core';

export class SettingsPage {
  constructor(readonly page: Page) {}

  /** The language select is labelled in the current language, so it is found by its id-stable role. */
  async chooseLanguage(nativeName: 'Nederlands' | 'Français' | 'English'): Promise<void> {
    await this.page.locator('#ui-language').selectOption({ label: nativeName });
  }

  dbPath() {
    return this.page.getByTestId('db-path');
  }
}
