import type { CountryCode } from 'libphonenumber-js';
import { z } from 'zod';
import { EmailSchema, LanguageSchema, type Language } from '../../../src-shared/schemas/common.schema';
import type { CellIssue, CellIssueCode, CellIssueParams, ColumnMappingEntry, ImportKind } from '../../../src-shared/schemas/import-preview.schema';
import { OrganisationRoleSchema, type OrganisationRole } from '../../../src-shared/schemas/organisation.schema';
import { PlaceFormatSchema, type PlaceFormat } from '../../../src-shared/schemas/place.schema';
import { foldName } from '../names';
import { normalisePhone } from '../phone';
import { cellBoolean, cellDate, cellNumber, cellText, columnLetter, type RawCellValue } from './cell-values';
import type { SheetRow } from './sheet-data';
import { MAX_CHOICE_COLUMNS } from './header-mapping';

/**
 * Turns the data rows of a located table into clean records per import kind. Every refused cell
 * becomes a CellIssue with the row number and column as the sheet shows them; a row with any issue is
 * rejected as a whole (half a sign-up is worse than none: the coordinator fixes the sheet and re-imports,
 * which changes nothing for the rows already imported).
 */

const nullableText = (max: number) => z.string().trim().max(max).nullable();

/** A person as read from a participant or mentor row. */
export const PersonRecordSchema = z.object({
  rowNumber: z.number().int().positive(),
  firstName: z.string().trim().min(1).max(200),
  lastName: z.string().trim().max(200),
  email: EmailSchema,
  /** E.164. */
  phone: z.string().regex(/^\+\d{6,15}$/).nullable(),
  /** The own organisation as written; resolved to an id by the plan. */
  organisation: nullableText(300),
  functionTitle: nullableText(200),
  network: nullableText(200),
  language: LanguageSchema.nullable(),
  /** Free text: day parts written by hand are not guessed; the coordinator reads them. */
  availabilityText: nullableText(2000),
});
export type PersonRecord = z.infer<typeof PersonRecordSchema>;

/** A ranked choice as written ("De Vlinder vzw"), resolved by resolve-choices.ts. */
export const ChoiceTextSchema = z.object({ rank: z.number().int().min(1).max(MAX_CHOICE_COLUMNS), text: z.string().min(1).max(300) });
export type ChoiceText = z.infer<typeof ChoiceTextSchema>;

/** A participant row: the person plus the application. */
export const ParticipantRecordSchema = PersonRecordSchema.extend({
  learningQuestions: z.string().max(20_000).nullable(),
  /** Local wall-clock time `YYYY-MM-DDTHH:MM:SS` (or a date) of the form submission; null when absent. */
  submittedAt: z.string().nullable(),
  activationCode: nullableText(100),
  isEarlyBird: z.boolean().nullable(),
  choices: z.array(ChoiceTextSchema),
});
export type ParticipantRecord = z.infer<typeof ParticipantRecordSchema>;

/** A mentor row. */
export const MentorRecordSchema = PersonRecordSchema.extend({
  mentorCapacity: z.number().int().min(1).max(50).nullable(),
});
export type MentorRecord = z.infer<typeof MentorRecordSchema>;

/** An organisation row, optionally with one contact person and one place. */
export const OrganisationRecordSchema = z.object({
  rowNumber: z.number().int().positive(),
  name: z.string().trim().min(1).max(200),
  sector: nullableText(200),
  network: nullableText(200),
  address: nullableText(300),
  postcode: z.string().regex(/^(\d{4}|\d{4} [A-Z]{2})$/).nullable(),
  municipality: nullableText(200),
  website: z.string().max(500).nullable(),
  role: OrganisationRoleSchema.nullable(),
  activationCode: nullableText(100),
  contact: z.object({ name: z.string().min(1).max(200), email: EmailSchema.nullable(), phone: z.string().nullable() }).nullable(),
  place: z
    .object({
      team: z.string().min(1).max(200),
      format: PlaceFormatSchema,
      hours: z.number().positive().max(2000).nullable(),
      capacity: z.number().int().positive().max(1000),
      languages: z.array(LanguageSchema),
      description: z.string().max(20_000),
    })
    .nullable(),
});
export type OrganisationRecord = z.infer<typeof OrganisationRecordSchema>;

