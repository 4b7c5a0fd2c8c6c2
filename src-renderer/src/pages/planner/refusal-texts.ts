import type { TFunction } from 'i18next';
import { ApiError, errorMessage } from '../../lib/api';
import { ruleText, type Params } from './texts';

/**
 * The reasons a move, split or accept was refused, one per broken rule. The service sends them in
 * the error's details; without details the message is shown as it came.
 */
export function refusalTexts(t: TFunction, language: string, e: unknown): string[] {
  if (e instanceof ApiError) {
    const details = e.details as { errors?: unknown } | undefined;
    const errors = details && typeof details === 'object' && Array.isArray(details.errors) ? details.errors : [];
    const texts = errors.flatMap((x: unknown) => {
      if (typeof x !== 'object' || x === null) return [];
      const { code, message, params } = x as { code?: unknown; message?: unknown; params?: unknown };
      if (typeof code !== 'string' || typeof message !== 'string') return [];
      return [ruleText(t, language, code, (typeof params === 'object' && params !== null ? params : {}) as Params, message)];
    });
    if (texts.length > 0) return [...new Set(texts)];
  }
  return [errorMessage(e)];
}
