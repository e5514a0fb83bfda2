import { createServer, type Server, type Socket } from 'node:net';
import { createServer as createHttpServer } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { LoadHttpClient } from './http-client.js';

const servers: { close(): unknown }[] = [];
const clients: LoadHttpClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) await c.close();
  for (const s of servers.splice(0)) s.close();
});

function client(options: ConstructorParameters<typeof LoadHttpClient>[0] = {}): LoadHttpClient {
  const c = new LoadHttpClient(options);
  clients.push(c);
  return c;
}

/** node:http echo server; counts the connections it accepted. */
async function echoServer(): Promise<{ url: string; connections: () => number }> {
  let connections = 0;
  const server = createHttpServer((req, res) => {
    const parts: Buffer[] = [];
    req.on('data', (d: Buffer) => parts.push(d));
    req.on('end', () => {
      res.writeHead(200, {
        'Content-Type': req.headers['content-type'] ?? 'none',
        'X-Path': req.url ?? '',
        'Content-Length': Buffer.concat(parts).length,
      });
      res.end(Buffer.concat(parts));
    });
  });
  server.on('connection', () => connections++);
  servers.push(server);
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const port = (server.address() as { port: number }).port;
  return { url: `http://127.0.0.1:${port}/syncml/?sid=abc`, connections: () => connections };
}

/** A raw TCP server answering each request with `reply(socket)`. */
async function rawServer(reply: (socket: Socket) => void): Promise<string> {
  const server: Server = createServer((socket) => socket.once('data', () => reply(socket)));
  servers.push(server);
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  return `http://127.0.0.1:${(server.address() as { port: number }).port}/`;
}

describe('LoadHttpClient', () => {
  it('posts bodies and reads status, content type and body; one connection serves posts in turn', async () => {
    const server = await echoServer();
    const c = client();
    for (let i = 0; i < 5; i++) {
      const body = new TextEncoder().encode(`message ${i} ${'x'.repeat(i * 10_000)}`);
      const reply = await c.post(server.url, body, 'application/vnd.syncml+wbxml');
      expect(reply.status).toBe(200);
      expect(reply.contentType).toBe('application/vnd.syncml+wbxml');
      expect(Buffer.from(reply.body).equals(Buffer.from(body))).toBe(true);
    }
    expect(server.connections()).toBe(1);
  });

  it('opens one connection per concurrent post, up to maxConnections; the rest wait their turn', async () => {
    const server = await echoServer();
    const c = client({ maxConnections: 3 });
    const replies = await Promise.all(
      Array.from({ length: 10 }, (_, i) => c.post(server.url, new Uint8Array([i]), 'x/y')),
    );
    expect(replies.map((r) => r.body[0])).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(server.connections()).toBe(3);
  });

  it('fails with TRANSPORT_FAILED when the connection is refused or lost mid-reply, then works again', async () => {
    const c = client();
    await expect(c.post('http://127.0.0.1:1/', new Uint8Array(1), 'x/y')).rejects.toMatchObject({
      code: 'TRANSPORT_FAILED',
      path: 'http://127.0.0.1:1/',
    });
    const url = await rawServer((s) => s.end('HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nshort'));
    await expect(c.post(url, new Uint8Array(1), 'x/y')).rejects.toMatchObject({
      code: 'TRANSPORT_FAILED',
      message: 'connection closed before the reply',
    });
    const server = await echoServer();
    expect((await c.post(server.url, new Uint8Array([7]), 'x/y')).body[0]).toBe(7);
  });

  it('refuses replies it cannot read: chunked, without length, over the size limit, silent too long', async () => {
    const chunked = await rawServer((s) =>
      s.write('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n1\r\nx\r\n0\r\n\r\n'),
    );
    await expect(client().post(chunked, new Uint8Array(1), 'x/y')).rejects.toMatchObject({
      code: 'TRANSPORT_FAILED',
      message: 'Transfer-Encoding chunked is not supported',
    });
    const noLength = await rawServer((s) => s.write('HTTP/1.1 200 OK\r\n\r\n'));
    await expect(client().post(noLength, new Uint8Array(1), 'x/y')).rejects.toMatchObject({
      message: 'reply without Content-Length',
    });
    const big = await rawServer((s) => s.write('HTTP/1.1 200 OK\r\nContent-Length: 5000\r\n\r\n'));
    await expect(client({ maxReplyBytes: 1000 }).post(big, new Uint8Array(1), 'x/y')).rejects.toMatchObject({
      message: 'reply of 5041 bytes over the limit of 1000',
    });
    const silent = await rawServer(() => {});
    await expect(client({ timeoutMs: 100 }).post(silent, new Uint8Array(1), 'x/y')).rejects.toMatchObject({
      message: 'no reply within 100 ms',
    });
  });

  it('sends the request line and headers a server expects', async () => {
    let request = '';
    const url = await rawServer((s) => {
      s.once('data', () => {});
      s.end('HTTP/1.1 204 No Content\r\nContent-Length: 0\r\n\r\n');
    });
    const server: Server = createServer((socket) =>
      socket.on('data', (d: Buffer) => {
        request += d.toString('latin1');
        if (request.endsWith('ab')) socket.write('HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n');
      }),
    );
    servers.push(server);
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    const port = (server.address() as { port: number }).port;
    const reply = await client().post(`http://127.0.0.1:${port}/syncml/?sid=x1`, Buffer.from('ab'), 'a/b');
    expect(reply).toMatchObject({ status: 200, contentType: undefined });
    expect(reply.body.length).toBe(0);
    expect(request).toBe(
      `POST /syncml/?sid=x1 HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: a/b\r\nAccept: a/b\r\nContent-Length: 2\r\n\r\nab`,
    );
    expect((await client().post(url, new Uint8Array(0), 'x/y')).status).toBe(204);
  });

  it('takes only http: URLs and positive limits', async () => {
    await expect(client().post('https://127.0.0.1/', new Uint8Array(0), 'x/y')).rejects.toMatchObject({
      code: 'TRANSPORT_FAILED',
    });
    expect(() => new LoadHttpClient({ timeoutMs: 0 })).toThrow(/timeoutMs must be a positive integer/);
  });
});