/** Record type per kind. */
export interface RecordByKind {
  organisations: OrganisationRecord;
  participants: ParticipantRecord;
  mentors: MentorRecord;
}

/** Options of the normaliser. */
export interface NormaliseOptions {
  /**
   * Countries tried in order for phone numbers written without a country prefix. Belgium first by
   * default, then the Netherlands ("06-12345678"); a Dutch programme passes ['NL', 'BE'] because
   * "0475 12 34 56" is also a valid Dutch landline (Roermond).
   */
  phoneCountries?: CountryCode[];
}

/** The outcome of normalising a table. */
export interface NormaliseResult<K extends ImportKind> {
  records: RecordByKind[K][];
  issues: CellIssue[];
  /** Row numbers (as the sheet shows them) of rejected rows, ascending. */
  rejectedRows: number[];
}

/**
 * A refused field: the code and params the window writes the reason from (in the coordinator's
 * language), and the English message the CLI prints. Field readers return the value itself or one of
 * these (an instance test tells them apart): a wrapper object per accepted cell showed up as garbage
 * collection in the import benchmark.
 */
class FieldFailure {
  constructor(
    readonly code: CellIssueCode,
    readonly params: CellIssueParams | undefined,
    readonly message: string,
  ) {}
}
type FieldResult<T> = T | FieldFailure;
const fail = (code: CellIssueCode, params: CellIssueParams | undefined, message: string): FieldFailure => new FieldFailure(code, params, message);

/** The cell text as a reason quotes it: cut to 60 characters. */
function shown(raw: RawCellValue | undefined): string {
  const t = cellText(raw);
  return t.length > 60 ? `${t.slice(0, 57)}...` : t;
}

function quoted(raw: RawCellValue | undefined): string {
  return `"${shown(raw)}"`;
}

/*
 * The field readers below run once per cell of a 10,000-row file: they are made once per limit and
 * reused (a closure or a zod schema built per cell showed up in the import benchmark).
 */
type FieldReader<T> = (raw: RawCellValue | undefined) => FieldResult<T>;

function textField(max: number): FieldReader<string | null> {
  return (raw) => {
    const t = cellText(raw);
    if (t === '') return null;
    if (t.length > max) return fail('too_long', { max }, `This text is longer than ${max} characters. Shorten it.`);
    return t;
  };
}
const TEXT_100 = textField(100);
const TEXT_200 = textField(200);
const TEXT_300 = textField(300);
const TEXT_400 = textField(400);
const TEXT_2000 = textField(2000);
const TEXT_20000 = textField(20_000);

function emailField(raw: RawCellValue | undefined): FieldResult<string | null> {
  const t = cellText(raw).replace(/^mailto:/i, '');
  if (t === '') return null;
  const parsed = EmailSchema.safeParse(t);
  return parsed.success ? parsed.data : fail('email', { value: shown(raw) }, `${quoted(raw)} is not an e-mail address. Write one address such as name@organisation.be.`);
}

const phoneFields = new Map<string, FieldReader<string | null>>();

function phoneField(countries: CountryCode[]): FieldReader<string | null> {
  const key = countries.join(',');
  let reader = phoneFields.get(key);
  if (reader === undefined) {
    reader = makePhoneField(countries);
    phoneFields.set(key, reader);
  }
  return reader;
}

function makePhoneField(countries: CountryCode[]): FieldReader<string | null> {
  return (raw: RawCellValue | undefined): FieldResult<string | null> => {
    const t = cellText(raw);
    if (t === '') return null;
    let first: string | null = null;
    for (const country of countries) {
      const r = normalisePhone(t, country);
      if (r.ok) return r.e164;
      first ??= r.message;
    }
    // normalisePhone quotes the whole (trimmed) text; the params carry the same text.
    return fail('phone', { value: t }, first ?? 'This is not a phone number.');
  };
}

