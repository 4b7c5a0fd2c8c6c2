/**
 * Cell values as spreadsheet readers hand them over, turned into text, numbers, dates and yes/no.
 * Pure: the io layer maps exceljs/papaparse output onto `RawCellValue`, nothing here touches a file.
 */

/** A hyperlink cell: `text` is what the sheet shows, `hyperlink` the target (often `mailto:`). */
export interface HyperlinkCell {
  text: string;
  hyperlink: string;
}
/** A rich-text cell: runs of differently formatted text. */
export interface RichTextCell {
  richText: { text: string }[];
}
/** A formula cell: only the cached result counts; we never evaluate formulas. */
export interface FormulaCell {
  formula: string;
  result?: string | number | boolean | Date | { error: string } | null;
}
/** An error cell such as #N/A or #REF!. */
export interface ErrorCell {
  error: string;
}

/**
 * Any cell value the readers produce. Dates from xlsx arrive as `Date` whose UTC fields carry the
 * wall-clock time the sheet shows (Excel has no time zones); never read them with local getters.
 */
export type RawCellValue = string | number | boolean | Date | null | HyperlinkCell | RichTextCell | FormulaCell | ErrorCell;

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !(v instanceof Date);
}

/** Unwraps formulas (their cached result), rich text, and hyperlinks down to a plain value. */
export function unwrapCell(value: RawCellValue | undefined): string | number | boolean | Date | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if (!isObject(value)) return null;
  if ('formula' in value) {
    const result = value.result;
    if (result === undefined || result === null || (isObject(result) && 'error' in result)) return null;
    return result as string | number | boolean | Date;
  }
  if ('richText' in value && Array.isArray(value.richText)) return value.richText.map((r) => r.text ?? '').join('');
  if ('hyperlink' in value) {
    const text = typeof value.text === 'string' ? value.text : isObject(value.text) ? String(unwrapCell(value.text as unknown as RawCellValue) ?? '') : '';
    // A mailto: link whose shown text is not the address ("Mail me") still carries the address.
    if (typeof value.hyperlink === 'string' && /^mailto:/i.test(value.hyperlink) && !text.includes('@')) {
      return decodeURIComponent(value.hyperlink.replace(/^mailto:/i, '').split('?')[0] ?? '');
    }
    return text;
  }
  // Error cells (#N/A) and unknown shapes count as empty: the coordinator sees "required" instead of "#N/A".
  return null;
}

/**
 * The text of a cell as a coordinator reads it: trimmed, non-breaking spaces made plain, numbers without
 * float noise (0.1+0.2 stays "0.3"), whole-number phone numbers kept whole, dates as ISO.
 */
export function cellText(value: RawCellValue | undefined): string {
  const v = unwrapCell(value);
  if (v === null) return '';
  if (typeof v === 'string') return v.replace(/[\u00a0\u2007\u202f]/g, ' ').trim();
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return dateToIso(v);
  if (Number.isInteger(v)) return String(v);
  return String(Number(v.toPrecision(15)));
}

/** Whether a cell holds nothing a coordinator would see. */
export function isBlankCell(value: RawCellValue | undefined): boolean {
  return cellText(value) === '';
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** `YYYY-MM-DD`, or `YYYY-MM-DDTHH:MM:SS` when the value has a time of day (read from UTC fields). */
function dateToIso(d: Date): string {
  const date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const hasTime = d.getUTCHours() !== 0 || d.getUTCMinutes() !== 0 || d.getUTCSeconds() !== 0;
  return hasTime ? `${date}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}` : date;
}

/** Excel's serial day 0 in the 1900 system is 1899-12-30 once Lotus's fake 29 Feb 1900 is skipped. */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

/** Converts an Excel serial date (days since 1899-12-30, fraction = time) to a UTC-field Date. */
export function excelSerialToDate(serial: number): Date {
  // Round to the second: serials carry float noise (0.999999 of a second).
  return new Date(Math.round((EXCEL_EPOCH_MS + serial * DAY_MS) / 1000) * 1000);
}

function validYmd(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1 || y < 1900 || y > 2200) return false;
  const probe = new Date(Date.UTC(y, m - 1, d));
  return probe.getUTCMonth() === m - 1 && probe.getUTCDate() === d;
}

