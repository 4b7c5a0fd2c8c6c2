import os from 'node:os';
import path from 'node:path';

export const APP_NAME = 'Meeloop';
export const DB_FILE_NAME = 'meeloop.db';

/**
 * The folder where Electron keeps the app's data (app.getPath('userData') for productName Meeloop),
 * computed without Electron so that the CLI opens the same database as the window.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(os.homedir(), 'AppData', 'Roaming'), APP_NAME);
  if (platform === 'darwin') return path.join(os.homedir(), 'Library', 'Application Support', APP_NAME);
  return path.join(env.XDG_CONFIG_HOME ?? path.join(os.homedir(), '.config'), APP_NAME);
}

/** The database file: --db wins, then MEELOOP_DB, then the app's own. */
export function resolveDbPath(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  if (flag) return path.resolve(flag);
  if (env.MEELOOP_DB) return path.resolve(env.MEELOOP_DB);
  return path.join(defaultDataDir(env), DB_FILE_NAME);
}

/** resources/ in the source tree and next to the bundled main process (out/main/../../resources). */
export function resourcesDir(): string {
  return path.resolve(__dirname, '..', '..', 'resources');
}
