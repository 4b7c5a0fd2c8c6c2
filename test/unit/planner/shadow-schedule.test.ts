import { describe, expect, it } from 'vitest';
import {
  acceptBlock,
  checkBlock,
  moveBlock,
  planShadowBlocks,
  splitBlock,
} from '../../../src-main/domain/planner/shadow-schedule';
import type { ShadowBlock } from '../../../src-main/domain/planner/planner.types';
import { placement } from './planner-fixtures';

const minutes = (b: ShadowBlock): number =>
  Number(b.endTime.slice(0, 2)) * 60 + Number(b.endTime.slice(3)) - Number(b.startTime.slice(0, 2)) * 60 - Number(b.startTime.slice(3));

describe('planShadowBlocks', () => {
  it('plans 14 hours as two whole days from the window start', () => {
    const r = planShadowBlocks({ placements: [placement()], holidays: [] });
    expect(r.proposed.map((b) => [b.date, b.startTime, b.endTime])).toEqual([
      ['2026-02-02', '09:00', '16:00'],
      ['2026-02-03', '09:00', '16:00'],
    ]);
    expect(r.fullyPlanned).toBe(1);
    expect(r.missingHours).toBe(0);
  });

  it('respects the host maximum hours per day', () => {
    const r = planShadowBlocks({ placements: [placement({ maxHoursPerDay: 4 })], holidays: [] });
    expect(r.proposed.every((b) => minutes(b) <= 240)).toBe(true);
    expect(r.proposed.reduce((s, b) => s + minutes(b), 0)).toBe(14 * 60);
    expect(r.proposed).toHaveLength(4);
  });

  it('skips public holidays', () => {
    const r = planShadowBlocks({ placements: [placement({ windowStart: '2026-04-06' })], holidays: [{ date: '2026-04-06', name: 'Paasmaandag' }] });
    expect(r.proposed.map((b) => b.date)).toEqual(['2026-04-07', '2026-04-08']);
  });

  it('only uses day parts both the participant and the host are available', () => {
    const r = planShadowBlocks({
      placements: [placement({ participantAvailability: ['tue_am', 'tue_pm', 'thu_am'], hostAvailability: ['tue_pm', 'thu_am', 'fri_am'] })],
      holidays: [],
    });
    expect(r.proposed[0]).toMatchObject({ date: '2026-02-03', startTime: '12:30', endTime: '16:00' });
    expect(r.proposed[1]).toMatchObject({ date: '2026-02-05', startTime: '09:00', endTime: '12:30' });
    expect(r.proposed.every((b) => ['2026-02-03', '2026-02-05', '2026-02-10', '2026-02-12'].includes(b.date))).toBe(true);
  });

  it('never plans before the preparation session has ended', () => {
    const r = planShadowBlocks({ placements: [placement({ windowStart: '2026-01-05', preparation: { date: '2026-01-19', endTime: '12:30' } })], holidays: [] });
    expect(r.proposed[0]).toMatchObject({ date: '2026-01-19', startTime: '12:30' });
    expect(r.proposed.every((b) => b.date >= '2026-01-19')).toBe(true);
  });

  it('never books a mentor twice at the same time (two participants)', () => {
    const r = planShadowBlocks({ placements: [placement({ id: 1, participantId: 101 }), placement({ id: 2, participantId: 102 })], holidays: [] });
    const keys = r.proposed.map((b) => b.date);
    expect(new Set(keys).size).toBe(keys.length);
    expect(r.fullyPlanned).toBe(2);
  });

  it('never books a participant twice at the same time (two placements, KIEK)', () => {
    const r = planShadowBlocks({
      placements: [placement({ id: 1, format: 'day', mentorId: 201 }), placement({ id: 2, format: 'day', mentorId: 202, hostId: 302 })],
      holidays: [],
    });
    expect(r.proposed.map((b) => b.date)).toEqual(['2026-02-02', '2026-02-03']);
  });

  it('never books someone who shadows elsewhere as a mentor at the same time (reciprocity)', () => {
    // 201 mentors An at home and shadows at another host herself: one person, one calendar.
    const r = planShadowBlocks({
      placements: [placement({ id: 1, format: 'day', participantId: 101, mentorId: 201 }), placement({ id: 2, format: 'day', participantId: 201, mentorId: 202, hostId: 302 })],
      holidays: [],
    });
    expect(r.proposed.map((b) => b.date).sort()).toEqual(['2026-02-02', '2026-02-03']);
    expect(r.fullyPlanned).toBe(2);
  });

  it('makes one block of a half-day or day visit', () => {
    const half = planShadowBlocks({ placements: [placement({ format: 'half_day' })], holidays: [] });
    expect(half.proposed).toHaveLength(1);
    expect(half.proposed[0]).toMatchObject({ startTime: '09:00', endTime: '12:30' });
    const day = planShadowBlocks({ placements: [placement({ format: 'day' })], holidays: [] });
    expect(day.proposed).toHaveLength(1);
    expect(day.proposed[0]).toMatchObject({ startTime: '09:00', endTime: '16:00' });
  });

  it('reports missing hours with a reason when the window is too short', () => {
    const r = planShadowBlocks({ placements: [placement({ windowStart: '2026-02-02', windowEnd: '2026-02-02' })], holidays: [] });
    expect(r.placements[0]).toMatchObject({ missingHours: 7, isFullyPlanned: false });
    expect(r.placements[0]!.problems[0]!.code).toBe('hours_do_not_fit');
    expect(r.placements[0]!.problems[0]!.message).toMatch(/Extend the exchange window/);
  });

  it('explains when participant and host have no day part in common', () => {
    const r = planShadowBlocks({ placements: [placement({ participantAvailability: ['mon_am'], hostAvailability: ['tue_am'] })], holidays: [] });
    expect(r.placements[0]!.problems.map((p) => p.code)).toContain('no_common_availability');
  });

  it('keeps accepted blocks, replaces earlier proposals and counts kept hours', () => {
    const existing: ShadowBlock[] = [
      { id: 50, placementId: 1, date: '2026-03-02', startTime: '09:00', endTime: '16:00', status: 'accepted' },
      { id: 51, placementId: 1, date: '2026-03-03', startTime: '09:00', endTime: '16:00', status: 'proposed' },
    ];
    const r = planShadowBlocks({ placements: [placement()], holidays: [], existingBlocks: existing });
    expect(r.replacedBlockIds).toEqual([51]);
    expect(r.proposed).toHaveLength(1);
    expect(r.placements[0]).toMatchObject({ keptHours: 7, proposedHours: 7, missingHours: 0 });
  });

  it('is deterministic whatever the input order', () => {
    const ps = [placement({ id: 3, participantId: 103 }), placement({ id: 1 }), placement({ id: 2, participantId: 102 })];
    const a = planShadowBlocks({ placements: ps, holidays: [] });
    const b = planShadowBlocks({ placements: ps.slice().reverse(), holidays: [] });
    expect(b.blocks).toEqual(a.blocks);
  });
});

