import type { ServiceContext } from '../services/context';
import type { Handlers } from './dispatch';
import type { documentsContract } from '../../src-shared/ipc/documents.contract';

/** Handlers of the documents channels: each calls one service. */
export function createDocumentsHandlers(_ctx: ServiceContext): Pick<Handlers, keyof typeof documentsContract> {
  return {};
}