/**
 * A date or a date with time, as `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM:SS` (local wall-clock time, no zone),
 * or null when the cell is not a date. Accepts Excel serial numbers, date cells, ISO text
 * (with or without T, seconds, zone) and day-first text (dd/mm/yyyy, d-m-yyyy, dd.mm.yy) with an optional
 * time: Belgian and Dutch sheets are day-first, and the US month-first order is deliberately not guessed.
 */
export function cellDate(value: RawCellValue | undefined): string | null {
  const v = unwrapCell(value);
  if (v === null) return null;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : dateToIso(v);
  if (typeof v === 'number') {
    // Serial numbers between 1 (1900) and 109574 (2199) only; other numbers are not dates.
    if (v < 1 || v > 109_574) return null;
    return dateToIso(excelSerialToDate(v));
  }
  if (typeof v !== 'string') return null;
  const text = v.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return cellDate(Number(text));
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/.exec(text);
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})(?:[ T]+(\d{1,2})[:u.h](\d{2})(?:[:.](\d{2}))?)?$/i.exec(text);
  let y: number, m: number, d: number, hh = 0, mm = 0, ss = 0;
  if (iso) {
    [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
    if (iso[4] !== undefined) [hh, mm, ss] = [Number(iso[4]), Number(iso[5]), Number(iso[6] ?? 0)];
  } else if (dmy) {
    [d, m, y] = [Number(dmy[1]), Number(dmy[2]), Number(dmy[3])];
    if (y < 100) y += 2000;
    if (dmy[4] !== undefined) [hh, mm, ss] = [Number(dmy[4]), Number(dmy[5]), Number(dmy[6] ?? 0)];
  } else {
    return null;
  }
  if (!validYmd(y, m, d) || hh > 23 || mm > 59 || ss > 59) return null;
  return dateToIso(new Date(Date.UTC(y, m - 1, d, hh, mm, ss)));
}

/**
 * A number from a number cell or from text such as "12", " 3 ", "2,5" (decimal comma) or "1.250,5".
 * Null when the cell is empty or not a number.
 */
export function cellNumber(value: RawCellValue | undefined): number | null {
  const v = unwrapCell(value);
  if (v === null || v instanceof Date || typeof v === 'boolean') return null;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  let text = v.trim().replace(/[\s\u00a0]/g, '');
  if (text === '') return null;
  if (/^[+-]?\d{1,3}(\.\d{3})+(,\d+)?$/.test(text)) text = text.replace(/\./g, '').replace(',', '.');
  else if (/^[+-]?\d+,\d+$/.test(text)) text = text.replace(',', '.');
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(text)) return null;
  return Number(text);
}

const YES = new Set(['ja', 'j', 'yes', 'y', 'oui', 'o', 'x', 'true', 'waar', 'vrai', '1', 'v', '✓', '✔']);
const NO = new Set(['nee', 'neen', 'n', 'no', 'non', 'false', 'onwaar', 'faux', '0', '-']);

/**
 * Yes/no from Ja/Nee/Oui/Non/Yes/No/J/N/X/true/false in any case, booleans and 1/0.
 * Returns null for an empty cell and `undefined` when the text is something else (the caller reports it).
 */
export function cellBoolean(value: RawCellValue | undefined): boolean | null | undefined {
  const v = unwrapCell(value);
  if (v === null) return null;
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v === 1 ? true : v === 0 ? false : undefined;
  if (v instanceof Date) return undefined;
  const text = v.trim().toLowerCase().replace(/[.!]$/, '');
  if (text === '') return null;
  if (YES.has(text)) return true;
  if (NO.has(text)) return false;
  return undefined;
}

/** Column letters as Excel shows them: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** Inverse of columnLetter: "A" → 0, "AA" → 26. Returns -1 for text that is not a column. */
export function columnIndex(letters: string): number {
  if (!/^[A-Z]{1,3}$/i.test(letters)) return -1;
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}
