import { ApiError, errorMessage } from './api';

/**
 * The service writes explanations and refusal messages in Dutch and English only. French readers
 * get the Dutch text (marked lang="nl" where it is shown) until a French rendering exists.
 */
export function explanationLanguage(uiLanguage: string): 'nl' | 'en' {
  return uiLanguage.startsWith('en') ? 'en' : 'nl';
}

/** Picks the explanation in the language the UI can show. */
export function explanationText(text: { nl: string; en: string }, uiLanguage: string): string {
  return text[explanationLanguage(uiLanguage)];
}

/**
 * A refused hand move carries "English (Dutch)" as its message and the Dutch text in details.nl.
 * Shows the Dutch text in a Dutch or French window and the English part in an English one.
 */
export function refusalText(e: unknown, uiLanguage: string): string {
  const message = errorMessage(e);
  if (!(e instanceof ApiError)) return message;
  const details = e.details as { nl?: unknown } | undefined;
  const nl = details && typeof details === 'object' && typeof details.nl === 'string' ? details.nl : null;
  if (nl === null) return message;
  if (explanationLanguage(uiLanguage) === 'nl') return nl;
  const suffix = ` (${nl})`;
  return message.endsWith(suffix) ? message.slice(0, -suffix.length) : message;
}