function postcodeField(raw: RawCellValue | undefined): FieldResult<string | null> {
  const t = cellText(raw).toUpperCase().replace(/^(B|BE|NL)[- ]/, '');
  if (t === '') return null;
  const m = /^(\d{4})\s*([A-Z]{2})?$/.exec(t);
  if (!m || (m[1] ?? '').startsWith('0')) return fail('postcode', { value: shown(raw) }, `${quoted(raw)} is not a postcode. Use a Belgian (1000) or Dutch (1234 AB) postcode.`);
  return m[2] ? `${m[1]} ${m[2]}` : (m[1] ?? '');
}

function positiveWholeField(max: number, code: 'whole_number_participants' | 'whole_number_places', what: string): FieldReader<number | null> {
  const schema = z.number().int().positive().max(max);
  return (raw: RawCellValue | undefined): FieldResult<number | null> => {
    if (cellText(raw) === '') return null;
    const n = cellNumber(raw);
    const parsed = schema.safeParse(n);
    return parsed.success ? parsed.data : fail(code, { value: shown(raw), max }, `${quoted(raw)} is not a valid ${what}. Write a whole number from 1 to ${max}.`);
  };
}

const MENTOR_CAPACITY_FIELD = positiveWholeField(50, 'whole_number_participants', 'number of participants');
const PLACE_CAPACITY_FIELD = positiveWholeField(1000, 'whole_number_places', 'number of places');

function hoursField(raw: RawCellValue | undefined): FieldResult<number | null> {
  const t = cellText(raw).replace(/\s*(uur|uren|u|h|heures?|hours?)$/i, '');
  if (t === '') return null;
  const n = cellNumber(t);
  return n !== null && n > 0 && n <= 2000 ? n : fail('hours', { value: shown(raw) }, `${quoted(raw)} is not a number of hours. Write a number such as 14 or 3,5.`);
}

function booleanField(raw: RawCellValue | undefined): FieldResult<boolean | null> {
  const b = cellBoolean(raw);
  return b === undefined ? fail('yes_no', { value: shown(raw) }, `${quoted(raw)} is not yes or no. Write Ja/Nee, Oui/Non or Yes/No.`) : b;
}

function dateField(raw: RawCellValue | undefined): FieldResult<string | null> {
  // A date cell (the usual form timestamp) is a date: no need to write it out as text first.
  if (raw instanceof Date && !Number.isNaN(raw.getTime())) return cellDate(raw);
  if (cellText(raw) === '') return null;
  const d = cellDate(raw);
  return d === null ? fail('date', { value: shown(raw) }, `${quoted(raw)} is not a date. Write it as day/month/year, for example 23/11/2026 14:30.`) : d;
}

const LANGUAGE_WORDS: Record<Language, string[]> = {
  nl: ['nl', 'ned', 'nederlands', 'dutch', 'neerlandais', 'vlaams', 'flemish'],
  fr: ['fr', 'frans', 'francais', 'french'],
  en: ['en', 'eng', 'engels', 'english', 'anglais'],
};

/** All languages named in a cell ("NL/FR", "Nederlands en Frans", "français"); null when empty. */
function languagesIn(raw: RawCellValue | undefined): FieldResult<Language[] | null> {
  const key = foldName(cellText(raw));
  if (key === '') return null;
  const words = new Set(key.split(' '));
  const found = (Object.keys(LANGUAGE_WORDS) as Language[]).filter((lang) => LANGUAGE_WORDS[lang].some((w) => words.has(w)));
  return found.length > 0 ? found : fail('language', { value: shown(raw) }, `${quoted(raw)} is not a language Meeloop knows. Write Nederlands, Français or English.`);
}

