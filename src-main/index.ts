import fs from 'node:fs';
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, session, shell, type IpcMainInvokeEvent } from 'electron';
import { AppError } from '../src-shared/errors';
import { openServiceContext, type OpenedContext } from './services/open-context';
import { ensureDailyBackup, restoreDatabaseFile } from './services/backup.service';
import { listBackupFiles } from './io/backup-files';
import { createHandlers } from './ipc/handlers';
import { registerIpc } from './ipc/register';
import { DB_FILE_NAME, resourcesDir } from './io/paths';
import { decideExternalLink, isConfirmed, isNavigationAllowed, isOurRendererUrl, isPermissionGranted, isTrustedSenderFrame, windowOpenAction } from './security/external-links';

/*
 * Electron lifecycle and windows only. Everything else lives in services behind the IPC contract.
 */

const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

let mainWindow: BrowserWindow | null = null;
let ctx: OpenedContext | null = null;

function log(message: string, error?: unknown): void {
  console.error(`[meeloop] ${message}`, error ?? '');
}

/** better-sqlite3 built for Electron's ABI by scripts/electron-native.mjs; Node keeps its own build. */
function electronNativeBinding(): string | undefined {
  const candidate = path.join(app.getAppPath(), '.electron-native', 'better_sqlite3.node');
  return fs.existsSync(candidate) ? candidate : undefined;
}

function rendererUrl(): string {
  const dev = process.env.ELECTRON_RENDERER_URL;
  return dev ?? `file://${path.join(__dirname, '../renderer/index.html')}`;
}

function isTrustedSender(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  return isTrustedSenderFrame({ isMainWindow: mainWindow !== null && event.sender === mainWindow.webContents, frameUrl: frame?.url, isTopFrame: frame !== null && frame.parent === null }, rendererUrl());
}

function harden(): void {
  session.defaultSession.setPermissionRequestHandler((_wc, permission, callback) => callback(isPermissionGranted(permission)));
  session.defaultSession.setPermissionCheckHandler((_wc, permission) => isPermissionGranted(permission));
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CSP] } });
  });
  app.on('web-contents-created', (_e, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isNavigationAllowed(url, rendererUrl())) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      if (!isOurRendererUrl(url, rendererUrl())) void confirmExternal(url);
      return windowOpenAction();
    });
  });
}

/** Only https and mailto links leave the app, and only after the coordinator agrees. */
async function confirmExternal(url: string): Promise<void> {
  const decision = decideExternalLink(url);
  if (!decision.isAllowed) {
    log(`refused to open a ${decision.reason} link outside the app`);
    return;
  }
  const owner = mainWindow ?? undefined;
  const options = { type: 'question' as const, ...decision.prompt };
  const answer = owner ? await dialog.showMessageBox(owner, options) : await dialog.showMessageBox(options);
  if (isConfirmed(answer.response)) await shell.openExternal(decision.href);
}

function createWindow(): void {
  mainWindow = new BrowserWindow({
    width: 1280,
    height: 820,
    title: 'Meeloop',
    show: false,
    webPreferences: {
      preload: path.join(__dirname, '../preload/index.js'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      spellcheck: false,
      disableBlinkFeatures: 'Auxclick',
    },
  });
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
  void mainWindow.loadURL(rendererUrl());
}

function openContext(dataDir: string, dbPath: string): Promise<OpenedContext> {
  return openServiceContext({
    file: dbPath,
    nativeBinding: electronNativeBinding(),
    now: () => new Date(),
    actor: 'app',
    dataDir,
    resourcesDir: app.isPackaged ? path.join(process.resourcesPath, 'resources') : resourcesDir(),
    version: app.getVersion(),
  });
}

/**
 * A damaged database is never reset: the coordinator is told, and offered the newest backup.
 * Returns true when a backup was restored and opening should be tried again.
 */
async function offerRestore(dataDir: string, dbPath: string, message: string): Promise<boolean> {
  const newest = listBackupFiles(path.join(dataDir, 'backups'))[0];
  if (!newest) {
    dialog.showErrorBox('Meeloop', `${message}\n\nEr is geen backup gevonden in ${path.join(dataDir, 'backups')}.`);
    return false;
  }
  const answer = await dialog.showMessageBox({
    type: 'warning',
    buttons: ['Backup terugzetten', 'Stoppen'],
    defaultId: 0,
    cancelId: 1,
    message,
    detail: `Nieuwste backup: ${newest.name}. Het huidige bestand wordt eerst apart gezet, niet gewist.`,
  });
  if (answer.response !== 0) return false;
  await restoreDatabaseFile(dbPath, newest.file, () => openContext(dataDir, dbPath), () => new Date());
  return true;
}

async function start(): Promise<void> {
  harden();
  const dataDir = app.getPath('userData');
  const dbPath = path.join(dataDir, DB_FILE_NAME);
  for (let attempt = 0; attempt < 2 && ctx === null; attempt++) {
    try {
      ctx = await openContext(dataDir, dbPath);
    } catch (e) {
      log('database open failed', e);
      const message = e instanceof AppError ? e.message : `Meeloop could not open its database: ${String(e)}`;
      const canRestore = e instanceof AppError && e.code === 'db_damaged' && attempt === 0;
      if (!(canRestore && (await offerRestore(dataDir, dbPath, message)))) {
        if (!canRestore) dialog.showErrorBox('Meeloop', message);
        app.quit();
        return;
      }
    }
  }
  if (ctx === null) {
    app.quit();
    return;
  }
  await ensureDailyBackup(ctx).catch((e: unknown) => log('daily backup failed', e));
  ctx.ui = {
    chooseFolder: async (purpose) => {
      const title = { documents: 'Map voor de documenten', calendar: 'Map voor de agenda-bestanden', export: 'Map voor de export' }[purpose];
      const options: Electron.OpenDialogOptions = { title, properties: ['openDirectory', 'createDirectory'] };
      const r = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
      return r.canceled ? null : (r.filePaths[0] ?? null);
    },
    // Only to our own window, never broadcast: events carry run ids and counts, nothing else.
    emit: (event, payload) => {
      if (mainWindow && !mainWindow.isDestroyed() && !mainWindow.webContents.isDestroyed()) mainWindow.webContents.send(`meeloop:event:${event}`, payload);
    },
  };
  const handlers = createHandlers(ctx);
  registerIpc(ipcMain, handlers, isTrustedSender, log);
  createWindow();
}

app.enableSandbox();
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => mainWindow?.focus());
  app.whenReady().then(start, (e: unknown) => log('startup failed', e));
  app.on('window-all-closed', () => {
    void ctx?.close();
    app.quit();
  });
}
