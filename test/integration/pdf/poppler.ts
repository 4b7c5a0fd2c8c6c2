import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/*
 * Reads PDFs back the way a reader would, with Debian's poppler-utils: extracted text, fonts, page
 * size and rendered pixels. Never bytes: pdfkit's output changes between versions and runs.
 */

/** The text of a PDF, or of one page (1-based). */
export function pdfText(file: string, page?: number): string {
  const range = page === undefined ? [] : ['-f', String(page), '-l', String(page)];
  return execFileSync('pdftotext', ['-enc', 'UTF-8', ...range, file, '-'], { encoding: 'utf8' });
}

/** Page count and the size of the first page in points. */
export function pdfInfo(file: string): { pages: number; width: number; height: number } {
  const out = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  const pages = Number(/^Pages:\s+(\d+)/m.exec(out)?.[1]);
  const size = /^Page size:\s+([\d.]+) x ([\d.]+) pts/m.exec(out);
  return { pages, width: Number(size?.[1]), height: Number(size?.[2]) };
}

/** One row per font: name and whether it is embedded. */
export function pdfFonts(file: string): { name: string; embedded: boolean }[] {
  const lines = execFileSync('pdffonts', [file], { encoding: 'utf8' }).split('\n').slice(2).filter((l) => l.trim() !== '');
  // Columns: name type... encoding emb sub uni object ID; read emb from the right, names have no spaces.
  return lines.map((l) => {
    const cols = l.trim().split(/\s+/);
    return { name: cols[0] ?? '', embedded: cols[cols.length - 5] === 'yes' };
  });
}

/** A page rendered in grey: 0 is black, 255 white. */
export interface GreyPage {
  width: number;
  height: number;
  pixels: Uint8Array;
}

/** Renders every page with pdftoppm to 8-bit grey (PGM, simple to read without an image library). */
export function renderPages(file: string, outDir: string, dpi = 36): GreyPage[] {
  const prefix = path.join(outDir, path.basename(file, '.pdf'));
  execFileSync('pdftoppm', ['-gray', '-r', String(dpi), file, prefix]);
  const base = path.basename(prefix);
  const files = readdirSync(outDir).filter((f) => f.startsWith(`${base}-`) && f.endsWith('.pgm')).sort((a, b) => pageNo(a) - pageNo(b));
  return files.map((f) => readPgm(path.join(outDir, f)));
}

function pageNo(name: string): number {
  return Number(/-(\d+)\.pgm$/.exec(name)?.[1]);
}

function readPgm(file: string): GreyPage {
  const bytes = readFileSync(file);
  // Header: "P5" width height maxval, separated by whitespace, then one byte per pixel.
  let pos = 0;
  const fields: string[] = [];
  while (fields.length < 4) {
    while (/\s/.test(String.fromCharCode(bytes[pos]!))) pos++;
    let field = '';
    while (!/\s/.test(String.fromCharCode(bytes[pos]!))) field += String.fromCharCode(bytes[pos++]!);
    fields.push(field);
  }
  pos++;
  const width = Number(fields[1]);
  const height = Number(fields[2]);
  return { width, height, pixels: bytes.subarray(pos, pos + width * height) };
}

/** Pixels darker than near-white inside a rectangle given in fractions of the page. */
export function inkIn(page: GreyPage, box: { left: number; top: number; right: number; bottom: number }): number {
  let count = 0;
  const x0 = Math.floor(box.left * page.width);
  const x1 = Math.ceil(box.right * page.width);
  const y0 = Math.floor(box.top * page.height);
  const y1 = Math.ceil(box.bottom * page.height);
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) if (page.pixels[y * page.width + x]! < 235) count++;
  return count;
}

/** Ink in the outer band of the page (`band` points wide on every side): printers cut it off. */
export function inkInMargin(page: GreyPage, band: number): number {
  const fx = band / 595.28;
  const fy = band / 841.89;
  return (
    inkIn(page, { left: 0, top: 0, right: 1, bottom: fy }) +
    inkIn(page, { left: 0, top: 1 - fy, right: 1, bottom: 1 }) +
    inkIn(page, { left: 0, top: fy, right: fx, bottom: 1 - fy }) +
    inkIn(page, { left: 1 - fx, top: fy, right: 1, bottom: 1 - fy })
  );
}
