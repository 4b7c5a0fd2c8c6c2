import { describe, expect, it } from 'vitest';
import { buildHoursLedger } from '../../../src-main/domain/planner/hours-ledger';
import type { SessionBooking, ShadowBlock } from '../../../src-main/domain/planner/planner.types';
import { assignSessions, findSessionOverlaps, type PlannerSession } from '../../../src-main/domain/planner/session-assignment';
import { acceptBlock, checkBlock, findFreeSlot, moveBlock, planShadowBlocks, splitBlock } from '../../../src-main/domain/planner/shadow-schedule';
import { placement } from './planner-fixtures';

/*
 * A group session someone attends is a booking: the shadow schedule plans around it, and a block
 * during it is a double booking (of the participant or of the mentor). Two sessions at the same
 * time for one person are never assigned, and listed when made by hand.
 */

const booking = (o: Partial<SessionBooking> = {}): SessionBooking => ({
  personId: 101,
  sessionId: 7,
  kind: 'preparation',
  title: 'Voorbereiding KOALA',
  date: '2026-02-02',
  startTime: '09:00',
  endTime: '12:00',
  ...o,
});

const block = (o: Partial<ShadowBlock> = {}): ShadowBlock => ({ id: 10, placementId: 1, date: '2026-02-03', startTime: '09:00', endTime: '12:30', status: 'proposed', ...o });

describe('planning around group sessions', () => {
  it('does not plan a block during a session the participant attends', () => {
    // Without the session An's 14 hours are Mon 2 and Tue 3 Feb, whole days.
    const r = planShadowBlocks({ placements: [placement()], holidays: [], sessionBookings: [booking({ kind: 'debrief', title: 'Intervisie 1' })] });
    expect(r.proposed.map((b) => [b.date, b.startTime, b.endTime])).toEqual([
      ['2026-02-02', '12:30', '16:00'],
      ['2026-02-03', '09:00', '16:00'],
      ['2026-02-04', '09:00', '12:30'],
    ]);
    expect(r.fullyPlanned).toBe(1);
    // And what it proposes passes the block check with the same bookings.
    const ctx = { placements: [placement()], holidays: [], sessionBookings: [booking({ kind: 'debrief' })] };
    expect(r.proposed.flatMap((b) => checkBlock(b, r.proposed, ctx)).filter((v) => v.severity === 'error')).toEqual([]);
  });

  it('does not plan a block during a session the mentor attends', () => {
    const r = planShadowBlocks({
      placements: [placement({ format: 'day' })],
      holidays: [],
      sessionBookings: [booking({ personId: 201, kind: 'intervision', title: 'Intervisie mentoren', startTime: '13:00', endTime: '15:00' })],
    });
    expect(r.proposed.map((b) => b.date)).toEqual(['2026-02-03']);
  });

  it('says a session took the time when hours do not fit', () => {
    const r = planShadowBlocks({
      placements: [placement({ format: 'day', windowStart: '2026-02-02', windowEnd: '2026-02-02' })],
      holidays: [],
      sessionBookings: [booking()],
    });
    expect(r.fullyPlanned).toBe(0);
    expect(r.placements[0]!.problems[0]!.message).toMatch(/overlapped a group session of An or the mentor/);
  });

  it('suggests a free slot that avoids sessions', () => {
    const slot = findFreeSlot(1, [], { placements: [placement()], holidays: [], sessionBookings: [booking({ startTime: '13:00', endTime: '16:00' })] }, { minutes: 7 * 60 });
    expect(slot).toEqual({ date: '2026-02-03', startTime: '09:00', endTime: '16:00' });
  });
});

