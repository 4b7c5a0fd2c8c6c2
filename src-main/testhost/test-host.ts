import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { EVENTS, isEventName, type EventName, type EventPayload } from '../../src-shared/ipc/contract';
import { dispatch, type Handlers, type Logger } from '../ipc/dispatch';

/*
 * Loopback test host: serves the built renderer and the same contract handlers over HTTP so that
 * end-to-end tests drive the real UI in Chromium against the real services. Binds 127.0.0.1 on a
 * random port, and every request must carry the per-run token (query on the first page load,
 * then a cookie). Never imported by the Electron app.
 *
 * Events: the page's bridge opens one Server-Sent Events stream (GET /api/events, same origin, so the
 * renderer's `connect-src 'self'` allows it) and `emit` writes each event to every open stream, as
 * `webContents.send` does for the app's window.
 */

export interface TestHost {
  url: string;
  /** The first URL to open: it carries the token and sets the cookie. */
  entryUrl: string;
  token: string;
  /** Pushes an event to the pages connected to the host (the stand-in for the window's `emit`). */
  emit: <E extends EventName>(event: E, payload: EventPayload<E>) => void;
  /** Resolves once `count` pages have an open event stream (so no event is sent before they listen). */
  eventStreams: (count?: number) => Promise<void>;
  close: () => Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.json': 'application/json',
};

const BRIDGE = `(() => {
  const call = async (channel, input) => {
    const res = await fetch('/api/invoke', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ channel, input }) });
    return res.json();
  };
  const events = ${JSON.stringify(EVENTS)};
  // One stream for the page, opened at once so that no event of a first request is missed.
  const source = new EventSource('/api/events');
  const on = (event, callback) => {
    if (!events.includes(event)) return () => undefined;
    const listener = (e) => {
      let payload;
      try { payload = JSON.parse(e.data); } catch { return; }
      callback(payload);
    };
    source.addEventListener(event, listener);
    return () => source.removeEventListener(event, listener);
  };
  window.api = Object.freeze({ invoke: call, on });
})();`;

const MAX_BODY = 5 * 1024 * 1024;

export async function startTestHost(options: { rendererDir: string; handlers: Handlers; log?: Logger }): Promise<TestHost> {
  const token = crypto.randomBytes(24).toString('hex');
  const log: Logger = options.log ?? ((m, e) => console.error(`[test-host] ${m}`, e ?? ''));
  const root = path.resolve(options.rendererDir);
  const indexHtml = fs.readFileSync(path.join(root, 'index.html'), 'utf8').replace('<head>', '<head><script src="/__testhost/bridge.js"></script>');

  const hasToken = (req: http.IncomingMessage, url: URL): boolean => {
    const cookie = req.headers.cookie ?? '';
    const fromCookie = /(?:^|;\s*)meeloop_token=([a-f0-9]+)/.exec(cookie)?.[1];
    const given = url.searchParams.get('token') ?? fromCookie ?? '';
    return given.length === token.length && crypto.timingSafeEqual(Buffer.from(given), Buffer.from(token));
  };

  // Open event streams; ended on close, or the server would wait for them forever.
  const streams = new Set<http.ServerResponse>();
  const streamWaiters: { count: number; resolve: () => void }[] = [];
  const wakeWaiters = () => {
    for (const w of [...streamWaiters]) {
      if (streams.size >= w.count) {
        streamWaiters.splice(streamWaiters.indexOf(w), 1);
        w.resolve();
      }
    }
  };

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (!hasToken(req, url)) {
      res.writeHead(403, { 'content-type': 'text/plain' }).end('forbidden');
      return;
    }
    const headers: http.OutgoingHttpHeaders = { 'cache-control': 'no-store' };
    if (url.searchParams.has('token')) headers['set-cookie'] = `meeloop_token=${token}; HttpOnly; SameSite=Strict; Path=/`;

    if (req.method === 'POST' && url.pathname === '/api/invoke') {
      const chunks: Buffer[] = [];
      let size = 0;
      req.on('data', (c: Buffer) => {
        size += c.length;
        if (size > MAX_BODY) req.destroy();
        else chunks.push(c);
      });
      req.on('end', () => {
        let body: { channel?: unknown; input?: unknown };
        try {
          body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as typeof body;
        } catch {
          res.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: false, error: { code: 'invalid_input', message: 'Body is not JSON.' } }));
          return;
        }
        void dispatch(options.handlers, body.channel, body.input, log).then((result) => {
          res.writeHead(200, { ...headers, 'content-type': 'application/json' }).end(JSON.stringify(result));
        });
      });
      return;
    }
    if (req.method !== 'GET') {
      res.writeHead(405).end();
      return;
    }
    if (url.pathname === '/api/events') {
      res.writeHead(200, { ...headers, 'content-type': 'text/event-stream; charset=utf-8', connection: 'keep-alive' });
      // A comment line: EventSource counts the stream as open once bytes arrive.
      res.write(': meeloop events\n\n');
      streams.add(res);
      res.on('close', () => streams.delete(res));
      wakeWaiters();
      return;
    }
    if (url.pathname === '/__testhost/bridge.js') {
      res.writeHead(200, { ...headers, 'content-type': TYPES['.js'] }).end(BRIDGE);
      return;
    }
    const rel = decodeURIComponent(url.pathname).replace(/^\/+/, '');
    const file = path.resolve(root, rel === '' ? 'index.html' : rel);
    if (!file.startsWith(root + path.sep) && file !== root) {
      res.writeHead(404).end();
      return;
    }
    if (rel === '' || rel === 'index.html') {
      res.writeHead(200, { ...headers, 'content-type': TYPES['.html'] }).end(indexHtml);
      return;
    }
    fs.readFile(file, (err, data) => {
      if (err) {
        res.writeHead(404, headers).end();
        return;
      }
      res.writeHead(200, { ...headers, 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' }).end(data);
    });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('test host did not bind');
  const url = `http://127.0.0.1:${address.port}`;
  return {
    url,
    entryUrl: `${url}/?token=${token}`,
    token,
    emit: (event, payload) => {
      if (!isEventName(event)) return;
      // JSON has no raw line breaks outside strings, so one data line carries the whole payload.
      const frame = `event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`;
      for (const res of streams) res.write(frame);
    },
    eventStreams: (count = 1) =>
      new Promise<void>((resolve) => {
        streamWaiters.push({ count, resolve });
        wakeWaiters();
      }),
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of streams) res.end();
        streams.clear();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
