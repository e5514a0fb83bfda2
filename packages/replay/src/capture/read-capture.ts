import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseMessage, type SyncMLMessage } from '@syncds/syncml';
import { ReplayError } from '../errors.js';
import type { Capture, RecordedExchange, RecordedMessage, RecordedRun } from './capture.js';
import { type CaptureFileName, type CaptureLayout, classifyCaptureFile } from './layout.js';

/** Limits of {@link readCapture}. */
export interface ReadCaptureOptions {
  /** Most directory entries looked at. Default {@link DEFAULT_MAX_CAPTURE_FILES}. */
  maxFiles?: number | undefined;
  /** Largest recorded message, in bytes. Default {@link DEFAULT_MAX_RECORDED_MESSAGE_SIZE}. */
  maxMessageSize?: number | undefined;
}

/** Default `maxFiles`: far above any real capture (Horde's longest has 40 files). */
export const DEFAULT_MAX_CAPTURE_FILES = 10_000;
/** Default `maxMessageSize`: 4 MiB, the SyncML parser's own default limit. */
export const DEFAULT_MAX_RECORDED_MESSAGE_SIZE: number = 4 * 1024 * 1024;

interface Located {
  readonly name: CaptureFileName;
  readonly file: string;
}

/**
 * Reads a capture folder in either layout (see {@link CaptureLayout}) and parses every
 * message. Files of neither layout (`data.txt`, logs) are ignored. Throws {@link ReplayError}.
 */
export function readCapture(dir: string, options: ReadCaptureOptions = {}): Capture {
  const maxFiles = positiveInt(options.maxFiles, DEFAULT_MAX_CAPTURE_FILES, 'maxFiles');
  const maxMessageSize = positiveInt(
    options.maxMessageSize,
    DEFAULT_MAX_RECORDED_MESSAGE_SIZE,
    'maxMessageSize',
  );
  const root = resolve(dir);
  let isDir = false;
  try {
    isDir = statSync(root).isDirectory();
  } catch {
    isDir = false;
  }
  if (!isDir) throw new ReplayError('CAPTURE_NOT_FOUND', `no capture folder at ${root}`, { path: root });
  const entries = readdirSync(root);
  if (entries.length > maxFiles) {
    throw new ReplayError(
      'CAPTURE_TOO_LARGE',
      `${root} holds ${entries.length} entries, over maxFiles (${maxFiles})`,
      { path: root },
    );
  }
  const located: Located[] = [];
  for (const entry of entries) {
    const name = classifyCaptureFile(entry);
    if (name !== undefined) located.push({ name, file: join(root, entry) });
  }
  if (located.length === 0) {
    throw new ReplayError(
      'CAPTURE_EMPTY',
      `${root} holds no syncml_client_NM.xml / NN-client.(xml|wbxml) files`,
      { path: root },
    );
  }
  const layouts = new Set(located.map((l) => l.name.layout));
  if (layouts.size > 1) {
    throw new ReplayError('CAPTURE_INCONSISTENT', `${root} mixes the horde and the numbered layouts`, {
      path: root,
    });
  }
  const layout: CaptureLayout = located[0]!.name.layout;
  const read = (file: string) => readMessage(file, maxMessageSize);
  const runs = layout === 'horde' ? hordeRuns(root, located, read) : numberedRuns(root, located, read);
  return { dir: root, layout, runs };
}

function hordeRuns(
  root: string,
  located: readonly Located[],
  read: (file: string) => RecordedMessage,
): RecordedRun[] {
  const byRun = new Map<string, Located[]>();
  for (const l of located) {
    const run = l.name.run!;
    const list = byRun.get(run);
    if (list === undefined) byRun.set(run, [l]);
    else list.push(l);
  }
  const runIds = [...byRun.keys()].sort((a, b) => Number(a) - Number(b));
  return runIds.map((id) => ({ id, exchanges: pairExchanges(root, `run ${id}`, byRun.get(id)!, read) }));
}

