import { describe, expect, it } from 'vitest';
import { participantPlanner, planMentors, planOrganisations, planParticipants, type ExistingData } from '../../../src-main/domain/import/plan';
import type { OrganisationRecord, ParticipantRecord } from '../../../src-main/domain/import/normalise';

const base = { lastName: 'P', phone: null, organisation: null, functionTitle: null, network: null, language: null, availabilityText: null, learningQuestions: null, activationCode: null, isEarlyBird: null };
const p = (rowNumber: number, email: string, submittedAt: string | null, choices: string[] = [], extra: Partial<ParticipantRecord> = {}): ParticipantRecord => ({
  ...base, rowNumber, firstName: 'N', email, submittedAt, choices: choices.map((text, i) => ({ rank: i + 1, text })), ...extra,
});
const hosts = [{ organisationId: 1, name: 'De Vlinder vzw' }, { organisationId: 2, name: 'CAW Brussel' }];
const empty: ExistingData = { people: [], organisations: [{ id: 1, name: 'De Vlinder vzw', sector: null, network: null, address: null, postcode: null, municipality: null, website: null, role: 'hosts', programmeLink: { role: 'hosts', activationCode: null } }] };
const plan = (records: ParticipantRecord[], existing: ExistingData = empty) =>
  planParticipants({ records, issues: [], rejectedRows: [], existing, hosts, importedAt: '2026-11-23T10:00:00' });

describe('participant import plan', () => {
  it('keeps the later submission of a duplicate e-mail and says so', () => {
    const r = plan([p(2, 'a@x.be', '2026-11-05T10:00:00', ['CAW Brussel']), p(3, 'a@x.be', '2026-11-03T10:00:00', ['de vlinder']), p(4, 'b@x.be', null)]);
    expect(r.items.map((i) => i.rowNumber)).toEqual([2, 4]);
    expect(r.duplicates).toEqual([expect.objectContaining({ email: 'a@x.be', keptRow: 2, droppedRows: [3], reason: 'later_submission' })]);
    expect(r.duplicates[0]?.message).toMatch(/Row 2 is used because it was submitted last/);
    expect(r.summary).toMatchObject({ rows: 3, created: 2, duplicates: 1 });
  });

  it('without signup times the later row wins', () => {
    const r = plan([p(2, 'a@x.be', null), p(7, 'a@x.be', null)]);
    expect(r.duplicates[0]).toMatchObject({ keptRow: 7, reason: 'later_row' });
  });

  it('resolves choices, lists unresolved ones, and gives staff of hosts priority', () => {
    const r = plan([p(2, 'a@x.be', null, ['DE VLINDER', 'Vlindr'], { organisation: 'De Vlinder' })]);
    const app = r.items[0]?.application;
    expect(app?.choices).toEqual([{ rank: 1, organisationId: 1, rawText: 'DE VLINDER' }, { rank: 2, organisationId: null, rawText: 'Vlindr' }]);
    expect(app).toMatchObject({ isEarlyBird: true, priorityTier: 0, submittedAt: '2026-11-23T10:00:00' });
    expect(r.unresolvedChoices[0]).toMatchObject({ text: 'Vlindr', rows: [2] });
    expect(r.items[0]?.values.organisation).toEqual({ kind: 'existing', id: 1 });
  });

  it('plans new organisations for unknown employers', () => {
    const r = plan([p(2, 'a@x.be', null, [], { organisation: 'Nieuw Huis' }), p(3, 'b@x.be', null, [], { organisation: 'nieuw huis vzw' })]);
    expect(r.newOrganisations).toEqual([{ key: 'nieuw huis', name: 'Nieuw Huis', rows: [2, 3] }]);
  });

  it('re-importing the same data changes nothing; a changed phone is an update', () => {
    const existing: ExistingData = {
      ...empty,
      people: [{ id: 9, email: 'a@x.be', firstName: 'N', lastName: 'P', phone: '+32475123456', language: 'nl', organisationId: null, functionTitle: null, network: null, learningQuestions: '', isParticipant: true, isMentor: false, mentorCapacity: null }],
      applications: [{ id: 5, participantId: 9, submittedAt: '2026-11-05T10:00:00', isEarlyBird: false, activationCode: null, choices: [{ rank: 1, organisationId: 2, rawText: 'CAW Brussel' }] }],
    };
    const same = plan([p(2, 'a@x.be', '2026-11-05T10:00:00', ['CAW Brussel'], { phone: '+32475123456' })], existing);
    expect(same.items[0]).toMatchObject({ action: 'unchanged', personId: 9, application: { action: 'unchanged', applicationId: 5 } });
    expect(same.summary).toMatchObject({ unchanged: 1, created: 0, updated: 0 });
    const changed = plan([p(2, 'A@x.be'.toLowerCase(), '2026-11-05T10:00:00', ['CAW Brussel'], { phone: '+32486112233' })], existing);
    expect(changed.items[0]?.changes).toEqual([{ field: 'phone', before: '+32475123456', after: '+32486112233' }]);
    expect(changed.summary.updated).toBe(1);
  });
});

