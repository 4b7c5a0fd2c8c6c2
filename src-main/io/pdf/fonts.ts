import { readFileSync } from 'node:fs';
import * as fontkit from 'fontkit';
import { AppError } from '../../../src-shared/errors';

/**
 * The TrueType files documents are set in. DejaVu Sans covers é, ë, ç, ’ and € (and the rest of
 * Latin, Greek and Cyrillic), which pdfkit's built-in Helvetica cannot encode. The packaged app passes
 * its own copies in resources/; development and tests use the npm package.
 */
export interface FontFiles {
  regular: string;
  bold: string;
}

/** DejaVu Sans from the dejavu-fonts-ttf package. */
export function defaultFontFiles(): FontFiles {
  return {
    regular: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
    bold: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
  };
}

/** Parsed fonts, ready for pdfkit's registerFont. */
export interface LoadedFonts {
  regular: fontkit.Font;
  bold: fontkit.Font;
}

const cache = new Map<string, fontkit.Font>();

function loadOne(file: string): fontkit.Font {
  const cached = cache.get(file);
  if (cached) return cached;
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    throw new AppError('file_rejected', `The font file ${file} cannot be read. Reinstall Meeloop or choose another TrueType (.ttf) font.`);
  }
  // pdfkit embeds TrueType outlines only; WOFF/WOFF2 and CFF fonts parse but print blank or break.
  const magic = bytes.subarray(0, 4).toString('latin1');
  if (!(magic === '\u0000\u0001\u0000\u0000' || magic === 'true')) {
    throw new AppError('file_rejected', `The font file ${file} is not a TrueType (.ttf) font. Use a .ttf file such as DejaVu Sans.`);
  }
  const font = fontkit.create(bytes);
  cache.set(file, font);
  return font;
}

/** Reads and parses the fonts once per process; later calls return the same parsed fonts. */
export function loadFonts(files: FontFiles = defaultFontFiles()): LoadedFonts {
  return { regular: loadOne(files.regular), bold: loadOne(files.bold) };
}
