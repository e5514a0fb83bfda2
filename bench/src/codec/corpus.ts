import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { vocabularyByPublicId } from '@syncds/codepages';
import { TokenKind, WbxmlReader } from '@syncds/wbxml';
import { BenchError } from '../runner/errors.js';

/** One WBXML capture of the codec corpus, with its XML twin when the corpus has one. */
export interface CorpusFile {
  /** Short id used in case names: `k500i_client_0`, `funambol/msg1`, `synthetic/sync12_add1000`. */
  readonly id: string;
  /** Path of the WBXML file relative to the vectors directory. */
  readonly wbxmlPath: string;
  readonly wbxml: Uint8Array;
  /** A standalone DevInf document rather than a SyncML message. */
  readonly isDevInf: boolean;
  /** The `.xml` beside the `.wbxml`, when there is one. */
  readonly xmlPath: string | null;
  readonly xml: Uint8Array | null;
}

/**
 * The folders of the vectors directory the codec suite reads, each with the prefix its files
 * get in case ids. Order here is the order of the report.
 */
export const CORPUS_FOLDERS: readonly { readonly folder: string; readonly idPrefix: string }[] = [
  { folder: 'wbxml', idPrefix: '' },
  { folder: 'wbxml/funambol', idPrefix: 'funambol/' },
  { folder: 'synthetic', idPrefix: 'synthetic/' },
];

/** Largest capture read; the corpus tops out below 1 MiB, and the parsers' default limit is 4 MiB. */
export const MAX_CAPTURE_BYTES: number = 16 * 1024 * 1024;

/**
 * The vectors directory: `SYNCDS_VECTORS`, else `shared/vectors` beside the repository
 * (`../../shared/vectors` from bench/).
 */
export function defaultVectorsDir(): string {
  const fromEnv = process.env.SYNCDS_VECTORS;
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  return fileURLToPath(new URL('../../../../shared/vectors', import.meta.url));
}

/** Reads every `*.wbxml` of {@link CORPUS_FOLDERS} (and twins). Throws BenchError VECTORS_MISSING. */
export function loadCorpus(vectorsDir: string): CorpusFile[] {
  if (!existsSync(vectorsDir)) {
    throw new BenchError(
      'VECTORS_MISSING',
      `no vectors directory at ${vectorsDir} (set SYNCDS_VECTORS)`,
      vectorsDir,
    );
  }
  const files: CorpusFile[] = [];
  for (const { folder, idPrefix } of CORPUS_FOLDERS) {
    const dir = join(vectorsDir, folder);
    let names: string[];
    try {
      names = readdirSync(dir).filter((n) => n.endsWith('.wbxml'));
    } catch (e) {
      throw new BenchError('VECTORS_MISSING', `cannot list ${dir}: ${(e as Error).message}`, dir, {
        cause: e,
      });
    }
    if (names.length === 0) throw new BenchError('VECTORS_MISSING', `no .wbxml file in ${dir}`, dir);
    names.sort(naturalCompare);
    for (const name of names) {
      const stem = name.slice(0, -'.wbxml'.length);
      const wbxmlPath = `${folder}/${name}`;
      const twin = `${folder}/${stem}.xml`;
      const hasTwin = existsSync(join(vectorsDir, twin));
      const wbxml = read(vectorsDir, wbxmlPath);
      files.push({
        id: `${idPrefix}${stem}`,
        wbxmlPath,
        wbxml,
        isDevInf: isDevInfDocument(wbxml),
        xmlPath: hasTwin ? twin : null,
        xml: hasTwin ? read(vectorsDir, twin) : null,
      });
    }
  }
  return files;
}

/**
 * True when the WBXML header's public id names a DevInf document type (a standalone DevInf,
 * parsed with `parseDevInf`); false for SyncML messages and for headers that cannot be read
 * (the parse check then reports those).
 */
export function isDevInfDocument(wbxml: Uint8Array): boolean {
  try {
    const reader = WbxmlReader.from(wbxml);
    if (reader.next() !== TokenKind.HEADER) return false;
    const publicId = reader.publicIdIndex >= 0 ? utf8.decode(reader.bytes()) : reader.publicId;
    return vocabularyByPublicId(publicId)?.rootElement === 'DevInf';
  } catch {
    return false;
  }
}

const utf8 = new TextDecoder();

function read(vectorsDir: string, path: string): Uint8Array {
  const full = join(vectorsDir, path);
  let size: number;
  try {
    size = statSync(full).size;
  } catch (e) {
    throw new BenchError('VECTORS_MISSING', `cannot read ${path}: ${(e as Error).message}`, path, {
      cause: e,
    });
  }
  if (size > MAX_CAPTURE_BYTES) {
    throw new BenchError('CAPTURE_TOO_LARGE', `${path} has ${size} bytes, over ${MAX_CAPTURE_BYTES}`, path);
  }
  try {
    const b = readFileSync(full);
    return new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
  } catch (e) {
    throw new BenchError('VECTORS_MISSING', `cannot read ${path}: ${(e as Error).message}`, path, {
      cause: e,
    });
  }
}

/** `msg2` before `msg10`, `add100` before `add1000`. */
export function naturalCompare(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}
