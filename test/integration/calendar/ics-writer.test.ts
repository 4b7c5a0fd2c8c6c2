import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { eventUid, icsFileName, writeIcs, type CalendarEvent } from '../../../src-main/io/calendar/ics-writer';

const events: CalendarEvent[] = [
  {
    key: 'block-345', title: 'Jobshadowing bij De Vlinder', date: '2026-07-14', startTime: '09:00', endTime: '16:00',
    location: 'De Vlinder, Kerkstraat 1, 9000 Gent', isTentative: true,
    contacts: [{ role: 'Mentor', name: 'Mira Janssens', phone: '+32 470 12 34 56', email: 'mira@vlinder.be' }],
  },
  {
    key: 'session-12', title: 'Voorbereiding KOALA', date: '2026-01-17', startTime: '09:30', endTime: '12:30',
    location: 'Opgroeien, Hallepoort 27, 1000 Brussel', notes: 'Breng je leervragen mee.',
  },
];
const options = { name: 'Switching Talent 2026 - An Peeters', programmeId: 7, timeZone: 'Europe/Brussels' as const, now: '2026-11-23T10:00:00+01:00' };

describe('writeIcs round trip through ical.js', () => {
  const text = writeIcs(events, options);
  const cal = new ICAL.Component(ICAL.parse(text));
  // Register the file's own VTIMEZONE, as a calendar app does, so times resolve to instants.
  for (const vtz of cal.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(vtz);
  const vevents = cal.getAllSubcomponents('vevent').map((c) => new ICAL.Event(c));

  it('writes every event in date order with stable UIDs', () => {
    expect(vevents.map((e) => e.uid)).toEqual([eventUid(7, 'session-12'), eventUid(7, 'block-345')]);
    expect(writeIcs(events.slice().reverse(), options)).toBe(text);
  });

  it('keeps wall-clock times in Europe/Brussels, winter and summer', () => {
    const [winter, summer] = vevents;
    expect(winter!.startDate.toString()).toBe('2026-01-17T09:30:00');
    expect(winter!.component.getFirstProperty('dtstart')!.getParameter('tzid')).toBe('Europe/Brussels');
    expect(winter!.startDate.zone.tzid).toBe('Europe/Brussels');
    expect(winter!.startDate.toUnixTime()).toBe(Date.UTC(2026, 0, 17, 8, 30) / 1000);
    expect(summer!.endDate.toString()).toBe('2026-07-14T16:00:00');
    expect(summer!.startDate.toUnixTime()).toBe(Date.UTC(2026, 6, 14, 7, 0) / 1000);
    expect(cal.getFirstSubcomponent('vtimezone')?.getFirstPropertyValue('tzid')).toBe('Europe/Brussels');
  });

  it('writes the same text whatever the time zone of the computer', () => {
    const saved = process.env.TZ;
    try {
      process.env.TZ = 'America/New_York';
      expect(writeIcs(events, options)).toBe(text);
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });

  it('carries location, contacts and the tentative status', () => {
    expect(vevents[1]!.location).toBe('De Vlinder, Kerkstraat 1, 9000 Gent');
    expect(vevents[1]!.description).toContain('Mentor: Mira Janssens (+32 470 12 34 56, mira@vlinder.be)');
    expect(vevents[1]!.component.getFirstPropertyValue('status')).toBe('TENTATIVE');
    expect(vevents[0]!.description).toBe('Breng je leervragen mee.');
    expect(vevents[0]!.summary).toBe('Voorbereiding KOALA');
  });

  it('writes Amsterdam time for Dutch programmes and a safe file name', () => {
    const nl = new ICAL.Component(ICAL.parse(writeIcs(events, { ...options, timeZone: 'Europe/Amsterdam' })));
    expect(nl.getFirstSubcomponent('vevent')!.getFirstProperty('dtstart')!.getParameter('tzid')).toBe('Europe/Amsterdam');
    expect(nl.getFirstSubcomponent('vtimezone')!.getFirstPropertyValue('tzid')).toBe('Europe/Amsterdam');
    expect(icsFileName('Switching Talent 2026 – Ann Peëters')).toBe('switching-talent-2026-ann-peeters.ics');
  });
});
