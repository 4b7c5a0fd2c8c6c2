import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';

/*
 * Writes .ics files that Outlook and Google Calendar import: one per person or per programme,
 * with group sessions and shadow blocks.
 * - Times are local wall-clock times with TZID=Europe/Brussels or Europe/Amsterdam and a VTIMEZONE
 *   (Outlook ignores TZIDs it cannot resolve from a VTIMEZONE in the file). Both zones follow the
 *   EU rule (CET, CEST from the last Sunday of March to the last Sunday of October), so the
 *   VTIMEZONE is written here with RRULEs instead of a time-zone database.
 * - Hazard: ical-generator formats a `Date` with its local getters when a time zone is set, so we
 *   build each Date from the wall-clock parts with the local constructor; the output is the same in
 *   any process time zone (office hours never fall in the 02:00-03:00 DST gap).
 * - UIDs are derived from the row (programme, kind, id), never random: importing the file again
 *   updates the events instead of duplicating them. DTSTAMP is `now`, passed in.
 */

/** Time zones of the programmes (Belgium, the Netherlands). */
export type CalendarTimeZone = 'Europe/Brussels' | 'Europe/Amsterdam';

/** A person to contact, shown in the event description. */
export interface CalendarContact {
  readonly role: string;
  readonly name: string;
  readonly phone?: string | null;
  readonly email?: string | null;
}

/** One event: a group session or a shadow block. */
export interface CalendarEvent {
  /** Stable per stored row: 'session-12', 'block-345'. Combined with the programme id into the UID. */
  readonly key: string;
  readonly title: string;
  readonly date: string;
  readonly startTime: string;
  readonly endTime: string;
  readonly location: string | null;
  /** Free text first line(s), e.g. the learning questions or the session programme. */
  readonly notes?: string;
  readonly contacts?: readonly CalendarContact[];
  /** Proposed blocks are TENTATIVE, accepted ones and sessions CONFIRMED. */
  readonly isTentative?: boolean;
}

/** Options of {@link writeIcs}. */
export interface IcsOptions {
  /** Calendar name as shown after import ("Switching Talent 2026 - An Peeters"). */
  readonly name: string;
  readonly programmeId: string | number;
  readonly timeZone: CalendarTimeZone;
  /** The moment of export (ISO 8601 with offset), written as DTSTAMP. */
  readonly now: string;
  /** Domain part of the UIDs; default `meeloop.app`. */
  readonly uidDomain?: string;
}

const EU_VTIMEZONE = (tzid: string): string =>
  [
    'BEGIN:VTIMEZONE',
    `TZID:${tzid}`,
    `X-LIC-LOCATION:${tzid}`,
    'BEGIN:DAYLIGHT',
    'TZOFFSETFROM:+0100',
    'TZOFFSETTO:+0200',
    'TZNAME:CEST',
    'DTSTART:19700329T020000',
    'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
    'END:DAYLIGHT',
    'BEGIN:STANDARD',
    'TZOFFSETFROM:+0200',
    'TZOFFSETTO:+0100',
    'TZNAME:CET',
    'DTSTART:19701025T030000',
    'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
    'END:STANDARD',
    'END:VTIMEZONE',
  ].join('\r\n');

function vtimezone(tzid: string): string | null {
  return tzid === 'Europe/Brussels' || tzid === 'Europe/Amsterdam' ? EU_VTIMEZONE(tzid) : null;
}

function wallClock(date: string, time: string): Date {
  return new Date(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)), Number(time.slice(0, 2)), Number(time.slice(3, 5)));
}

/** The UID of an event: the same row gives the same UID in every export. */
export function eventUid(programmeId: string | number, key: string, domain = 'meeloop.app'): string {
  return `meeloop-p${String(programmeId)}-${key.replace(/[^A-Za-z0-9_-]/g, '_')}@${domain}`;
}

function description(e: CalendarEvent): string {
  const lines: string[] = [];
  if (e.notes && e.notes.trim() !== '') lines.push(e.notes.trim(), '');
  for (const c of e.contacts ?? []) {
    const reach = [c.phone, c.email].filter((x): x is string => typeof x === 'string' && x !== '').join(', ');
    lines.push(`${c.role}: ${c.name}${reach ? ` (${reach})` : ''}`);
  }
  return lines.join('\n').trim();
}

/**
 * The .ics text for a set of events (per person: their sessions and blocks; per programme: all).
 * Events are written in date order; the text is the same for the same input.
 */
export function writeIcs(events: readonly CalendarEvent[], options: IcsOptions): string {
  const calendar = ical({
    name: options.name,
    prodId: { company: 'Meeloop', product: 'Meeloop', language: 'NL' },
    method: ICalCalendarMethod.PUBLISH,
    timezone: { name: options.timeZone, generator: vtimezone },
  });
  const sorted = events.slice().sort((a, b) => (a.date !== b.date ? (a.date < b.date ? -1 : 1) : a.startTime !== b.startTime ? (a.startTime < b.startTime ? -1 : 1) : a.key < b.key ? -1 : 1));
  // DTSTAMP goes through the same local-getter formatting: feed it the UTC parts of `now` so the
  // file does not depend on the computer's time zone.
  const instant = new Date(options.now);
  const stamp = new Date(instant.getUTCFullYear(), instant.getUTCMonth(), instant.getUTCDate(), instant.getUTCHours(), instant.getUTCMinutes(), instant.getUTCSeconds());
  for (const e of sorted) {
    const text = description(e);
    calendar.createEvent({
      id: eventUid(options.programmeId, e.key, options.uidDomain),
      summary: e.title,
      start: wallClock(e.date, e.startTime),
      end: wallClock(e.date, e.endTime),
      timezone: options.timeZone,
      location: e.location && e.location.trim() !== '' ? e.location : null,
      description: text === '' ? null : text,
      stamp,
      x: { 'X-MICROSOFT-CDO-BUSYSTATUS': e.isTentative ? 'TENTATIVE' : 'BUSY' },
      status: e.isTentative ? ICalEventStatus.TENTATIVE : ICalEventStatus.CONFIRMED,
    });
  }
  return calendar.toString();
}

/** A file name for a calendar that Windows, macOS and Linux accept: "switching-talent-an-peeters.ics". */
export function icsFileName(name: string): string {
  const base = name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  const cut = base.slice(0, 80).replace(/-+$/, '');
  // "con.ics" and the like are device names on Windows: a file by that name cannot be created there.
  const safe = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/.test(cut) ? `${cut}-calendar` : cut;
  return `${safe === '' ? 'calendar' : safe}.ics`;
}
