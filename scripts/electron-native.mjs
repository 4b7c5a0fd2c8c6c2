#!/usr/bin/env node
/*
 * better-sqlite3 is a native module: Node (tests, CLI) and Electron (the app) need different builds
 * (different ABIs). node_modules keeps the Node build untouched; this script makes an Electron build
 * in .electron-native/better_sqlite3.node, which the main process loads with the `nativeBinding`
 * option. It downloads Electron's prebuilt binary or headers, so it needs internet the first time;
 * afterwards it is a no-op until Electron or better-sqlite3 changes version.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const require = createRequire(path.join(root, 'package.json'));
const outDir = path.join(root, '.electron-native');
const target = path.join(outDir, 'better_sqlite3.node');
const stampFile = path.join(outDir, 'stamp.json');

const electronVersion = require('electron/package.json').version;
const sqliteDir = path.dirname(require.resolve('better-sqlite3/package.json'));
const sqliteVersion = JSON.parse(fs.readFileSync(path.join(sqliteDir, 'package.json'), 'utf8')).version;
const stamp = JSON.stringify({ electronVersion, sqliteVersion, platform: process.platform, arch: process.arch });

if (fs.existsSync(target) && fs.existsSync(stampFile) && fs.readFileSync(stampFile, 'utf8') === stamp) process.exit(0);

console.log(`Preparing the database module for Electron ${electronVersion} (one time, needs internet)...`);
const work = path.join(outDir, 'work', 'better-sqlite3');
fs.rmSync(path.join(outDir, 'work'), { recursive: true, force: true });
fs.mkdirSync(work, { recursive: true });
for (const entry of ['package.json', 'binding.gyp', 'src', 'deps', 'lib']) {
  const from = path.join(sqliteDir, entry);
  if (fs.existsSync(from)) fs.cpSync(from, path.join(work, entry), { recursive: true });
}

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const env = { ...process.env, npm_config_nodedir: '' };
const common = ['--runtime=electron', `--target=${electronVersion}`, `--arch=${process.arch}`];
try {
  execFileSync(npx, ['--yes', 'prebuild-install', ...common, `--platform=${process.platform}`], { cwd: work, stdio: 'inherit', env });
} catch {
  console.log('No prebuilt module found; building it from source (this takes a minute or two)...');
  try {
    execFileSync(npx, ['--yes', 'node-gyp', 'rebuild', '--release', ...common, '--dist-url=https://electronjs.org/headers'], { cwd: work, stdio: 'inherit', env });
  } catch {
    console.error('Could not prepare the database module for Electron. Check the internet connection and run `npm start` again.');
    process.exit(1);
  }
}
const built = path.join(work, 'build', 'Release', 'better_sqlite3.node');
fs.mkdirSync(outDir, { recursive: true });
fs.copyFileSync(built, target);
fs.writeFileSync(stampFile, stamp);
fs.rmSync(path.join(outDir, 'work'), { recursive: true, force: true });
console.log(`Ready: ${path.relative(root, target)}`);
