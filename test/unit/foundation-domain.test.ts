import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { foldName } from '../../src-main/domain/names';
import { normalisePhone } from '../../src-main/domain/phone';
import { defaultDataDir, resolveDbPath } from '../../src-main/io/paths';
import { ProgrammeInputSchema } from '../../src-shared/schemas/programme.schema';
import { OrganisationInputSchema } from '../../src-shared/schemas/organisation.schema';
import { EmailSchema } from '../../src-shared/schemas/common.schema';

describe('foldName', () => {
  it.each([
    ['Dé  Vlinder vzw', 'de vlinder vzw'],
    ['DE VLINDER VZW', 'de vlinder vzw'],
    ["L'Olivier asbl", 'lolivier asbl'],
    ['Huis-van-het-Kind', 'huis van het kind'],
    ['  Çà et là ', 'ca et la'],
    ['Kinderopvang ’t Kriebelnest', 'kinderopvang t kriebelnest'],
  ])('%s folds to %s', (input, key) => expect(foldName(input)).toBe(key));
});

describe('normalisePhone', () => {
  it.each([
    ['0475 12 34 56', '+32475123456'],
    ['+32 486 11 22 33', '+32486112233'],
    ['0032 2 555 66 77', '+3225556677'],
    ['0499/12.34.56', '+32499123456'],
    ['02 555 66 77', '+3225556677'],
    ['+31 6 12345678', '+31612345678'],
    ['0031 6 1234 5678', '+31612345678'],
  ])('%s becomes %s', (raw, e164) => expect(normalisePhone(raw)).toEqual({ ok: true, e164 }));

  it('reads a Dutch number without prefix as Dutch when the programme is Dutch', () => {
    expect(normalisePhone('06-12345678', 'NL')).toEqual({ ok: true, e164: '+31612345678' });
  });

  it.each(['12', 'abc', '0475', ''])('rejects %j with a message that says how to write it', (raw) => {
    const r = normalisePhone(raw);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/phone number/);
  });
});

describe('programme input', () => {
  it('gives a jobshadowing programme 14 hours and 3 choices by default', () => {
    expect(ProgrammeInputSchema.parse({ name: 'ST', kind: 'jobshadowing' })).toMatchObject({ requiredHours: 14, maxChoices: 3, maxPlacementsPerParticipant: 1, languages: ['nl'] });
  });
  it('gives other kinds no required hours unless asked', () => {
    expect(ProgrammeInputSchema.parse({ name: 'K', kind: 'kijkstage' }).requiredHours).toBeNull();
    expect(ProgrammeInputSchema.parse({ name: 'K', kind: 'exchange_round', requiredHours: 8 }).requiredHours).toBe(8);
  });
  it('refuses windows that close before they open and impossible dates', () => {
    expect(ProgrammeInputSchema.safeParse({ name: 'K', kind: 'kijkstage', registrationOpens: '2027-03-01', registrationCloses: '2027-02-01' }).success).toBe(false);
    expect(ProgrammeInputSchema.safeParse({ name: 'K', kind: 'kijkstage', earlyBirdOpens: '2027-02-30' }).success).toBe(false);
  });
});

describe('organisation input', () => {
  it.each([
    ['1000', '1000'],
    ['7511 ab', '7511 AB'],
    ['7511AB', '7511AB'],
  ])('accepts postcode %s', (pc, out) => expect(OrganisationInputSchema.parse({ name: 'X', postcode: pc }).postcode).toBe(out));
  it.each(['100', 'B-1000', 'abcd'])('refuses postcode %s', (pc) => expect(OrganisationInputSchema.safeParse({ name: 'X', postcode: pc }).success).toBe(false));
  it('refuses a website that is not http(s)', () => {
    expect(OrganisationInputSchema.safeParse({ name: 'X', website: 'javascript:alert(1)' }).success).toBe(false);
  });
});

describe('e-mail', () => {
  it('trims and lower-cases', () => expect(EmailSchema.parse('  An.Claes@Example.BE ')).toBe('an.claes@example.be'));
  it.each(['an', 'an@', '@x.be', 'an claes@x.be'])('refuses %j', (e) => expect(EmailSchema.safeParse(e).success).toBe(false));
});

describe('where the data lives', () => {
  it('follows Electron userData per platform', () => {
    expect(defaultDataDir({ XDG_CONFIG_HOME: '/home/c/.config' }, 'linux')).toBe(path.join('/home/c/.config', 'Meeloop'));
    expect(defaultDataDir({ APPDATA: 'C:/Users/c/AppData/Roaming' }, 'win32')).toBe(path.join('C:/Users/c/AppData/Roaming', 'Meeloop'));
  });
  it('prefers --db, then MEELOOP_DB, then the app database', () => {
    expect(resolveDbPath('/tmp/a.db', { MEELOOP_DB: '/tmp/b.db' })).toBe('/tmp/a.db');
    expect(resolveDbPath(undefined, { MEELOOP_DB: '/tmp/b.db' })).toBe('/tmp/b.db');
    expect(resolveDbPath(undefined, { XDG_CONFIG_HOME: '/x' })).toMatch(/Meeloop[/\\]meeloop\.db$/);
  });
});
