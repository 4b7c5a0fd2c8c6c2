/*
 * Pure calendar arithmetic on ISO strings. The domain has no clock and no `Date` (lint rule), so
 * days are counted as "day numbers" (days since 1970-01-01 in the proleptic Gregorian calendar)
 * with the civil-from-days algorithm. Invariant: every function accepts and returns zero-padded
 * `YYYY-MM-DD` / `HH:MM`, which also sort correctly as text.
 */

/** A weekday key as used in availability day parts (`mon_am`). Index 0 is Monday. */
export const WEEKDAY_KEYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
/** One of {@link WEEKDAY_KEYS}. */
export type WeekdayKey = (typeof WEEKDAY_KEYS)[number];

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** True for a real calendar date written `YYYY-MM-DD` (2026-02-30 is false). */
export function isIsoDate(text: string): boolean {
  const m = ISO_DATE.exec(text);
  if (!m) return false;
  const month = Number(m[2]);
  const day = Number(m[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(Number(m[1]), month);
}

/** True for a time of day `HH:MM` (00:00 to 23:59). */
export function isTime(text: string): boolean {
  return TIME.test(text);
}

/** Number of days in a month (1-12) of a year, leap years included. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Days since 1970-01-01 for a year, month (1-12) and day. */
export function dayNumberFromParts(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Days since 1970-01-01 of an ISO date. Throws on text that is not a date: callers validate input first. */
export function toDayNumber(date: string): number {
  const m = ISO_DATE.exec(date);
  if (!m) throw new Error(`Not a date (YYYY-MM-DD): ${date}`);
  return dayNumberFromParts(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** The ISO date of a day number (inverse of {@link toDayNumber}). */
export function fromDayNumber(dayNumber: number): string {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/** ISO date from parts; the day is clamped to the month's length (31 February is 28/29 February). */
export function isoDate(year: number, month: number, day: number): string {
  return `${pad(year, 4)}-${pad(month)}-${pad(Math.min(day, daysInMonth(year, month)))}`;
}

/** `date` plus `days` (negative goes back). */
export function addDays(date: string, days: number): string {
  return fromDayNumber(toDayNumber(date) + days);
}

/** `date` plus whole months; the day is clamped (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(date: string, months: number): string {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const day = Number(date.slice(8, 10));
  const index = year * 12 + (month - 1) + months;
  return isoDate(Math.floor(index / 12), (index % 12) + 1, day);
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  return toDayNumber(to) - toDayNumber(from);
}

/** Weekday index, 0 = Monday ... 6 = Sunday (ISO 8601). */
export function weekdayIndex(date: string): number {
  // 1970-01-01 was a Thursday (index 3).
  return (((toDayNumber(date) + 3) % 7) + 7) % 7;
}

/** Weekday key (`mon` ... `sun`) of a date. */
export function weekdayKey(date: string): WeekdayKey {
  return WEEKDAY_KEYS[weekdayIndex(date)] ?? 'mon';
}

/** Minutes since midnight of `HH:MM`. */
export function toMinutes(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

/** `HH:MM` of minutes since midnight (0..1439). */
export function fromMinutes(minutes: number): string {
  return `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

/** The later of two ISO dates (or times); text order equals time order for zero-padded values. */
export function maxIso(a: string, b: string): string {
  return a > b ? a : b;
}

/** The earlier of two ISO dates (or times). */
export function minIso(a: string, b: string): string {
  return a < b ? a : b;
}

const WEEKDAY_NAMES = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * A date as coordinators read it in messages: "Tue 17 Feb 2026". Messages also carry the ISO date in
 * their params, so the UI can render it in Dutch or French instead.
 */
export function formatDateLong(date: string): string {
  const month = MONTH_NAMES[Number(date.slice(5, 7)) - 1] ?? '';
  return `${WEEKDAY_NAMES[weekdayIndex(date)] ?? ''} ${Number(date.slice(8, 10))} ${month} ${date.slice(0, 4)}`;
}
