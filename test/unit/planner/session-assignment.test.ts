import { describe, expect, it } from 'vitest';
import { assignSessions, preparationByPerson, type PlannerSession } from '../../../src-main/domain/planner/session-assignment';

const session = (o: Partial<PlannerSession>): PlannerSession => ({
  id: 1, kind: 'preparation', title: 'Voorbereiding', date: '2026-01-17', startTime: '09:30', endTime: '12:30',
  location: 'Opgroeien, Hallepoort 27, 1000 Brussel', audienceNetwork: null, audienceRoles: 'both', capacity: null, ...o,
});

describe('assignSessions', () => {
  it('sends people to the session of their own network', () => {
    const r = assignSessions({
      sessions: [session({ id: 1, audienceNetwork: 'KOALA' }), session({ id: 2, date: '2026-01-19', audienceNetwork: 'CIK' })],
      attendees: [
        { personId: 10, role: 'participant', network: 'koala ', needs: ['preparation'] },
        { personId: 11, role: 'mentor', network: 'CIK', needs: ['preparation'] },
      ],
    });
    expect(r.added.map((a) => [a.personId, a.sessionId])).toEqual([[10, 1], [11, 2]]);
    expect(r.unassigned).toEqual([]);
  });

  it('respects capacity and reports who did not fit, with how to fix it', () => {
    const r = assignSessions({
      sessions: [session({ id: 1, capacity: 1 })],
      attendees: [10, 11].map((id) => ({ personId: id, role: 'participant' as const, network: null, needs: ['preparation' as const], name: `P${id}` })),
    });
    expect(r.added).toHaveLength(1);
    expect(r.unassigned[0]).toMatchObject({ personId: 11, reason: 'sessions_full' });
    expect(r.unassigned[0]!.message).toMatch(/Raise a capacity or add a session/);
    expect(r.load.get(1)).toBe(1);
  });

  it('counts existing attendance against capacity and keeps it', () => {
    const r = assignSessions({
      sessions: [session({ id: 1, capacity: 1 }), session({ id: 2, date: '2026-01-20', capacity: 5 })],
      attendees: [{ personId: 11, role: 'participant', network: null, needs: ['preparation'] }],
      existing: [{ sessionId: 1, personId: 10 }],
    });
    expect(r.added).toEqual([{ sessionId: 2, personId: 11, isExisting: false }]);
    expect(r.assignments.find((a) => a.personId === 10)?.isExisting).toBe(true);
  });

  it('respects the roles a session is for', () => {
    const r = assignSessions({
      sessions: [session({ id: 1, audienceRoles: 'participants' })],
      attendees: [{ personId: 20, role: 'mentor', network: null, needs: ['preparation'] }],
    });
    expect(r.unassigned[0]).toMatchObject({ reason: 'no_session_for_role' });
  });

  it('explains a missing kind and a missing network', () => {
    const r = assignSessions({
      sessions: [session({ id: 1, audienceNetwork: 'KOALA' })],
      attendees: [{ personId: 30, role: 'participant', network: 'CIK', needs: ['preparation', 'debrief'] }],
    });
    expect(r.unassigned.map((u) => u.reason).sort()).toEqual(['no_session_for_network', 'no_session_of_kind']);
  });

  it('serves the most constrained person first', () => {
    // 10 could go to the open session; 11 only to the KOALA one with one seat.
    const r = assignSessions({
      sessions: [session({ id: 1, audienceNetwork: 'KOALA', capacity: 1 }), session({ id: 2, date: '2026-01-25' })],
      attendees: [
        { personId: 10, role: 'participant', network: 'KOALA', needs: ['preparation'] },
        { personId: 11, role: 'participant', network: 'KOALA', needs: ['preparation'] },
      ],
    });
    expect(r.unassigned).toEqual([]);
    expect(new Set(r.added.map((a) => a.sessionId))).toEqual(new Set([1, 2]));
  });

  it('gives each person their preparation session for the schedule', () => {
    const sessions = [session({ id: 1 }), session({ id: 2, kind: 'debrief', date: '2026-10-01' })];
    const m = preparationByPerson(sessions, [{ sessionId: 1, personId: 10 }, { sessionId: 2, personId: 10 }]);
    expect(m.get(10)).toEqual({ date: '2026-01-17', endTime: '12:30' });
  });
});
