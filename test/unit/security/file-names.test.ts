import { describe, expect, it } from 'vitest';
import { documentFileName, sanitiseFileBase, uniqueFileNames } from '../../../src-main/domain/documents/file-name';
import { icsFileName } from '../../../src-main/io/calendar/ics-writer';

/*
 * Issue #7 point 7: every function that turns a person's (or programme's) name into a file name,
 * against the same list of hostile names, checked by the same rules: one plain name that Windows,
 * macOS and Linux all accept and that cannot climb out of the folder it is written into.
 */

const HOSTILE_NAMES = [
  '../../etc/passwd',
  '..\\..\\Windows\\win.ini',
  '/etc/shadow',
  'C:\\Users\\Public\\x',
  'a/b\\c',
  '..',
  '.',
  '...',
  '',
  '   ',
  'CON',
  'con',
  'Nul',
  'aux.txt',
  'COM1',
  'LPT9',
  '.bashrc',
  'naam.',
  'naam ',
  'a:b*c?d"e<f>g|h',
  'tab\there\nnewline\rreturn',
  'nul\u0000byte',
  '\u202eexe.pdf',
  'Zoë D’Hondt',
  'Ζωή Παπαδοπούλου',
  '王小明',
  '😀😀😀',
  '👩‍👩‍👧‍👦 Familie',
  'é'.repeat(400),
  'x'.repeat(10_000),
  `${'x'.repeat(99)}😀😀`,
  '=HYPERLINK("http://evil.example")',
];

const WINDOWS_DEVICE = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;

/** The rules a file name built from free text must meet. Returns the broken ones. */
function problems(name: string): string[] {
  const out: string[] = [];
  if (name === '' || name === '.' || name === '..') out.push('empty or a dot name');
  if (/[/\\]/.test(name)) out.push('contains a path separator');
  // eslint-disable-next-line no-control-regex -- control characters are what this looks for
  if (/[\u0000-\u001f\u007f]/.test(name)) out.push('contains a control character');
  if (/[<>:"|?*]/.test(name)) out.push('contains a character Windows refuses');
  if (name.startsWith('.')) out.push('starts with a dot (hidden)');
  if (/[. ]$/.test(name)) out.push('ends with a dot or space (Windows drops it)');
  if (Buffer.byteLength(name, 'utf8') > 255) out.push('longer than 255 bytes');
  const stem = name.split('.')[0] ?? '';
  if (WINDOWS_DEVICE.test(stem.trim())) out.push('a Windows device name');
  if (/\uFFFD/.test(name) || /[\uD800-\uDFFF]/.test(name.replace(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g, ''))) out.push('a split character');
  return out;
}

const BUILDERS: [string, (name: string) => string][] = [
  ['sanitiseFileBase (documents)', (n) => sanitiseFileBase(n)],
  ['documentFileName (per-person PDF)', (n) => documentFileName('programma', n)],
  ['documentFileName (name only)', (n) => documentFileName(n, '')],
  ['icsFileName (per-person calendar)', (n) => icsFileName(`Switching Talent - ${n}`)],
  ['icsFileName (bare name)', (n) => icsFileName(n)],
];

describe.each(BUILDERS)('%s', (_label, build) => {
  it.each(HOSTILE_NAMES.map((n) => [JSON.stringify(n).slice(0, 60), n]))('%s gives a safe, plain file name', (_shown, name) => {
    const file = build(name);
    expect(problems(file), file).toEqual([]);
  });
});

describe('the checks themselves', () => {
  it('catch every kind of unsafe name (so a builder that passes them is really safe)', () => {
    for (const bad of ['../x', 'a/b', 'a\\b', '.hidden', 'x.', 'x ', 'CON', 'con.pdf', 'nul.ics', 'a\u0000b', 'a:b', 'x'.repeat(256), '', '..'])
      expect(problems(bad), bad).not.toEqual([]);
    expect(problems('programma - Zoë D’Hondt.pdf')).toEqual([]);
  });

  it('unique names stay safe and distinct regardless of case', () => {
    const names = uniqueFileNames(HOSTILE_NAMES.map((n) => documentFileName('programma', n)));
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
    for (const n of names) expect(problems(n), n).toEqual([]);
  });
});