function languageField(raw: RawCellValue | undefined): FieldResult<Language | null> {
  const r = languagesIn(raw);
  return r instanceof FieldFailure ? r : (r?.[0] ?? null);
}

const SENDS = /\b(zendt|stuurt|zender|uitsturen|verstuurt|sends?|sending|envoie|envoyer|deelnemers)\b/;
const HOSTS = /\b(ontvangt|ontvanger|gastorganisatie|host|hosts|hosting|accueille|accueillir|accueil|gastheer)\b/;
const BOTH = /\b(beide|allebei|both|les deux|tous les deux)\b/;

function roleField(raw: RawCellValue | undefined): FieldResult<OrganisationRole | null> {
  const key = foldName(cellText(raw));
  if (key === '') return null;
  const sends = SENDS.test(key);
  const hosts = HOSTS.test(key);
  if (BOTH.test(key) || (sends && hosts)) return 'both';
  if (sends) return 'sends';
  if (hosts) return 'hosts';
  return fail('role', { value: shown(raw) }, `${quoted(raw)} is not a role. Write "ontvangt" (hosts), "stuurt" (sends) or "beide" (both).`);
}

function formatField(raw: RawCellValue | undefined): FieldResult<PlaceFormat | null> {
  const key = foldName(cellText(raw));
  if (key === '') return null;
  if (/\b(halve dag|halvedag|demi journee|demi jour|half day|halfday|voormiddag|namiddag|matinee|apres midi)\b/.test(key)) return 'half_day';
  if (/\b(dagdeel|dagdelen|day part|partie de journee)\b/.test(key)) return 'day_part';
  if (/\b(uren|uur|heures|hours|\d+ ?[uh])\b/.test(key)) return 'hours';
  if (/\b(dag|hele dag|volledige dag|journee|jour|day|full day)\b/.test(key)) return 'day';
  return fail('format', { value: shown(raw) }, `${quoted(raw)} is not a format. Write halve dag, dag, dagdeel or uren.`);
}

function websiteField(raw: RawCellValue | undefined): FieldResult<string | null> {
  const t = cellText(raw);
  if (t === '') return null;
  const url = /^https?:\/\//i.test(t) ? t : `https://${t}`;
  return /^https?:\/\/[^\s/]+\.[^\s]+$/i.test(url) && url.length <= 500 ? url : fail('website', { value: shown(raw) }, `${quoted(raw)} is not a website address. Write it as www.organisation.be.`);
}

/** Splits "Jan De Smet" into first name "Jan" and last name "De Smet" (the first word is the first name). */
export function splitFullName(full: string): { firstName: string; lastName: string } {
  const parts = full.trim().split(/\s+/);
  const [first = '', ...rest] = parts;
  return { firstName: first, lastName: rest.join(' ') };
}

function issue(row: number, column: string, letter: string, f: { code: CellIssueCode; params?: CellIssueParams | undefined; message: string }): CellIssue {
  const out: CellIssue = { row, column, columnLetter: letter, code: f.code, message: f.message };
  if (f.params !== undefined) out.params = f.params;
  return out;
}

/** Reads the mapped fields of one row after another (one reader per table, moved on per row). */
class RowReader {
  issues: CellIssue[] = [];
  private rowNumber = 0;
  private cells: readonly RawCellValue[] = [];
  /** The mapped choice columns by rank, worked out once per table. */
  readonly choiceFields: { rank: number; field: string }[] = [];
  readonly phone: FieldReader<string | null>;
  constructor(
    private readonly byField: ReadonlyMap<string, ColumnMappingEntry>,
    options: NormaliseOptions,
  ) {
    for (let rank = 1; rank <= MAX_CHOICE_COLUMNS; rank++) if (byField.has(`choice${rank}`)) this.choiceFields.push({ rank, field: `choice${rank}` });
    this.phone = phoneField(options.phoneCountries ?? ['BE', 'NL']);
  }

