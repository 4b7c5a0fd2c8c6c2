import { uniqueFileNames } from '../../domain/documents/file-name';
import { AppError } from '../../../src-shared/errors';
import type { DocumentJob, DocumentRenderer } from './document-renderer';
import { resolveOutputFile } from './output-path';

/** Progress of a bulk export, after each document. */
export interface BulkProgress {
  done: number;
  total: number;
  /** The file just written (per-document mode) or being written (combined mode). */
  file: string;
}

/** What to export and where. */
export interface BulkExportOptions {
  /** The folder the coordinator chose; nothing is written outside it. */
  folder: string;
  /** One print-ready PDF with every document, or one PDF per document. */
  mode: 'combined' | 'per-document';
  /** File name for combined mode (sanitised by the caller with documentFileName); defaults to the first document's name. */
  combinedFileName?: string;
  onProgress?: (progress: BulkProgress) => void;
  /** Stops between documents; files already written stay. */
  signal?: AbortSignal;
}

/** The files written, in order. */
export interface BulkExportResult {
  files: string[];
}

/**
 * Writes many documents: all programmes of a programme, or all forms for one host. Every document is
 * validated before the first file is written, so bad data stops the run before it starts.
 */
export async function exportDocuments(renderer: DocumentRenderer, jobs: readonly DocumentJob[], options: BulkExportOptions): Promise<BulkExportResult> {
  if (jobs.length === 0) throw new AppError('invalid_input', 'There is nothing to export: no documents were selected.');
  const names = uniqueFileNames(jobs.map((job) => renderer.fileName(job)));
  const total = jobs.length;
  if (options.mode === 'combined') {
    const file = await resolveOutputFile(options.folder, options.combinedFileName ?? names[0]!);
    await renderer.renderToFile(jobs, file, (i) => {
      options.signal?.throwIfAborted();
      options.onProgress?.({ done: i + 1, total, file });
    });
    return { files: [file] };
  }
  const files: string[] = [];
  for (const [i, job] of jobs.entries()) {
    options.signal?.throwIfAborted();
    const file = await resolveOutputFile(options.folder, names[i]!);
    await renderer.renderToFile(job, file);
    files.push(file);
    options.onProgress?.({ done: i + 1, total, file });
  }
  return { files };
}
