import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { ApiError, errorMessage } from './api';
import { serverFieldErrors } from './field-errors';

/**
 * Puts a failed save where the coordinator looks: the message for the whole form, and, when the
 * service names a field (a taken e-mail, an invalid value), that field's message too.
 * Returns the message for the form's alert.
 */
export function applyServerError<T extends FieldValues>(e: unknown, fields: readonly string[], setError: UseFormSetError<T>): string {
  const message = errorMessage(e);
  if (!(e instanceof ApiError)) return message;
  const mark = (field: string, text: string) => {
    // Update calls validate `{ id, patch: {...} }`, so their paths start with "patch".
    const name = field.replace(/^patch\./, '');
    if (fields.includes(name)) setError(name as Path<T>, { type: 'server', message: text });
  };
  for (const { field, message: text } of serverFieldErrors(e.details)) mark(field, text);
  const single = e.details as { field?: unknown } | undefined;
  if (single && typeof single === 'object' && typeof single.field === 'string') mark(single.field, message);
  return message;
}
