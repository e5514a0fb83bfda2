import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { Item, SyncMLMessage } from '../model/message.js';
import { Payload } from '../model/payload.js';

/** Root of the shared captures (set by vitest.shared.ts). */
export const VECTORS: string = process.env.SYNCDS_VECTORS ?? '';

/** The bytes of a capture, by its path under the vectors folder. */
export function vector(path: string): Uint8Array {
  return new Uint8Array(readFileSync(join(VECTORS, path)));
}

function list(dir: string, ext: RegExp): string[] {
  return readdirSync(join(VECTORS, dir))
    .filter((f) => ext.test(f))
    .sort()
    .map((f) => `${dir}/${f}`);
}

/** Every WBXML SyncML message capture (the standalone DevInf document excluded). */
export function wbxmlMessages(): string[] {
  return [
    ...list('wbxml', /\.wbxml$/),
    ...list('wbxml/funambol', /\.wbxml$/),
    ...list('synthetic', /\.wbxml$/),
  ].filter((f) => !f.endsWith('/devinf.wbxml'));
}

/** Every XML SyncML message capture, the recorded sessions included. */
export function xmlMessages(): string[] {
  const sessions = readdirSync(join(VECTORS, 'sessions'))
    .sort()
    .flatMap((s) => list(`sessions/${s}`, /^syncml_.*\.xml$/));
  return [
    ...list('wbxml', /\.xml$/),
    ...list('wbxml/funambol', /\.xml$/),
    ...list('synthetic', /\.xml$/),
    ...sessions,
  ];
}

/** Payloads compare by their bytes (they are views into different buffers). */
export function comparePayloadsByBytes(): void {
  expect.addEqualityTesters([
    (a: unknown, b: unknown) => (a instanceof Payload && b instanceof Payload ? a.equals(b) : undefined),
  ]);
}

/** Debian's libwbxml2-utils decoder, the WBXML oracle. */
export const WBXML2XML = '/usr/bin/wbxml2xml';
export const HAVE_WBXML2XML: boolean = existsSync(WBXML2XML);

/** A deterministic pseudo-random generator (mulberry32), for fuzzing and random splits. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// With `devInfTypeFollowsEncoding` (the default, and what libwbxml does), a Meta Type that
// names DevInf names the encoding written: the one normalisation a round trip shows.
export function withDevInfTypes(m: SyncMLMessage, encoding: 'wbxml' | 'xml'): SyncMLMessage {
  const type = `application/vnd.syncml-devinf+${encoding}`;
  const fix = <T extends { type?: string | undefined } | undefined>(meta: T): T =>
    meta?.type?.toLowerCase().startsWith('application/vnd.syncml-devinf') ? { ...meta, type } : meta;
  const commands = m.commands.map((c) => {
    const items = (c as { items?: Item[] }).items?.map((it) => ({ ...it, meta: fix(it.meta) }));
    const meta = fix((c as { meta?: { type?: string } }).meta);
    return { ...c, ...(meta === undefined ? {} : { meta }), ...(items === undefined ? {} : { items }) };
  });
  return { ...m, commands: commands as SyncMLMessage['commands'] };
}
