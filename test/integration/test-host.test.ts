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

  it('pushes events to the page over a token-checked event stream, as the window receives them', async () => {
    expect((await fetch(`${host.url}/api/events`)).status).toBe(403);
    const res = await fetch(`${host.url}/api/events`, { headers: { cookie: `meeloop_token=${host.token}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    await host.eventStreams(1);
    host.emit('task.progress', { task: 'documents-export', runId: 'run-00000001', done: 12, total: 40 });
    host.emit('task.progress', { task: 'documents-export', runId: 'run-00000001', done: 40, total: 40 });
    // Read Server-Sent Events frames until both have arrived (EventSource does the same in the page).
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let text = '';
    const frames = () => text.split('\n\n').filter((f) => f.startsWith('event:'));
    while (frames().length < 2) {
      const { value, done } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
    }
    await reader.cancel();
    const parsed = frames().map((f) => ({ event: /^event: (.+)$/m.exec(f)?.[1], payload: JSON.parse(/^data: (.+)$/m.exec(f)?.[1] ?? 'null') as unknown }));
    expect(parsed).toEqual([
      { event: 'task.progress', payload: { task: 'documents-export', runId: 'run-00000001', done: 12, total: 40 } },
      { event: 'task.progress', payload: { task: 'documents-export', runId: 'run-00000001', done: 40, total: 40 } },
    ]);
  });

  it('gives the page a bridge that listens to known events only, on the same origin', async () => {
    const bridge = await (await fetch(`${host.url}/__testhost/bridge.js`, { headers: { cookie: `meeloop_token=${host.token}` } })).text();
    expect(bridge).toContain("new EventSource('/api/events')");
    expect(bridge).toContain('["data.changed","task.progress"]');
  });

  it('closes with an event stream still open (the page never says goodbye)', async () => {
    const res = await fetch(`${host.url}/api/events`, { headers: { cookie: `meeloop_token=${host.token}` } });
    expect(res.status).toBe(200);
    // Left open on purpose: afterAll's host.close() must still finish.
  });

  it('never serves a file outside the renderer folder', async () => {
    const res = await fetch(`${host.url}/..%2Foutside-secret.txt?token=${host.token}`);
    expect(res.status).toBe(404);
  });
});