  /** Moves on to a row; its issues start empty. */
  at(rowNumber: number, cells: readonly RawCellValue[]): this {
    this.rowNumber = rowNumber;
    this.cells = cells;
    if (this.issues.length > 0) this.issues = [];
    return this;
  }

  raw(field: string): RawCellValue | undefined {
    const col = this.byField.get(field);
    return col === undefined ? undefined : this.cells[col.index];
  }

  read<T>(field: string, parse: (raw: RawCellValue | undefined) => FieldResult<T>): T | null {
    const col = this.byField.get(field);
    if (col === undefined) return null;
    const r = parse(this.cells[col.index]);
    if (!(r instanceof FieldFailure)) return r;
    this.issues.push(issue(this.rowNumber, col.header, col.letter, r));
    return null;
  }

  /** A row-level issue (a required value is empty), reported against the column of `field` (or the first mapped column). */
  missing(field: string, code: CellIssueCode, message: string): void {
    const col = this.byField.get(field) ?? [...this.byField.values()].sort((a, b) => a.index - b.index)[0];
    this.issues.push(issue(this.rowNumber, col?.header ?? '', col?.letter ?? columnLetter(0), { code, message }));
  }
}

function readPerson(r: RowReader, rowNumber: number): PersonRecord | null {
  let firstName = r.read('firstName', TEXT_200);
  let lastName = r.read('lastName', TEXT_200);
  const fullName = r.read('fullName', TEXT_400);
  if (firstName === null && fullName !== null) {
    const split = splitFullName(fullName);
    firstName = split.firstName;
    lastName ??= split.lastName === '' ? null : split.lastName;
  }
  const email = r.read('email', emailField);
  if (email === null && cellText(r.raw('email')) === '') r.missing('email', 'missing_email', 'The e-mail address is missing. Every person needs one: it is how Meeloop recognises them.');
  if (firstName === null) r.missing(fullName === null ? 'firstName' : 'fullName', 'missing_name', 'The name is missing. Fill in at least the first name.');
  const record = {
    rowNumber,
    firstName: firstName ?? '',
    lastName: lastName ?? '',
    email: email ?? '',
    phone: r.read('phone', r.phone),
    organisation: r.read('organisation', TEXT_300),
    functionTitle: r.read('functionTitle', TEXT_200),
    network: r.read('network', TEXT_200),
    language: r.read('language', languageField),
    availabilityText: r.read('availability', TEXT_2000),
  };
  return r.issues.length === 0 ? record : null;
}

function readParticipant(r: RowReader, rowNumber: number): ParticipantRecord | null {
  const person = readPerson(r, rowNumber);
  const choices: ChoiceText[] = [];
  for (const { rank, field } of r.choiceFields) {
    const text = r.read(field, TEXT_300);
    if (text !== null) choices.push({ rank, text });
  }
  const learningQuestions = r.read('learningQuestions', TEXT_20000);
  const submittedAt = r.read('submittedAt', dateField);
  const activationCode = r.read('activationCode', TEXT_100);
  const isEarlyBird = r.read('isEarlyBird', booleanField);
  if (person === null || r.issues.length > 0) return null;
  const record = person as ParticipantRecord;
  record.learningQuestions = learningQuestions;
  record.submittedAt = submittedAt;
  record.activationCode = activationCode;
  record.isEarlyBird = isEarlyBird;
  record.choices = choices;
  return record;
}

function readMentor(r: RowReader, rowNumber: number): MentorRecord | null {
  const person = readPerson(r, rowNumber);
  const mentorCapacity = r.read('mentorCapacity', MENTOR_CAPACITY_FIELD);
  if (person === null || r.issues.length > 0) return null;
  const record = person as MentorRecord;
  record.mentorCapacity = mentorCapacity;
  return record;
}

