import type { DayHalf, DayPart, DayPartTimes, PlannerId, PlannerPlacement } from './planner.types';
import { toMinutes, weekdayKey } from './calendar-dates';

/*
 * Small shared helpers of the planner: id keys and ordering, availability lookups, day-part maths.
 * Internal to domain/planner; the public API is in the role files.
 */

/** A map key that keeps `5` and `"5"` apart. */
export function idKey(id: PlannerId): string {
  return typeof id === 'number' ? `n${id}` : `s${id}`;
}

/** Total order on ids: numbers first (numerically), then strings (code-unit order). Never random. */
export function compareIds(a: PlannerId, b: PlannerId): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'number') return -1;
  if (typeof b === 'number') return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

const WEEKDAY_PARTS: ReadonlySet<string> = new Set(
  ['mon', 'tue', 'wed', 'thu', 'fri'].flatMap((d) => [`${d}_am`, `${d}_pm`]),
);

/** Availability as a set; empty (not recorded) reads as every weekday morning and afternoon. */
export function availabilitySet(parts: readonly DayPart[]): ReadonlySet<string> {
  return parts.length === 0 ? WEEKDAY_PARTS : new Set(parts);
}

/** The day part of a date and half: 2026-02-17 + am = `tue_am`. */
export function dayPartOf(date: string, half: DayHalf): DayPart {
  return `${weekdayKey(date)}_${half}` as DayPart;
}

/** Minutes of a day part. */
export function halfMinutes(dayParts: DayPartTimes, half: DayHalf): number {
  return toMinutes(dayParts[half].end) - toMinutes(dayParts[half].start);
}

/** The halves a time interval overlaps. */
export function halvesOverlapped(dayParts: DayPartTimes, start: number, end: number): DayHalf[] {
  return (['am', 'pm'] as const).filter((h) => start < toMinutes(dayParts[h].end) && end > toMinutes(dayParts[h].start));
}

/** Minutes to plan for a placement: one block for visit formats, the required hours for `hours`. */
export function targetMinutes(p: PlannerPlacement, dayParts: DayPartTimes): number {
  const cap = p.maxHoursPerDay === null ? Number.POSITIVE_INFINITY : Math.round(p.maxHoursPerDay * 60);
  switch (p.format) {
    case 'day':
      return Math.min(toMinutes(dayParts.pm.end) - toMinutes(dayParts.am.start), cap);
    case 'half_day':
    case 'day_part':
      return Math.min(halfMinutes(dayParts, 'am'), cap);
    case 'hours':
      return Math.round(p.requiredHours * 60);
  }
}

/** Hours with at most two decimals, for messages and ledgers (3.5, not 3.4999999). */
export function hoursOf(minutes: number): number {
  return Math.round((minutes / 60) * 100) / 100;
}

/** A participant's or mentor's display name, falling back to the id. */
export function nameOr(name: string | null | undefined, fallback: string, id: PlannerId): string {
  return name && name.trim() !== '' ? name : `${fallback} ${String(id)}`;
}
