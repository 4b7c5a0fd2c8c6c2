import { bench, describe } from 'vitest';
import { buildHoursLedger } from '../src-main/domain/planner/hours-ledger';
import type { DayPart, PlannerPlacement } from '../src-main/domain/planner/planner.types';
import { planShadowBlocks } from '../src-main/domain/planner/shadow-schedule';
import { publicHolidays } from '../src-main/io/calendar/holidays';

/*
 * Plans 2,000 jobshadowing placements of 14 hours: 1,000 mentors with 2 participants each,
 * realistic availability (each person free on 3 to 6 of the 10 weekday day parts), Belgian
 * holidays with the Flemish community day, preparation sessions on 17 or 19 January, a quarter
 * of the hosts capping at 4 hours a day. Target: under 2 s for the plan.
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

const placements = makePlacements();
const holidays = publicHolidays({ country: 'BE', region: 'VLG', from: '2026-01-01', to: '2026-12-31' });

describe('planner', () => {
  bench('plan 2,000 placements of 14 hours', () => {
    const r = planShadowBlocks({ placements, holidays });
    if (r.placements.length !== 2000) throw new Error('not all placements planned');
  }, { iterations: 5, warmupIterations: 1 });

  const planned = planShadowBlocks({ placements, holidays });
  bench('hours ledger and conflicts for 2,000 placements', () => {
    buildHoursLedger({ placements, holidays, blocks: planned.blocks });
  }, { iterations: 5, warmupIterations: 1 });
});
