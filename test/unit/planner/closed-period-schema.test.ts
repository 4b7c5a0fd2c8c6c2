import { describe, expect, it } from 'vitest';
import { CLOSED_PERIOD_MESSAGES, ClosedPeriodInputSchema } from '../../../src-shared/schemas/planner.schema';

/* The closed period a coordinator enters: a name, two real dates in order, at most 366 days. */

const base = { programmeId: 1, name: 'Kerstvakantie', starts: '2026-12-21', ends: '2027-01-03' };

describe('ClosedPeriodInputSchema', () => {
  it.each([
    ['a school holiday over new year', base],
    ['a single day', { ...base, starts: '2027-05-14', ends: '2027-05-14' }],
    ['a whole leap year (366 days)', { ...base, starts: '2028-01-01', ends: '2028-12-31' }],
    ['a name of exactly 100 characters', { ...base, name: 'x'.repeat(100) }],
  ])('accepts %s', (_label, input) => {
    expect(ClosedPeriodInputSchema.safeParse(input).success).toBe(true);
  });

  it('trims the name', () => {
    expect(ClosedPeriodInputSchema.parse({ ...base, name: '  Krokusvakantie ' }).name).toBe('Krokusvakantie');
  });

  it.each([
    ['an empty name', { ...base, name: '   ' }, 'name', /name/],
    ['a name of 101 characters', { ...base, name: 'x'.repeat(101) }, 'name', /100 characters/],
    ['a date that does not exist', { ...base, starts: '2027-02-29' }, 'starts', /./],
    ['a date written the Belgian way', { ...base, ends: '03/01/2027' }, 'ends', /./],
    ['an end before the start', { ...base, starts: '2027-01-03', ends: '2026-12-21' }, 'ends', new RegExp(CLOSED_PERIOD_MESSAGES.endBeforeStart)],
    ['367 days', { ...base, starts: '2028-01-01', ends: '2029-01-01' }, 'ends', /at most 366 days/],
    ['an unknown field', { ...base, isActive: true }, '', /./],
  ])('refuses %s, on the field it is about', (_label, input, field, message) => {
    const r = ClosedPeriodInputSchema.safeParse(input);
    expect(r.success).toBe(false);
    const issue = r.error?.issues[0];
    expect(issue?.path.join('.')).toBe(field);
    expect(issue?.message).toMatch(message);
  });
});
