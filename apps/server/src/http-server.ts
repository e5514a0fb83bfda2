import type { SyncEngine, SyncResponse } from '@syncds/engine';
import uWS from 'uWebSockets.js';
import type { ServerConfig } from './config.js';
import type { JsonLogger } from './logger.js';

export interface RunningHttpServer {
  /** The port actually bound (useful with port 0). */
  readonly port: number;
  readonly url: string;
  /** Messages being processed right now. */
  inFlight(): number;
  /**
   * Stops accepting, waits for in-flight messages (up to the timeout), closes the remaining
   * connections, then resolves. Calling it again returns the same promise.
   */
  close(timeoutMs: number): Promise<void>;
}

const STATUS_TEXT: Record<number, string> = {
  200: '200 OK',
  400: '400 Bad Request',
  404: '404 Not Found',
  405: '405 Method Not Allowed',
  413: '413 Payload Too Large',
  415: '415 Unsupported Media Type',
  500: '500 Internal Server Error',
  503: '503 Service Unavailable',
};

/**
 * The HTTP edge on uWebSockets.js: POST on the configured path (and its
 * `index.html`), bodies read within the size limit, the engine's reply written
 * back in the request's encoding.
 */
export function startHttpServer(
  config: ServerConfig,
  engine: SyncEngine,
  logger: JsonLogger,
): Promise<RunningHttpServer> {
  const app =
    config.tlsCert !== undefined && config.tlsKey !== undefined
      ? uWS.SSLApp({ cert_file_name: config.tlsCert, key_file_name: config.tlsKey })
      : uWS.App();
  const scheme = config.tlsCert !== undefined ? 'https' : 'http';
  let inFlight = 0;
  let closing = false;
  let drained: (() => void) | undefined;
  let closed: Promise<void> | undefined;

  const endpoint = (res: uWS.HttpResponse, req: uWS.HttpRequest) => {
    const t0 = process.hrtime.bigint();
    const url = req.getUrl();
    const query = req.getQuery();
    const fullUrl = query ? `${url}?${query}` : url;
    const contentType = req.getHeader('content-type') || undefined;
    const host = req.getHeader('host');
    const declared = req.getHeader('content-length');
    const remote = Buffer.from(res.getRemoteAddressAsText()).toString();
    let aborted = false;
    res.onAborted(() => {
      aborted = true;
    });
    if (closing) {
      send(res, 503, 'text/plain', 'shutting down\n');
      return;
    }
    if (declared !== '' && Number(declared) > config.maxMessageSize) {
      logger.warn('request body over the limit', {
        remote,
        size: Number(declared),
        limit: config.maxMessageSize,
      });
      send(res, 413, 'text/plain', `body over the limit of ${config.maxMessageSize} bytes\n`);
      return;
    }
    inFlight++;
    // uWS frees each chunk when onData returns: the body is copied into one buffer we own.
    let body = new Uint8Array(declared !== '' && Number(declared) > 0 ? Number(declared) : 16 * 1024);
    let length = 0;
    let tooLarge = false;
    res.onData((chunk, isLast) => {
      if (!tooLarge) {
        const bytes = new Uint8Array(chunk);
        if (length + bytes.length > config.maxMessageSize) {
          tooLarge = true;
        } else {
          if (length + bytes.length > body.length) {
            const grown = new Uint8Array(
              Math.min(config.maxMessageSize, Math.max(body.length * 2, length + bytes.length)),
            );
            grown.set(body.subarray(0, length));
            body = grown;
          }
          body.set(bytes, length);
          length += bytes.length;
        }
      }
      if (!isLast) return;
      const t1 = process.hrtime.bigint();
      if (tooLarge) {
        logger.warn('request body over the limit', { remote, limit: config.maxMessageSize });
        finish();
        if (!aborted) send(res, 413, 'text/plain', `body over the limit of ${config.maxMessageSize} bytes\n`);
        return;
      }
      const baseUrl = config.publicUrl ?? `${scheme}://${host || `${config.host}:${config.port}`}`;
      engine
        .handle({ body: body.subarray(0, length), contentType, url: fullUrl, baseUrl })
        .then((response) => {
          if (aborted) {
            logger.warn('client went away before the reply', {
              remote,
              session: response.session,
              device: response.device,
            });
            return;
          }
          const t2 = process.hrtime.bigint();
          res.cork(() => {
            res.writeStatus(STATUS_TEXT[response.httpStatus] ?? String(response.httpStatus));
            res.writeHeader('Content-Type', response.contentType);
            res.end(response.body);
          });
          const t3 = process.hrtime.bigint();
          if (logger.detailed) logTiming(logger, response, length, remote, t0, t1, t2, t3);
        })
        .catch((err: unknown) => {
          logger.error('unexpected failure', {
            remote,
            error: err instanceof Error ? (err.stack ?? err.message) : String(err),
          });
          if (!aborted) send(res, 500, 'text/plain', 'internal server error\n');
        })
        .finally(finish);
    });

    function finish() {
      inFlight--;
      if (closing && inFlight === 0) drained?.();
    }
  };

  const info = (res: uWS.HttpResponse) => {
    send(
      res,
      200,
      'text/plain',
      'syncds SyncML DS server: POST SyncML messages (application/vnd.syncml+xml or +wbxml) here.\n',
    );
  };
  const base = config.path; // ends with '/'
  for (const path of [base, `${base}index.html`, base.slice(0, -1)]) {
    if (path === '') continue;
    app.post(path, endpoint);
    app.get(path, info);
  }
  app.any('/*', (res, req) => {
    const method = req.getMethod().toUpperCase();
    const url = req.getUrl();
    res.onAborted(() => {});
    logger.warn('request for an unknown path', { method, url });
    send(res, 404, 'text/plain', `no SyncML endpoint at ${url}; use ${base}\n`);
  });

  return new Promise((resolveStart, rejectStart) => {
    app.listen(config.host, config.port, (token) => {
      if (token === false) {
        rejectStart(new Error(`cannot listen on ${config.host}:${config.port}`));
        return;
      }
      const port = uWS.us_socket_local_port(token as unknown as uWS.us_socket);
      const url = `${scheme}://${config.host}:${port}${base}`;
      resolveStart({
        port,
        url,
        inFlight: () => inFlight,
        close(timeoutMs: number) {
          // Idempotent: closing a listen socket twice frees it twice and crashes the process.
          if (closed !== undefined) return closed;
          closing = true;
          uWS.us_listen_socket_close(token);
          // Once no message is in flight, idle keep-alive connections go too: a closed server holds
          // no sockets, and its clients see their connections end rather than linger.
          closed = new Promise<void>((resolve) => {
            const done = () => {
              (app as unknown as { close(): void }).close();
              resolve();
            };
            if (inFlight === 0) {
              done();
              return;
            }
            const timer = setTimeout(() => {
              logger.warn('shutdown timeout with messages still in flight', { inFlight });
              done();
            }, timeoutMs);
            drained = () => {
              clearTimeout(timer);
              done();
            };
          });
          return closed;
        },
      });
    });
  });
}

function send(res: uWS.HttpResponse, status: number, contentType: string, body: string): void {
  res.cork(() => {
    res.writeStatus(STATUS_TEXT[status] ?? String(status));
    res.writeHeader('Content-Type', contentType);
    res.end(body);
  });
}

/** R20 / issue 6: one line per message with each step in microseconds. */
function logTiming(
  logger: JsonLogger,
  r: SyncResponse,
  bytesIn: number,
  remote: string,
  t0: bigint,
  t1: bigint,
  t2: bigint,
  t3: bigint,
): void {
  const us = (a: bigint, b: bigint) => Math.round(Number(b - a) / 1000);
  logger.debug('message timing', {
    session: r.session,
    device: r.device,
    login: r.login,
    remote,
    status: r.httpStatus,
    bytesIn,
    bytesOut: r.body.length,
    receiveUs: us(t0, t1),
    decodeUs: Math.round(r.timing.decodeUs),
    engineUs: Math.round(r.timing.engineUs),
    storeUs: Math.round(r.timing.storeUs),
    encodeUs: Math.round(r.timing.encodeUs),
    sendUs: us(t2, t3),
    totalUs: us(t0, t3),
  });
}
