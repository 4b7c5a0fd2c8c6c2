import { describe, expect, it } from 'vitest';
import { formatDate, formatDateList, formatLongDate, formatNumber, formatTime, weekday } from '../../../src-main/domain/documents/format';
import { chooseDocumentLanguage, type DocumentKind } from '../../../src-main/domain/documents/language';

describe('chooseDocumentLanguage', () => {
  it.each<[DocumentKind, { participant?: 'nl' | 'fr' | 'en' | null; host?: 'nl' | 'fr' | 'en' | null }, 'nl' | 'fr' | 'en' | undefined, string]>([
    ['programme', { participant: 'fr', host: 'nl' }, undefined, 'fr'],
    ['certificate', { participant: 'en', host: 'fr' }, undefined, 'en'],
    ['confidentiality-pledge', { participant: 'fr', host: 'nl' }, undefined, 'fr'],
    ['data-sharing', { participant: 'nl', host: 'fr' }, undefined, 'nl'],
    ['client-consent', { participant: 'nl', host: 'fr' }, undefined, 'fr'],
    ['host-overview', { participant: 'en', host: 'nl' }, undefined, 'nl'],
    ['programme', { participant: null, host: 'fr' }, undefined, 'fr'],
    ['client-consent', { participant: 'en', host: null }, undefined, 'en'],
    ['programme', {}, undefined, 'nl'],
    ['programme', { participant: 'fr' }, 'en', 'en'],
  ])('%s with %o (override %s) is in %s', (kind, context, override, expected) => {
    expect(chooseDocumentLanguage(kind, context, override)).toBe(expected);
  });
});

describe('formats', () => {
  it.each([
    ['2026-11-23', 1],
    ['2026-02-03', 2],
    ['2000-02-29', 2],
    ['2024-12-31', 2],
    ['2023-01-01', 0],
  ])('%s is weekday %i', (iso, day) => expect(weekday(iso)).toBe(day));

  it.each([
    ['2026-02-03', 'nl', 'dinsdag 3 februari 2026'],
    ['2026-08-01', 'fr', 'samedi 1er août 2026'],
    ['2026-12-24', 'en', 'Thursday 24 December 2026'],
  ] as const)('%s in %s reads %s', (iso, lang, text) => expect(formatLongDate(iso, lang)).toBe(text));

  it('writes numbers and times as each language does', () => {
    expect(formatNumber(3.5, 'nl')).toBe('3,5');
    expect(formatNumber(3.5, 'en')).toBe('3.5');
    expect(formatNumber(14, 'fr')).toBe('14');
    expect(formatNumber(1 / 3, 'nl')).toBe('0,33');
    expect(formatTime('09:30', 'fr')).toBe('9h30');
    expect(formatTime('09:30', 'nl')).toBe('09:30');
  });

  it('joins visit dates in a sentence, sorted and without duplicates', () => {
    expect(formatDateList(['2026-02-10', '2026-02-03', '2026-02-10'], 'nl')).toBe('3 februari 2026 en 10 februari 2026');
    expect(formatDateList(['2026-02-03'], 'fr')).toBe('3 février 2026');
    expect(formatDate('2026-03-01', 'fr')).toBe('1er mars 2026');
  });
});
