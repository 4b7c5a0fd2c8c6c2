import type { ServiceContext } from '../services/context';
import * as documents from '../services/documents.service';
import type { Handlers } from './dispatch';
import type { documentsContract } from '../../src-shared/ipc/documents.contract';

/** Handlers of the documents channels: each calls one service. */
export function createDocumentsHandlers(ctx: ServiceContext): Pick<Handlers, keyof typeof documentsContract> {
  return {
    'documents.overview': ({ programmeId }) => documents.documentsOverview(ctx, programmeId),
    'documents.preview': (request) => documents.previewDocuments(ctx, request),
    'documents.export': ({ folder, mode, runId, ...request }) => documents.exportDocumentsRun(ctx, request, { folder, mode, runId }),
    'documents.cancelExport': async ({ runId }) => documents.cancelExport(ctx, runId),
    'documents.markConsents': (input) => documents.markConsents(ctx, input),
  };
}
