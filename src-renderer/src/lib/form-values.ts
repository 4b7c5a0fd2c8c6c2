/*
 * HTML inputs always give strings; the shared schemas want null for "not filled in" and numbers
 * for numbers. These run as react-hook-form's setValueAs, before the zod resolver sees the value.
 */

export function emptyToNull(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  const s = String(v);
  return s.trim() === '' ? null : s;
}

export function numberOrNull(v: unknown): number | null {
  if (v === null || v === undefined || (typeof v === 'string' && v.trim() === '')) return null;
  // A comma is the decimal separator for Dutch and French users.
  return Number(String(v).replace(',', '.'));
}

export function idOrNull(v: unknown): number | null {
  if (v === null || v === undefined || v === '') return null;
  return Number(v);
}
