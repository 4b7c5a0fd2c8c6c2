import type { PlannerPlacement } from '../../../src-main/domain/planner/planner.types';

/** A 14-hour jobshadowing placement in February 2026 with everyone available on weekdays. */
export function placement(overrides: Partial<PlannerPlacement> = {}): PlannerPlacement {
  return {
    id: 1,
    participantId: 101,
    mentorId: 201,
    hostId: 301,
    format: 'hours',
    requiredHours: 14,
    windowStart: '2026-02-02',
    windowEnd: '2026-09-30',
    maxHoursPerDay: null,
    participantAvailability: [],
    hostAvailability: [],
    preparation: null,
    participantName: 'An',
    mentorName: 'Mira',
    hostName: 'De Vlinder',
    ...overrides,
  };
}
