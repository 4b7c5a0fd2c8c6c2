import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, bench, describe } from 'vitest';
import { createDocumentRenderer, exportDocuments, shippedTemplatesDir, type DocumentJob } from '../src-main/io/pdf';
import { programmeInput } from '../test/integration/pdf/document-fixtures';

/*
 * Issue 6: 500 participant programmes in under 10 s. Each programme has its own name, language and
 * learning questions, so no two documents are identical. Results: bench/RESULTS.md, "Documents".
 */

const LANGS = ['nl', 'fr', 'en'] as const;
const jobs: DocumentJob[] = Array.from({ length: 500 }, (_, i) => {
  const data = programmeInput(LANGS[i % 3]!);
  return {
    kind: 'programme',
    data: { ...data, participant: { ...data.participant!, name: `Deelnemer ${i} Dé Smet`, learningQuestions: `Vraag ${i}: hoe werken jullie samen met ouders?\n`.repeat(1 + (i % 5)) } },
  };
});
const renderer = createDocumentRenderer({ templateDirs: [shippedTemplatesDir()] });
const out = mkdtempSync(path.join(os.tmpdir(), 'meeloop-bench-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('documents', () => {
  bench('500 participant programmes, one file each', async () => {
    const dir = mkdtempSync(path.join(out, 'each-'));
    await exportDocuments(renderer, jobs, { folder: dir, mode: 'per-document' });
    if (readdirSync(dir).length !== 500) throw new Error('expected 500 files');
  }, { iterations: 2, warmupIterations: 0, time: 0 });

  bench('500 participant programmes, one print-ready file', async () => {
    const dir = mkdtempSync(path.join(out, 'one-'));
    await exportDocuments(renderer, jobs, { folder: dir, mode: 'combined', combinedFileName: 'alle programma’s.pdf' });
  }, { iterations: 2, warmupIterations: 0, time: 0 });
});
