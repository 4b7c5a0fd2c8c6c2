/** A timestamp as the coordinator reads it, in the UI language; the raw text if it is not a date. */
export function formatDateTime(iso: string, language: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString(language, { dateStyle: 'medium', timeStyle: 'short' });
}
