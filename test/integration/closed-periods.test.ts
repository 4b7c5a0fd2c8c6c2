import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src-main/cli/cli';
import { createHandlers } from '../../src-main/ipc/handlers';
import { dispatch, type Handlers } from '../../src-main/ipc/dispatch';
import { loadDemo } from '../../src-main/services/demo.service';
import * as matching from '../../src-main/services/matching.service';
import * as planner from '../../src-main/services/planner.service';
import { createProgramme, deleteProgramme, listProgrammes } from '../../src-main/services/programme.service';
import { listAudit } from '../../src-main/db/repositories/audit.repository';
import type { ClosedPeriod } from '../../src-shared/schemas/planner.schema';
import { ProgrammeInputSchema } from '../../src-shared/schemas/programme.schema';
import { createTestContext, fixedClock, tempDir, type TestContext } from '../helpers/context';

/*
 * Closed periods (issue #5 point 3, "school holidays as an option"): date-holidays has no school
 * holiday periods for BE or NL, so the coordinator enters them per programme. Every day of one is a
 * holiday to the planner: never planned, a block on it is refused or listed with the period's name,
 * and deleting the period frees its days again.
 */

let ctx: TestContext;
let dir: string;
let handlers: Handlers;
let switching: number;
/** A Monday-to-Sunday week in the exchange window where the plan without closed periods puts blocks. */
let week: { starts: string; ends: string; days: string[] };

const unexpected: string[] = [];
const call = (channel: string, input: unknown) => dispatch(handlers, channel, input, (m) => unexpected.push(m));
async function ok<T>(channel: string, input: unknown): Promise<T> {
  const r = await call(channel, input);
  if (!r.ok) throw new Error(`${channel} failed: ${r.error.code} ${r.error.message}`);
  return r.value as T;
}

function addDays(date: string, n: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}
function mondayOf(date: string): string {
  const weekday = (new Date(`${date}T12:00:00Z`).getUTCDay() + 6) % 7;
  return addDays(date, -weekday);
}
const inWeek = (date: string) => date >= week.starts && date <= week.ends;

