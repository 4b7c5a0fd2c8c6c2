import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CHANNELS, contract } from '../../src-shared/ipc/contract';
import { createHandlers } from '../../src-main/ipc/handlers';
import { dispatch, type Handlers } from '../../src-main/ipc/dispatch';
import { createTestContext, type TestContext } from '../helpers/context';
import { snapshotDb } from '../helpers/snapshot';

let ctx: TestContext;
let handlers: Handlers;
const logged: string[] = [];
const log = (m: string) => {
  logged.push(m);
};
const call = (channel: string, input: unknown) => dispatch(handlers, channel, input, log);

async function ok<T = Record<string, unknown>>(channel: string, input: unknown): Promise<T> {
  const r = await call(channel, input);
  if (!r.ok) throw new Error(`${channel} failed: ${r.error.code} ${r.error.message}`);
  return r.value as T;
}

beforeEach(async () => {
  ctx = await createTestContext();
  handlers = createHandlers(ctx);
  logged.length = 0;
});
afterEach(async () => {
  await ctx.close();
});

/** Inputs no channel accepts: wrong types, hostile shapes, oversized text. */
const MALFORMED: unknown[] = [
  'x',
  42,
  true,
  [],
  [1, 2],
  { id: 'one' },
  { id: -1 },
  { id: 1.5 },
  { name: 'x'.repeat(100_000) },
  { __proto__: { polluted: true }, constructor: { prototype: { x: 1 } } },
  { unexpected: 'field' },
];

/** Channel-specific malformed inputs: right shape, wrong content. */
const SPECIFIC: Record<string, unknown[]> = {
  'programme.create': [{ name: '', kind: 'jobshadowing' }, { name: 'X', kind: 'camp' }, { name: 'X', kind: 'kijkstage', maxChoices: 0 }, { name: 'X', kind: 'kijkstage', registrationOpens: '2027-02-30' }, { name: 'X', kind: 'kijkstage', exchangeStarts: '2027-05-01', exchangeEnds: '2027-04-01' }],
  'programme.update': [{ id: 1, patch: { kind: 'kijkstage' } }, { id: 1, patch: { maxChoices: 'three' } }],
  'organisation.create': [{ name: '  ' }, { name: 'X', postcode: 'abc' }, { name: 'X', website: 'javascript:alert(1)' }, { name: 'X', role: 'visits' }],
  'organisation.update': [{ id: 1, patch: { postcode: '12' } }],
  'contact.create': [{ organisationId: 1, name: 'A', email: 'not-an-address' }],
  'contact.update': [{ id: 1, patch: { email: 'nope' } }, { id: 1, patch: { organisationId: 2 } }, { id: 1, patch: { role: 'boss' } }],
  'place.create': [{ programmeId: 1, organisationId: 1, team: 'T', capacity: 0 }, { programmeId: 1, organisationId: 1, team: 'T', capacity: 2.5 }, { programmeId: 1, organisationId: 1, team: 'T', capacity: 2, format: 'hours' }],
  'place.update': [{ id: 1, patch: { capacity: -3 } }],
  'person.create': [{ firstName: 'A', email: 'a@', isParticipant: true }, { firstName: 'A' }, { firstName: 'A', isParticipant: true, availability: ['someday'] }],
  'person.update': [{ id: 1, patch: { email: 'nope' } }],
  'person.list': [{ role: 'boss' }],
  'import.preview': [{ programmeId: 1, kind: 'visitors', previewId: 'a'.repeat(32) }, { programmeId: 1, kind: 'participants' }, { programmeId: 1, kind: 'participants', previewId: '../../etc' }, { programmeId: 1, kind: 'participants', file: { fileName: 'x.xlsx', contentBase64: 'AAAA' }, previewId: 'a'.repeat(32) }],
  'import.commit': [{ previewId: 'not-hex' }, { previewId: 'a'.repeat(32), choiceOverrides: { x: -1 } }],
  'import.undo': [{ id: 0 }],
  'matching.run': [{ programmeId: 1, mode: 'random' }],
  'placement.pin': [{ id: 1, isPinned: 'yes' }],
  'dialog.chooseFolder': [{ purpose: '/etc' }],
  'backup.restore': [{ name: '../../etc/passwd' }, { name: '/tmp/meeloop-x.db' }, { name: 'meeloop-../x.db' }],
  'documents.preview': [{ programmeId: 1, set: 'diploma', scope: { kind: 'programme' } }, { programmeId: 1, set: 'programme', scope: { kind: 'participant' } }],
  'documents.export': [{ programmeId: 1, set: 'programme', scope: { kind: 'programme' }, folder: 'relative/exports' }, { programmeId: 1, set: 'programme', scope: { kind: 'programme' }, folder: '/tmp', mode: 'zip' }, { programmeId: 1, set: 'consent', scope: { kind: 'programme' }, folder: '/tmp/x\u0000y' }],
  'planner.closedPeriods': [{ programmeId: 0 }, { programmeId: '1' }],
  'planner.closedPeriodCreate': [
    { programmeId: 1, name: '', starts: '2026-12-21', ends: '2027-01-03' },
    { programmeId: 1, name: 'x'.repeat(101), starts: '2026-12-21', ends: '2027-01-03' },
    { programmeId: 1, name: 'Kerstvakantie', starts: '2026-12-32', ends: '2027-01-03' },
    { programmeId: 1, name: 'Kerstvakantie', starts: '21/12/2026', ends: '2027-01-03' },
    { programmeId: 1, name: 'Kerstvakantie', starts: '2027-01-03', ends: '2026-12-21' },
    { programmeId: 1, name: 'Sabbatjaar', starts: '2027-01-01', ends: '2028-01-02' },
    { programmeId: 1, name: 'Kerstvakantie', starts: '2026-12-21' },
  ],
  'planner.closedPeriodDelete': [{ id: 0 }, { id: '1' }],
  'documents.markConsents': [{ programmeId: 1, personId: 1, organisationId: 1, status: 'lost' }, { programmeId: 1, personId: 1, organisationId: 1, kind: 'selfie', status: 'returned' }],
};

