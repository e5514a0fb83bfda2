import { SyncEngine, createItemAdapter } from '@syncds/engine';
import { type GroupwareStore, openSqliteStore } from '@syncds/store';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { DEFAULT_CONFIG, type ServerConfig } from './config.js';
import { type RunningHttpServer, startHttpServer } from './http-server.js';
import { JsonLogger } from './logger.js';

/** The real engine, held at a gate so a message can be caught in flight. */
class GatedEngine extends SyncEngine {
  gate: Promise<void> = Promise.resolve();
  override async handle(req: Parameters<SyncEngine['handle']>[0]) {
    await this.gate;
    return super.handle(req);
  }
}

let store: GroupwareStore;
let engine: GatedEngine;
let http: RunningHttpServer;
const lines: Record<string, unknown>[] = [];
const config: ServerConfig = { ...DEFAULT_CONFIG, host: '127.0.0.1', port: 0, maxMessageSize: 4096 };

beforeEach(async () => {
  store = await openSqliteStore({ path: ':memory:' });
  lines.length = 0;
  const logger = new JsonLogger('debug', (l) => lines.push(JSON.parse(l) as Record<string, unknown>));
  engine = new GatedEngine({ store, items: createItemAdapter(), logger });
  http = await startHttpServer(config, engine, logger);
});
afterEach(async () => {
  await http.close(1000);
  await engine.close();
  await store.close();
});

const url = () => `http://127.0.0.1:${http.port}/syncml/`;
const post = (
  path = '/syncml/',
  body: string | Uint8Array = 'x',
  contentType = 'application/vnd.syncml+xml',
) =>
  fetch(`http://127.0.0.1:${http.port}${path}`, {
    method: 'POST',
    headers: { 'content-type': contentType },
    body,
  });

describe('HTTP edge', () => {
  test('the endpoint answers at /syncml/, /syncml/index.html and /syncml; other paths 404', async () => {
    for (const path of ['/syncml/', '/syncml/index.html', '/syncml']) {
      expect((await post(path, '<SyncML/>', 'text/plain')).status).toBe(415);
    }
    const res = await post('/elsewhere');
    expect(res.status).toBe(404);
    expect(await res.text()).toContain('use /syncml/');
    expect((await fetch(url())).status).toBe(200);
  });

  test('bodies over the limit get 413, with or without Content-Length', async () => {
    expect((await post('/syncml/', new Uint8Array(5000))).status).toBe(413);
    const chunked = new ReadableStream<Uint8Array>({
      start(c) {
        for (let i = 0; i < 5; i++) c.enqueue(new Uint8Array(1000));
        c.close();
      },
    });
    const res = await fetch(url(), {
      method: 'POST',
      headers: { 'content-type': 'application/vnd.syncml+xml' },
      body: chunked,
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(413);
  });

  test("a message's log lines are written by the time its reply is out", async () => {
    const msgs = () => lines.map((l) => l.msg);
    const malformed = await post('/syncml/', '<SyncML><SyncHdr>', 'application/vnd.syncml+xml');
    expect(malformed.status).toBe(400);
    expect(msgs()).toContain('malformed SyncML message');
    const unknown = await post('/elsewhere');
    expect(unknown.status).toBe(404);
    expect(msgs()).toContain('request for an unknown path');
    expect(lines.find((l) => l.msg === 'message timing')).toMatchObject({ status: 400 });
  });

  test('shutdown finishes the message in flight, then refuses new ones', async () => {
    let open!: () => void;
    engine.gate = new Promise((r) => {
      open = r;
    });
    const inFlight = post('/syncml/', '<SyncML><SyncHdr>', 'application/vnd.syncml+xml');
    await new Promise((r) => setTimeout(r, 50));
    expect(http.inFlight()).toBe(1);
    const closing = http.close(5000);
    setTimeout(open, 100);
    const res = await inFlight;
    expect(res.status).toBe(400); // answered by the engine, not cut off
    await closing;
    expect(http.close(10)).toBe(closing); // idempotent: a second close frees nothing twice
    await expect(fetch(url())).rejects.toThrow();
  });
});