describe('block rules with group sessions', () => {
  const placements = [placement({ id: 1 })];
  const ctx = { placements, holidays: [], sessionBookings: [booking({ date: '2026-02-03', startTime: '09:00', endTime: '12:00' })] };

  it('refuses to move a block onto a session of the participant, naming the session', () => {
    const r = moveBlock([block({ date: '2026-02-10' })], 10, { date: '2026-02-03', startTime: '10:00', endTime: '14:00' }, ctx);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const e = r.errors.find((x) => x.rule === 'participant_double_booked')!;
    expect(e.message).toBe(
      "An has the preparation session 'Voorbereiding KOALA' from 09:00 to 12:00 on Tue 3 Feb 2026, during this block (10:00-14:00); move the block, or move An to another preparation session.",
    );
    expect(e.code).toBe('participant_double_booked');
    expect(e.sessionId).toBe(7);
    expect(e.otherBlockId).toBeUndefined();
    expect(e.params).toMatchObject({ name: 'An', date: '2026-02-03', startTime: '10:00', endTime: '14:00', otherStart: '09:00', otherEnd: '12:00', sessionId: 7, sessionTitle: 'Voorbereiding KOALA', sessionKind: 'preparation' });
  });

  it('refuses a move onto a session of the mentor as a mentor double booking', () => {
    const c = { ...ctx, sessionBookings: [booking({ personId: 201, kind: 'debrief', title: 'Terugkomdag', date: '2026-02-05', startTime: '13:00', endTime: '16:00' })] };
    const r = moveBlock([block()], 10, { date: '2026-02-05', startTime: '12:30', endTime: '16:00' }, c);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors.map((x) => x.rule)).toEqual(['mentor_double_booked']);
      expect(r.errors[0]!.message).toMatch(/^Mentor Mira has the debrief session 'Terugkomdag' from 13:00 to 16:00/);
    }
  });

  it('allows a block right after the session (touching is not overlapping)', () => {
    const r = moveBlock([block({ date: '2026-02-10' })], 10, { date: '2026-02-03', startTime: '12:00', endTime: '16:00' }, ctx);
    expect(r.ok).toBe(true);
  });

  it('refuses to accept a proposal that a session now overlaps, and to split into one', () => {
    expect(acceptBlock([block()], 10, ctx).ok).toBe(false);
    const r = splitBlock([block({ date: '2026-02-04' })], 10, '10:30', 11, ctx);
    expect(r.ok).toBe(true);
    const onSession = splitBlock([block()], 10, '10:30', 11, ctx);
    expect(onSession.ok).toBe(false);
    if (!onSession.ok) expect(onSession.errors.every((x) => x.rule === 'participant_double_booked' && x.sessionId === 7)).toBe(true);
  });

  it('reports the participant\'s own preparation session once, as before_preparation', () => {
    const c = { ...ctx, placements: [placement({ id: 1, preparation: { date: '2026-02-03', endTime: '12:00' } })] };
    expect(checkBlock(block(), [block()], c).map((v) => v.rule)).toEqual(['before_preparation']);
  });
});

describe('hours ledger with group sessions', () => {
  it('lists a block during a session with the session, no other block, and a slot that avoids it as the fix', () => {
    const l = buildHoursLedger({
      placements: [placement({ id: 1 })],
      holidays: [],
      sessionBookings: [booking({ date: '2026-02-02', startTime: '13:00', endTime: '16:00', sessionId: 8, title: 'Intervisie', kind: 'intervision' })],
      blocks: [block({ id: 1, date: '2026-02-02', startTime: '09:00', endTime: '16:00', status: 'accepted' })],
    });
    expect(l.conflicts).toHaveLength(1);
    const c = l.conflicts[0]!;
    expect(c).toMatchObject({ rule: 'participant_double_booked', blockId: 1, otherBlockId: null, sessionId: 8, suggestedSlot: { date: '2026-02-03', startTime: '09:00', endTime: '16:00' } });
    expect(c.message).toMatch(/has the intervision session 'Intervisie' from 13:00 to 16:00/);
    expect(c.params).toMatchObject({ sessionTitle: 'Intervisie', sessionKind: 'intervision' });
    expect(c.fix).toBe('Move the block to 2026-02-03 09:00-16:00, the first time that suits everyone. Or assign the person to another session at a time without a block.');
    expect(l.rows[0]!.conflictCount).toBe(1);
  });

  it('lists one conflict per person when the participant and the mentor both attend the session', () => {
    const l = buildHoursLedger({
      placements: [placement({ id: 1 })],
      holidays: [],
      sessionBookings: [booking({ personId: 101, date: '2026-02-02' }), booking({ personId: 201, date: '2026-02-02' })],
      blocks: [block({ id: 1, date: '2026-02-02', startTime: '09:00', endTime: '12:30' })],
      skipSuggestions: true,
    });
    expect(l.conflicts.map((c) => [c.rule, c.sessionId])).toEqual([
      ['participant_double_booked', 7],
      ['mentor_double_booked', 7],
    ]);
  });
});

