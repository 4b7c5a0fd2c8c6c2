/*
 * Calendar arithmetic on ISO dates (YYYY-MM-DD) as the planner stores them: days without a time
 * zone. Everything runs in UTC so a day never shifts by one around daylight saving time.
 */

const DAY_MS = 86_400_000;

function toUtc(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1);
}

function fromUtc(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function isIsoDate(s: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(toUtc(s));
}

export function addDays(date: string, days: number): string {
  return fromUtc(toUtc(date) + days * DAY_MS);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((toUtc(to) - toUtc(from)) / DAY_MS);
}

/** Monday = 0 ... Sunday = 6 (weeks start on Monday in Belgium and the Netherlands). */
export function weekdayIndex(date: string): number {
  return (new Date(toUtc(date)).getUTCDay() + 6) % 7;
}

export function startOfWeek(date: string): string {
  return addDays(date, -weekdayIndex(date));
}

export function startOfMonth(date: string): string {
  return `${date.slice(0, 7)}-01`;
}

export function addMonths(date: string, months: number): string {
  const d = new Date(toUtc(startOfMonth(date)));
  d.setUTCMonth(d.getUTCMonth() + months);
  return fromUtc(d.getTime());
}

/** The Monday-started weeks that cover the month of `date`, each as 7 ISO dates. */
export function monthWeeks(date: string): string[][] {
  const first = startOfMonth(date);
  const month = first.slice(0, 7);
  const weeks: string[][] = [];
  for (let monday = startOfWeek(first); monday.slice(0, 7) <= month; monday = addDays(monday, 7)) {
    weeks.push(Array.from({ length: 7 }, (_, i) => addDays(monday, i)));
  }
  return weeks;
}

export function todayIso(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

function format(date: string, language: string, options: Intl.DateTimeFormatOptions): string {
  if (!isIsoDate(date)) return date;
  return new Intl.DateTimeFormat(language, { ...options, timeZone: 'UTC' }).format(new Date(toUtc(date)));
}

/** "ma 1 feb. 2027" */
export function formatDate(date: string, language: string): string {
  return format(date, language, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' });
}

/** "1 feb." */
export function formatDayMonth(date: string, language: string): string {
  return format(date, language, { day: 'numeric', month: 'short' });
}

/** "februari 2027" */
export function formatMonth(date: string, language: string): string {
  return format(date, language, { month: 'long', year: 'numeric' });
}

/** "ma" */
export function formatWeekday(date: string, language: string): string {
  return format(date, language, { weekday: 'short' });
}

/** Minutes between two HH:MM times. */
export function minutesBetween(start: string, end: string): number {
  const m = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));
  return m(end) - m(start);
}

/** Hours with at most two decimals, in the UI language ("3,5"). */
export function formatHours(hours: number, language: string): string {
  return new Intl.NumberFormat(language, { maximumFractionDigits: 2 }).format(hours);
}
