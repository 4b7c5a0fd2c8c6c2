import type { TFunction } from 'i18next';
import type { FieldError } from 'react-hook-form';

/*
 * The shared schemas carry English messages (the CLI prints them). The window speaks the
 * coordinator's language, so the messages it knows are translated; anything else is shown as is,
 * which is still better than hiding it.
 */
const KNOWN: Record<string, 'required' | 'email' | 'postcode' | 'website' | 'personRole'> = {
  'This field is required.': 'required',
  'This is not an e-mail address.': 'email',
  'Use a Belgian (1000) or Dutch (1234 AB) postcode.': 'postcode',
  'A website starts with http:// or https://.': 'website',
  'A person is a participant, a mentor or both.': 'personRole',
};

export function fieldErrorText(t: TFunction, error: FieldError): string {
  const message = error.message ?? '';
  const known = KNOWN[message];
  if (known) return t(`validation.${known}`);
  if (error.type === 'too_big' && /string|characters/i.test(message)) return t('validation.tooLong');
  if (error.type === 'invalid_type' && /number/i.test(message)) return t('validation.number');
  if (error.type === 'too_small' && /array|items/i.test(message)) return t('validation.languages');
  return message;
}

/** Server-side validation details, as the error envelope carries them, mapped to form fields. */
export function serverFieldErrors(details: unknown): { field: string; message: string }[] {
  if (Array.isArray(details)) {
    return details.flatMap((d: unknown) => {
      if (typeof d !== 'object' || d === null) return [];
      const { path, message } = d as { path?: unknown; message?: unknown };
      const field = Array.isArray(path) ? path.join('.') : '';
      return field !== '' && typeof message === 'string' ? [{ field, message }] : [];
    });
  }
  return [];
}
