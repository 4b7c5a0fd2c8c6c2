import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src-main/cli/cli';
import { createHandlers } from '../../src-main/ipc/handlers';
import { dispatch } from '../../src-main/ipc/dispatch';
import { backupNow } from '../../src-main/services/backup.service';
import { createOrganisation } from '../../src-main/services/organisation.service';
import { createPerson } from '../../src-main/services/person.service';
import { createPlace } from '../../src-main/services/place.service';
import { createProgramme } from '../../src-main/services/programme.service';
import { addMonths, previewRetention, purgeRetention, retentionStatus } from '../../src-main/services/retention.service';
import { OrganisationInputSchema } from '../../src-shared/schemas/organisation.schema';
import { PersonInputSchema } from '../../src-shared/schemas/person.schema';
import { PlaceInputSchema } from '../../src-shared/schemas/place.schema';
import { ProgrammeInputSchema } from '../../src-shared/schemas/programme.schema';
import { createTestContext, fixedClock, tempDir, type TestContext } from '../helpers/context';
import { snapshotDb } from '../helpers/snapshot';

/*
 * Issue #7 point 4, retention: a programme's personal data is purged once its retention period
 * after its end has passed, from the database and from every backup; people who also take part in
 * a live programme keep their data and lose only the expired programme's links.
 */

const TODAY = '2026-11-23T10:00:00.000Z';

describe('the retention rule', () => {
  it.each([
    ['2025-01-31', 1, '2025-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2024-06-30', 12, '2025-06-30'],
    ['2025-11-15', 14, '2027-01-15'],
    ['2025-03-31', 240, '2045-03-31'],
  ])('%s plus %i months is %s', (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });

  it.each([
    [{ retentionMonths: null, endedOn: '2020-01-01', hasPersonalData: true }, '2026-11-23', 'no_period', null],
    [{ retentionMonths: 12, endedOn: null, hasPersonalData: true }, '2026-11-23', 'no_end_date', null],
    [{ retentionMonths: 12, endedOn: '2025-11-23', hasPersonalData: true }, '2026-11-23', 'kept', '2026-11-23'],
    [{ retentionMonths: 12, endedOn: '2025-11-22', hasPersonalData: true }, '2026-11-23', 'expired', '2026-11-22'],
    [{ retentionMonths: 12, endedOn: '2025-11-22', hasPersonalData: false }, '2026-11-23', 'purged', '2026-11-22'],
  ] as const)('%j on %s is %s', (p, asOf, status, keptUntil) => {
    expect(retentionStatus(p, asOf)).toEqual({ status, keptUntil });
  });
});

interface World {
  expired: number;
  live: number;
  noPeriod: number;
  noEnd: number;
  emails: Record<'onlyExpired' | 'both' | 'mentorExpired' | 'mentorBoth' | 'onlyLive' | 'noPeriod' | 'none', string>;
}

/**
 * Four programmes: one expired (ended with its debrief on 15 Jan 2025, 12 months' retention), one
 * live, one without a retention period, one without any date; and people in every combination.
 */