describe('overlapping sessions', () => {
  const session = (o: Partial<PlannerSession>): PlannerSession => ({
    id: 1, kind: 'preparation', title: 'Voorbereiding', date: '2026-01-17', startTime: '09:30', endTime: '12:30',
    location: '', audienceNetwork: null, audienceRoles: 'both', capacity: null, ...o,
  });

  it('never assigns someone to two sessions that overlap', () => {
    const r = assignSessions({
      sessions: [
        session({ id: 1, kind: 'preparation', title: 'Voorbereiding' }),
        session({ id: 2, kind: 'intervision', title: 'Intervisie', startTime: '11:00', endTime: '13:00' }),
        session({ id: 3, kind: 'intervision', title: 'Intervisie later', date: '2026-01-24' }),
      ],
      attendees: [{ personId: 10, role: 'participant', network: null, needs: ['preparation', 'intervision'], name: 'An' }],
    });
    expect(r.added.map((a) => a.sessionId).sort()).toEqual([1, 3]);
    expect(r.unassigned).toEqual([]);
  });

  it('leaves someone unassigned with the reason when the only session left overlaps theirs', () => {
    const r = assignSessions({
      sessions: [session({ id: 1, title: 'Voorbereiding' }), session({ id: 2, kind: 'debrief', title: 'Terugkomdag', startTime: '12:00', endTime: '15:00' })],
      attendees: [{ personId: 10, role: 'participant', network: null, needs: ['debrief'], name: 'An' }],
      existing: [{ sessionId: 1, personId: 10 }],
    });
    expect(r.added).toEqual([]);
    expect(r.unassigned).toHaveLength(1);
    expect(r.unassigned[0]).toMatchObject({ personId: 10, kind: 'debrief', reason: 'sessions_overlap' });
    expect(r.unassigned[0]!.message).toMatch(/same time as Voorbereiding/);
  });

  it('lists a person assigned by hand to two overlapping sessions, once per pair', () => {
    const sessions = [
      session({ id: 1, title: 'Voorbereiding' }),
      session({ id: 2, kind: 'intervision', title: 'Intervisie', startTime: '12:00', endTime: '14:00' }),
      session({ id: 3, kind: 'debrief', title: 'Terugkomdag', startTime: '12:30', endTime: '15:00' }),
    ];
    const overlaps = findSessionOverlaps(
      sessions,
      [
        { sessionId: 2, personId: 10 },
        { sessionId: 1, personId: 10 },
        { sessionId: 3, personId: 11 },
        { sessionId: 1, personId: 11 },
      ],
      (id) => (id === 10 ? 'An' : undefined),
    );
    // 10: 09:30-12:30 and 12:00-14:00 overlap; 11: 09:30-12:30 and 12:30-15:00 only touch.
    expect(overlaps.map((o) => [o.personId, o.sessionId, o.otherSessionId])).toEqual([[10, 1, 2]]);
    expect(overlaps[0]!.message).toBe("An is assigned to two sessions at the same time on Sat 17 Jan 2026: 'Voorbereiding' (09:30-12:30) and 'Intervisie' (12:00-14:00). Remove An from one of them or move one session.");
  });
});
