import type { ServiceContext } from '../services/context';
import * as imports from '../services/import.service';
import type { Handlers } from './dispatch';
import type { importContract } from '../../src-shared/ipc/import.contract';

/** Handlers of the import channels: each calls one service. */
export function createImportHandlers(ctx: ServiceContext): Pick<Handlers, keyof typeof importContract> {
  return {
    'import.preview': (input) => imports.previewImport(ctx, input),
    'import.commit': (input) => imports.commitImport(ctx, input),
    'import.history': ({ programmeId }) => imports.listImports(ctx, programmeId),
    'import.undo': ({ id }) => imports.undoImport(ctx, id),
  };
}