function numberedRuns(
  root: string,
  located: readonly Located[],
  read: (file: string) => RecordedMessage,
): RecordedRun[] {
  const exchanges = pairExchanges(root, 'capture', located, read);
  // A new run starts where the client changes device or SessionID, or starts again at MsgID 1.
  const runs: RecordedExchange[][] = [];
  let previous: SyncMLMessage | undefined;
  for (const ex of exchanges) {
    const h = ex.client.message.header;
    const newRun =
      previous === undefined ||
      previous.header.sessionID !== h.sessionID ||
      previous.header.source.locURI !== h.source.locURI ||
      (h.msgID === '1' && previous.header.msgID !== '1');
    if (newRun) runs.push([ex]);
    else runs[runs.length - 1]!.push(ex);
    previous = ex.client.message;
  }
  return runs.map((list, i) => ({ id: String(i + 1), exchanges: list }));
}

/** Pairs client and server files by index; indexes must run without gaps. */
function pairExchanges(
  root: string,
  what: string,
  files: readonly Located[],
  read: (file: string) => RecordedMessage,
): RecordedExchange[] {
  const clients = new Map<number, string>();
  const servers = new Map<number, string>();
  for (const f of files) {
    const side = f.name.side === 'client' ? clients : servers;
    const taken = side.get(f.name.index);
    if (taken !== undefined) {
      throw new ReplayError(
        'CAPTURE_INCONSISTENT',
        `${what}: ${taken} and ${f.file} hold the same ${f.name.side} message`,
        { path: f.file },
      );
    }
    side.set(f.name.index, f.file);
  }
  for (const [index, file] of servers) {
    if (!clients.has(index)) {
      throw new ReplayError('CAPTURE_INCONSISTENT', `${what}: ${file} has no client message before it`, {
        path: file,
      });
    }
  }
  const indexes = [...clients.keys()].sort((a, b) => a - b);
  for (let i = 1; i < indexes.length; i++) {
    if (indexes[i]! !== indexes[i - 1]! + 1) {
      throw new ReplayError(
        'CAPTURE_INCONSISTENT',
        `${what} in ${root}: client message ${indexes[i - 1]! + 1} is missing before ${clients.get(indexes[i]!)}`,
        { path: clients.get(indexes[i]!)! },
      );
    }
  }
  return indexes.map((index) => {
    const server = servers.get(index);
    return { client: read(clients.get(index)!), server: server === undefined ? undefined : read(server) };
  });
}

function readMessage(file: string, maxMessageSize: number): RecordedMessage {
  let size: number;
  try {
    size = statSync(file).size;
  } catch (err) {
    throw new ReplayError('CAPTURE_UNREADABLE', `cannot read ${file}: ${(err as Error).message}`, {
      path: file,
      cause: err,
    });
  }
  if (size > maxMessageSize) {
    throw new ReplayError(
      'CAPTURE_TOO_LARGE',
      `${file} is ${size} bytes, over maxMessageSize (${maxMessageSize})`,
      { path: file, offset: maxMessageSize, status: 413 },
    );
  }
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(readFileSync(file));
  } catch (err) {
    throw new ReplayError('CAPTURE_UNREADABLE', `cannot read ${file}: ${(err as Error).message}`, {
      path: file,
      cause: err,
    });
  }
  try {
    const parsed = parseMessage(bytes, { maxMessageSize });
    return {
      file,
      encoding: parsed.encoding,
      bytes,
      message: parsed.message,
      warnings: parsed.warnings,
    };
  } catch (err) {
    const e = err as { message?: string; offset?: number; status?: number };
    throw new ReplayError(
      'CAPTURE_UNREADABLE',
      `${file} is not a SyncML message: ${e.message ?? String(err)}`,
      {
        path: file,
        offset: typeof e.offset === 'number' ? e.offset : -1,
        status: typeof e.status === 'number' ? e.status : 400,
        cause: err,
      },
    );
  }
}

function positiveInt(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (!Number.isSafeInteger(value) || value <= 0) {
    throw new ReplayError('BAD_OPTION', `${name} must be a positive integer, got ${String(value)}`);
  }
  return value;
}
