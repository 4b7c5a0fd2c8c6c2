import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import type { Result } from '../../src-shared/errors';
import { dispatch, type Handlers, type Logger } from './dispatch';

/** The single IPC channel name the preload uses; the contract channel travels as the first argument. */
export const INVOKE = 'meeloop:invoke';

/**
 * Registers the contract on ipcMain. Requests from any frame other than our own renderer are refused
 * before their input is even parsed.
 */
export function registerIpc(
  ipcMain: Pick<IpcMain, 'handle'>,
  handlers: Handlers,
  isTrustedSender: (event: IpcMainInvokeEvent) => boolean,
  log: Logger,
): void {
  ipcMain.handle(INVOKE, async (event, channel: unknown, input: unknown): Promise<Result<unknown>> => {
    if (!isTrustedSender(event)) {
      log(`refused IPC from untrusted frame ${event.senderFrame?.url ?? '(unknown)'}`);
      return { ok: false, error: { code: 'forbidden_sender', message: 'This request did not come from the Meeloop window.' } };
    }
    return dispatch(handlers, channel, input, log);
  });
}
