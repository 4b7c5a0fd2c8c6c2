import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { IpcMainInvokeEvent } from 'electron';
import { registerIpc, INVOKE } from '../../src-main/ipc/register';
import { createHandlers } from '../../src-main/ipc/handlers';
import { createTestContext } from '../helpers/context';

type Invoke = (event: IpcMainInvokeEvent, channel: unknown, input: unknown) => Promise<unknown>;

function fakeIpcMain() {
  const handlers = new Map<string, Invoke>();
  return { handle: (name: string, fn: Invoke) => handlers.set(name, fn), handlers };
}

const OUR_URL = 'file:///app/out/renderer/index.html';
const event = (url: string, sender: object) => ({ senderFrame: { url }, sender }) as unknown as IpcMainInvokeEvent;

describe('IPC registrar', () => {
  const ourContents = {};
  let invoke: Invoke;
  const log = vi.fn();

  beforeEach(async () => {
    const ctx = await createTestContext();
    const ipc = fakeIpcMain();
    registerIpc(ipc, createHandlers(ctx), (e) => e.sender === ourContents && e.senderFrame?.url === OUR_URL, log);
    invoke = ipc.handlers.get(INVOKE) as Invoke;
  });

  it('answers our renderer with the envelope', async () => {
    const r = await invoke(event(OUR_URL, ourContents), 'programme.create', { name: 'Kijkstages 2027', kind: 'kijkstage' });
    expect(r).toMatchObject({ ok: true, value: { name: 'Kijkstages 2027', kind: 'kijkstage' } });
  });

  it('refuses another frame before looking at its input', async () => {
    const r = await invoke(event('https://evil.example/', {}), 'programme.list', {});
    expect(r).toEqual({ ok: false, error: { code: 'forbidden_sender', message: expect.any(String) } });
    expect(log).toHaveBeenCalledWith(expect.stringContaining('evil.example'));
  });

  it('turns an unexpected failure into a generic message and keeps details out of the envelope', async () => {
    const ipc = fakeIpcMain();
    const ctx = await createTestContext();
    const handlers = createHandlers(ctx);
    handlers['programme.list'] = async () => {
      throw new Error('SQLITE_IOERR at /home/coordinator/secret/path.db');
    };
    registerIpc(ipc, handlers, () => true, log);
    const r = (await (ipc.handlers.get(INVOKE) as Invoke)(event(OUR_URL, ourContents), 'programme.list', {})) as { ok: false; error: { code: string; message: string } };
    expect(r.ok).toBe(false);
    expect(r.error.code).toBe('internal');
    expect(r.error.message).not.toContain('/home/coordinator');
    expect(log).toHaveBeenCalledWith('unexpected error', expect.any(Error));
  });
});

describe('preload', () => {
  it('exposes only invoke and on, and refuses channels outside the contract', async () => {
    const electron = await import('electron');
    const exposed: Record<string, unknown> = {};
    vi.spyOn(electron.contextBridge, 'exposeInMainWorld').mockImplementation((key: string, api: unknown) => {
      exposed[key] = api;
    });
    const invokeSpy = vi.spyOn(electron.ipcRenderer, 'invoke').mockResolvedValue({ ok: true, value: [] });
    await import('../../src-main/preload/index');
    const api = exposed.api as { invoke: (c: string, i: unknown) => Promise<unknown>; on: unknown };
    expect(Object.keys(api).sort()).toEqual(['invoke', 'on']);
    expect(await api.invoke('fs.readFile', { path: '/etc/passwd' })).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
    expect(invokeSpy).not.toHaveBeenCalled();
    await api.invoke('programme.list', {});
    expect(invokeSpy).toHaveBeenCalledWith('meeloop:invoke', 'programme.list', {});
  });
});