async function seed(ctx: TestContext): Promise<World> {
  const db = ctx.db;
  const programme = (name: string, extra: Record<string, unknown>) => createProgramme(ctx, ProgrammeInputSchema.parse({ name, kind: 'kijkstage', ...extra }));
  const expired = await programme('Bij een ander 2024', { exchangeStarts: '2024-03-01', exchangeEnds: '2024-06-30', retentionMonths: 12 });
  const live = await programme('Bij een ander 2027', { exchangeStarts: '2027-03-01', exchangeEnds: '2027-06-30', retentionMonths: 12 });
  const noPeriod = await programme('KIEK 2019', { exchangeStarts: '2019-03-01', exchangeEnds: '2019-06-30' });
  const noEnd = await programme('Nog te plannen', { retentionMonths: 6 });
  const host = await createOrganisation(ctx, OrganisationInputSchema.parse({ name: 'Huis van het Kind', role: 'hosts' }));
  const sender = await createOrganisation(ctx, OrganisationInputSchema.parse({ name: 'CAW Brussel', role: 'sends' }));
  const emails: World['emails'] = {
    onlyExpired: 'lotte.only-expired@caw.example',
    both: 'jan.both@caw.example',
    mentorExpired: 'mia.mentor-expired@hvhk.example',
    mentorBoth: 'tom.mentor-both@hvhk.example',
    onlyLive: 'eva.only-live@caw.example',
    noPeriod: 'piet.no-period@caw.example',
    none: 'els.no-programme@caw.example',
  };
  const person = async (key: keyof World['emails'], mentor = false) =>
    (await createPerson(ctx, PersonInputSchema.parse({ firstName: key, lastName: 'Test', email: emails[key], organisationId: mentor ? host.id : sender.id, isParticipant: !mentor, isMentor: mentor, learningQuestions: `Leervraag van ${key}` }))).id;
  const p = {
    onlyExpired: await person('onlyExpired'),
    both: await person('both'),
    mentorExpired: await person('mentorExpired', true),
    mentorBoth: await person('mentorBoth', true),
    onlyLive: await person('onlyLive'),
    noPeriod: await person('noPeriod'),
    none: await person('none'),
  };
  const place = async (programmeId: number, mentorId: number | null) => (await createPlace(ctx, PlaceInputSchema.parse({ programmeId, organisationId: host.id, team: 'Onthaal', capacity: 3, mentorId }))).id;
  const placeExpired = await place(expired.id, p.mentorExpired);
  const placeExpiredBoth = await place(expired.id, p.mentorBoth);
  const placeLive = await place(live.id, p.mentorBoth);
  const placeNoPeriod = await place(noPeriod.id, null);

  const apply = async (programmeId: number, participantId: number, placeId: number, mentorId: number | null, blockDate: string) => {
    const a = await db.insertInto('applications').values({ programme_id: programmeId, participant_id: participantId, submitted_at: '2024-02-01T09:00:00Z', priority_tier: 1, is_early_bird: 0, status: 'active', round_id: null, activation_code: null, max_placements: null, import_id: null }).returning('id').executeTakeFirstOrThrow();
    await db.insertInto('application_choices').values({ application_id: a.id, rank: 1, organisation_id: host.id, place_id: placeId, raw_text: 'Huis van het Kind' }).execute();
    const pl = await db.insertInto('placements').values({ application_id: a.id, organisation_id: host.id, place_id: placeId, mentor_id: mentorId, rank_obtained: 1, status: 'confirmed', is_pinned: 0, decided_by: 'test', decided_at: '2024-02-10T09:00:00Z' }).returning('id').executeTakeFirstOrThrow();
    await db.insertInto('shadow_blocks').values({ placement_id: pl.id, date: blockDate, start_time: '09:00', end_time: '16:00', status: 'done' }).execute();
  };
  await apply(expired.id, p.onlyExpired, placeExpired, p.mentorExpired, '2024-05-14');
  await apply(expired.id, p.both, placeExpiredBoth, p.mentorBoth, '2024-05-15');
  await apply(live.id, p.both, placeLive, p.mentorBoth, '2027-04-02');
  await apply(live.id, p.onlyLive, placeLive, p.mentorBoth, '2027-04-03');
  await apply(noPeriod.id, p.noPeriod, placeNoPeriod, null, '2019-04-01');

  // The debrief of the expired programme is its last date: 15 Jan 2025, later than its window.
  const debrief = await db.insertInto('group_sessions').values({ programme_id: expired.id, kind: 'debrief', title: 'Terugkomdag', date: '2025-01-15', start_time: '09:30', end_time: '12:30', location: 'Brussel', audience_network: null, audience_roles: 'both', capacity: null }).returning('id').executeTakeFirstOrThrow();
  for (const id of [p.onlyExpired, p.both, p.mentorExpired]) await db.insertInto('session_attendance').values({ session_id: debrief.id, person_id: id, status: 'present' }).execute();
  for (const id of [p.onlyExpired, p.both]) await db.insertInto('consents').values({ kind: 'confidentiality', programme_id: expired.id, person_id: id, organisation_id: host.id, status: 'returned', sent_at: '2024-03-01', returned_at: '2024-03-05', expires_at: null }).execute();
  await db.insertInto('forbidden_pairs').values({ programme_id: expired.id, participant_id: p.both, organisation_id: sender.id, reason: 'eigen werkgever' }).execute();
  await db.insertInto('matching_scenarios').values({ programme_id: expired.id, round_id: null, mode: 'priority', created_at: '2024-02-10T09:00:00Z', published_at: '2024-02-10T09:00:00Z', summary: '{}', outcomes: JSON.stringify([{ participantName: 'onlyExpired Test', email: emails.onlyExpired }]) }).execute();
  return { expired: expired.id, live: live.id, noPeriod: noPeriod.id, noEnd: noEnd.id, emails };
}

