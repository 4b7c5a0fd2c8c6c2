import Holidays from 'date-holidays';
import type { Holiday } from '../../domain/planner/planner.types';

/*
 * Public holidays for the shadow schedule, from date-holidays (offline data, no network).
 * National: the holidays of type `public` for the country. Regional: what the region's calendar
 * has on top of the national one (Flemish, French-speaking, German-speaking community days, the
 * Brussels Iris day 8 May), whatever type date-holidays gives them: for public services and many
 * employers in care and welfare these are days off.
 * School holidays: date-holidays has no school holiday periods for BE or NL (no herfst-, kerst- or
 * zomervakantie); it only marks single days of type `school` (NL: Goede Vrijdag, Bevrijdingsdag),
 * which `includeSchoolDays` adds. Periods must be passed in as extra closed days by the caller.
 */

/** Countries Meeloop plans in. */
export type HolidayCountry = 'BE' | 'NL';

/** Regions date-holidays knows: BE VLG, WAL, BRU, DE (German-speaking community); NL GR, NH, ZH. */
export const HOLIDAY_REGIONS: Readonly<Record<HolidayCountry, readonly string[]>> = {
  BE: ['VLG', 'WAL', 'BRU', 'DE'],
  NL: ['GR', 'NH', 'ZH'],
};

/** A holiday with where it comes from. */
export interface HolidayEntry extends Holiday {
  readonly scope: 'national' | 'regional' | 'school';
}

/** Options of {@link publicHolidays}. */
export interface PublicHolidayOptions {
  readonly country: HolidayCountry;
  /** A region code from {@link HOLIDAY_REGIONS}; absent: national holidays only. */
  readonly region?: string | null;
  /** First and last day, inclusive, `YYYY-MM-DD`. */
  readonly from: string;
  readonly to: string;
  /** Language of the names (default nl; BE also fr, de, en; NL also en). */
  readonly language?: 'nl' | 'fr' | 'de' | 'en';
  /** Add the single school days date-holidays knows (see above). Default false. */
  readonly includeSchoolDays?: boolean;
}

interface RawHoliday { date: string; name: string; type: string }

function rawForYear(country: HolidayCountry, region: string | null, year: number, language: string): RawHoliday[] {
  const hd = region ? new Holidays(country, region, { languages: [language] }) : new Holidays(country, { languages: [language] });
  const list = hd.getHolidays(year) as unknown as RawHoliday[];
  // `date` is local to the country ("2026-05-14 00:00:00"): its first ten characters are the day.
  return list.map((h) => ({ date: h.date.slice(0, 10), name: h.name, type: h.type }));
}

/**
 * Holidays between `from` and `to` for a country and optional region, one entry per date (when two
 * fall on one day the names are joined), sorted by date. Throws a coordinator-readable error for
 * an unknown region.
 */
export function publicHolidays(options: PublicHolidayOptions): HolidayEntry[] {
  const language = options.language ?? 'nl';
  const region = options.region ? options.region.toUpperCase() : null;
  if (region && !HOLIDAY_REGIONS[options.country].includes(region)) {
    throw new Error(`Unknown region "${options.region}" for ${options.country}. Choose one of ${HOLIDAY_REGIONS[options.country].join(', ')}, or leave the region empty for national holidays only.`);
  }
  if (!/^\d{4}-\d{2}-\d{2}$/.test(options.from) || !/^\d{4}-\d{2}-\d{2}$/.test(options.to) || options.to < options.from) {
    throw new Error('Give the period as two dates YYYY-MM-DD, the end on or after the start.');
  }
  const byDate = new Map<string, HolidayEntry>();
  const add = (h: RawHoliday, scope: HolidayEntry['scope']): void => {
    if (h.date < options.from || h.date > options.to) return;
    const current = byDate.get(h.date);
    if (!current) byDate.set(h.date, { date: h.date, name: h.name, scope });
    else if (!current.name.split(' / ').includes(h.name)) byDate.set(h.date, { ...current, name: `${current.name} / ${h.name}` });
  };
  for (let year = Number(options.from.slice(0, 4)); year <= Number(options.to.slice(0, 4)); year++) {
    const national = rawForYear(options.country, null, year, language);
    for (const h of national) if (h.type === 'public') add(h, 'national');
    if (region) {
      const nationalKeys = new Set(national.map((h) => `${h.date}|${h.name}`));
      for (const h of rawForYear(options.country, region, year, language)) {
        if (!nationalKeys.has(`${h.date}|${h.name}`)) add(h, 'regional');
      }
    }
    if (options.includeSchoolDays) for (const h of national) if (h.type === 'school') add(h, 'school');
  }
  return [...byDate.values()].sort((a, b) => (a.date < b.date ? -1 : 1));
}
