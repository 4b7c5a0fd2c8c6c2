import type { ServiceContext } from '../services/context';
import * as documents from '../services/documents.service';
import type { Handlers } from './dispatch';
import type { documentsContract } from '../../src-shared/ipc/documents.contract';

/** Handlers of the documents channels: each calls one service. */
export function createDocumentsHandlers(ctx: ServiceContext): Pick<Handlers, keyof typeof documentsContract> {
  return {
    'documents.overview': ({ programmeId }) => documents.documentsOverview(ctx, programmeId),
    'documents.preview': (request) => documents.previewDocuments(ctx, request),
    'documents.export': ({ folder, mode, ...request }) => documents.exportDocumentFiles(ctx, request, { folder, mode }),
    'documents.markConsents': (input) => documents.markConsents(ctx, input),
  };
}
