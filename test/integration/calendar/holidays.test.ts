import { describe, expect, it } from 'vitest';
import { publicHolidays } from '../../../src-main/io/calendar/holidays';

describe('publicHolidays', () => {
  it('gives the Belgian national holidays of 2026', () => {
    const h = publicHolidays({ country: 'BE', from: '2026-01-01', to: '2026-12-31' });
    expect(h.map((x) => x.date)).toEqual(['2026-01-01', '2026-04-06', '2026-05-01', '2026-05-14', '2026-05-25', '2026-07-21', '2026-08-15', '2026-11-01', '2026-11-11', '2026-12-25']);
    expect(h.every((x) => x.scope === 'national')).toBe(true);
  });

  it('adds the regional days when a region is given', () => {
    const flanders = publicHolidays({ country: 'BE', region: 'VLG', from: '2026-07-01', to: '2026-07-31' });
    expect(flanders).toContainEqual({ date: '2026-07-11', name: 'Feestdag van de Vlaamse Gemeenschap', scope: 'regional' });
    const brussels = publicHolidays({ country: 'BE', region: 'bru', from: '2026-05-01', to: '2026-05-31' });
    expect(brussels.find((x) => x.date === '2026-05-08')?.scope).toBe('regional');
    expect(publicHolidays({ country: 'BE', from: '2026-07-01', to: '2026-07-31' }).map((x) => x.date)).toEqual(['2026-07-21']);
  });

  it('gives Dutch holidays, names in French for Belgium when asked, school days as an option', () => {
    const nl = publicHolidays({ country: 'NL', from: '2026-04-01', to: '2026-05-31' });
    expect(nl.map((x) => x.date)).toContain('2026-04-27');
    expect(nl.map((x) => x.date)).not.toContain('2026-05-05');
    const withSchool = publicHolidays({ country: 'NL', from: '2026-04-01', to: '2026-05-31', includeSchoolDays: true });
    expect(withSchool.find((x) => x.date === '2026-05-05')?.scope).toBe('school');
    expect(publicHolidays({ country: 'BE', from: '2026-12-25', to: '2026-12-25', language: 'fr' })[0]!.name).toBe('Noël');
  });

  it('spans years and refuses an unknown region with a fix', () => {
    const h = publicHolidays({ country: 'BE', from: '2025-12-20', to: '2026-01-05' });
    expect(h.map((x) => x.date)).toEqual(['2025-12-25', '2026-01-01']);
    expect(() => publicHolidays({ country: 'NL', region: 'VLG', from: '2026-01-01', to: '2026-12-31' })).toThrow(/Choose one of GR, NH, ZH/);
  });
});