beforeAll(async () => {
  dir = tempDir('meeloop-closed-');
  ctx = await createTestContext({ file: path.join(dir, 'meeloop.db'), now: fixedClock('2026-12-01T09:00:00.000Z') });
  handlers = createHandlers(ctx);
  await loadDemo(ctx);
  switching = (await listProgrammes(ctx)).find((p) => p.kind === 'jobshadowing')!.id;
  const s = await matching.runScenario(ctx, { programmeId: switching, roundId: null, mode: 'optimal' });
  await matching.publishScenario(ctx, s.id);

  // The busiest week of the plan as it is without closed periods: closing it must change the plan.
  const preview = await planner.plan(ctx, { programmeId: switching, apply: false });
  const perWeek = new Map<string, number>();
  for (const b of preview.blocks) perWeek.set(mondayOf(b.date), (perWeek.get(mondayOf(b.date)) ?? 0) + 1);
  const [monday] = [...perWeek.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]!;
  week = { starts: monday, ends: addDays(monday, 6), days: Array.from({ length: 7 }, (_, i) => addDays(monday, i)) };
});
afterAll(async () => {
  await ctx.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('closed periods of a programme', () => {
  it('the plan without them puts blocks in the chosen week (so the tests below can fail)', async () => {
    const preview = await planner.plan(ctx, { programmeId: switching, apply: false });
    expect(preview.blocks.filter((b) => inWeek(b.date)).length).toBeGreaterThan(2);
    expect(await ok<ClosedPeriod[]>('planner.closedPeriods', { programmeId: switching })).toEqual([]);
  });

  it('are created, listed by first day and audited; an unknown programme or period is not_found', async () => {
    const later = await ok<ClosedPeriod>('planner.closedPeriodCreate', { programmeId: switching, name: '  Zomersluiting  ', starts: '2027-07-19', ends: '2027-08-01' });
    expect(later).toMatchObject({ programmeId: switching, name: 'Zomersluiting', starts: '2027-07-19', ends: '2027-08-01', createdAt: '2026-12-01T09:00:00.000Z' });
    const earlier = await ok<ClosedPeriod>('planner.closedPeriodCreate', { programmeId: switching, name: 'Kerstvakantie', starts: '2026-12-21', ends: '2027-01-03' });
    expect((await ok<ClosedPeriod[]>('planner.closedPeriods', { programmeId: switching })).map((p) => p.id)).toEqual([earlier.id, later.id]);

    expect(await call('planner.closedPeriodCreate', { programmeId: 9999, name: 'X', starts: '2027-01-01', ends: '2027-01-02' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await call('planner.closedPeriods', { programmeId: 9999 })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const refused = await call('planner.closedPeriodCreate', { programmeId: switching, name: 'Omgekeerd', starts: '2027-01-03', ends: '2026-12-21' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining('on or after the start date') } });
    // A leap year is 366 days: allowed; one day more is not.
    const leap = await ok<ClosedPeriod>('planner.closedPeriodCreate', { programmeId: switching, name: 'Heel 2028', starts: '2028-01-01', ends: '2028-12-31' });
    expect(await call('planner.closedPeriodCreate', { programmeId: switching, name: 'Te lang', starts: '2028-01-01', ends: '2029-01-01' })).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining('at most 366 days') } });

    for (const p of [earlier, later, leap]) expect(await ok('planner.closedPeriodDelete', { id: p.id })).toEqual({ id: p.id, deleted: true });
    expect(await call('planner.closedPeriodDelete', { id: later.id })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await ok<ClosedPeriod[]>('planner.closedPeriods', { programmeId: switching })).toEqual([]);
    const actions = (await listAudit(ctx.db, { entity: 'programme', entityId: switching })).map((a) => a.action);
    expect(actions.filter((a) => a === 'closed_period_create')).toHaveLength(3);
    expect(actions.filter((a) => a === 'closed_period_delete')).toHaveLength(3);
    expect(unexpected).toEqual([]);
  });

  it('the ledger flags a stored block in a new period, a move into it is refused naming it, a new plan avoids it, and deleting the period lifts it', async () => {
    const applied = await planner.plan(ctx, { programmeId: switching, apply: true });
    expect(applied.conflicts).toEqual([]);
    const inside = (await planner.getSchedule(ctx, switching)).blocks.filter((b) => inWeek(b.date));
    expect(inside.length).toBeGreaterThan(2);

    const period = await ok<ClosedPeriod>('planner.closedPeriodCreate', { programmeId: switching, name: 'Krokusvakantie', starts: week.starts, ends: week.ends });

    // The calendar shades every day of it, named after the period.
    const schedule = await planner.getSchedule(ctx, switching);
    for (const day of week.days) expect(schedule.holidays.find((h) => h.date === day)?.name, day).toContain('Krokusvakantie');
    expect(schedule.holidays.map((h) => h.date)).toEqual([...schedule.holidays.map((h) => h.date)].sort());
    expect(new Set(schedule.holidays.map((h) => h.date)).size).toBe(schedule.holidays.length);

    // Every stored block in the week is an on_holiday conflict naming the period, with a way out of it.
    const ledger = await planner.getLedger(ctx, switching);
    const onHoliday = ledger.conflicts.filter((c) => c.rule === 'on_holiday');
    expect(onHoliday.map((c) => c.blockId).sort((a, b) => a - b)).toEqual(inside.map((b) => b.id).sort((a, b) => a - b));
    for (const c of onHoliday) {
      expect(c.message).toContain('Krokusvakantie');
      expect(c.params?.holiday).toContain('Krokusvakantie');
      if (c.suggestedSlot) expect(inWeek(c.suggestedSlot.date), `suggested ${c.suggestedSlot.date}`).toBe(false);
    }
    const fixable = onHoliday.find((c) => c.suggestedSlot !== null);
    expect(fixable).toBeDefined();
    await planner.moveShadowBlock(ctx, { id: fixable!.blockId, ...fixable!.suggestedSlot! });
    expect((await planner.getLedger(ctx, switching)).conflicts.filter((c) => c.rule === 'on_holiday')).toHaveLength(onHoliday.length - 1);

    // Moving a block from outside onto a weekday of the period is refused with the period's name.
    const outside = schedule.blocks.find((b) => !inWeek(b.date) && b.status === 'proposed')!;
    const wednesday = week.days[2]!;
    await expect(planner.moveShadowBlock(ctx, { id: outside.id, date: wednesday, startTime: '09:00', endTime: '12:00' })).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringContaining('Krokusvakantie'),
      details: { errors: expect.arrayContaining([expect.objectContaining({ code: 'on_holiday', params: expect.objectContaining({ holiday: 'Krokusvakantie' }) })]) },
    });
    expect((await planner.getSchedule(ctx, switching)).blocks.find((b) => b.id === outside.id)?.date).toBe(outside.date);

    // A new plan replaces the proposals: none of them lands in the period, and nobody is left without a reason.
    const again = await planner.plan(ctx, { programmeId: switching, apply: true });
    expect(again.blocks.filter((b) => inWeek(b.date))).toEqual([]);
    expect(again.conflicts).toEqual([]);
    const reported = new Set(again.problems.map((p) => p.participantId));
    for (const row of (await planner.getLedger(ctx, switching)).rows) {
      if (row.plannedHours + row.doneHours < row.requiredHours) expect(reported.has(row.participantId), row.participantName).toBe(true);
    }

    // Deleting the period frees its days: a block put back there is no longer a conflict, and the move is allowed again.
    const back = again.blocks.find((b) => b.status === 'proposed')!;
    await ctx.db.updateTable('shadow_blocks').set({ date: wednesday }).where('id', '=', back.id).execute();
    expect((await planner.getLedger(ctx, switching)).conflicts.filter((c) => c.rule === 'on_holiday' && c.blockId === back.id)).toHaveLength(1);
    await ok('planner.closedPeriodDelete', { id: period.id });
    expect((await planner.getLedger(ctx, switching)).conflicts.filter((c) => c.rule === 'on_holiday')).toEqual([]);
    expect((await planner.getSchedule(ctx, switching)).holidays.filter((h) => inWeek(h.date) && h.name.includes('Krokusvakantie'))).toEqual([]);
    await ctx.db.updateTable('shadow_blocks').set({ date: back.date }).where('id', '=', back.id).execute();
  });

  it('a period over a public holiday keeps both names', async () => {
    // Easter Monday 2027 (29 March) is a public holiday in Belgium.
    const period = await planner.createClosedPeriod(ctx, { programmeId: switching, name: 'Paasvakantie', starts: '2027-03-29', ends: '2027-04-09' });
    const holidays = (await planner.getSchedule(ctx, switching)).holidays;
    const easterMonday = holidays.find((h) => h.date === '2027-03-29')!;
    expect(easterMonday.name).toMatch(/ \/ Paasvakantie$/);
    expect(easterMonday.name.length).toBeGreaterThan(' / Paasvakantie'.length);
    expect(holidays.find((h) => h.date === '2027-04-02')?.name).toBe('Paasvakantie');
    await planner.deleteClosedPeriod(ctx, period.id);
    expect((await planner.getSchedule(ctx, switching)).holidays.find((h) => h.date === '2027-03-29')?.name).not.toContain('Paasvakantie');
  });

  it('the CLI plan counts the closed days with the holidays and plans around them', async () => {
    const cli = async (args: string[]) => {
      let stdout = '';
      const code = await runCli(['--db', path.join(dir, 'meeloop.db'), ...args], { stdout: (t) => (stdout += t), stderr: () => undefined, env: {}, now: fixedClock('2026-12-01T09:00:00.000Z') });
      return { code, json: JSON.parse(stdout) as { ok: boolean; holidays: number; conflicts: unknown[]; isApplied: boolean } };
    };
    const before = await cli(['plan', '--programme', String(switching), '--json']);
    expect(before.code).toBe(0);
    const period = await planner.createClosedPeriod(ctx, { programmeId: switching, name: 'Krokusvakantie', starts: week.starts, ends: week.ends });
    const publicInWeek = (await planner.getSchedule(ctx, switching)).holidays.filter((h) => inWeek(h.date) && h.name !== 'Krokusvakantie').length;
    const applied = await cli(['plan', '--programme', String(switching), '--apply', '--json']);
    expect(applied.code).toBe(0);
    expect(applied.json).toMatchObject({ ok: true, isApplied: true, conflicts: [] });
    expect(applied.json.holidays).toBe(before.json.holidays + 7 - publicInWeek);
    expect((await planner.getSchedule(ctx, switching)).blocks.filter((b) => inWeek(b.date) && b.status === 'proposed')).toEqual([]);
    await planner.deleteClosedPeriod(ctx, period.id);
  });

  it('go with their programme when it is deleted; the database refuses a period that ends before it starts', async () => {
    const other = await createProgramme(ctx, ProgrammeInputSchema.parse({ name: 'Kijkstage 2027', kind: 'kijkstage' }));
    await planner.createClosedPeriod(ctx, { programmeId: other.id, name: 'Jaarlijkse sluiting', starts: '2027-07-19', ends: '2027-08-08' });
    const kept = await planner.createClosedPeriod(ctx, { programmeId: switching, name: 'Herfstvakantie', starts: '2027-11-01', ends: '2027-11-07' });
    const count = async (programmeId: number) => Number((await ctx.db.selectFrom('programme_closed_periods').select((eb) => eb.fn.countAll<number>().as('n')).where('programme_id', '=', programmeId).executeTakeFirstOrThrow()).n);
    expect(await count(other.id)).toBe(1);
    await deleteProgramme(ctx, other.id);
    expect(await count(other.id)).toBe(0);
    expect((await planner.listClosedPeriods(ctx, switching)).map((p) => p.id)).toEqual([kept.id]);

    await expect(ctx.db.insertInto('programme_closed_periods').values({ programme_id: switching, name: 'X', starts: '2027-02-02', ends: '2027-02-01', created_at: '2026-12-01T09:00:00.000Z' }).execute()).rejects.toThrow(/CHECK constraint/);
    await expect(ctx.db.insertInto('programme_closed_periods').values({ programme_id: 424242, name: 'X', starts: '2027-02-01', ends: '2027-02-01', created_at: '2026-12-01T09:00:00.000Z' }).execute()).rejects.toThrow(/FOREIGN KEY/);
    await planner.deleteClosedPeriod(ctx, kept.id);
  });
});