describe('block rules and operations', () => {
  const ctx = {
    placements: [placement({ id: 1, maxHoursPerDay: 6, preparation: { date: '2026-01-19', endTime: '12:30' } }), placement({ id: 2, participantId: 102 })],
    holidays: [{ date: '2026-04-06', name: 'Paasmaandag' }],
  };
  const block = (o: Partial<ShadowBlock> = {}): ShadowBlock => ({ id: 10, placementId: 1, date: '2026-02-03', startTime: '09:00', endTime: '12:00', status: 'proposed', ...o });
  const rules = (b: ShadowBlock, others: ShadowBlock[] = []): string[] => checkBlock(b, [b, ...others], ctx).map((v) => v.rule);

  it.each([
    ['outside the window', block({ date: '2026-10-01' }), 'outside_window'],
    ['on a holiday', block({ date: '2026-04-06' }), 'on_holiday'],
    ['before preparation', block({ date: '2026-01-19', startTime: '09:00' }), 'before_preparation'],
    ['over the maximum per day', block({ startTime: '09:00', endTime: '16:00' }), 'over_max_hours_per_day'],
    ['end before start', block({ startTime: '12:00', endTime: '09:00' }), 'invalid_block'],
  ])('flags a block %s', (_label, b, rule) => {
    expect(rules(b)).toContain(rule);
  });

  it('flags a mentor booked twice', () => {
    expect(rules(block(), [block({ id: 11, placementId: 2, startTime: '11:00', endTime: '13:00' })])).toContain('mentor_double_booked');
  });

  it('flags a participant booked twice', () => {
    const other = { ...placement({ id: 3, mentorId: 299, hostId: 399 }) };
    const v = checkBlock(block(), [block(), block({ id: 12, placementId: 3 })], { ...ctx, placements: [...ctx.placements, other] });
    expect(v.map((x) => x.rule)).toContain('participant_double_booked');
  });

  it('flags a mentor who is shadowing elsewhere at the same time', () => {
    const mentorAway = placement({ id: 4, participantId: 201, mentorId: 299, hostId: 399 });
    const v = checkBlock(block(), [block(), block({ id: 13, placementId: 4 })], { ...ctx, placements: [...ctx.placements, mentorAway] });
    expect(v.map((x) => x.rule)).toContain('mentor_double_booked');
    const w = checkBlock(block({ id: 13, placementId: 4 }), [block(), block({ id: 13, placementId: 4 })], { ...ctx, placements: [...ctx.placements, mentorAway] });
    expect(w.map((x) => x.rule)).toContain('participant_double_booked');
  });

  it('accepts a clean block and refuses one that breaks a rule', () => {
    const ok = acceptBlock([block()], 10, ctx);
    expect(ok.ok && ok.changed[0]!.status).toBe('accepted');
    const bad = acceptBlock([block({ date: '2026-04-06' })], 10, ctx);
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors[0]!.message).toMatch(/holiday \(Paasmaandag\)/);
  });

  it('moves a block and refuses a move onto a holiday with a clear message', () => {
    const moved = moveBlock([block()], 10, { date: '2026-02-04', startTime: '13:00', endTime: '15:00' }, ctx);
    expect(moved.ok).toBe(true);
    const refused = moveBlock([block()], 10, { date: '2026-04-06', startTime: '09:00', endTime: '12:00' }, ctx);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.errors[0]!.message).toMatch(/Move the block to another day/);
  });

  it('warns (but allows) a move to a day part someone is not usually available', () => {
    const c = { ...ctx, placements: [placement({ id: 1, participantAvailability: ['mon_am'] })] };
    const r = moveBlock([block()], 10, { date: '2026-02-04', startTime: '09:00', endTime: '12:00' }, c);
    expect(r.ok).toBe(true);
    expect(r.warnings.map((w) => w.rule)).toContain('participant_unavailable');
  });

  it('does not move a done block', () => {
    expect(moveBlock([block({ status: 'done' })], 10, { date: '2026-02-04', startTime: '09:00', endTime: '12:00' }, ctx).ok).toBe(false);
  });

  it('splits a block in two and refuses a split outside it', () => {
    const r = splitBlock([block()], 10, '10:30', 99, ctx);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.changed.map((b) => [b.id, b.startTime, b.endTime])).toEqual([[10, '09:00', '10:30'], [99, '10:30', '12:00']]);
    const bad = splitBlock([block()], 10, '09:10', 99, ctx);
    expect(bad.ok).toBe(false);
  });
});
