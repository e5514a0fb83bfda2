import uWS from 'uWebSockets.js';

/**
 * The raw baseline: a uWebSockets.js app that answers every POST with the bytes it received,
 * in the same content type, without looking at them. The load bench sends it the same
 * SyncML sessions as the server; the ratio of the two rates is what the SyncML work costs.
 *
 * Usage: node dist/server/echo-app.js [max-body-bytes]   (prints {"msg":"listening","url":...})
 */

/** Default largest body echoed; larger gets 413, as the server does past its maxMessageSize. */
const DEFAULT_MAX_BODY = 1024 * 1024;

const maxBody = process.argv[2] === undefined ? DEFAULT_MAX_BODY : Number(process.argv[2]);
if (!Number.isSafeInteger(maxBody) || maxBody <= 0) {
  process.stderr.write(`echo-app: max body must be a positive integer, got ${process.argv[2]}\n`);
  process.exit(2);
}

const app = uWS.App();
app.post('/*', (res, req) => {
  const type = req.getHeader('content-type') || 'application/octet-stream';
  let aborted = false;
  res.onAborted(() => {
    aborted = true;
  });
  const parts: Buffer[] = [];
  let size = 0;
  res.onData((chunk, isLast) => {
    size += chunk.byteLength;
    // uWS frees the chunk when onData returns: copy it.
    if (size <= maxBody) parts.push(Buffer.from(new Uint8Array(chunk).slice()));
    if (!isLast || aborted) return;
    res.cork(() => {
      if (size > maxBody) {
        res.writeStatus('413 Payload Too Large').end();
        return;
      }
      res.writeStatus('200 OK');
      res.writeHeader('Content-Type', type);
      res.end(parts.length === 1 ? parts[0]! : Buffer.concat(parts));
    });
  });
});

app.listen('127.0.0.1', 0, (token) => {
  if (token === false) {
    process.stderr.write('echo-app: cannot listen on 127.0.0.1\n');
    process.exit(1);
  }
  const port = uWS.us_socket_local_port(token as unknown as uWS.us_socket);
  process.stdout.write(
    `${JSON.stringify({ level: 'info', msg: 'listening', url: `http://127.0.0.1:${port}/syncml/` })}\n`,
  );
  process.once('SIGTERM', () => {
    uWS.us_listen_socket_close(token);
    process.exit(0);
  });
});
