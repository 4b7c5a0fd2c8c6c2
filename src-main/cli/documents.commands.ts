import { z } from 'zod';
import type { DocumentSet } from '../../src-shared/schemas/documents.schema';
import { EXPORT_MODES } from '../../src-shared/schemas/documents.schema';
import { exportDocumentFiles, scopeForPerson } from '../services/documents.service';
import { define, type CommandSpec } from './commands';

const ProgrammeArg = z.string({ message: 'give the programme with --programme ID' }).regex(/^\d+$/, '--programme takes the number of a programme').transform(Number);
const OutArg = z.string({ message: 'give the folder to write to with --out DIR' }).min(1, 'give the folder to write to with --out DIR');
const NoPositionals = z.array(z.string()).max(0, 'unexpected argument');

const WHAT: Record<DocumentSet, { command: string; summary: string; person: string }> = {
  programme: { command: 'programme-pdf', summary: 'the participants’ programmes', person: 'only this participant' },
  'host-overview': { command: 'host-pdf', summary: 'the host overviews (with a page per mentor)', person: 'only the host this mentor or host contact works for' },
  consent: { command: 'consent-pdf', summary: 'the consent forms (client consent, confidentiality, data sharing); marks them sent', person: 'only this participant' },
  certificate: { command: 'certificate-pdf', summary: 'the certificates of participation with the hours done', person: 'only this participant' },
};

function exportCommand(set: DocumentSet): CommandSpec {
  const { command, summary, person } = WHAT[set];
  const usage = `Usage: export ${command} --programme ID --out DIR [--person EMAIL] [--mode ${EXPORT_MODES.join('|')}]`;
  return define({
    summary: `Write ${summary} as PDF: --programme ID --out DIR [--person EMAIL: ${person}] [--mode per-person (default), combined or per-document].`,
    usage,
    options: { programme: { type: 'string' }, out: { type: 'string' }, person: { type: 'string' }, mode: { type: 'string' } },
    args: z
      .object({
        programme: ProgrammeArg,
        out: OutArg,
        person: z.string().trim().min(1, 'give an e-mail address with --person').max(320, 'this is not an e-mail address').optional(),
        mode: z.enum(EXPORT_MODES, { message: `--mode must be ${EXPORT_MODES.join(', ')}` }).optional(),
        positionals: NoPositionals,
      })
      .passthrough(),
    run: async (ctx, a) => {
      const scope = a.person === undefined ? ({ kind: 'programme' } as const) : await scopeForPerson(ctx, a.programme, set, a.person);
      const r = await exportDocumentFiles(ctx, { programmeId: a.programme, set, scope }, { folder: a.out, mode: a.mode ?? 'per-person' });
      const lines = [
        `Wrote ${r.documents} document(s) in ${r.files.length} file(s) to ${r.folder}:`,
        ...r.files.map((f) => `  ${f.name}`),
        ...(set === 'consent' ? [`${r.consentsMarkedSent} consent form(s) marked as sent.`] : []),
      ];
      return { json: { folder: r.folder, files: r.files, documents: r.documents, persons: r.persons, consentsMarkedSent: r.consentsMarkedSent }, text: lines.join('\n') };
    },
  });
}

/** The documents commands of the CLI (merged into the command table in command-table.ts). */
export const documentsCommands: Record<string, CommandSpec> = {
  'export programme-pdf': exportCommand('programme'),
  'export host-pdf': exportCommand('host-overview'),
  'export consent-pdf': exportCommand('consent'),
  'export certificate-pdf': exportCommand('certificate'),
};
