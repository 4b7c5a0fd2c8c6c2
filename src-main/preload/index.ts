import { contextBridge, ipcRenderer } from 'electron';
import { isChannel, isEventName } from '../../src-shared/ipc/contract';

/*
 * The only bridge between page and main: invoke a contract channel, listen to a known event.
 * No ipcRenderer, no Node, nothing else reaches the page.
 */
const api = {
  invoke(channel: string, input: unknown): Promise<unknown> {
    if (!isChannel(channel)) {
      return Promise.resolve({ ok: false, error: { code: 'unknown_channel', message: `Unknown request "${String(channel).slice(0, 80)}".` } });
    }
    return ipcRenderer.invoke('meeloop:invoke', channel, input);
  },
  on(event: string, callback: (payload: unknown) => void): () => void {
    if (!isEventName(event)) return () => undefined;
    const listener = (_e: unknown, payload: unknown) => callback(payload);
    ipcRenderer.on(`meeloop:event:${event}`, listener);
    return () => ipcRenderer.removeListener(`meeloop:event:${event}`, listener);
  },
};

contextBridge.exposeInMainWorld('api', api);
