import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReplayError } from '../errors.js';
import { createHttpTransport } from './http.js';

// A plain node:http server stands in for a SyncML server here: the transport only moves bytes.
let server: Server;
let base = '';
beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      if (req.url === '/echo') {
        res.writeHead(200, { 'content-type': `${req.headers['content-type']}; charset=UTF-8` });
        res.end(body);
      } else if (req.url === '/big') {
        res.writeHead(200, { 'content-type': 'application/vnd.syncml+xml', 'content-length': '5000' });
        res.end(Buffer.alloc(5000, 0x41));
      } else if (req.url === '/chunked') {
        res.writeHead(200, { 'content-type': 'application/vnd.syncml+xml' });
        for (let i = 0; i < 10; i++) res.write(Buffer.alloc(1000, 0x42));
        res.end();
      } else if (req.url === '/silent') {
        // never answers
      } else {
        res.writeHead(404, { 'content-type': 'text/plain' });
        res.end('no endpoint here\n');
      }
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((ok) => server.close(() => ok()));
});

async function failure(promise: Promise<unknown>): Promise<ReplayError> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof ReplayError) return err;
    throw err;
  }
  throw new Error('no error');
}

describe('createHttpTransport', () => {
  it('posts the body with its content type and returns status, type and bytes', async () => {
    const t = createHttpTransport();
    const body = new Uint8Array([0x02, 0xa4, 0x01, 0x6a, 0x00, 0x6d]);
    const reply = await t.post(`${base}/echo`, body, 'application/vnd.syncml+wbxml');
    expect(reply.status).toBe(200);
    expect(reply.contentType).toBe('application/vnd.syncml+wbxml; charset=UTF-8');
    expect([...reply.body]).toEqual([...body]);
    const missing = await t.post(`${base}/other`, body, 'application/vnd.syncml+xml');
    expect(missing.status).toBe(404);
    expect(new TextDecoder().decode(missing.body)).toBe('no endpoint here\n');
    await t.close();
  });

  it('refuses replies over maxResponseSize, declared or streamed', async () => {
    const t = createHttpTransport({ maxResponseSize: 4096 });
    const declared = await failure(t.post(`${base}/big`, new Uint8Array(1), 'application/vnd.syncml+xml'));
    expect(declared.code).toBe('RESPONSE_TOO_LARGE');
    expect(declared.message).toContain('5000 bytes');
    const streamed = await failure(
      t.post(`${base}/chunked`, new Uint8Array(1), 'application/vnd.syncml+xml'),
    );
    expect(streamed.code).toBe('RESPONSE_TOO_LARGE');
    const ok = await t.post(`${base}/echo`, new Uint8Array(10), 'application/vnd.syncml+xml');
    expect(ok.body).toHaveLength(10);
    await t.close();
  });

  it('gives up after timeoutMs', async () => {
    const t = createHttpTransport({ timeoutMs: 200 });
    const e = await failure(t.post(`${base}/silent`, new Uint8Array(1), 'application/vnd.syncml+xml'));
    expect(e.code).toBe('TIMEOUT');
    expect(e.path).toBe(`${base}/silent`);
    await t.close();
  });

  it('reports a refused connection as TRANSPORT_FAILED', async () => {
    const probe = createServer();
    await new Promise<void>((ok) => probe.listen(0, '127.0.0.1', ok));
    const port = (probe.address() as AddressInfo).port;
    await new Promise<void>((ok) => probe.close(() => ok()));
    const t = createHttpTransport();
    const e = await failure(
      t.post(`http://127.0.0.1:${port}/syncml/`, new Uint8Array(1), 'application/vnd.syncml+xml'),
    );
    expect(e.code).toBe('TRANSPORT_FAILED');
    expect(e.message).toContain('ECONNREFUSED');
    await t.close();
  });

  it('checks its options', () => {
    expect(() => createHttpTransport({ connections: 0 })).toThrow(/connections must be a positive integer/);
    expect(() => createHttpTransport({ timeoutMs: 1.5 })).toThrow(ReplayError);
  });
});