let dir: string;
let ctx: TestContext;
let world: World;

beforeEach(async () => {
  dir = tempDir('meeloop-retention-');
  ctx = await createTestContext({ file: path.join(dir, 'meeloop.db'), now: fixedClock(TODAY) });
  world = await seed(ctx);
});
afterEach(async () => {
  await ctx.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function peopleEmails(): Promise<string[]> {
  return (await ctx.db.selectFrom('people').select('email').orderBy('email').execute()).map((r) => r.email ?? '');
}

describe('retention preview', () => {
  it('finds the end of each programme, when its data expires and what a purge would remove; writes nothing', async () => {
    const before = await snapshotDb(ctx.db);
    const preview = await previewRetention(ctx);
    expect(preview.asOf).toBe('2026-11-23');
    const by = new Map(preview.programmes.map((p) => [p.programmeId, p]));
    expect(by.get(world.expired)).toMatchObject({ status: 'expired', endedOn: '2025-01-15', keptUntil: '2026-01-15', counts: { peopleToErase: 2, peopleToUnlink: 2, applications: 2, placements: 2 } });
    expect(by.get(world.live)).toMatchObject({ status: 'kept', endedOn: '2027-06-30', keptUntil: '2028-06-30' });
    expect(by.get(world.noPeriod)).toMatchObject({ status: 'no_period', keptUntil: null });
    expect(by.get(world.noEnd)).toMatchObject({ status: 'no_end_date', endedOn: null });
    expect(preview.total).toEqual({ peopleToErase: 2, peopleToUnlink: 2, applications: 2, placements: 2 });
    expect(await snapshotDb(ctx.db)).toEqual(before);
  });

  it('a live programme is not purged the day its data is still kept, and is the day after', async () => {
    await ctx.db.updateTable('programmes').set({ retention_months: 1 }).where('id', '=', world.live).execute();
    await ctx.db.updateTable('programmes').set({ exchange_ends: '2026-10-23' }).where('id', '=', world.live).execute();
    // Its blocks in 2027 are later than the window: they decide its end.
    expect((await previewRetention(ctx, { programmeId: world.live })).programmes[0]).toMatchObject({ status: 'kept', endedOn: '2027-04-03' });
    await ctx.db.deleteFrom('shadow_blocks').where('date', '>=', '2027-01-01').execute();
    expect((await previewRetention(ctx, { programmeId: world.live })).programmes[0]).toMatchObject({ status: 'kept', endedOn: '2026-10-23', keptUntil: '2026-11-23' });
    await ctx.db.updateTable('programmes').set({ exchange_ends: '2026-10-22' }).where('id', '=', world.live).execute();
    expect((await previewRetention(ctx, { programmeId: world.live })).programmes[0]).toMatchObject({ status: 'expired', keptUntil: '2026-11-22' });
  });

  it('refuses an unknown programme', async () => {
    await expect(previewRetention(ctx, { programmeId: 999 })).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('retention purge', () => {
  it('erases people only in the expired programme, unlinks the others, keeps every other programme intact', async () => {
    const liveBefore = await ctx.db.selectFrom('applications').selectAll().where('programme_id', '!=', world.expired).orderBy('id').execute();
    const r = await purgeRetention(ctx);
    expect(r).toEqual({ asOf: '2026-11-23', purgedProgrammeIds: [world.expired], erased: 2, unlinked: 2, applicationsRemoved: 2, placementsRemoved: 2, backupsCleaned: 0 });

    const e = world.emails;
    expect(await peopleEmails()).toEqual([e.both, e.none, e.onlyLive, e.noPeriod, e.mentorBoth].sort());
    // Nothing of the expired programme ties anyone to it any more.
    const left = async (table: 'applications' | 'consents' | 'forbidden_pairs' | 'matching_scenarios') => (await ctx.db.selectFrom(table).selectAll().where('programme_id', '=', world.expired).execute()).length;
    for (const t of ['applications', 'consents', 'forbidden_pairs', 'matching_scenarios'] as const) expect(await left(t), t).toBe(0);
    expect(await ctx.db.selectFrom('session_attendance').selectAll().execute()).toEqual([]);
    expect((await ctx.db.selectFrom('places').select('mentor_id').where('programme_id', '=', world.expired).execute()).map((x) => x.mentor_id)).toEqual([null, null]);
    // The other programmes are exactly as they were, the programme itself and its places stay.
    expect(await ctx.db.selectFrom('applications').selectAll().where('programme_id', '!=', world.expired).orderBy('id').execute()).toEqual(liveBefore);
    expect(await ctx.db.selectFrom('places').select('mentor_id').where('programme_id', '=', world.live).execute()).toHaveLength(1);
    expect(await ctx.db.selectFrom('programmes').select('id').execute()).toHaveLength(4);
    expect(await ctx.db.selectFrom('group_sessions').select('id').execute()).toHaveLength(1);

    // The audit log says what happened, with counts and no names.
    const audit = await ctx.db.selectFrom('audit_log').selectAll().where('action', '=', 'retention_purge').execute();
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.details)).toEqual({ programmes: [world.expired], erased: 2, unlinked: 2, applications: 2, placements: 2 });
    expect(audit[0]!.actor).toBe('test');
    expect(JSON.stringify(await ctx.db.selectFrom('audit_log').select('details').execute())).not.toMatch(/only-expired|mentor-expired/);

    // A second purge finds nothing; the programme now reads as purged.
    expect(await purgeRetention(ctx)).toMatchObject({ purgedProgrammeIds: [], erased: 0 });
    expect((await previewRetention(ctx, { programmeId: world.expired })).programmes[0]?.status).toBe('purged');
  });

  it('leaves no trace of the erased people in the database file, and purges every backup too', async () => {
    const backup = await backupNow(ctx, 'manual');
    const automatic = await backupNow({ ...ctx, now: fixedClock('2026-11-22T10:00:00.000Z') }, 'daily');
    const r = await purgeRetention(ctx);
    expect(r.backupsCleaned).toBe(2);
    for (const file of [backup.file, automatic.file]) {
      const b = new BetterSqlite3(file, { readonly: true });
      try {
        const emails = (b.prepare('SELECT email FROM people ORDER BY email').all() as { email: string }[]).map((x) => x.email);
        expect(emails).toEqual(await peopleEmails());
        expect(b.prepare('SELECT COUNT(*) AS n FROM applications WHERE programme_id = ?').get(world.expired)).toEqual({ n: 0 });
        expect(b.prepare('SELECT COUNT(*) AS n FROM applications WHERE programme_id = ?').get(world.live)).toEqual({ n: 2 });
        expect(b.pragma('integrity_check', { simple: true })).toBe('ok');
      } finally {
        b.close();
      }
      // secure_delete and VACUUM: the bytes are gone, not just unlinked.
      const bytes = fs.readFileSync(file).toString('latin1');
      expect(bytes).not.toContain(world.emails.onlyExpired);
      expect(bytes).not.toContain('Leervraag van onlyExpired');
      expect(bytes).toContain(world.emails.onlyLive);
    }
    const live = [ctx.dbPath, `${ctx.dbPath}-wal`].filter((f) => fs.existsSync(f)).map((f) => fs.readFileSync(f).toString('latin1')).join('');
    expect(live).not.toContain(world.emails.onlyExpired);
    expect(live).not.toContain('Leervraag van mentorExpired');
    expect(live).toContain(world.emails.onlyLive);
  });

  it('a backup of another database, where the programme id means something else, is left alone', async () => {
    const backup = await backupNow(ctx, 'manual');
    const raw = new BetterSqlite3(backup.file);
    raw.prepare("UPDATE programmes SET name = 'Een ander programma' WHERE id = ?").run(world.expired);
    raw.close();
    expect((await purgeRetention(ctx)).backupsCleaned).toBe(0);
    const b = new BetterSqlite3(backup.file, { readonly: true });
    expect(b.prepare('SELECT COUNT(*) AS n FROM applications WHERE programme_id = ?').get(world.expired)).toEqual({ n: 2 });
    b.close();
  });

  it('with a programme in scope purges only that programme', async () => {
    expect(await purgeRetention(ctx, { programmeId: world.live })).toMatchObject({ purgedProgrammeIds: [], erased: 0 });
    expect(await peopleEmails()).toHaveLength(7);
    expect(await purgeRetention(ctx, { programmeId: world.expired })).toMatchObject({ purgedProgrammeIds: [world.expired], erased: 2 });
  });
});

describe('retention over IPC and the CLI', () => {
  it('retention.preview writes nothing; retention.purge purges; bad input is refused', async () => {
    const handlers = createHandlers(ctx);
    const before = await snapshotDb(ctx.db);
    const preview = await dispatch(handlers, 'retention.preview', {}, () => undefined);
    expect(preview).toMatchObject({ ok: true, value: { total: { peopleToErase: 2 } } });
    expect(await dispatch(handlers, 'retention.purge', { programmeId: 'all' }, () => undefined)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await dispatch(handlers, 'retention.purge', { programmeId: 999 }, () => undefined)).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await snapshotDb(ctx.db)).toEqual(before);
    expect(await dispatch(handlers, 'retention.purge', {}, () => undefined)).toMatchObject({ ok: true, value: { erased: 2, unlinked: 2 } });
  });

  it('`retention purge --json` is a dry run; with --apply it purges', async () => {
    await ctx.close();
    const cli = async (args: string[]) => {
      let stdout = '';
      const code = await runCli(['--db', ctx.dbPath, ...args], { stdout: (t) => (stdout += t), stderr: () => undefined, env: {}, now: fixedClock(TODAY) });
      expect(stdout.trim().split('\n')).toHaveLength(1);
      return { code, json: JSON.parse(stdout) as Record<string, unknown> };
    };
    const dry = await cli(['retention', 'purge', '--json']);
    expect(dry).toMatchObject({ code: 0, json: { ok: true, dryRun: true, total: { peopleToErase: 2, peopleToUnlink: 2 } } });
    expect(await cli(['retention', 'purge', '--programme', 'x', '--json'])).toMatchObject({ code: 1, json: { ok: false, error: { code: 'invalid_input' } } });
    const applied = await cli(['retention', 'purge', '--programme', String(world.expired), '--apply', '--json']);
    expect(applied).toMatchObject({ code: 0, json: { ok: true, dryRun: false, purgedProgrammeIds: [world.expired], erased: 2 } });
    ctx = await createTestContext({ file: ctx.dbPath, now: fixedClock(TODAY) });
    expect(await peopleEmails()).toHaveLength(5);
  });
});
