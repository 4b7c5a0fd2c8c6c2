import type nl from './nl';

// Makes every t('key') checked against the Dutch source at compile time.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof nl };
  }
}
