import { connect, type Socket } from 'node:net';
import type { HttpReply, Transport } from '@syncds/replay';
import { LoadBenchError } from './errors.js';

/** Limits of {@link LoadHttpClient}. */
export interface LoadHttpClientOptions {
  /** Most connections open at once per origin; posts beyond wait for a free one. Default {@link DEFAULT_MAX_CONNECTIONS}. */
  readonly maxConnections?: number | undefined;
  /** Longest silence while a reply is awaited, in ms. Default {@link DEFAULT_REPLY_TIMEOUT_MS}. */
  readonly timeoutMs?: number | undefined;
  /** Largest reply (head and body) accepted, in bytes. Default {@link DEFAULT_MAX_REPLY_BYTES}. */
  readonly maxReplyBytes?: number | undefined;
}

export const DEFAULT_MAX_CONNECTIONS = 1024;
export const DEFAULT_REPLY_TIMEOUT_MS = 30_000;
export const DEFAULT_MAX_REPLY_BYTES: number = 16 * 1024 * 1024;
/** Largest reply head (status line and headers). */
const MAX_HEAD_BYTES = 16 * 1024;
const CRLFCRLF = Buffer.from('\r\n\r\n');

interface Target {
  readonly origin: string;
  /** As in the URL (an IPv6 address in brackets), for the Host header. */
  readonly host: string;
  /** What to connect to. */
  readonly address: string;
  readonly port: number;
  /** Path and query, as sent in the request line. */
  readonly path: string;
}

interface Pending {
  readonly url: string;
  readonly resolve: (reply: HttpReply) => void;
  readonly reject: (error: Error) => void;
}

/** One keep-alive connection and the reply it is reading, if any. */
class Connection {
  readonly socket: Socket;
  readonly pool: OriginPool;
  pending: Pending | undefined;
  #chunks: Buffer[] = [];
  #received = 0;
  /** Reply head parsed: body length, status, content type. */
  #head: { status: number; contentType: string | undefined; bodyStart: number; total: number } | undefined;

  constructor(pool: OriginPool, target: Target, timeoutMs: number) {
    this.pool = pool;
    this.socket = connect(target.port, target.address);
    this.socket.setNoDelay(true);
    // One timer per socket, pushed back by every byte: no timer per request.
    this.socket.setTimeout(timeoutMs, () =>
      this.#fail(new LoadBenchError('TRANSPORT_FAILED', `no reply within ${timeoutMs} ms`, this.#url())),
    );
    this.socket.on('data', (chunk: Buffer) => this.#data(chunk));
    this.socket.on('error', (err) => this.#fail(transportError(err, this.#url())));
    this.socket.on('close', () =>
      this.#fail(new LoadBenchError('TRANSPORT_FAILED', 'connection closed before the reply', this.#url())),
    );
  }

  send(request: Pending, head: string, body: Uint8Array): void {
    this.pending = request;
    this.#chunks = [];
    this.#received = 0;
    this.#head = undefined;
    // Head and body in one writev.
    this.socket.cork();
    this.socket.write(head, 'latin1');
    this.socket.write(body);
    this.socket.uncork();
  }

  #url(): string {
    return this.pending?.url ?? this.pool.origin;
  }

  #data(chunk: Buffer): void {
    const request = this.pending;
    if (request === undefined) {
      this.#fail(new LoadBenchError('TRANSPORT_FAILED', 'bytes received with no request', this.pool.origin));
      return;
    }
    this.#chunks.push(chunk);
    this.#received += chunk.length;
    if (this.#head === undefined) {
      const all = this.#chunks.length === 1 ? chunk : Buffer.concat(this.#chunks, this.#received);
      this.#chunks = [all];
      const end = all.indexOf(CRLFCRLF);
      if (end < 0) {
        if (this.#received > MAX_HEAD_BYTES)
          this.#fail(new LoadBenchError('TRANSPORT_FAILED', 'reply head too large', request.url));
        return;
      }
      const head = parseHead(all.toString('latin1', 0, end));
      if (typeof head === 'string') {
        this.#fail(new LoadBenchError('TRANSPORT_FAILED', head, request.url));
        return;
      }
      const total = end + 4 + head.length;
      if (total > this.pool.maxReplyBytes) {
        this.#fail(
          new LoadBenchError(
            'TRANSPORT_FAILED',
            `reply of ${total} bytes over the limit of ${this.pool.maxReplyBytes}`,
            request.url,
          ),
        );
        return;
      }
      this.#head = { status: head.status, contentType: head.contentType, bodyStart: end + 4, total };
    }
    const head = this.#head;
    if (this.#received < head.total) return;
    if (this.#received > head.total) {
      this.#fail(new LoadBenchError('TRANSPORT_FAILED', 'bytes after the reply body', request.url));
      return;
    }
    const all = this.#chunks.length === 1 ? this.#chunks[0]! : Buffer.concat(this.#chunks, this.#received);
    this.#chunks = [];
    this.pending = undefined;
    request.resolve({
      status: head.status,
      contentType: head.contentType,
      body: all.subarray(head.bodyStart, head.total),
    });
    this.pool.release(this);
  }

  #fail(error: Error): void {
    const request = this.pending;
    this.pending = undefined;
    this.pool.forget(this);
    this.socket.destroy();
    request?.reject(error);
  }
}

