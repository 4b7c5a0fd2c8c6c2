import { describe, expect, it } from 'vitest';
import { plannerTasks } from '../../../src-main/domain/planner/planner-tasks';
import { buildTimePath } from '../../../src-main/domain/planner/time-path-templates';

describe('plannerTasks', () => {
  it('collects consents, hours, sessions and deadlines in a stable order', () => {
    const tasks = plannerTasks({
      today: '2026-11-23',
      exchangeStarts: '2027-02-01',
      exchangeEnds: '2027-09-30',
      consents: [
        { personId: 1, personName: 'An', kind: 'client_consent', status: 'sent' },
        { personId: 2, personName: 'Bram', kind: 'client_consent', status: 'returned' },
      ],
      ledgerRows: [
        { participantId: 1, participantName: 'An', placementIds: [7], requiredHours: 14, plannedHours: 0, doneHours: 0, missingHours: 14, isComplete: false, conflictCount: 0 },
        { participantId: 2, participantName: 'Bram', placementIds: [8], requiredHours: 14, plannedHours: 14, doneHours: 0, missingHours: 0, isComplete: true, conflictCount: 0 },
      ],
      unassigned: [{ personId: 3, role: 'mentor', kind: 'preparation', reason: 'sessions_full', code: 'sessions_full', message: 'Every preparation session is full.' }],
      phases: buildTimePath({ kind: 'jobshadowing', startYear: 2026 }),
    });
    expect(tasks.map((t) => t.kind)).toEqual(['deadline', 'no_session', 'consent_missing', 'hours_not_planned']);
    expect(tasks[0]!.message).toMatch(/Learning questions ends on Mon 30 Nov 2026/);
    expect(tasks.find((t) => t.kind === 'consent_missing')!.message).toMatch(/Send a reminder/);
    expect(tasks.find((t) => t.kind === 'hours_not_planned')!.message).toMatch(/No hours are planned yet for An/);
  });

  it('puts overdue tasks first', () => {
    const tasks = plannerTasks({
      today: '2027-10-05',
      exchangeEnds: '2027-09-30',
      ledgerRows: [{ participantId: 1, participantName: 'An', placementIds: [7], requiredHours: 14, plannedHours: 7, doneHours: 0, missingHours: 7, isComplete: false, conflictCount: 0 }],
      consents: [{ personId: 1, personName: 'An', kind: 'confidentiality', status: 'not_sent' }],
    });
    expect(tasks[0]).toMatchObject({ kind: 'hours_not_planned', isOverdue: true, severity: 'high' });
  });
});
