import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandlers } from '../../src-main/ipc/handlers';
import { startTestHost, type TestHost } from '../../src-main/testhost/test-host';
import { createTestContext, tempDir } from '../helpers/context';

let host: TestHost;
const dir = tempDir('meeloop-host-');

beforeAll(async () => {
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><html><head><title>t</title></head><body></body></html>');
  fs.writeFileSync(path.join(path.dirname(dir), 'outside-secret.txt'), 'secret');
  const ctx = await createTestContext();
  host = await startTestHost({ rendererDir: dir, handlers: createHandlers(ctx), log: () => undefined });
});
afterAll(async () => {
  await host.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('loopback test host', () => {
  it('listens on 127.0.0.1 only', () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('refuses every request without the per-run token', async () => {
    expect((await fetch(`${host.url}/`)).status).toBe(403);
    expect((await fetch(`${host.url}/?token=wrong`)).status).toBe(403);
    const api = await fetch(`${host.url}/api/invoke`, { method: 'POST', body: JSON.stringify({ channel: 'programme.list', input: {} }) });
    expect(api.status).toBe(403);
  });

  it('serves the page with the bridge and sets the token cookie', async () => {
    const res = await fetch(host.entryUrl);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('/__testhost/bridge.js');
    expect(res.headers.get('set-cookie')).toMatch(/meeloop_token=[a-f0-9]+; HttpOnly; SameSite=Strict/);
  });

  it('answers contract calls with the same envelope as IPC', async () => {
    const headers = { cookie: `meeloop_token=${host.token}`, 'content-type': 'application/json' };
    const created = await fetch(`${host.url}/api/invoke`, { method: 'POST', headers, body: JSON.stringify({ channel: 'programme.create', input: { name: 'Via host', kind: 'kijkstage' } }) });
    expect(await created.json()).toMatchObject({ ok: true, value: { name: 'Via host' } });
    const bad = await fetch(`${host.url}/api/invoke`, { method: 'POST', headers, body: JSON.stringify({ channel: 'programme.create', input: { name: 1 } }) });
    expect(await bad.json()).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const notJson = await fetch(`${host.url}/api/invoke`, { method: 'POST', headers, body: '{' });
    expect(notJson.status).toBe(400);
  });

  it('never serves a file outside the renderer folder', async () => {
    const res = await fetch(`${host.url}/..%2Foutside-secret.txt?token=${host.token}`);
    expect(res.status).toBe(404);
  });
});
