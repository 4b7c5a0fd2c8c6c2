import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { REPO_ROOT } from './context';

/** The built renderer; MEELOOP_OUT_DIR (as in electron.vite.config.ts) moves it for parallel runs. */
export const RENDERER_DIR = path.resolve(REPO_ROOT, process.env.MEELOOP_OUT_DIR ?? 'out', 'renderer');
export const SCREENSHOT_DIR = path.join(REPO_ROOT, 'test-results', 'e2e');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    const t = entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs;
    if (t > newest) newest = t;
  }
  return newest;
}

/** Builds the app when out/renderer is missing or older than its sources, so the test never drives a stale UI. */
export function ensureRendererBuilt(): void {
  const index = path.join(RENDERER_DIR, 'index.html');
  const built = fs.existsSync(index) ? fs.statSync(index).mtimeMs : 0;
  const sources = Math.max(newestMtime(path.join(REPO_ROOT, 'src-renderer')), newestMtime(path.join(REPO_ROOT, 'src-shared')));
  if (built >= sources) return;
  execFileSync('npx', ['electron-vite', 'build'], { cwd: REPO_ROOT, stdio: 'inherit' });
}

export interface E2eBrowser {
  context: BrowserContext;
  page: Page;
  /** Uncaught page errors and console errors (CSP violations show up here). */
  problems: string[];
  close: () => Promise<void>;
}

/** Debian's Chromium, headless, with a fresh profile in `profileDir`. */
export async function launchBrowser(profileDir: string): Promise<E2eBrowser> {
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1366, height: 900 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  // A missing element fails the step that waited for it, with its name, well before the test timeout.
  page.setDefaultTimeout(15_000);
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  return { context, page, problems, close: () => context.close() };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  // The window as the coordinator sees it; full-page shots of 400-row tables are megabytes of noise.
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`) });
}
