import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import type { Writable } from 'node:stream';
import { AppError } from '../../../src-shared/errors';
import type { Language } from '../../../src-shared/schemas/common.schema';
import { buildCertificateDocument } from '../../domain/documents/certificate-document';
import { buildConsentDocument, type ConsentFormKind } from '../../domain/documents/consent-documents';
import {
  CertificateInputSchema,
  ConsentDocumentInputSchema,
  HostOverviewInputSchema,
  ProgrammeDocumentInputSchema,
  type CertificateInput,
  type ConsentDocumentInput,
  type HostOverviewInput,
  type ProgrammeDocumentInput,
} from '../../domain/documents/document-input.schema';
import type { DocumentModel } from '../../domain/documents/document-model';
import { documentFileName } from '../../domain/documents/file-name';
import { buildHostOverviewDocument } from '../../domain/documents/host-overview-document';
import { buildProgrammeDocument } from '../../domain/documents/programme-document';
import type { TemplateTexts } from '../../domain/documents/template-spec';
import { parseDocumentInput } from '../../domain/documents/validate-input';
import { loadFonts, type FontFiles, type LoadedFonts } from './fonts';
import { checkLogo } from './logo';
import { layoutDocument, openPdf } from './pdf-layout';
import { createTemplateStore, type TemplateStore } from './template-store';

/**
 * One document to print, with its gathered data. `language` overrides the automatic choice (the
 * programme follows the participant, the host overview and client consent follow the host).
 */
export type DocumentJob =
  | { kind: 'programme'; data: ProgrammeDocumentInput; language?: Language | null }
  | { kind: 'host-overview'; data: HostOverviewInput; language?: Language | null }
  | { kind: ConsentFormKind; data: ConsentDocumentInput; language?: Language | null }
  | { kind: 'certificate'; data: CertificateInput; language?: Language | null };

/** How the renderer finds its wording, fonts and logo. */
export interface DocumentRendererOptions {
  /** Template folders, first match wins per file: [userTemplatesDir(dataDir), shippedTemplatesDir()]. */
  templateDirs: readonly string[];
  /** TrueType fonts; DejaVu Sans from node_modules when absent. The packaged app passes its resources copy. */
  fonts?: FontFiles;
  /** The organisation's logo (PNG or JPEG), printed top right on every document; null for none. */
  logoPath?: string | null;
}

/** Renders documents to PDF. Create one per export run (or keep one; call templates.reload() after edits). */
export interface DocumentRenderer {
  readonly templates: TemplateStore;
  /** Validates the job's data and builds its layout-neutral model (for previews and tests). */
  model(job: DocumentJob): DocumentModel;
  /** The suggested file name: "<kind in the document's language> - <person or host>.pdf", sanitised. */
  fileName(job: DocumentJob): string;
  /** Writes one or more documents as one PDF to a stream; each document starts on a new page with its own page numbers. */
  renderToStream(jobs: DocumentJob | readonly DocumentJob[], out: Writable, onDocument?: (index: number) => void): Promise<void>;
  /** The PDF as bytes (previews, tests). */
  renderToBuffer(jobs: DocumentJob | readonly DocumentJob[]): Promise<Buffer>;
  /** Writes the PDF to `file` through a temporary file, so a failed run never leaves half a PDF. */
  renderToFile(jobs: DocumentJob | readonly DocumentJob[], file: string, onDocument?: (index: number) => void): Promise<void>;
}

function describe(job: DocumentJob): string {
  const data = job.data as { participant?: { name?: unknown }; host?: { name?: unknown } };
  const who = typeof data.participant?.name === 'string' ? data.participant.name : typeof data.host?.name === 'string' ? data.host.name : 'this person';
  return `the ${job.kind.replace(/-/g, ' ')} for ${who}`;
}

