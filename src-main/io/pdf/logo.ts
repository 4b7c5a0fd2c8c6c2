import { openSync, readSync, closeSync } from 'node:fs';
import { AppError } from '../../../src-shared/errors';

/**
 * Checks that the logo is a PNG or JPEG (pdfkit embeds only those) by its first bytes, not its
 * extension, and returns the path. Called once per renderer, so a wrong file is reported before
 * any document is written.
 */
export function checkLogo(file: string): string {
  const head = Buffer.alloc(8);
  try {
    const fd = openSync(file, 'r');
    try {
      readSync(fd, head, 0, 8, 0);
    } finally {
      closeSync(fd);
    }
  } catch {
    throw new AppError('file_rejected', `The logo ${file} cannot be read. Choose the logo again in the settings.`);
  }
  const isPng = head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  const isJpeg = head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff;
  if (!isPng && !isJpeg) throw new AppError('file_rejected', `The logo ${file} is not a PNG or JPEG picture. Save it as PNG or JPEG and choose it again.`);
  return file;
}