function readOrganisation(r: RowReader, rowNumber: number): OrganisationRecord | null {
  const name = r.read('name', TEXT_200);
  if (name === null) r.missing('name', 'missing_organisation_name', 'The organisation name is missing. Fill it in or delete the row.');
  const contactName = r.read('contactName', TEXT_200);
  const contactEmail = r.read('contactEmail', emailField);
  const contactPhone = r.read('contactPhone', r.phone);
  const team = r.read('placeTeam', TEXT_200);
  const format = r.read('placeFormat', formatField);
  const hours = r.read('placeHours', hoursField);
  const capacity = r.read('placeCapacity', PLACE_CAPACITY_FIELD);
  const languages = r.read('placeLanguage', languagesIn);
  const description = r.read('placeDescription', TEXT_20000);
  const hasPlace = team !== null || capacity !== null;
  if (hasPlace && capacity === null && cellText(r.raw('placeCapacity')) === '') {
    r.missing('placeCapacity', 'missing_capacity', 'The number of places is missing. Write how many people this place can receive (1 or more).');
  }
  if (format === 'hours' && hours === null && cellText(r.raw('placeHours')) === '') {
    r.missing('placeHours', 'missing_hours', 'A place offered in hours needs the number of hours.');
  }
  const record: OrganisationRecord = {
    rowNumber,
    name: name ?? '',
    sector: r.read('sector', TEXT_200),
    network: r.read('network', TEXT_200),
    address: r.read('address', TEXT_300),
    postcode: r.read('postcode', postcodeField),
    municipality: r.read('municipality', TEXT_200),
    website: r.read('website', websiteField),
    role: r.read('role', roleField),
    activationCode: r.read('activationCode', TEXT_100),
    contact: contactName !== null || contactEmail !== null ? { name: contactName ?? contactEmail ?? '', email: contactEmail, phone: contactPhone } : null,
    place: hasPlace
      ? { team: team ?? 'Algemeen', format: format ?? (hours !== null ? 'hours' : 'day'), hours, capacity: capacity ?? 1, languages: languages ?? [], description: description ?? '' }
      : null,
  };
  return r.issues.length === 0 ? record : null;
}

/**
 * The contract of the records per kind. The readers above validate every field as they read it, so
 * normaliseRows does not parse each record again (that was a tenth of the normalising time of a
 * 10,000-row file); test/unit/import/normalise.test.ts holds the readers to these schemas instead.
 */
export const RECORD_SCHEMAS = {
  organisations: OrganisationRecordSchema,
  participants: ParticipantRecordSchema,
  mentors: MentorRecordSchema,
} as const;

/**
 * Normalises the data rows of `table` with the confirmed `columns` mapping. Blank rows were already left
 * out by locateTable; rows with issues are listed in `issues` and `rejectedRows`.
 */
export function normaliseRows<K extends ImportKind>(
  kind: K,
  table: { readonly rows: readonly SheetRow[] },
  columns: readonly ColumnMappingEntry[],
  options: NormaliseOptions = {},
): NormaliseResult<K> {
  const byField = new Map<string, ColumnMappingEntry>();
  for (const c of columns) if (c.field !== null) byField.set(c.field, c);
  const records: RecordByKind[K][] = [];
  const issues: CellIssue[] = [];
  const rejectedRows: number[] = [];
  const mapped = [...byField.values()];
  const reader = new RowReader(byField, options);
  const read = kind === 'organisations' ? readOrganisation : kind === 'participants' ? readParticipant : readMentor;
  for (const row of table.rows) {
    // A row whose mapped cells are all empty (e.g. a totals row under an unmapped column) is skipped.
    if (mapped.every((c) => cellText(row.cells[c.index]) === '')) continue;
    const record = read(reader.at(row.rowNumber, row.cells), row.rowNumber);
    if (record !== null) {
      records.push(record as RecordByKind[K]);
      continue;
    }
    // Left to right, as the coordinator reads the row.
    issues.push(...reader.issues.sort((a, b) => a.columnLetter.length - b.columnLetter.length || a.columnLetter.localeCompare(b.columnLetter)));
    rejectedRows.push(row.rowNumber);
  }
  return { records, issues, rejectedRows };
}
