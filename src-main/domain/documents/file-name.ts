/*
 * File names built from people's names end up on Windows, macOS and Linux disks and USB sticks, so
 * they follow the strictest rules of the three: no path separators or reserved characters, no control
 * characters, no Windows device names, no leading dots (hidden files) and no trailing dots or spaces
 * (Windows drops them silently), and a length that fits any file system with room for a suffix.
 */

// eslint-disable-next-line no-control-regex -- control characters are exactly what this removes
const RESERVED_CHARS = /[<>:"/\\|?*\u0000-\u001f\u007f]/g;
const WINDOWS_DEVICES = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;
/** Characters, not bytes: 100 accented letters stay under the 255-byte limit of ext4 and APFS in UTF-8. */
export const MAX_FILE_BASE_LENGTH = 100;

/**
 * Turns free text (a person's name, a programme name) into a safe file-name base without extension.
 * Returns `fallback` when nothing usable is left.
 */
export function sanitiseFileBase(text: string, fallback = 'document'): string {
  let base = text
    .normalize('NFC')
    .replace(/\s+/g, ' ')
    .replace(RESERVED_CHARS, '-')
    .replace(/-{2,}/g, '-')
    .trim()
    .replace(/^[.\s-]+/, '')
    .replace(/[.\s]+$/, '');
  if (base.length > MAX_FILE_BASE_LENGTH) {
    // Cut at a code point boundary, then clean the end again.
    base = Array.from(base).slice(0, MAX_FILE_BASE_LENGTH).join('').replace(/[.\s-]+$/, '');
  }
  if (base === '') return fallback;
  const stem = base.split('.')[0] ?? '';
  if (WINDOWS_DEVICES.test(stem.trim())) base = `_${base}`;
  return base;
}

/** "programma - Eva Janssens.pdf": a document-kind prefix and a name, each sanitised. */
export function documentFileName(prefix: string, name: string, extension = 'pdf'): string {
  const cleanPrefix = sanitiseFileBase(prefix, 'document');
  const cleanName = sanitiseFileBase(name, '');
  const base = sanitiseFileBase(cleanName === '' ? cleanPrefix : `${cleanPrefix} - ${cleanName}`);
  return `${base}.${extension}`;
}

/**
 * Makes a list of file names unique without regard to case (Windows and macOS disks ignore it):
 * the second "programma - Eva Peeters.pdf" becomes "programma - Eva Peeters (2).pdf".
 */
export function uniqueFileNames(names: readonly string[]): string[] {
  const taken = new Set<string>();
  return names.map((name) => {
    const dot = name.lastIndexOf('.');
    const stem = dot > 0 ? name.slice(0, dot) : name;
    const ext = dot > 0 ? name.slice(dot) : '';
    let candidate = name;
    for (let n = 2; taken.has(candidate.toLowerCase()); n++) candidate = `${stem} (${n})${ext}`;
    taken.add(candidate.toLowerCase());
    return candidate;
  });
}
