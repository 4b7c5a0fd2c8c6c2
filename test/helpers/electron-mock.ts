/*
 * Stand-in for the 'electron' module in Node tests: the binary cannot run here, and main-process
 * modules that import electron are tested through their logic, with these fakes recording calls.
 */
type Handler = (event: unknown, ...args: unknown[]) => unknown;

export const ipcMain = {
  handlers: new Map<string, Handler>(),
  handle(channel: string, handler: Handler): void {
    this.handlers.set(channel, handler);
  },
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  },
};

export const app = {
  getPath: (_name: string) => '/tmp/meeloop-electron-mock',
  getVersion: () => '0.0.0-test',
  getAppPath: () => process.cwd(),
  isPackaged: false,
  on: () => app,
  whenReady: () => Promise.resolve(),
  quit: () => undefined,
  enableSandbox: () => undefined,
  requestSingleInstanceLock: () => true,
};

export const contextBridge = { exposeInMainWorld: (_key: string, _api: unknown) => undefined };
export const ipcRenderer = { invoke: async () => undefined, on: () => undefined, removeListener: () => undefined };
export const dialog = { showErrorBox: () => undefined, showMessageBox: async () => ({ response: 1 }) };
export const shell = { openExternal: async () => undefined };
export const session = { defaultSession: {} };
export class BrowserWindow {}
export default { ipcMain, app, contextBridge, ipcRenderer, dialog, shell, session, BrowserWindow };
