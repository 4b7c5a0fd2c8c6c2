import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openServiceContext, type OpenedContext } from '../../src-main/services/open-context';

export const REPO_ROOT = path.resolve(__dirname, '..', '..');

/** A fixed clock: tests that write timestamps stay repeatable. */
export function fixedClock(iso = '2026-11-23T10:00:00.000Z'): () => Date {
  return () => new Date(iso);
}

export type TestContext = OpenedContext;

/** A fresh migrated database (in memory unless a file is asked for) with a service context. */
export async function createTestContext(options: { file?: string; now?: () => Date; dataDir?: string } = {}): Promise<TestContext> {
  const file = options.file ?? ':memory:';
  return openServiceContext({
    file,
    now: options.now ?? fixedClock(),
    actor: 'test',
    resourcesDir: path.join(REPO_ROOT, 'resources'),
    version: 'test',
    dataDir: options.dataDir ?? (file === ':memory:' ? os.tmpdir() : path.dirname(file)),
  });
}

/** A fresh temporary folder, removed by the caller (or left for inspection on failure). */
export function tempDir(prefix = 'meeloop-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}
