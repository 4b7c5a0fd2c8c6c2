import type { ServiceContext } from '../services/context';
import * as retention from '../services/retention.service';
import type { Handlers } from './dispatch';
import type { trustContract } from '../../src-shared/ipc/trust.contract';

/** Handlers of the trust channels: each calls one service. */
export function createTrustHandlers(ctx: ServiceContext): Pick<Handlers, keyof typeof trustContract> {
  return {
    'retention.preview': (scope) => retention.previewRetention(ctx, scope),
    'retention.purge': (scope) => retention.purgeRetention(ctx, scope),
  };
}
