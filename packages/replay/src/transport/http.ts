import { Agent, request } from 'undici';
import { ReplayError } from '../errors.js';

/** What the server answered to one POST. */
export interface HttpReply {
  readonly status: number;
  /** The Content-Type header, parameters included; undefined when absent. */
  readonly contentType: string | undefined;
  readonly body: Uint8Array;
}

/** Sends SyncML messages. The replay uses {@link createHttpTransport} unless given another. */
export interface Transport {
  post(url: string, body: Uint8Array, contentType: string): Promise<HttpReply>;
  /** Closes idle connections; pending posts finish first. */
  close(): Promise<void>;
}

/** Limits and pool size of {@link createHttpTransport}. */
export interface HttpTransportOptions {
  /** Most connections per origin. Default {@link DEFAULT_CONNECTIONS}. */
  connections?: number | undefined;
  /** Requests in flight per connection (HTTP/1.1 pipelining). Default 1 (none). */
  pipelining?: number | undefined;
  /** Longest wait for the reply's headers, and between two body chunks. Default {@link DEFAULT_TIMEOUT_MS}. */
  timeoutMs?: number | undefined;
  /** Largest reply accepted, in bytes. Default {@link DEFAULT_MAX_RESPONSE_SIZE}. */
  maxResponseSize?: number | undefined;
}

/** Default `connections`: one replay is one device, so a few suffice. */
export const DEFAULT_CONNECTIONS = 4;
/** Default `timeoutMs`: 30 s, longer than any server takes over one message. */
export const DEFAULT_TIMEOUT_MS = 30_000;
/** Default `maxResponseSize`: 16 MiB, above the server's largest MaxMsgSize setting in use. */
export const DEFAULT_MAX_RESPONSE_SIZE: number = 16 * 1024 * 1024;

const TIMEOUT_CODES = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'UND_ERR_CONNECT_TIMEOUT']);

/** An HTTP/1.1 transport on an undici connection pool (keep-alive). */
export function createHttpTransport(options: HttpTransportOptions = {}): Transport {
  const connections = positive(options.connections, DEFAULT_CONNECTIONS, 'connections');
  const pipelining = positive(options.pipelining, 1, 'pipelining');
  const timeoutMs = positive(options.timeoutMs, DEFAULT_TIMEOUT_MS, 'timeoutMs');
  const maxResponseSize = positive(options.maxResponseSize, DEFAULT_MAX_RESPONSE_SIZE, 'maxResponseSize');
  const agent = new Agent({
    connections,
    pipelining,
    headersTimeout: timeoutMs,
    bodyTimeout: timeoutMs,
    connectTimeout: timeoutMs,
  });
  return {
    async post(url, body, contentType) {
      let res: Awaited<ReturnType<typeof request>>;
      try {
        res = await request(url, {
          method: 'POST',
          body,
          headers: { 'content-type': contentType, accept: contentType },
          dispatcher: agent,
        });
      } catch (err) {
        throw transportError(err, url, timeoutMs);
      }
      const declared = Number(res.headers['content-length']);
      if (Number.isFinite(declared) && declared > maxResponseSize) {
        discard(res.body);
        throw new ReplayError(
          'RESPONSE_TOO_LARGE',
          `${url} answered ${declared} bytes, over maxResponseSize (${maxResponseSize})`,
          { path: url },
        );
      }
      const chunks: Uint8Array[] = [];
      let total = 0;
      try {
        for await (const chunk of res.body) {
          const bytes = chunk as Uint8Array;
          total += bytes.length;
          if (total > maxResponseSize) {
            discard(res.body);
            throw new ReplayError(
              'RESPONSE_TOO_LARGE',
              `${url} answered more than maxResponseSize (${maxResponseSize}) bytes`,
              { path: url },
            );
          }
          chunks.push(bytes);
        }
      } catch (err) {
        if (err instanceof ReplayError) throw err;
        throw transportError(err, url, timeoutMs);
      }
      const type = res.headers['content-type'];
      return {
        status: res.statusCode,
        contentType: Array.isArray(type) ? type[0] : type,
        body: join(chunks, total),
      };
    },
    close() {
      return agent.close();
    },
  };
}

/** Drops a reply body unread; the abort it causes is expected, not an error to report. */
function discard(body: { on(event: 'error', listener: () => void): unknown; destroy(): unknown }): void {
  body.on('error', () => {});
  body.destroy();
}

function join(chunks: readonly Uint8Array[], total: number): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

function transportError(err: unknown, url: string, timeoutMs: number): ReplayError {
  const code = (err as { code?: unknown }).code;
  if (typeof code === 'string' && TIMEOUT_CODES.has(code)) {
    return new ReplayError('TIMEOUT', `${url} gave no complete reply within ${timeoutMs} ms`, {
      path: url,
      cause: err,
    });
  }
  const detail = err instanceof Error ? err.message : String(err);
  const cause = (err as { cause?: { message?: string } }).cause?.message;
  return new ReplayError('TRANSPORT_FAILED', `POST ${url} failed: ${detail}${cause ? ` (${cause})` : ''}`, {
    path: url,
    cause: err,
  });
}

function positive(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (!Number.isSafeInteger(value) || value <= 0) {
    throw new ReplayError('BAD_OPTION', `${name} must be a positive integer, got ${String(value)}`);
  }
  return value;
}