/** The connections to one origin: idle ones, and posts waiting for one when all are busy. */
class OriginPool {
  readonly origin: string;
  readonly maxReplyBytes: number;
  readonly #target: Omit<Target, 'path'>;
  readonly #max: number;
  readonly #timeoutMs: number;
  readonly #idle: Connection[] = [];
  readonly #all = new Set<Connection>();
  readonly #waiting: (() => void)[] = [];

  constructor(target: Target, max: number, timeoutMs: number, maxReplyBytes: number) {
    this.origin = target.origin;
    this.#target = target;
    this.#max = max;
    this.#timeoutMs = timeoutMs;
    this.maxReplyBytes = maxReplyBytes;
  }

  async acquire(): Promise<Connection> {
    for (;;) {
      const idle = this.#idle.pop();
      if (idle !== undefined) return idle;
      if (this.#all.size < this.#max) {
        const c = new Connection(this, { ...this.#target, path: '' }, this.#timeoutMs);
        this.#all.add(c);
        return c;
      }
      await new Promise<void>((wake) => this.#waiting.push(wake));
    }
  }

  release(c: Connection): void {
    this.#idle.push(c);
    this.#waiting.shift()?.();
  }

  forget(c: Connection): void {
    if (!this.#all.delete(c)) return;
    const at = this.#idle.indexOf(c);
    if (at >= 0) this.#idle.splice(at, 1);
    this.#waiting.shift()?.();
  }

  close(): void {
    for (const c of this.#all) c.socket.destroy();
    this.#all.clear();
    this.#idle.length = 0;
  }
}

/**
 * The load generator's HTTP/1.1 client: keep-alive connections on `net` sockets, one request
 * in flight per connection, replies read by Content-Length. Much less work per message than a
 * general-purpose client, which matters when the load generator shares the machine's cores
 * with the server it measures. It speaks only to the servers the bench starts (`http:` URLs,
 * replies with Content-Length; chunked replies are refused with TRANSPORT_FAILED).
 */
export class LoadHttpClient implements Transport {
  readonly #pools = new Map<string, OriginPool>();
  readonly #targets = new Map<string, Target>();
  readonly #max: number;
  readonly #timeoutMs: number;
  readonly #maxReply: number;

  constructor(options: LoadHttpClientOptions = {}) {
    this.#max = positive(options.maxConnections, DEFAULT_MAX_CONNECTIONS, 'maxConnections');
    this.#timeoutMs = positive(options.timeoutMs, DEFAULT_REPLY_TIMEOUT_MS, 'timeoutMs');
    this.#maxReply = positive(options.maxReplyBytes, DEFAULT_MAX_REPLY_BYTES, 'maxReplyBytes');
  }

  async post(url: string, body: Uint8Array, contentType: string): Promise<HttpReply> {
    const target = this.#target(url);
    let pool = this.#pools.get(target.origin);
    if (pool === undefined) {
      pool = new OriginPool(target, this.#max, this.#timeoutMs, this.#maxReply);
      this.#pools.set(target.origin, pool);
    }
    const connection = await pool.acquire();
    const head =
      `POST ${target.path} HTTP/1.1\r\nHost: ${target.host}:${target.port}\r\n` +
      `Content-Type: ${contentType}\r\nAccept: ${contentType}\r\nContent-Length: ${body.length}\r\n\r\n`;
    return new Promise<HttpReply>((resolve, reject) => {
      connection.send({ url, resolve, reject }, head, body);
    });
  }

  /** Closes every connection; posts still in flight fail with TRANSPORT_FAILED. */
  async close(): Promise<void> {
    for (const pool of this.#pools.values()) pool.close();
    this.#pools.clear();
  }

  /** The parsed URL; devices reuse a handful of URLs (their RespURIs), so each is parsed once. */
  #target(url: string): Target {
    let target = this.#targets.get(url);
    if (target === undefined) {
      target = parseTarget(url);
      // Every session has its own RespURI: keep the cache from growing with the run.
      if (this.#targets.size >= TARGET_CACHE_SIZE) this.#targets.clear();
      this.#targets.set(url, target);
    }
    return target;
  }
}

/** URLs parsed and kept at a time. */
const TARGET_CACHE_SIZE = 4096;

function parseTarget(url: string): Target {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new LoadBenchError('TRANSPORT_FAILED', `not a URL: ${url}`, url);
  }
  if (parsed.protocol !== 'http:')
    throw new LoadBenchError('TRANSPORT_FAILED', `only http: URLs are supported, got ${url}`, url);
  // URL keeps `#...` out of `search`; SyncML URLs with a fragment-like `#` (Funambol) are not the bench's.
  return {
    origin: parsed.origin,
    host: parsed.hostname,
    address: parsed.hostname.replace(/^\[(.*)\]$/, '$1'),
    port: parsed.port === '' ? 80 : Number(parsed.port),
    path: `${parsed.pathname}${parsed.search}`,
  };
}

/** Status and the headers the bench needs, or the reason the head is not acceptable. */
function parseHead(
  head: string,
): { status: number; contentType: string | undefined; length: number } | string {
  const lines = head.split('\r\n');
  const m = /^HTTP\/1\.[01] (\d{3})/.exec(lines[0] ?? '');
  if (m === null) return `bad status line ${JSON.stringify(lines[0])}`;
  let contentType: string | undefined;
  let length: number | undefined;
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    const colon = line.indexOf(':');
    if (colon <= 0) return `bad header line ${JSON.stringify(line)}`;
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (name === 'content-length') {
      length = Number(value);
      if (!Number.isSafeInteger(length) || length < 0) return `bad Content-Length ${JSON.stringify(value)}`;
    } else if (name === 'content-type') contentType = value;
    else if (name === 'transfer-encoding') return `Transfer-Encoding ${value} is not supported`;
  }
  if (length === undefined) return 'reply without Content-Length';
  return { status: Number(m[1]), contentType, length };
}

function transportError(err: Error, url: string): LoadBenchError {
  const code = (err as { code?: unknown }).code;
  return new LoadBenchError(
    'TRANSPORT_FAILED',
    `POST ${url} failed: ${err.message}${typeof code === 'string' ? ` (${code})` : ''}`,
    url,
    { cause: err },
  );
}

function positive(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (!Number.isSafeInteger(value) || value <= 0)
    throw new LoadBenchError('USAGE', `${name} must be a positive integer, got ${String(value)}`);
  return value;
}