describe('every contract channel', () => {
  it('has a handler and a doc-commented schema pair', () => {
    expect(Object.keys(handlers).sort()).toEqual([...CHANNELS].sort());
    for (const c of CHANNELS) {
      expect(contract[c].input).toBeDefined();
      expect(contract[c].output).toBeDefined();
    }
  });

  it('answers malformed input with invalid_input and writes nothing', async () => {
    const before = await snapshotDb(ctx.db);
    for (const channel of CHANNELS) {
      const inputs = [...MALFORMED, ...(SPECIFIC[channel] ?? [])];
      for (const input of inputs) {
        const r = await call(channel, input);
        // Channels that take no input ignore nothing: an empty strict object rejects extra fields too.
        expect(r.ok, `${channel} accepted ${JSON.stringify(input)?.slice(0, 80)}`).toBe(false);
        if (!r.ok) {
          expect(r.error.code, `${channel} with ${JSON.stringify(input)?.slice(0, 80)}`).toBe('invalid_input');
          expect(r.error.message.length).toBeGreaterThan(10);
        }
      }
    }
    expect(await snapshotDb(ctx.db)).toEqual(before);
    expect(logged).toEqual([]);
  });

  it('asks the window for a folder, and says so clearly where there is no window', async () => {
    const none = await call('dialog.chooseFolder', { purpose: 'documents' });
    expect(none).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining('--out') } });
    const asked: string[] = [];
    ctx.ui = { chooseFolder: async (purpose) => (asked.push(purpose), purpose === 'calendar' ? null : '/home/coordinator/Exports') };
    expect(await ok('dialog.chooseFolder', { purpose: 'documents' })).toEqual({ folder: '/home/coordinator/Exports' });
    expect(await ok('dialog.chooseFolder', { purpose: 'calendar' })).toEqual({ folder: null });
    expect(asked).toEqual(['documents', 'calendar']);
  });

  it('refuses an unknown channel', async () => {
    const r = await call('db.dropEverything', {});
    expect(r).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
  });
});