/** Creates a renderer over the given templates, fonts and logo. Fonts and logo are checked here, once. */
export function createDocumentRenderer(options: DocumentRendererOptions): DocumentRenderer {
  const templates = createTemplateStore(options.templateDirs);
  let fonts: LoadedFonts | null = null;
  const logo = options.logoPath ? checkLogo(options.logoPath) : null;

  const model = (job: DocumentJob): DocumentModel => {
    const what = describe(job);
    switch (job.kind) {
      case 'programme':
        return buildProgrammeDocument(parseDocumentInput(ProgrammeDocumentInputSchema, job.data, what), templates.lookup, job.language);
      case 'host-overview':
        return buildHostOverviewDocument(parseDocumentInput(HostOverviewInputSchema, job.data, what), templates.lookup, job.language);
      case 'certificate':
        return buildCertificateDocument(parseDocumentInput(CertificateInputSchema, job.data, what), templates.lookup, job.language);
      default:
        return buildConsentDocument(job.kind, parseDocumentInput(ConsentDocumentInputSchema, job.data, what), templates.lookup, job.language);
    }
  };

  const fileName = (job: DocumentJob): string => {
    const m = model(job);
    const common = templates.lookup('common', m.language);
    const prefix: Record<DocumentModel['kind'], keyof TemplateTexts<'common'>> = {
      programme: 'fileProgramme',
      'host-overview': 'fileHostOverview',
      'client-consent': 'fileClientConsent',
      'confidentiality-pledge': 'fileConfidentialityPledge',
      'data-sharing': 'fileDataSharing',
      certificate: 'fileCertificate',
    };
    const d = job.data as { participant?: { name: string }; host: { name: string }; recipient?: { kind: string; mentor?: { name: string } } };
    if (job.kind === 'host-overview') {
      const mentor = d.recipient?.kind === 'mentor' ? d.recipient.mentor?.name : undefined;
      return mentor ? documentFileName(common.fileMentorOverview, `${mentor} - ${d.host.name}`) : documentFileName(common[prefix[m.kind]], d.host.name);
    }
    return documentFileName(common[prefix[m.kind]], d.participant?.name ?? d.host.name);
  };

  const renderToStream = (jobs: DocumentJob | readonly DocumentJob[], out: Writable, onDocument?: (index: number) => void): Promise<void> => {
    const list: readonly DocumentJob[] = Array.isArray(jobs) ? jobs : [jobs as DocumentJob];
    if (list.length === 0) return Promise.reject(new AppError('invalid_input', 'There is nothing to print: choose at least one document.'));
    // Build every model first: a data or template error is reported before a byte is written.
    const models = list.map(model);
    fonts ??= loadFonts(options.fonts);
    const sink = openPdf(fonts, logo, { title: models.length === 1 ? models[0]!.title : models[0]!.footer, language: models[0]!.language });
    return new Promise<void>((resolve, reject) => {
      out.once('error', reject);
      out.once('finish', resolve);
      sink.doc.once('error', reject);
      sink.doc.pipe(out);
      void (async () => {
        try {
          for (const [i, m] of models.entries()) {
            // Between documents the event loop runs: progress reaches the window, a cancel request is
            // heard (onDocument may throw to stop) and the written pages drain to the file.
            if (i > 0) await new Promise<void>((next) => setImmediate(next));
            // The file failed meanwhile (disk full, removed folder): its error has already rejected.
            if (out.destroyed) {
              sink.doc.unpipe(out);
              reject(new Error('The output closed before the documents were written.'));
              return;
            }
            layoutDocument(sink, m, templates.lookup('common', m.language));
            onDocument?.(i);
          }
          sink.doc.end();
        } catch (e) {
          sink.doc.unpipe(out);
          out.destroy();
          reject(e);
        }
      })();
    });
  };

  const renderToBuffer = async (jobs: DocumentJob | readonly DocumentJob[]): Promise<Buffer> => {
    const { PassThrough } = await import('node:stream');
    const chunks: Buffer[] = [];
    const sink = new PassThrough();
    sink.on('data', (c: Buffer) => chunks.push(c));
    await renderToStream(jobs, sink);
    return Buffer.concat(chunks);
  };

  const renderToFile = async (jobs: DocumentJob | readonly DocumentJob[], file: string, onDocument?: (index: number) => void): Promise<void> => {
    const temp = `${file}.${process.pid}.partial`;
    const out = createWriteStream(temp, { flags: 'w' });
    try {
      await renderToStream(jobs, out, onDocument);
      await rename(temp, file);
    } catch (e) {
      // A stream destroyed while its file is still opening creates the file afterwards: wait for the
      // close before removing it, or a cancelled export leaves a half-written file behind.
      out.destroy();
      if (!out.closed) await once(out, 'close').catch(() => undefined);
      await rm(temp, { force: true });
      throw e;
    }
  };

  return { templates, model, fileName, renderToStream, renderToBuffer, renderToFile };
}
