import type { Language } from '../../../src-shared/schemas/common.schema';

/*
 * Dates and numbers as each language writes them. Pure string arithmetic on ISO dates: the domain
 * has no clock and no Intl dependency on the host's ICU data (Electron and Node may ship different
 * locale data, and a printed programme must read the same on every machine).
 */

const MONTHS: Record<Language, readonly string[]> = {
  nl: ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'],
  fr: ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};
const WEEKDAYS: Record<Language, readonly string[]> = {
  nl: ['zondag', 'maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag'],
  fr: ['dimanche', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi'],
  en: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
};

function parts(iso: string): [number, number, number] {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new Error(`Not an ISO date: ${iso}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

/** Day of the week, 0 = Sunday (Sakamoto's method, valid for the Gregorian calendar). */
export function weekday(iso: string): number {
  const [y0, m, d] = parts(iso);
  const t = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4] as const;
  const y = m < 3 ? y0 - 1 : y0;
  return (y + Math.floor(y / 4) - Math.floor(y / 100) + Math.floor(y / 400) + (t[m - 1] ?? 0) + d) % 7;
}

/** "3 februari 2026", "3 février 2026", "3 February 2026". */
export function formatDate(iso: string, lang: Language): string {
  const [y, m, d] = parts(iso);
  const day = lang === 'fr' && d === 1 ? '1er' : String(d);
  return `${day} ${MONTHS[lang][m - 1] ?? ''} ${y}`;
}

/** "dinsdag 3 februari 2026": for schedules, where the weekday helps planning. */
export function formatLongDate(iso: string, lang: Language): string {
  return `${WEEKDAYS[lang][weekday(iso)] ?? ''} ${formatDate(iso, lang)}`;
}

/** "09:30" stays "09:30" in nl/en and becomes "9h30" in fr. */
export function formatTime(hhmm: string, lang: Language): string {
  if (lang !== 'fr') return hhmm;
  const [h, m] = hhmm.split(':');
  return `${Number(h)}h${m ?? '00'}`;
}

/** Minutes between two HH:MM times on the same day. */
export function minutesBetween(start: string, end: string): number {
  const toMinutes = (t: string) => {
    const [h, m] = t.split(':');
    return Number(h) * 60 + Number(m);
  };
  return toMinutes(end) - toMinutes(start);
}

/** Hours with at most two decimals and the language's decimal separator: 3,5 (nl, fr) or 3.5 (en). */
export function formatNumber(value: number, lang: Language): string {
  const rounded = Math.round(value * 100) / 100;
  const text = Number.isInteger(rounded) ? String(rounded) : rounded.toFixed(2).replace(/0$/, '');
  return lang === 'en' ? text : text.replace('.', ',');
}

/** A list of dates joined the way a sentence would: "3 en 4 februari 2026" is not attempted; each date in full. */
export function formatDateList(isos: readonly string[], lang: Language): string {
  const dates = [...new Set(isos)].sort().map((d) => formatDate(d, lang));
  if (dates.length <= 1) return dates[0] ?? '';
  const and = { nl: 'en', fr: 'et', en: 'and' }[lang];
  return `${dates.slice(0, -1).join(', ')} ${and} ${dates[dates.length - 1]}`;
}
