import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { documentFileName, MAX_FILE_BASE_LENGTH, sanitiseFileBase, uniqueFileNames } from '../../../src-main/domain/documents/file-name';
import { resolveOutputFile } from '../../../src-main/io/pdf/output-path';

describe('sanitiseFileBase', () => {
  it.each([
    ['Zoë D’Hondt', 'Zoë D’Hondt'],
    ['../../etc/passwd', 'etc-passwd'],
    ['..\\..\\Windows\\win.ini', 'Windows-win.ini'],
    ['.bashrc', 'bashrc'],
    ['...', 'document'],
    ['', 'document'],
    ['CON', '_CON'],
    ['con.pdf', '_con.pdf'],
    ['lpt1', '_lpt1'],
    ['Console', 'Console'],
    ['a:b*c?d"e<f>g|h', 'a-b-c-d-e-f-g-h'],
    ['naam met\ttab\nen regel', 'naam met tab en regel'],
    ['eindigt op punt. ', 'eindigt op punt'],
    ['nul\u0000byte', 'nul-byte'],
  ])('%j becomes %j', (input, expected) => expect(sanitiseFileBase(input)).toBe(expected));

  it('limits the length without splitting a character', () => {
    const long = sanitiseFileBase('é'.repeat(300));
    expect(Array.from(long)).toHaveLength(MAX_FILE_BASE_LENGTH);
    expect(sanitiseFileBase(`${'x'.repeat(99)}😀😀`)).toBe(`${'x'.repeat(99)}😀`);
  });

  it('builds document file names from a kind and a name', () => {
    expect(documentFileName('programma', 'Eva Janssens')).toBe('programma - Eva Janssens.pdf');
    expect(documentFileName('programma', '../x')).toBe('programma - x.pdf');
    expect(documentFileName('attest', '')).toBe('attest.pdf');
  });

  it('makes names unique regardless of case', () => {
    expect(uniqueFileNames(['a.pdf', 'A.pdf', 'a.pdf', 'b.pdf'])).toEqual(['a.pdf', 'A (2).pdf', 'a (3).pdf', 'b.pdf']);
  });
});

describe('resolveOutputFile', () => {
  const root = mkdtempSync(path.join(os.tmpdir(), 'meeloop-guard-'));
  const folder = path.join(root, 'out');
  mkdirSync(folder);
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('resolves a plain name inside the folder', async () => {
    expect(await resolveOutputFile(folder, 'programma - Zoë.pdf')).toBe(path.join(folder, 'programma - Zoë.pdf'));
  });

  it.each(['../escape.pdf', 'sub/file.pdf', 'sub\\file.pdf', '..', '.', '', '/etc/passwd'])('refuses %j', async (name) => {
    await expect(resolveOutputFile(folder, name)).rejects.toThrow(/Cannot write/);
  });

  it('refuses to write through an existing link', async () => {
    writeFileSync(path.join(root, 'secret.txt'), 'x');
    symlinkSync(path.join(root, 'secret.txt'), path.join(folder, 'link.pdf'));
    await expect(resolveOutputFile(folder, 'link.pdf')).rejects.toThrow(/link/);
  });

  it('says when the folder does not exist', async () => {
    await expect(resolveOutputFile(path.join(root, 'missing'), 'a.pdf')).rejects.toThrow(/does not exist/);
  });
});
