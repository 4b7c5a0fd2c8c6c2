/**
 * Folds a name for comparison: case, accents, punctuation and spacing do not count.
 * "Dé  Vlinder vzw" and "de vlinder VZW" fold to the same key.
 */
export function foldName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[’'`´]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
