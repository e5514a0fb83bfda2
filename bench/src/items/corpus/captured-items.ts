import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { type Command, type Meta, parseXmlMessage, type SyncMLMessage } from '@syncds/syncml';
import { BenchError } from '../../runner/errors.js';
import { MAX_CAPTURE_BYTES, naturalCompare } from '../../codec/corpus.js';

/** One item a device sent, as the server gets it after undoing the item's `Meta/Format`. */
export interface CapturedItem {
  /** `<capture path relative to the vectors directory>#<index of the item in the message>`. */
  readonly source: string;
  /** The Meta Type of the item (item, command or enclosing Sync, the nearest one). */
  readonly contentType: string;
  /** The Meta Version, when the device gave one. */
  readonly version: string | undefined;
  readonly bytes: Uint8Array;
}

/** An item of a capture the suite does not measure, and why. */
export interface SkippedItem {
  readonly source: string;
  readonly reason: string;
}

/**
 * Where the items come from: every client message of the recorded sessions, and the Funambol
 * messages (their XML form). Paths relative to the vectors directory; `*` is a folder of
 * `sessions/`.
 */
export const ITEM_CAPTURES: readonly { readonly folder: string; readonly files: RegExp }[] = [
  { folder: 'sessions/*', files: /^syncml_client_\d+\.xml$/ },
  { folder: 'wbxml/funambol', files: /^msg\d+\.xml$/ },
];

/** The capture files {@link ITEM_CAPTURES} names, in report order. Throws BenchError VECTORS_MISSING. */
export function itemCaptureFiles(vectorsDir: string): string[] {
  if (!existsSync(vectorsDir)) {
    throw new BenchError(
      'VECTORS_MISSING',
      `no vectors directory at ${vectorsDir} (set SYNCDS_VECTORS)`,
      vectorsDir,
    );
  }
  const out: string[] = [];
  for (const { folder, files } of ITEM_CAPTURES) {
    const folders = folder.endsWith('/*')
      ? list(vectorsDir, folder.slice(0, -2)).map((name) => `${folder.slice(0, -2)}/${name}`)
      : [folder];
    let found = 0;
    for (const f of folders) {
      if (!statSync(join(vectorsDir, f)).isDirectory()) continue;
      const names = list(vectorsDir, f).filter((n) => files.test(n));
      found += names.length;
      for (const name of names) out.push(`${f}/${name}`);
    }
    if (found === 0)
      throw new BenchError('VECTORS_MISSING', `no capture matching ${files} in ${folder}`, folder);
  }
  return out;
}

function list(vectorsDir: string, folder: string): string[] {
  try {
    return readdirSync(join(vectorsDir, folder)).sort(naturalCompare);
  } catch (e) {
    throw new BenchError('VECTORS_MISSING', `cannot list ${folder}: ${(e as Error).message}`, folder, {
      cause: e,
    });
  }
}

/**
 * The items of the Add and Replace commands of one capture (nested in Sync, Atomic, Sequence),
 * in message order, with `b64` data decoded. Chunks of a large object (`MoreData`) and items in
 * an encoding the suite does not undo (`des;b64`) are skipped and listed. Throws BenchError
 * VECTORS_MISSING (unreadable file), CAPTURE_TOO_LARGE or BAD_CAPTURE (not a SyncML message).
 */
export function capturedItems(
  vectorsDir: string,
  path: string,
): { items: CapturedItem[]; skipped: SkippedItem[] } {
  const message = readMessage(vectorsDir, path);
  const items: CapturedItem[] = [];
  const skipped: SkippedItem[] = [];
  let index = 0;
  const visit = (commands: readonly Command[], inherited: Meta | undefined): void => {
    for (const command of commands) {
      if (command.kind === 'Sync' || command.kind === 'Atomic' || command.kind === 'Sequence') {
        visit(command.commands, command.meta ?? inherited);
        continue;
      }
      if (command.kind !== 'Add' && command.kind !== 'Replace') continue;
      for (const item of command.items) {
        const data = item.data;
        if (data === undefined || data.kind !== 'payload') continue;
        const source = `${path}#${index++}`;
        const meta = (field: 'type' | 'format' | 'version'): string | undefined =>
          item.meta?.[field] ?? command.meta?.[field] ?? inherited?.[field];
        const contentType = meta('type');
        const format = meta('format')?.trim().toLowerCase();
        if (item.moreData === true) skipped.push({ source, reason: 'a chunk of a large object (MoreData)' });
        else if (contentType === undefined) skipped.push({ source, reason: 'no Meta Type' });
        else if (format !== undefined && format !== 'b64' && format !== 'chr')
          skipped.push({ source, reason: `item encoding ${format}` });
        else {
          const bytes = format === 'b64' ? fromBase64(data.text()) : data.bytes();
          items.push({ source, contentType, version: meta('version'), bytes });
        }
      }
    }
  };
  visit(message.commands, undefined);
  return { items, skipped };
}

function fromBase64(text: string): Uint8Array {
  const b = Buffer.from(text, 'base64');
  return new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
}

function readMessage(vectorsDir: string, path: string): SyncMLMessage {
  const full = join(vectorsDir, path);
  let bytes: Uint8Array;
  try {
    const size = statSync(full).size;
    if (size > MAX_CAPTURE_BYTES) {
      throw new BenchError('CAPTURE_TOO_LARGE', `${path} has ${size} bytes, over ${MAX_CAPTURE_BYTES}`, path);
    }
    const b = readFileSync(full);
    bytes = new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
  } catch (e) {
    if (e instanceof BenchError) throw e;
    throw new BenchError('VECTORS_MISSING', `cannot read ${path}: ${(e as Error).message}`, path, {
      cause: e,
    });
  }
  try {
    return parseXmlMessage(bytes).message;
  } catch (e) {
    throw new BenchError('BAD_CAPTURE', `${path} is no SyncML message: ${(e as Error).message}`, path, {
      cause: e,
    });
  }
}
