import { lstat, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../../../src-shared/errors';

/**
 * Resolves where a document may be written: `fileName` inside `folder`, never anywhere else. File
 * names come from people's names (sanitised by the domain), but this is the last line: it refuses
 * separators, "..", absolute names, a folder that does not exist, and an existing symbolic link at
 * the target (writing through it would land outside the folder).
 */
export async function resolveOutputFile(folder: string, fileName: string): Promise<string> {
  const refuse = (why: string) => new AppError('file_rejected', `Cannot write "${fileName}": ${why}`);
  if (fileName === '' || fileName === '.' || fileName === '..' || /[/\\]/.test(fileName) || fileName.includes('\u0000') || path.isAbsolute(fileName)) {
    throw refuse('a file name may not contain a folder. Choose the folder separately.');
  }
  let realFolder: string;
  try {
    realFolder = await realpath(folder);
    if (!(await stat(realFolder)).isDirectory()) throw new Error('not a folder');
  } catch {
    throw new AppError('file_rejected', `The folder ${folder} does not exist or is not a folder. Choose an existing folder.`);
  }
  const target = path.resolve(realFolder, fileName);
  const relative = path.relative(realFolder, target);
  if (relative !== fileName || relative.startsWith('..') || path.isAbsolute(relative)) {
    throw refuse('it would be written outside the chosen folder.');
  }
  const existing = await lstat(target).catch(() => null);
  if (existing?.isSymbolicLink()) throw refuse('a link with that name already exists in the folder; remove it or choose another folder.');
  if (existing?.isDirectory()) throw refuse('a folder with that name already exists.');
  return target;
}
