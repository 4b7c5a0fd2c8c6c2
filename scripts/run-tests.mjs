#!/usr/bin/env node
/*
 * `npm test`: unit, integration and end-to-end tests in one vitest run, then one closing line
 * `N passed, N failed` computed from vitest's JSON report (CI reads that line, not vitest's summary).
 * The end-to-end tests drive the built renderer, so the app is built first.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const report = path.join(root, '.vitest-report.json');
const extra = process.argv.slice(2);
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';

function hasE2e() {
  const dir = path.join(root, 'test', 'e2e');
  if (!fs.existsSync(dir)) return false;
  const walk = (d) => fs.readdirSync(d, { withFileTypes: true }).some((e) => (e.isDirectory() ? walk(path.join(d, e.name)) : e.name.endsWith('.test.ts')));
  return walk(dir);
}

if (hasE2e() && !process.env.MEELOOP_SKIP_BUILD) {
  const build = spawnSync(npx, ['electron-vite', 'build'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) {
    console.log('0 passed, 1 failed');
    console.error('The app did not build, so the end-to-end tests could not run.');
    process.exit(1);
  }
}

fs.rmSync(report, { force: true });
const run = spawnSync(npx, ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...extra], { cwd: root, stdio: 'inherit' });

let passed = 0;
let failed = 0;
let skipped = 0;
if (fs.existsSync(report)) {
  const r = JSON.parse(fs.readFileSync(report, 'utf8'));
  passed = r.numPassedTests ?? 0;
  failed = (r.numFailedTests ?? 0) + (r.numFailedTestSuites ?? 0);
  skipped = (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
} else {
  failed = 1;
}
if (run.status !== 0 && failed === 0) failed = 1;
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