describe('planning rows as they come in', () => {
  const rows = [
    p(2, 'a@x.be', '2026-11-05T10:00:00', ['CAW Brussel'], { organisation: 'Nieuw Huis' }),
    p(3, 'b@x.be', null, ['Vlindr']),
    p(4, 'a@x.be', '2026-11-03T10:00:00', ['de vlinder']),
    p(5, 'c@x.be', null, [], { organisation: 'nieuw huis vzw' }),
    p(6, 'b@x.be', null, ['De Vlinder']),
    p(7, 'd@x.be', '2026-11-01T10:00:00'),
    p(8, 'd@x.be', '2026-11-02T10:00:00', [], { organisation: 'Ander Huis' }),
  ];
  const context = { existing: empty, hosts, importedAt: '2026-11-23T10:00:00' };

  it('gives the same plan in pieces as all at once, and hands out each address once, at its first row', () => {
    const planner = participantPlanner(context);
    const handedOut = [rows.slice(0, 2), rows.slice(2, 5), rows.slice(5)].flatMap((part) => planner.add(part).map((i) => [i.firstRow, i.values.email]));
    expect(handedOut).toEqual([[2, 'a@x.be'], [3, 'b@x.be'], [5, 'c@x.be'], [7, 'd@x.be']]);
    const pieces = planner.finish();
    expect(pieces).toEqual(plan(rows));
    // b@x.be: the later row 6 wins (no signup times); d@x.be: row 8 was submitted later; a@x.be keeps row 2.
    expect([...planner.amendedEmails()].sort()).toEqual(['b@x.be', 'd@x.be']);
    expect(pieces.items.map((i) => [i.rowNumber, i.firstRow])).toEqual([[2, 2], [5, 5], [6, 3], [8, 7]]);
    expect(pieces.newOrganisations.map((o) => [o.name, o.rows])).toEqual([['Nieuw Huis', [2, 5]], ['Ander Huis', [8]]]);
  });
});

describe('mentor and organisation plans', () => {
  it('flags mentors', () => {
    const r = planMentors({ records: [{ ...base, rowNumber: 2, firstName: 'M', email: 'm@x.be', mentorCapacity: 2 }], issues: [], rejectedRows: [], existing: empty, importedAt: '2026-11-23T10:00:00' });
    expect(r.items[0]?.values).toMatchObject({ isMentor: true, isParticipant: false, mentorCapacity: 2 });
  });

  it('merges rows of one organisation into places and detects unchanged re-imports', () => {
    const o = (rowNumber: number, name: string, team: string, capacity: number): OrganisationRecord => ({
      rowNumber, name, sector: null, network: null, address: null, postcode: '1000', municipality: null, website: null, role: null, activationCode: null, contact: null,
      place: { team, format: 'day', hours: null, capacity, languages: [], description: '' },
    });
    const r = planOrganisations({ records: [o(2, 'De Vlinder vzw', 'Leefgroep', 2), o(3, 'de vlinder', 'Thuis', 1), o(4, 'CAW Brussel', 'Onthaal', 1)], issues: [], rejectedRows: [], existing: empty });
    expect(r.items).toHaveLength(2);
    expect(r.items[0]).toMatchObject({ action: 'update', organisationId: 1, rows: [2, 3], changes: [{ field: 'postcode', before: null, after: '1000' }] });
    expect(r.items[0]?.places.map((x) => x.values.team)).toEqual(['Leefgroep', 'Thuis']);
    expect(r.items[1]).toMatchObject({ action: 'create', values: { programmeRole: 'hosts' } });
    const again = planOrganisations({
      records: [o(2, 'De Vlinder vzw', 'Leefgroep', 2)], issues: [], rejectedRows: [],
      existing: { ...empty, organisations: [{ ...empty.organisations[0]!, postcode: '1000' }], places: [{ id: 1, organisationId: 1, team: 'Leefgroep', format: 'day', hours: null, capacity: 2, languages: ['nl'], description: '' }] },
    });
    expect(again.items[0]).toMatchObject({ action: 'unchanged', places: [{ action: 'unchanged', placeId: 1 }] });
    expect(again.summary.unchanged).toBe(1);
  });
});
