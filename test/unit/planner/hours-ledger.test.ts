import { describe, expect, it } from 'vitest';
import { buildHoursLedger } from '../../../src-main/domain/planner/hours-ledger';
import type { ShadowBlock } from '../../../src-main/domain/planner/planner.types';
import { placement } from './planner-fixtures';

const b = (o: Partial<ShadowBlock>): ShadowBlock => ({ id: 1, placementId: 1, date: '2026-02-02', startTime: '09:00', endTime: '16:00', status: 'accepted', ...o });

describe('buildHoursLedger', () => {
  const placements = [placement({ id: 1 }), placement({ id: 2, participantId: 102, participantName: 'Bram' })];

  it('counts planned, done and missing hours per participant', () => {
    const l = buildHoursLedger({ placements, holidays: [], blocks: [b({ id: 1, status: 'done' }), b({ id: 2, date: '2026-02-03', endTime: '12:30' })] });
    const an = l.rows.find((r) => r.participantId === 101)!;
    expect(an).toMatchObject({ requiredHours: 14, doneHours: 7, plannedHours: 3.5, missingHours: 3.5, isComplete: false });
    expect(l.rows.find((r) => r.participantId === 102)).toMatchObject({ missingHours: 14 });
    expect(l.totals.missingHours).toBe(17.5);
  });

  it('lists a mentor double booking once, with a free slot as the fix', () => {
    const l = buildHoursLedger({ placements, holidays: [], blocks: [b({ id: 1 }), b({ id: 2, placementId: 2 })] });
    const c = l.conflicts.filter((x) => x.rule === 'mentor_double_booked');
    expect(c).toHaveLength(1);
    expect(c[0]!.suggestedSlot).toEqual({ date: '2026-02-03', startTime: '09:00', endTime: '16:00' });
    expect(c[0]!.fix).toMatch(/Move the block to 2026-02-03/);
  });

  it('lists participant double bookings, holidays, out-of-window and before-preparation blocks', () => {
    const ps = [placement({ id: 1, preparation: { date: '2026-02-10', endTime: '12:30' } }), placement({ id: 3, mentorId: 203, hostId: 303 })];
    const l = buildHoursLedger({
      placements: ps,
      holidays: [{ date: '2026-04-06', name: 'Paasmaandag' }],
      blocks: [
        b({ id: 1, date: '2026-02-03' }),
        b({ id: 2, placementId: 3, date: '2026-02-03' }),
        b({ id: 3, placementId: 3, date: '2026-04-06' }),
        b({ id: 4, placementId: 3, date: '2026-12-01' }),
      ],
    });
    expect(l.conflicts.map((c) => c.rule).sort()).toEqual(['before_preparation', 'on_holiday', 'outside_window', 'participant_double_booked']);
    expect(l.conflicts.every((c) => c.fix.length > 0)).toBe(true);
  });

  it('suggests only a slot that holds the whole block, so the fix never loses hours', () => {
    // An is only available in the mornings on 3 Feb; the 7-hour block cannot go there, a whole later day can.
    const ps = [placement({ id: 1, participantAvailability: ['tue_am', 'wed_am', 'wed_pm'] })];
    const l = buildHoursLedger({ placements: ps, holidays: [{ date: '2026-02-02', name: 'Test' }], blocks: [b({ id: 1, date: '2026-02-02' })] });
    const slot = l.conflicts.find((c) => c.rule === 'on_holiday')!.suggestedSlot;
    expect(slot).toEqual({ date: '2026-02-04', startTime: '09:00', endTime: '16:00' });
  });

  it('sees a person who shadows at one host and mentors at home as one calendar', () => {
    const ps = [placement({ id: 1, participantId: 101, mentorId: 201 }), placement({ id: 2, participantId: 201, mentorId: 202, hostId: 302, participantName: 'Mira' })];
    const l = buildHoursLedger({ placements: ps, holidays: [], blocks: [b({ id: 1 }), b({ id: 2, placementId: 2 })] });
    expect(l.conflicts.map((c) => c.rule)).toContain('mentor_double_booked');
  });
});
