import fs from 'node:fs';
import path from 'node:path';
import { createHandlers } from '../../src-main/ipc/handlers';
import type { UiPort } from '../../src-main/services/context';
import { startTestHost, type TestHost } from '../../src-main/testhost/test-host';
import { createTestContext, tempDir, type TestContext } from './context';
import { ensureRendererBuilt, launchBrowser, RENDERER_DIR, type E2eBrowser } from './e2e-browser';
import { prepareDemoResources, type E2eDemo } from './e2e-demo';

/*
 * What every end-to-end file sets up before its first step and tears down after its last: the built
 * renderer, a temporary folder with a file database, the loopback test host serving the real handlers
 * and Debian's Chromium with a fresh profile in that folder.
 */

/** What a session's `seed` gets: the temporary folder and the context, before the host starts. */
export interface E2eSeed {
  tmp: string;
  ctx: TestContext;
  demo: E2eDemo | undefined;
}

export interface E2eSessionOptions {
  /** Names the temporary folder: meeloop-e2e-<name>-XXXXXX. */
  name: string;
  /** Points ctx.resourcesDir at the demo (the shipped one, or a stand-in written to the temporary folder). */
  withDemoResources?: boolean;
  /** Fills the database before the host starts (the browser has no page open yet). */
  seed?: (setup: E2eSeed) => Promise<void>;
  /** The window's folder dialog, answered by the test; without it (and without `emit`) ctx.ui stays unset. */
  chooseFolder?: UiPort['chooseFolder'];
  /** Sends the services' events (progress) to the page over the host's event stream, as webContents.send does in the app. */
  emit?: boolean;
}

export interface E2eSession {
  tmp: string;
  ctx: TestContext;
  host: TestHost;
  browser: E2eBrowser;
  page: E2eBrowser['page'];
  /** What the host logged while handling requests; a passing step leaves it empty. */
  hostErrors: string[];
  /** Set when the session was opened `withDemoResources`. */
  demo: E2eDemo | undefined;
  /** Closes the browser, the host and the database and removes the temporary folder. */
  close: () => Promise<void>;
}

export async function openE2eSession(options: E2eSessionOptions): Promise<E2eSession> {
  ensureRendererBuilt();
  const tmp = tempDir(`meeloop-e2e-${options.name}-`);
  let ctx: TestContext | undefined;
  let host: TestHost | undefined;
  let browser: E2eBrowser | undefined;
  const close = async (): Promise<void> => {
    await browser?.close();
    await host?.close();
    await ctx?.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  };
  try {
    const demo = options.withDemoResources ? prepareDemoResources(tmp) : undefined;
    ctx = await createTestContext({ file: path.join(tmp, 'meeloop.db') });
    if (demo) ctx.resourcesDir = demo.resourcesDir;
    await options.seed?.({ tmp, ctx, demo });
    if (options.chooseFolder) ctx.ui = { chooseFolder: options.chooseFolder };
    const hostErrors: string[] = [];
    host = await startTestHost({ rendererDir: RENDERER_DIR, handlers: createHandlers(ctx), log: (m, e) => hostErrors.push(`${m} ${String(e)}`) });
    if (options.emit) ctx.ui = { chooseFolder: async () => null, ...ctx.ui, emit: host.emit };
    browser = await launchBrowser(path.join(tmp, 'profile'));
    return { tmp, ctx, host, browser, page: browser.page, hostErrors, demo, close };
  } catch (e) {
    // beforeAll failed: afterAll has no session to close, so what was opened is closed here.
    await close().catch(() => undefined);
    throw e;
  }
}
