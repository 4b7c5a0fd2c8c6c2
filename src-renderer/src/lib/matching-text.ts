import type { TFunction } from 'i18next';
import { refusalFromProblems } from '../pages/matching/explanation-text';
import { ApiError, errorMessage } from './api';

/**
 * A refused hand move carries "English (Dutch)" as its message, and the problem codes and the Dutch
 * text in its details. The window writes the codes in its own language; a refusal without known
 * codes shows the service's Dutch in a Dutch or French window and the English part in an English one.
 */
export function refusalText(e: unknown, t: TFunction, uiLanguage: string): string {
  const message = errorMessage(e);
  if (!(e instanceof ApiError)) return message;
  const details = e.details as { nl?: unknown; problems?: unknown } | undefined;
  if (!details || typeof details !== 'object') return message;
  const own = refusalFromProblems(details.problems, t);
  if (own !== null) return own;
  const nl = typeof details.nl === 'string' ? details.nl : null;
  if (nl === null) return message;
  if (!uiLanguage.startsWith('en')) return nl;
  const suffix = ` (${nl})`;
  return message.endsWith(suffix) ? message.slice(0, -suffix.length) : message;
}
