import { describe, expect, it } from 'vitest';
import { cellBoolean, cellDate, cellNumber, cellText, columnIndex, columnLetter } from '../../../src-main/domain/import/cell-values';

describe('cell values as Excel gives them', () => {
  it.each([
    [{ text: 'jan@x.be', hyperlink: 'mailto:jan@x.be' }, 'jan@x.be'],
    [{ text: 'Mail Jan', hyperlink: 'mailto:jan@x.be?subject=hi' }, 'jan@x.be'],
    [{ richText: [{ text: 'Team' }, { text: 'coach' }] }, 'Teamcoach'],
    [{ formula: 'A1&B1', result: 'ab' }, 'ab'],
    [{ formula: 'A1', result: { error: '#REF!' } }, ''],
    [{ error: '#N/A' }, ''],
    [475123456, '475123456'],
    [0.1 + 0.2, '0.3'],
    ['  Ann\u00a0 ', 'Ann'],
    [null, ''],
  ])('%j reads as %j', (raw, text) => {
    expect(cellText(raw as never)).toBe(text);
  });

  it.each([
    [46349.5, '2026-11-23T12:00:00'],
    [46349, '2026-11-23'],
    ['46349', '2026-11-23'],
    ['23/11/2026', '2026-11-23'],
    ['3-2-2026', '2026-02-03'],
    ['23/11/2026 14:03:12', '2026-11-23T14:03:12'],
    ['23.11.26 9:05', '2026-11-23T09:05:00'],
    ['2026-11-23', '2026-11-23'],
    ['2026-11-23T14:03:00Z', '2026-11-23T14:03:00'],
    [new Date(Date.UTC(2026, 10, 23, 14, 3)), '2026-11-23T14:03:00'],
    ['31/02/2026', null],
    ['morgen', null],
    [-3, null],
  ])('date %j → %j', (raw, iso) => {
    expect(cellDate(raw as never)).toBe(iso);
  });

  it.each([
    ['12', 12], [' 3 ', 3], ['2,5', 2.5], ['1.250,5', 1250.5], [7, 7], ['twee', null], ['', null],
  ])('number %j → %j', (raw, n) => {
    expect(cellNumber(raw as never)).toBe(n);
  });

  it.each([
    ['Ja', true], ['NEE', false], ['oui', true], ['Non', false], ['Yes', true], ['no', false], ['J', true], ['n', false],
    ['x', true], ['TRUE', true], ['false', false], [true, true], [0, false], ['', null], ['misschien', undefined],
  ])('yes/no %j → %j', (raw, b) => {
    expect(cellBoolean(raw as never)).toBe(b);
  });

  it('converts column letters both ways', () => {
    expect([0, 25, 26, 701, 16383].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'ZZ', 'XFD']);
    expect(columnIndex('XFD')).toBe(16383);
  });
});
