import { bench, describe } from 'vitest';
import { buildHoursLedger } from '../src-main/domain/planner/hours-ledger';
import type { DayPart, PlannerPlacement, SessionBooking } from '../src-main/domain/planner/planner.types';
import { planShadowBlocks } from '../src-main/domain/planner/shadow-schedule';
import { publicHolidays } from '../src-main/io/calendar/holidays';

/*
 * Plans 2,000 jobshadowing placements of 14 hours: 1,000 mentors with 2 participants each,
 * realistic availability (each person free on 3 to 6 of the 10 weekday day parts), Belgian
 * holidays with the Flemish community day, preparation sessions on 17 or 19 January, a quarter
 * of the hosts capping at 4 hours a day. Group sessions are busy time: every participant attends
 * their preparation session and one of eight intervision mornings (February to May, 09:30-12:30),
 * every mentor one of four mentor intervision afternoons (13:30-16:00). Target: under 2 s for the plan.
 */

function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const PARTS: DayPart[] = ['mon_am', 'mon_pm', 'tue_am', 'tue_pm', 'wed_am', 'wed_pm', 'thu_am', 'thu_pm', 'fri_am', 'fri_pm'];

function availability(rand: () => number): DayPart[] {
  const n = 3 + Math.floor(rand() * 4);
  const picked = new Set<DayPart>();
  while (picked.size < n) picked.add(PARTS[Math.floor(rand() * PARTS.length)]!);
  return [...picked];
}

export function makePlacements(count = 2000): PlannerPlacement[] {
  const rand = lcg(20261123);
  const mentors = Array.from({ length: count / 2 }, () => availability(rand));
  return Array.from({ length: count }, (_, i) => {
    const mentor = Math.floor(i / 2);
    return {
      id: i + 1,
      participantId: 10_000 + i,
      mentorId: 20_000 + mentor,
      hostId: 30_000 + Math.floor(mentor / 3),
      format: 'hours' as const,
      requiredHours: 14,
      windowStart: '2026-02-01',
      windowEnd: '2026-09-30',
      maxHoursPerDay: mentor % 4 === 0 ? 4 : null,
      participantAvailability: availability(rand),
      hostAvailability: mentors[mentor]!,
      preparation: { date: i % 2 === 0 ? '2026-01-17' : '2026-01-19', endTime: '12:30' },
    };
  });
}

const INTERVISION_DAYS = ['2026-02-24', '2026-03-10', '2026-03-24', '2026-04-21', '2026-05-05', '2026-05-19', '2026-06-02', '2026-06-16'];
const MENTOR_DAYS = ['2026-02-26', '2026-03-26', '2026-04-23', '2026-05-21'];

/** The group sessions of the people in {@link makePlacements}: 4,000 participant and 1,000 mentor bookings. */
export function makeSessionBookings(placements: readonly PlannerPlacement[]): SessionBooking[] {
  const result: SessionBooking[] = [];
  const mentors = new Set<number>();
  for (const [i, p] of placements.entries()) {
    const prep = p.preparation!;
    result.push({ personId: p.participantId, sessionId: i % 2 === 0 ? 1 : 2, kind: 'preparation', title: 'Voorbereiding', date: prep.date, startTime: '09:30', endTime: prep.endTime });
    const day = i % INTERVISION_DAYS.length;
    result.push({ personId: p.participantId, sessionId: 10 + day, kind: 'intervision', title: 'Intervisie', date: INTERVISION_DAYS[day]!, startTime: '09:30', endTime: '12:30' });
    const mentorId = Number(p.mentorId);
    if (!mentors.has(mentorId)) {
      mentors.add(mentorId);
      const m = mentors.size % MENTOR_DAYS.length;
      result.push({ personId: mentorId, sessionId: 20 + m, kind: 'intervision', title: 'Intervisie mentoren', date: MENTOR_DAYS[m]!, startTime: '13:30', endTime: '16:00' });
    }
  }
  return result;
}

const placements = makePlacements();
const sessionBookings = makeSessionBookings(placements);
const holidays = publicHolidays({ country: 'BE', region: 'VLG', from: '2026-01-01', to: '2026-12-31' });

describe('planner', () => {
  bench('plan 2,000 placements of 14 hours', () => {
    const r = planShadowBlocks({ placements, holidays, sessionBookings });
    if (r.placements.length !== 2000) throw new Error('not all placements planned');
  }, { iterations: 5, warmupIterations: 1 });

  const planned = planShadowBlocks({ placements, holidays, sessionBookings });
  const check = buildHoursLedger({ placements, holidays, sessionBookings, blocks: planned.blocks, skipSuggestions: true });
  // The outcome quoted in bench/RESULTS.md.
  console.log(`planner outcome: ${sessionBookings.length} session bookings, ${planned.blocks.length} blocks, ${planned.fullyPlanned} fully planned, ${planned.missingHours} h missing, ${check.conflicts.length} conflicts`);
  bench('hours ledger and conflicts for 2,000 placements', () => {
    buildHoursLedger({ placements, holidays, sessionBookings, blocks: planned.blocks });
  }, { iterations: 5, warmupIterations: 1 });
});
