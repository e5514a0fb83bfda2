// Seeded fuzzing: mutated captures either parse or throw SyncMLError, nothing else; the
// parser (whose builder and readers are reused) works again afterwards.
import { describe, expect, it } from 'vitest';
import { parseDevInf, parseMessage, SyncMLError, serializeMessage } from '../index.js';
import { comparePayloadsByBytes, seeded, vector } from '../test-util/vectors.test-util.js';

comparePayloadsByBytes();

const TOKENS = [
  0x00, 0x01, 0x02, 0x03, 0x04, 0x40, 0x43, 0x80, 0x83, 0xc0, 0xc3, 0xc4, 0x3c, 0x3e, 0x26, 0x2f, 0x22, 0x5d,
];

function mutate(src: Uint8Array, random: () => number): Uint8Array {
  const bytes = Array.from(src);
  const edits = 1 + Math.floor(random() * 4);
  for (let k = 0; k < edits; k++) {
    const at = Math.floor(random() * bytes.length);
    const what = random();
    if (what < 0.3) bytes[at] = Math.floor(random() * 256);
    else if (what < 0.5) bytes[at] = TOKENS[Math.floor(random() * TOKENS.length)]!;
    else if (what < 0.65) bytes.splice(at, 1 + Math.floor(random() * 8));
    else if (what < 0.8)
      bytes.splice(at, 0, ...bytes.slice(Math.floor(random() * bytes.length)).slice(0, 16));
    else if (what < 0.9) bytes[at] = bytes[at]! ^ (1 << Math.floor(random() * 8));
    else bytes.length = at;
  }
  return new Uint8Array(bytes);
}

const CORPUS = [
  'wbxml/k500i_client_0.wbxml',
  'wbxml/syncml_client_packet_3.wbxml',
  'wbxml/syncml_server_packet_1.wbxml',
  'wbxml/funambol/msg1.wbxml',
  'wbxml/funambol/msg9.wbxml',
  'wbxml/syncml_server_packet_1.xml',
  'wbxml/funambol/msg1.xml',
  'sessions/P900_tasksandcalendar/syncml_client_10.xml',
  'sessions/sync4j_pocketpc_contacts/syncml_client_11.xml',
];

describe('fuzz', () => {
  it.each(CORPUS)('%s: 1500 seeded mutations', (file) => {
    const original = vector(file);
    const baseline = parseMessage(original).message;
    const random = seeded(0x5eed ^ original.length);
    let parsed = 0;
    const codes = new Set<string>();
    for (let i = 0; i < 1500; i++) {
      const input = mutate(original, random);
      try {
        const r = parseMessage(input, { maxMessageSize: 1 << 20 });
        parsed++;
        // Whatever parses serializes again (the AST is well-formed).
        for (const encoding of ['wbxml', 'xml'] as const) {
          try {
            serializeMessage(r.message, { encoding });
          } catch (e) {
            // Bytes XML cannot carry (a mutated OPAQUE) are the only refusal allowed.
            if (!(e instanceof SyncMLError) || e.code !== 'CANNOT_SERIALIZE' || encoding !== 'xml') throw e;
          }
        }
      } catch (e) {
        if (!(e instanceof SyncMLError)) throw new Error(`mutation ${i} of ${file} threw ${String(e)}`);
        codes.add(e.code);
        expect(typeof e.path).toBe('string');
        expect(Number.isInteger(e.offset)).toBe(true);
      }
    }
    expect(parsed + codes.size).toBeGreaterThan(0);
    expect(parseMessage(original).message).toEqual(baseline);
  });

  it('DevInf documents: 1500 seeded mutations', () => {
    const original = vector('wbxml/devinf.wbxml');
    const baseline = parseDevInf(original).devinf;
    const random = seeded(1234);
    for (let i = 0; i < 1500; i++) {
      try {
        parseDevInf(mutate(original, random));
      } catch (e) {
        if (!(e instanceof SyncMLError)) throw new Error(`mutation ${i} threw ${String(e)}`);
      }
    }
    expect(parseDevInf(original).devinf).toEqual(baseline);
  });

  it('random bytes after a WBXML or XML start', () => {
    const random = seeded(99);
    for (let i = 0; i < 2000; i++) {
      const n = 1 + Math.floor(random() * 64);
      const bytes = new Uint8Array(n);
      for (let k = 0; k < n; k++) bytes[k] = Math.floor(random() * 256);
      bytes[0] = i % 2 === 0 ? 0x02 : 0x3c;
      try {
        parseMessage(bytes);
      } catch (e) {
        if (!(e instanceof SyncMLError)) throw new Error(`input ${Array.from(bytes)} threw ${String(e)}`);
      }
    }
  });
});
