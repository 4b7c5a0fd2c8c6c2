import { describe, expect, it } from 'vitest';
import { buildTimePath, timePathStatus } from '../../../src-main/domain/planner/time-path-templates';
import { addDays, addMonths, fromDayNumber, toDayNumber, weekdayKey } from '../../../src-main/domain/planner/calendar-dates';

describe('calendar dates', () => {
  it('does pure calendar arithmetic', () => {
    expect(weekdayKey('2026-11-23')).toBe('mon');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    for (const d of ['1999-12-31', '2000-02-29', '2026-11-23']) expect(fromDayNumber(toDayNumber(d))).toBe(d);
  });
});

describe('buildTimePath', () => {
  it('follows Switching Talent for jobshadowing', () => {
    const path = buildTimePath({ kind: 'jobshadowing', startYear: 2025 });
    const get = (k: string) => path.find((p) => p.key === k)!;
    expect(get('learning_questions')).toMatchObject({ starts: '2025-11-01', ends: '2025-11-30' });
    expect(get('shadowing')).toMatchObject({ starts: '2026-02-01', ends: '2026-09-30' });
    expect(get('preparation_sessions').starts < '2026-02-01').toBe(true);
    expect(get('debrief').starts).toBe('2026-10-01');
    expect(path.map((p) => p.key)).toContain('individual_conversations');
    expect(path.every((p) => p.starts <= p.ends)).toBe(true);
  });

  it('lets the programme windows win over the template', () => {
    const path = buildTimePath({ kind: 'jobshadowing', startYear: 2025, windows: { exchangeStarts: '2026-03-01', exchangeEnds: '2026-06-30' } });
    expect(path.find((p) => p.key === 'shadowing')).toMatchObject({ starts: '2026-03-01', ends: '2026-06-30' });
  });

  it('gives Kijkstage an early-bird week before general registration', () => {
    const path = buildTimePath({ kind: 'kijkstage', startYear: 2026, windows: { registrationOpens: '2026-03-09' } });
    expect(path.map((p) => p.key)).toEqual(['early_bird_registration', 'registration', 'matching', 'visits', 'evaluation']);
    expect(path[0]).toMatchObject({ starts: '2026-03-02', ends: '2026-03-08' });
  });

  it('gives KIEK two rounds with 3-week registration and 6 months of exchanges', () => {
    const path = buildTimePath({ kind: 'exchange_round', startYear: 2026 });
    const regs = path.filter((p) => p.key === 'registration');
    expect(regs.map((r) => [r.starts, r.ends])).toEqual([['2026-03-01', '2026-03-21'], ['2026-09-01', '2026-09-21']]);
    const ex = path.find((p) => p.id === 'exchanges:Voorjaar 2026')!;
    expect(ex).toMatchObject({ starts: '2026-03-22', ends: addDays(addMonths('2026-03-22', 6), -1) });
  });
});

describe('buildTimePath for a programme of one round', () => {
  it('uses the programme\'s own dates as its one round, named after the season', () => {
    const path = buildTimePath({ kind: 'exchange_round', startYear: 2027, windows: { registrationOpens: '2027-08-30', registrationCloses: '2027-09-23', exchangeStarts: '2027-10-04', exchangeEnds: '2027-12-17' } });
    expect(path.map((p) => p.id)).toEqual(['registration:Najaar 2027', 'matching:Najaar 2027', 'exchanges:Najaar 2027', 'evaluation:Najaar 2027']);
    expect(path.find((p) => p.key === 'registration')).toMatchObject({ starts: '2027-08-30', ends: '2027-09-23' });
    expect(path.find((p) => p.key === 'exchanges')).toMatchObject({ starts: '2027-10-04', ends: '2027-12-17' });
  });

  it('counts the registration back from the exchange start when only that is known', () => {
    const path = buildTimePath({ kind: 'exchange_round', startYear: 2027, windows: { exchangeStarts: '2027-04-01' } });
    expect(path.find((p) => p.key === 'registration')).toMatchObject({ round: 'Voorjaar 2027', starts: '2027-03-11', ends: '2027-03-31' });
    expect(path.find((p) => p.key === 'exchanges')).toMatchObject({ starts: '2027-04-01', ends: '2027-09-30' });
  });
});

describe('timePathStatus', () => {
  const path = buildTimePath({ kind: 'jobshadowing', startYear: 2026 });
  it('tells the current phase and upcoming deadlines on 2026-11-23', () => {
    const s = timePathStatus(path, '2026-11-23');
    expect(s.stage).toBe('running');
    expect(s.current.map((p) => p.key)).toContain('learning_questions');
    expect(s.upcomingDeadlines[0]).toMatchObject({ key: 'learning_questions', date: '2026-11-30', daysLeft: 7 });
  });
  it('knows before and after', () => {
    expect(timePathStatus(path, '2026-01-01').stage).toBe('not_started');
    expect(timePathStatus(path, '2028-01-01')).toMatchObject({ stage: 'finished', progress: 1 });
  });
});
