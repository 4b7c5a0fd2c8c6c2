import type { FieldError } from 'react-hook-form';

/*
 * Zod's own messages for a number out of range or with decimals ("Too small: expected number to be
 * >0", "expected int") are English and technical. A form knows the bounds of its number fields, so it
 * can say them in the coordinator's words. A message the service sent (type "server") and every
 * other error pass through unchanged, for FormField to translate.
 */
export function numberFieldError(error: FieldError | undefined, outOfRange: string): FieldError | undefined {
  if (!error || error.type === 'server') return error;
  const isRange = error.type === 'too_small' || error.type === 'too_big';
  const isWhole = error.type === 'invalid_type' && /\bint\b|whole number/i.test(error.message ?? '');
  return isRange || isWhole ? { ...error, type: 'translated', message: outOfRange } : error;
}

/** Replaces a schema message the form knows (refinements such as "needs the number of hours") by its translation. */
export function knownFieldError(error: FieldError | undefined, known: Record<string, string>): FieldError | undefined {
  const text = error?.message === undefined ? undefined : known[error.message];
  return error && text !== undefined ? { ...error, type: 'translated', message: text } : error;
}
