import type { RawCellValue } from '../../../src-main/domain/import/cell-values';
import { normaliseRows } from '../../../src-main/domain/import/normalise';
import type { CellIssue, CellIssueCode, CellIssueParams, ColumnMappingEntry, ImportKind } from '../../../src-shared/schemas/import-preview.schema';

/**
 * One row per way the normaliser refuses a cell: the row as field → cell, and the one issue it must
 * give. `message` is the English sentence the CLI prints, word for word as before the codes existed.
 * Shared by normalise-codes.test.ts (the domain) and cell-issue-ui-text.test.ts (the window's texts).
 */
export interface CellIssueCase {
  name: string;
  kind: ImportKind;
  row: Record<string, RawCellValue>;
  code: CellIssueCode;
  params?: CellIssueParams;
  message: string;
}

const LONG_EMAIL = `${'x'.repeat(70)}@example`;

export const CELL_ISSUE_CASES: CellIssueCase[] = [
  { name: 'a last name over 200 characters', kind: 'participants', row: { firstName: 'An', lastName: 'P'.repeat(201), email: 'an@x.be' }, code: 'too_long', params: { max: 200 }, message: 'This text is longer than 200 characters. Shorten it.' },
  { name: 'a description over 20,000 characters', kind: 'organisations', row: { name: 'X', placeDescription: 'd'.repeat(20_001) }, code: 'too_long', params: { max: 20_000 }, message: 'This text is longer than 20000 characters. Shorten it.' },
  { name: 'an e-mail address without a domain', kind: 'participants', row: { firstName: 'Bram', email: 'bram@example' }, code: 'email', params: { value: 'bram@example' }, message: '"bram@example" is not an e-mail address. Write one address such as name@organisation.be.' },
  { name: 'a long e-mail address, cut in the message and the params alike', kind: 'participants', row: { firstName: 'Bram', email: LONG_EMAIL }, code: 'email', params: { value: `${'x'.repeat(57)}...` }, message: `"${'x'.repeat(57)}..." is not an e-mail address. Write one address such as name@organisation.be.` },
  { name: 'a contact e-mail address', kind: 'organisations', row: { name: 'X', contactEmail: 'info at x.be' }, code: 'email', params: { value: 'info at x.be' }, message: '"info at x.be" is not an e-mail address. Write one address such as name@organisation.be.' },
  { name: 'a phone number that is too short', kind: 'participants', row: { firstName: 'An', email: 'an@x.be', phone: ' 12 ' }, code: 'phone', params: { value: '12' }, message: '"12" is not a valid phone number. Write it with the area code, for example 0475 12 34 56 or +31 6 12345678.' },
  { name: 'a contact phone number', kind: 'organisations', row: { name: 'X', contactPhone: 'bel mij' }, code: 'phone', params: { value: 'bel mij' }, message: '"bel mij" is not a valid phone number. Write it with the area code, for example 0475 12 34 56 or +31 6 12345678.' },
  { name: 'a five-digit postcode', kind: 'organisations', row: { name: 'X', postcode: '99999' }, code: 'postcode', params: { value: '99999' }, message: '"99999" is not a postcode. Use a Belgian (1000) or Dutch (1234 AB) postcode.' },
  { name: 'a mentor capacity in words', kind: 'mentors', row: { firstName: 'Mo', email: 'mo@x.be', mentorCapacity: 'twee' }, code: 'whole_number_participants', params: { value: 'twee', max: 50 }, message: '"twee" is not a valid number of participants. Write a whole number from 1 to 50.' },
  { name: 'a mentor capacity over 50', kind: 'mentors', row: { firstName: 'Mo', email: 'mo@x.be', mentorCapacity: 51 }, code: 'whole_number_participants', params: { value: '51', max: 50 }, message: '"51" is not a valid number of participants. Write a whole number from 1 to 50.' },
  { name: 'a place capacity of 0', kind: 'organisations', row: { name: 'X', placeTeam: 'T', placeCapacity: 0 }, code: 'whole_number_places', params: { value: '0', max: 1000 }, message: '"0" is not a valid number of places. Write a whole number from 1 to 1000.' },
  { name: 'a place capacity of 2.5', kind: 'organisations', row: { name: 'X', placeTeam: 'T', placeCapacity: 2.5 }, code: 'whole_number_places', params: { value: '2.5', max: 1000 }, message: '"2.5" is not a valid number of places. Write a whole number from 1 to 1000.' },
  { name: 'hours in words', kind: 'organisations', row: { name: 'X', placeTeam: 'T', placeCapacity: 1, placeHours: 'veel uren' }, code: 'hours', params: { value: 'veel uren' }, message: '"veel uren" is not a number of hours. Write a number such as 14 or 3,5.' },
  { name: 'a yes/no cell saying maybe', kind: 'participants', row: { firstName: 'An', email: 'an@x.be', isEarlyBird: 'misschien' }, code: 'yes_no', params: { value: 'misschien' }, message: '"misschien" is not yes or no. Write Ja/Nee, Oui/Non or Yes/No.' },
  { name: 'a date in words', kind: 'participants', row: { firstName: 'An', email: 'an@x.be', submittedAt: 'gisteren' }, code: 'date', params: { value: 'gisteren' }, message: '"gisteren" is not a date. Write it as day/month/year, for example 23/11/2026 14:30.' },
  { name: 'a language Meeloop does not know', kind: 'participants', row: { firstName: 'An', email: 'an@x.be', language: 'Klingon' }, code: 'language', params: { value: 'Klingon' }, message: '"Klingon" is not a language Meeloop knows. Write Nederlands, Français or English.' },
  { name: 'place languages Meeloop does not know', kind: 'organisations', row: { name: 'X', placeLanguage: 'Duits' }, code: 'language', params: { value: 'Duits' }, message: '"Duits" is not a language Meeloop knows. Write Nederlands, Français or English.' },
  { name: 'an unknown role', kind: 'organisations', row: { name: 'X', role: 'sponsor' }, code: 'role', params: { value: 'sponsor' }, message: '"sponsor" is not a role. Write "ontvangt" (hosts), "stuurt" (sends) or "beide" (both).' },
  { name: 'an unknown place format', kind: 'organisations', row: { name: 'X', placeFormat: 'soms' }, code: 'format', params: { value: 'soms' }, message: '"soms" is not a format. Write halve dag, dag, dagdeel or uren.' },
  { name: 'a website with a space', kind: 'organisations', row: { name: 'X', website: 'geen website' }, code: 'website', params: { value: 'geen website' }, message: '"geen website" is not a website address. Write it as www.organisation.be.' },
  { name: 'a person without e-mail address', kind: 'participants', row: { firstName: 'An', email: '' }, code: 'missing_email', message: 'The e-mail address is missing. Every person needs one: it is how Meeloop recognises them.' },
  { name: 'a mentor without e-mail address', kind: 'mentors', row: { firstName: 'Mo', email: '', mentorCapacity: 2 }, code: 'missing_email', message: 'The e-mail address is missing. Every person needs one: it is how Meeloop recognises them.' },
  { name: 'a person without a name', kind: 'participants', row: { firstName: '', email: 'an@x.be' }, code: 'missing_name', message: 'The name is missing. Fill in at least the first name.' },
  { name: 'a person without a full name', kind: 'participants', row: { fullName: '', email: 'an@x.be' }, code: 'missing_name', message: 'The name is missing. Fill in at least the first name.' },
  { name: 'an organisation without a name', kind: 'organisations', row: { name: '', sector: 'Zorg' }, code: 'missing_organisation_name', message: 'The organisation name is missing. Fill it in or delete the row.' },
  { name: 'a place without capacity', kind: 'organisations', row: { name: 'X', placeTeam: 'T', placeCapacity: '' }, code: 'missing_capacity', message: 'The number of places is missing. Write how many people this place can receive (1 or more).' },
  { name: 'a place in hours without hours', kind: 'organisations', row: { name: 'X', placeTeam: 'T', placeCapacity: 2, placeFormat: 'uren', placeHours: '' }, code: 'missing_hours', message: 'A place offered in hours needs the number of hours.' },
];

/** The columns of a case's row: one per field, in the order written, headed by the field name. */
export function columnsOf(row: Record<string, RawCellValue>): ColumnMappingEntry[] {
  return Object.keys(row).map((field, index) => ({ index, letter: String.fromCharCode(65 + index), header: field, field, confidence: 1 }));
}

/** The issues the normaliser gives for a case's row (sheet row 2). */
export function issuesOf(c: Pick<CellIssueCase, 'kind' | 'row'>): CellIssue[] {
  return normaliseRows(c.kind, { rows: [{ rowNumber: 2, cells: Object.values(c.row) }] }, columnsOf(c.row)).issues;
}
