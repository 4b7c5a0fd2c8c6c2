import { describe, expect, it } from 'vitest';
import { proposeMapping } from '../../../src-main/domain/import/header-mapping';
import { normaliseRows, RECORD_SCHEMAS } from '../../../src-main/domain/import/normalise';
import type { RawCellValue } from '../../../src-main/domain/import/cell-values';

function run(kind: 'participants' | 'organisations' | 'mentors', headers: string[], rows: RawCellValue[][]) {
  const mapping = proposeMapping(headers, kind);
  return normaliseRows(kind, { rows: rows.map((cells, i) => ({ rowNumber: i + 2, cells })) }, mapping.columns);
}

describe('normalising participant rows', () => {
  const headers = ['Voornaam', 'Achternaam', 'E-mail', 'GSM', 'Eerste keuze', 'Tweede keuze', 'Tijdstempel', 'Early bird'];
  it.each([
    ['0475 12 34 56', '+32475123456'],
    ['+32 486 11 22 33', '+32486112233'],
    ['0032 2 555 66 77', '+3225556677'],
    ['0499/12.34.56', '+32499123456'],
    ['06-12345678', '+31612345678'],
    [475123456, '+32475123456'],
  ])('phone %j → %s', (phone, e164) => {
    const r = run('participants', headers, [['An', 'Peeters', ' An@Example.BE ', phone, 'X', '', '23/11/2026 10:00', 'ja']]);
    expect(r.issues).toEqual([]);
    expect(r.records[0]).toMatchObject({ email: 'an@example.be', phone: e164, submittedAt: '2026-11-23T10:00:00', isEarlyBird: true, choices: [{ rank: 1, text: 'X' }] });
  });

  it('rejects a bad cell with row, header, letter and a message saying what to do', () => {
    const r = run('participants', headers, [['An', 'P', 'an@', '12', '', '', 'gisteren', 'misschien'], ['Bo', 'Q', 'bo@x.be', '', '', '', '', '']]);
    expect(r.rejectedRows).toEqual([2]);
    expect(r.records.map((x) => (x as { email: string }).email)).toEqual(['bo@x.be']);
    expect(r.issues.map((i) => [i.row, i.column, i.columnLetter])).toEqual([[2, 'E-mail', 'C'], [2, 'GSM', 'D'], [2, 'Tijdstempel', 'G'], [2, 'Early bird', 'H']]);
    expect(r.issues[0]?.message).toMatch(/not an e-mail address/);
  });

  it('requires an e-mail and a name, splits full names and skips empty rows', () => {
    const r = run('participants', ['Naam', 'E-mail'], [['Jan De Smet', 'jan@x.be'], ['', ''], ['Piet', '']]);
    expect(r.records[0]).toMatchObject({ firstName: 'Jan', lastName: 'De Smet' });
    expect(r.rejectedRows).toEqual([4]);
    expect(r.issues[0]?.message).toMatch(/e-mail address is missing/);
  });
});

describe('normalising organisation rows', () => {
  const headers = ['Organisatie', 'Postcode', 'Website', 'Team', 'Aantal plaatsen', 'Rol', 'Taal'];
  it('normalises postcodes, websites, capacities, roles and languages', () => {
    const r = run('organisations', headers, [['De Vlinder', 1000, 'www.devlinder.be', 'Leefgroep', '2', 'ontvangt', 'NL/FR'], ['Buurtzorg', '7511ab', '', 'Wijk', 3, 'beide', '']]);
    expect(r.issues).toEqual([]);
    expect(r.records[0]).toMatchObject({ postcode: '1000', website: 'https://www.devlinder.be', role: 'hosts', place: { team: 'Leefgroep', capacity: 2, languages: ['nl', 'fr'] } });
    expect(r.records[1]).toMatchObject({ postcode: '7511 AB', role: 'both' });
  });
  it.each([['twee'], [0], [-1], [2.5]])('rejects capacity %j', (cap) => {
    const r = run('organisations', headers, [['X', '', '', 'T', cap, '', '']]);
    expect(r.issues[0]).toMatchObject({ row: 2, column: 'Aantal plaatsen', columnLetter: 'E' });
  });
  it('rejects a postcode that is neither Belgian nor Dutch', () => {
    expect(run('organisations', headers, [['X', '99999', '', '', '', '', '']]).issues[0]?.message).toMatch(/postcode/);
  });
});

describe('normalising mentor rows', () => {
  it('reads the mentor capacity as a positive whole number', () => {
    const r = run('mentors', ['Naam', 'E-mail', 'Aantal jobshadowers'], [['Mia V', 'mia@x.be', 2], ['Koen P', 'koen@x.be', 'drie']]);
    expect(r.records[0]).toMatchObject({ mentorCapacity: 2 });
    expect(r.rejectedRows).toEqual([3]);
  });
});

describe('the records the readers produce', () => {
  // normaliseRows does not re-parse each record; these cases hold the readers to the record schemas.
  it.each([
    ['participants', ['Voornaam', 'Achternaam', 'E-mail', 'GSM', 'Organisatie', 'Eerste keuze', 'Tweede keuze', 'Tijdstempel', 'Early bird', 'Taal', 'Leervragen', 'Activatiecode'], [
      ['  An ', 'Peeters', ' An@Example.BE ', '0475 12 34 56', 'CAW Brussel', 'de vlinder', ' OCMW Gent ', '23/11/2026 10:00', 'ja', 'NL/FR', 'Hoe?', ' ABC1 '],
      ['Bo', '', 'bo@x.be', '', '', '', '', '', '', '', '', ''],
      ['Jan De Smet', '', 'jan@x.be', 475123456, '', 'X', '', 46349.5, 'Nee', 'français', '', ''],
    ]],
    ['mentors', ['Naam', 'E-mail', 'Telefoon', 'Organisatie', 'Aantal jobshadowers'], [
      ['Mia Verhoeven', 'MIA@example.be', '+32 486 11 22 33', 'De Vlinder vzw', 2],
      ['Koen', 'koen@example.be', '', '', ''],
    ]],
    ['organisations', ['Organisatie', 'Sector', 'Adres', 'Postcode', 'Gemeente', 'Website', 'Contactpersoon', 'E-mail contactpersoon', 'Team', 'Aantal plaatsen', 'Formaat', 'Uren', 'Taal'], [
      ['De Vlinder vzw', 'Jeugdhulp', 'Kerkstraat 1', 1000, 'Brussel', 'www.devlinder.be', 'Sara Leroy', 'Sara@DeVlinder.be', 'Leefgroep', 2, 'halve dag', '4 uur', 'NL'],
      ['Stichting Buurtzorg', '', '', '7511 ab', 'Enschede', '', '', '', '', '', '', '', ''],
    ]],
  ] as const)('%s', (kind, headers, rows) => {
    const r = run(kind, [...headers], rows.map((row) => [...row]));
    expect(r.issues).toEqual([]);
    expect(r.records.length).toBe(rows.length);
    for (const record of r.records) expect(RECORD_SCHEMAS[kind].parse(record)).toEqual(record);
  });
});
