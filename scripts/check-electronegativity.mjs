#!/usr/bin/env node
/*
 * Runs @doyensec/electronegativity over the app's sources and fails on any HIGH or MEDIUM finding
 * (SARIF level "error" or "warning") that .ci/electronegativity-allow.json does not explain.
 * The tool itself exits 0 whatever it finds, so its SARIF output is what counts.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const electronVersion = JSON.parse(fs.readFileSync(path.join(root, 'node_modules', 'electron', 'package.json'), 'utf8')).version;
const allow = JSON.parse(fs.readFileSync(path.join(root, '.ci', 'electronegativity-allow.json'), 'utf8')).allow;
const bin = path.join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'electronegativity.cmd' : 'electronegativity');

let failures = 0;
let findings = 0;
// One scan over main, preload and renderer together: the global checks (navigation limits,
// permission handler) look for code in main that protects the renderer.
const scanRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'eneg-src-'));
for (const dir of ['src-main', 'src-renderer', 'src-shared']) fs.cpSync(path.join(root, dir), path.join(scanRoot, dir), { recursive: true });
fs.copyFileSync(path.join(root, 'package.json'), path.join(scanRoot, 'package.json'));
{
  const input = scanRoot;
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'eneg-')), 'report.sarif');
  const run = spawnSync(bin, ['-i', input, '-e', electronVersion, '-o', out, '-r', '-v', 'false'], { cwd: root, encoding: 'utf8' });
  if (!fs.existsSync(out)) {
    console.error(`electronegativity produced no report for ${input}:\n${run.stdout}\n${run.stderr}`);
    process.exit(1);
  }
  const sarif = JSON.parse(fs.readFileSync(out, 'utf8'));
  for (const r of sarif.runs.flatMap((x) => x.results ?? [])) {
    findings++;
    if (r.level !== 'error' && r.level !== 'warning') continue;
    const uri = r.locations?.[0]?.physicalLocation?.artifactLocation?.uri ?? '?';
    const file = uri.replace(/\\/g, '/');
    const ok = allow.find((a) => a.rule === r.ruleId && file.endsWith(a.file));
    if (ok) continue;
    failures++;
    console.error(`electronegativity ${r.level.toUpperCase()}: ${r.ruleId} at ${file}:${r.locations?.[0]?.physicalLocation?.region?.startLine ?? '?'} — ${r.message?.text ?? ''}`);
  }
}
fs.rmSync(scanRoot, { recursive: true, force: true });
console.log(`electronegativity: ${findings} findings, ${failures} HIGH/MEDIUM not explained by the allow-list`);
process.exit(failures > 0 ? 1 : 0);
