import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import nl from './nl';
import fr from './fr';
import en from './en';

export const UI_LANGUAGES = ['nl', 'fr', 'en'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

const STORAGE_KEY = 'meeloop.language';

function isUiLanguage(x: unknown): x is UiLanguage {
  return typeof x === 'string' && (UI_LANGUAGES as readonly string[]).includes(x);
}

/** The language chosen earlier on this computer; Dutch when nothing (valid) was stored. */
export function storedLanguage(): UiLanguage {
  try {
    const v = window.localStorage.getItem(STORAGE_KEY);
    return isUiLanguage(v) ? v : 'nl';
  } catch {
    // Storage can be unavailable (privacy settings); the app still works in Dutch.
    return 'nl';
  }
}

export async function changeLanguage(lng: UiLanguage): Promise<void> {
  try {
    window.localStorage.setItem(STORAGE_KEY, lng);
  } catch {
    // Not remembered, but the switch itself still applies for this session.
  }
  await i18n.changeLanguage(lng);
}

// Keeps <html lang> right for screen readers, hyphenation and the printed page.
i18n.on('languageChanged', (lng) => {
  document.documentElement.lang = lng;
});

void i18n.use(initReactI18next).init({
  resources: { nl: { translation: nl }, fr: { translation: fr }, en: { translation: en } },
  lng: storedLanguage(),
  fallbackLng: 'nl',
  supportedLngs: [...UI_LANGUAGES],
  // React escapes text itself; escaping here would show &quot; in names.
  interpolation: { escapeValue: false },
});

export default i18n;