describe('create, read, update and delete through the contract', () => {
  it('programmes: kind defaults, update, summary, delete', async () => {
    const js = await ok<{ id: number; requiredHours: number; maxChoices: number }>('programme.create', { name: 'Switching Talent 2027', kind: 'jobshadowing' });
    expect(js.requiredHours).toBe(14);
    expect(js.maxChoices).toBe(3);
    const ks = await ok<{ id: number; requiredHours: number | null }>('programme.create', { name: 'Bij een ander', kind: 'kijkstage', maxChoices: 3 });
    expect(ks.requiredHours).toBeNull();
    const kiek = await ok<{ minPlacesPerHost: number }>('programme.create', { name: 'KIEK voorjaar', kind: 'exchange_round', minPlacesPerHost: 5, maxPlacementsPerParticipant: 3 });
    expect(kiek.minPlacesPerHost).toBe(5);

    const updated = await ok<{ name: string; exchangeStarts: string }>('programme.update', { id: js.id, patch: { name: 'Switching Talent', exchangeStarts: '2027-02-01', exchangeEnds: '2027-09-30' } });
    expect(updated).toMatchObject({ name: 'Switching Talent', exchangeStarts: '2027-02-01' });
    const bad = await call('programme.update', { id: js.id, patch: { exchangeEnds: '2027-01-01' } });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input' } });

    const list = await ok<{ id: number }[]>('programme.list', {});
    expect(list.map((p) => p.id).sort()).toEqual([js.id, ks.id, (kiek as unknown as { id: number }).id].sort());
    expect(await ok('programme.summary', { id: js.id })).toMatchObject({ places: 0, participants: 0 });
    expect(await ok('programme.delete', { id: ks.id })).toEqual({ id: ks.id, deleted: true });
    expect(await call('programme.get', { id: ks.id })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('organisations: unique names regardless of case and accents, search, refuse deleting one in use', async () => {
    const o = await ok<{ id: number; name: string; postcode: string }>('organisation.create', { name: 'Dé Vlinder vzw', postcode: '1000', municipality: 'Brussel', network: 'KOALA', role: 'both' });
    expect(o.postcode).toBe('1000');
    const dup = await call('organisation.create', { name: 'de vlinder VZW' });
    expect(dup).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringContaining('already exists') } });
    await ok('organisation.create', { name: 'Huis van het Kind Anderlecht', municipality: 'Anderlecht', postcode: '1070' });
    expect((await ok<unknown[]>('organisation.list', { search: 'ANDER' })).length).toBe(1);
    expect((await ok<unknown[]>('organisation.list', { search: '%' })).length).toBe(0);
    expect(await ok('organisation.update', { id: o.id, patch: { website: 'https://devlinder.example' } })).toMatchObject({ website: 'https://devlinder.example' });

    const contact = await ok<{ phone: string }>('contact.create', { organisationId: o.id, name: 'Els Peeters', email: ' Els.Peeters@DeVlinder.example ', phone: '0475 12 34 56' });
    expect(contact).toMatchObject({ phone: '+32475123456', email: 'els.peeters@devlinder.example' });
    const badPhone = await call('contact.create', { organisationId: o.id, name: 'X', phone: '12' });
    expect(badPhone).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining('phone number') } });

    const contactId = (contact as unknown as { id: number }).id;
    expect(await ok('contact.update', { id: contactId, patch: { phone: '+31 20 555 1234', role: 'host_contact' } })).toMatchObject({ phone: '+31205551234', role: 'host_contact', name: 'Els Peeters' });
    expect(await call('contact.update', { id: contactId, patch: { phone: '12' } })).toMatchObject({ ok: false, error: { code: 'invalid_input', details: { field: 'phone' } } });
    expect(await call('contact.update', { id: contactId + 999, patch: { name: 'Niemand' } })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await ok<unknown[]>('contact.list', { organisationId: o.id })).toEqual([expect.objectContaining({ id: contactId, phone: '+31205551234' })]);

    await ok('person.create', { firstName: 'An', lastName: 'Claes', email: 'an@x.example', organisationId: o.id, isParticipant: true });
    expect(await call('organisation.delete', { id: o.id })).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('places: capacity rules, mentor of the same organisation, delete', async () => {
    const p = await ok<{ id: number }>('programme.create', { name: 'P', kind: 'jobshadowing' });
    const host = await ok<{ id: number }>('organisation.create', { name: 'Host' });
    const other = await ok<{ id: number }>('organisation.create', { name: 'Other' });
    const mentor = await ok<{ id: number }>('person.create', { firstName: 'Mia', email: 'mia@host.example', organisationId: host.id, isMentor: true, mentorCapacity: 2 });
    const stranger = await ok<{ id: number }>('person.create', { firstName: 'Sam', email: 'sam@other.example', organisationId: other.id, isMentor: true });
    const place = await ok<{ id: number; capacity: number }>('place.create', { programmeId: p.id, organisationId: host.id, team: 'Babygroep', format: 'hours', hours: 14, capacity: 2, mentorId: mentor.id });
    expect(place.capacity).toBe(2);
    expect(await call('place.create', { programmeId: p.id, organisationId: host.id, team: 'X', capacity: 1, mentorId: stranger.id })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await call('place.create', { programmeId: 999, organisationId: host.id, team: 'X', capacity: 1 })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await ok('place.update', { id: place.id, patch: { capacity: 3 } })).toMatchObject({ capacity: 3 });
    expect(await ok<unknown[]>('place.list', { programmeId: p.id })).toHaveLength(1);
    expect(await ok('place.delete', { id: place.id })).toEqual({ id: place.id, deleted: true });
  });

  it('people: e-mail unique and lower-cased, phone international, roles, list filters', async () => {
    const org = await ok<{ id: number }>('organisation.create', { name: 'Kinderdagverblijf Het Nest' });
    const a = await ok<{ id: number; email: string; phone: string }>('person.create', { firstName: 'Lotte', lastName: 'Janssens', email: 'LOTTE@nest.example', phone: '+32 486 11 22 33', organisationId: org.id, isParticipant: true, learningQuestions: 'Hoe betrek je ouders?' });
    expect(a).toMatchObject({ email: 'lotte@nest.example', phone: '+32486112233' });
    expect(await call('person.create', { firstName: 'L', email: 'lotte@nest.example', isParticipant: true })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    await ok('person.create', { firstName: 'Mentor', email: 'm@nest.example', isMentor: true });
    expect(await ok<unknown[]>('person.list', { role: 'participant' })).toHaveLength(1);
    expect(await ok<unknown[]>('person.list', { role: 'mentor' })).toHaveLength(1);
    const found = await ok<{ organisationName: string }[]>('person.list', { search: 'nest' });
    expect(found).toHaveLength(2);
    expect(found[0]?.organisationName ?? null).not.toBeUndefined();
    expect(await call('person.update', { id: a.id, patch: { isParticipant: false } })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await ok('person.update', { id: a.id, patch: { isMentor: true, mentorCapacity: 2 } })).toMatchObject({ isMentor: true, mentorCapacity: 2 });
    expect(await ok('person.delete', { id: a.id })).toEqual({ id: a.id, deleted: true });
    expect(await ok<unknown[]>('person.list', { role: 'all' })).toHaveLength(1);
  });

  it('records changes in the audit log', async () => {
    const o = await ok<{ id: number }>('organisation.create', { name: 'Audit' });
    await ok('organisation.update', { id: o.id, patch: { sector: 'Kinderopvang' } });
    const rows = await ctx.db.selectFrom('audit_log').selectAll().where('entity', '=', 'organisation').execute();
    expect(rows.map((r) => r.action)).toEqual(['create', 'update']);
    expect(rows.every((r) => r.actor === 'test')).toBe(true);
  });
});
