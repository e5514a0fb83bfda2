// The fused WBXML decoder against the generic path (WbxmlReader + TreeBuilder): on every
// capture it reads the message itself and builds the same AST; whatever it hands over, the
// generic path reads, so results, warnings and errors (code, status, path, offset, message,
// cause) are the generic path's, on every prefix of some captures and on mutated ones.
import { WbxmlError } from '@syncds/wbxml';
import { describe, expect, it } from 'vitest';
import {
  detectEncoding,
  type ParseOptions,
  parseDevInf,
  parseMessage,
  parseWbxmlMessage,
  SyncMLError,
} from '../index.js';
import { resolveParseOptions } from '../options.js';
import { parseDevInfWith, parseWith } from '../parse/parse.js';
import { comparePayloadsByBytes, seeded, vector, wbxmlMessages } from '../test-util/vectors.test-util.js';
import { el, M, message, opaque, page, str, T } from '../test-util/wbxml.test-util.js';
import { FUSED_MAX_DEPTH } from './bail.js';
import { FusedDecoder } from './decoder.js';

comparePayloadsByBytes();

type Outcome =
  | { ok: true; ast: unknown; warnings: unknown }
  | {
      ok: false;
      code: string;
      status: number;
      path: string;
      offset: number;
      message: string;
      cause: string | undefined;
    };

function outcome(f: () => { ast: unknown; warnings: unknown }): Outcome {
  try {
    return { ok: true, ...f() };
  } catch (e) {
    if (!(e instanceof SyncMLError)) throw e;
    const cause = e.cause instanceof WbxmlError ? `${e.cause.code} ${e.cause.offset}` : undefined;
    return {
      ok: false,
      code: e.code,
      status: e.status,
      path: e.path,
      offset: e.offset,
      message: e.message,
      cause,
    };
  }
}

/** The public entry point (fused first) and the generic path alone, on the same bytes. */
function both(bytes: Uint8Array, options?: ParseOptions, devinf = false): [Outcome, Outcome] {
  if (devinf) {
    return [
      outcome(() => {
        const r = parseDevInf(bytes, options);
        return { ast: r.devinf, warnings: r.warnings };
      }),
      outcome(() => {
        // The fused decoder only sees WBXML: what is not (detectEncoding) fails alike both ways.
        const r =
          detectEncoding(bytes) === 'wbxml'
            ? parseDevInfWith(bytes, resolveParseOptions(options), 'wbxml')
            : parseDevInf(bytes, options);
        return { ast: r.devinf, warnings: r.warnings };
      }),
    ];
  }
  return [
    outcome(() => {
      const r = parseWbxmlMessage(bytes, options);
      return { ast: r.message, warnings: r.warnings };
    }),
    outcome(() => {
      const r = parseWith(bytes, resolveParseOptions(options), 'wbxml');
      return { ast: r.message, warnings: r.warnings };
    }),
  ];
}

const decoder = new FusedDecoder();
const DEFAULTS = resolveParseOptions(undefined);
const fusedMessage = (bytes: Uint8Array, options?: ParseOptions) =>
  decoder.decodeMessage(bytes, resolveParseOptions(options));

describe('the fused decoder reads every capture itself, to the generic AST', () => {
  it.each(wbxmlMessages())('%s', (file) => {
    const bytes = vector(file);
    const fast = decoder.decodeMessage(bytes, DEFAULTS);
    expect(fast).not.toBeNull();
    const generic = parseWith(bytes, DEFAULTS, 'wbxml');
    expect(generic.warnings).toEqual([]);
    expect(fast).toEqual(generic.message);
    // Lists start as a shared frozen placeholder: none is left.
    expect(
      JSON.stringify(fast, (_k, v) => (Array.isArray(v) && Object.isFrozen(v) ? 'FROZEN' : v)),
    ).not.toContain('FROZEN');
    // The public entry point answers with the fused result.
    const r = parseMessage(bytes);
    expect(r).toEqual({ message: generic.message, encoding: 'wbxml', warnings: [] });
  });

  it('wbxml/devinf.wbxml (parseDevInf)', () => {
    const bytes = vector('wbxml/devinf.wbxml');
    const fast = decoder.decodeDevInf(bytes, DEFAULTS);
    expect(fast).not.toBeNull();
    expect(fast).toEqual(parseDevInfWith(bytes, DEFAULTS, 'wbxml').devinf);
    expect(decoder.decodeMessage(bytes, DEFAULTS)).toBeNull(); // a DevInf is no message: NOT_SYNCML
  });

  it('the comparison sees a difference when there is one', () => {
    const bytes = vector('wbxml/funambol/msg2.wbxml');
    const fast = decoder.decodeMessage(bytes, DEFAULTS)!;
    const generic = parseWith(bytes, DEFAULTS, 'wbxml').message;
    const status = fast.commands[1];
    if (status?.kind !== 'Status') throw new Error('msg2 answers with a second Status');
    status.targetRefs[0] = `${status.targetRefs[0]}x`;
    expect(() => expect(fast).toEqual(generic)).toThrow();
  });

  it('keeps nothing of a message once it returns', () => {
    decoder.decodeMessage(vector('wbxml/funambol/msg1.wbxml'), DEFAULTS);
    expect(decoder.objs.length).toBe(0);
    expect(decoder.buf.length).toBe(0);
    expect(decoder.message).toBeUndefined();
  });
});

describe('same outcome as the generic path', () => {
  const prefixed = [
    'wbxml/k500i_client_0.wbxml',
    'wbxml/syncml_server_packet_1.wbxml',
    'wbxml/funambol/msg1.wbxml',
    'wbxml/funambol/msg2.wbxml',
    'synthetic/sync12_add10.wbxml',
  ];
  it.each(prefixed)('%s: every prefix', (file) => {
    const bytes = vector(file);
    for (let n = 0; n <= bytes.length; n++) {
      const [fast, generic] = both(bytes.subarray(0, n));
      expect(fast, `prefix of ${n} bytes`).toEqual(generic);
    }
  });

  it('wbxml/devinf.wbxml: every prefix (parseDevInf)', () => {
    const bytes = vector('wbxml/devinf.wbxml');
    for (let n = 0; n <= bytes.length; n++) {
      const [fast, generic] = both(bytes.subarray(0, n), undefined, true);
      expect(fast, `prefix of ${n} bytes`).toEqual(generic);
    }
  });

  const TOKENS = [0x00, 0x01, 0x02, 0x03, 0x04, 0x40, 0x43, 0x44, 0x80, 0x83, 0x84, 0xc0, 0xc3, 0xc4];
  function mutate(src: Uint8Array, random: () => number): Uint8Array {
    const bytes = Array.from(src);
    const edits = 1 + Math.floor(random() * 3);
    for (let k = 0; k < edits; k++) {
      const at = Math.floor(random() * bytes.length);
      const what = random();
      if (what < 0.3) bytes[at] = Math.floor(random() * 256);
      else if (what < 0.5) bytes[at] = TOKENS[Math.floor(random() * TOKENS.length)]!;
      else if (what < 0.65) bytes.splice(at, 1 + Math.floor(random() * 8));
      else if (what < 0.8)
        bytes.splice(at, 0, ...bytes.slice(Math.floor(random() * bytes.length)).slice(0, 16));
      else if (what < 0.9) bytes[at] = bytes[at]! ^ (1 << Math.floor(random() * 8));
      else bytes[at] = bytes[at]! ^ 0x40; // content flag of a tag
    }
    return new Uint8Array(bytes);
  }

  const mutated = [
    'wbxml/k500i_client_0.wbxml',
    'wbxml/k700i_syncml_client_0.wbxml',
    'wbxml/syncml_client_packet_3.wbxml',
    'wbxml/funambol/msg1.wbxml',
    'wbxml/funambol/msg2.wbxml',
    'wbxml/funambol/msg9.wbxml',
    'wbxml/funambol/msg14.wbxml',
    'synthetic/sync12_add10.wbxml',
  ];
  it.each(mutated)('%s: 1500 seeded mutations', (file) => {
    const original = vector(file);
    const random = seeded(0xf00d ^ original.length);
    let read = 0;
    for (let i = 0; i < 1500; i++) {
      const input = mutate(original, random);
      const [fast, generic] = both(input);
      expect(fast, `mutation ${i}`).toEqual(generic);
      if (fusedMessage(input) !== null) read++;
    }
    // Many mutations (a changed byte of text, a dropped optional element) still parse: the
    // fused decoder read a good share of them itself.
    expect(read).toBeGreaterThan(50);
  });

  it('wbxml/devinf.wbxml: 1500 seeded mutations (parseDevInf)', () => {
    const original = vector('wbxml/devinf.wbxml');
    const random = seeded(77);
    let read = 0;
    for (let i = 0; i < 1500; i++) {
      const input = mutate(original, random);
      const [fast, generic] = both(input, undefined, true);
      expect(fast, `mutation ${i}`).toEqual(generic);
      if (decoder.decodeDevInf(input, DEFAULTS) !== null) read++;
    }
    expect(read).toBeGreaterThan(50);
  });

  it('random bytes after a WBXML header', () => {
    const random = seeded(4242);
    for (let i = 0; i < 3000; i++) {
      const n = 1 + Math.floor(random() * 48);
      const bytes = new Uint8Array(n + 5);
      bytes.set([0x02, 0x9f, 0x53, 0x6a, 0x00]);
      for (let k = 5; k < bytes.length; k++) bytes[k] = Math.floor(random() * 256);
      const [fast, generic] = both(bytes);
      expect(fast).toEqual(generic);
    }
  });
});

const statusContent = (): number[][] => [
  el(T.CmdID, str('1')),
  el(T.MsgRef, str('1')),
  el(T.CmdRef, str('0')),
  el(T.Cmd, str('SyncHdr')),
  el(T.Data, str('200')),
];

describe('what the fused decoder hands over', () => {
  const status = (...extra: number[][]) => el(T.Status, ...statusContent(), ...extra);

  const handedOver: Array<[string, Uint8Array]> = [
    // Read the generic way, without a warning:
    ['an attribute list', message([[T.Status | 0xc0, 0x05, 0x01], ...status().slice(1)])],
    [
      'an ENTITY inside a string',
      message([el(T.Status, el(T.CmdID, [0x02, 0x31]), ...status().slice(1, -1))]),
    ],
    [
      'a string in two pieces',
      message([el(T.Status, el(T.CmdID, str('1'), str('2')), ...status().slice(1, -1))]),
    ],
    ['a LITERAL element', new Uint8Array([0x02, 0x9f, 0x53, 0x6a, 0x00, 0x44, 0x00, 0x01])],
    [
      'an ISO-8859-1 document',
      new Uint8Array([0x02, 0x9f, 0x53, 0x04, 0x00, ...message([status()]).subarray(5)]),
    ],
    ['a processing instruction', new Uint8Array([...message([status()]), 0x43, 0x05, 0x01])],
    ['an extension token', message([el(T.Status, [0xc0], ...status().slice(1, -1))])],
    // Warnings:
    ['an element where the model has none', message([status(el(T.SyncBody))])],
    ['a duplicate Meta', message([el(T.Alert, el(T.CmdID, str('1')), el(T.Meta), el(T.Meta))])],
    ['text among elements', message([el(T.Status, str('x'), ...status().slice(1, -1))])],
    // Errors:
    ['a missing CmdID', message([el(T.Alert, el(T.Data, str('200')))])],
    ['a bad number', message([el(T.Alert, el(T.CmdID, str('1')), el(T.Data, str('2x')))])],
    ['an unknown tag', message([el(0x3f)])],
    ['an unknown page', message([page(7), el(0x05)])],
    ['trailing bytes', new Uint8Array([...message([status()]), 0x00])],
    ['an anchor without Next', message([status(el(T.Item, el(T.Data, page(1), el(M.Anchor), page(0))))])],
  ];
  it.each(handedOver)('%s', (_name, bytes) => {
    expect(fusedMessage(bytes)).toBeNull();
    const [fast, generic] = both(bytes);
    expect(fast).toEqual(generic);
  });

  it('reads what it can: OPAQUE text, STR_T, MetInf in Data, a nested WBXML DevInf', () => {
    const table = new TextEncoder().encode('SyncHdr\0');
    const header = [0x02, 0x9f, 0x53, 0x6a, table.length, ...table];
    const bytes = message(
      [
        el(
          T.Status,
          el(T.CmdID, opaque(new TextEncoder().encode('1'))),
          el(T.MsgRef, str('1')),
          el(T.CmdRef, str('0')),
          el(T.Cmd, [0x83, 0x00]),
          el(T.Data, str('200')),
          el(T.Item, el(T.Data, page(1), el(M.Anchor, el(M.Next, str('42'))), page(0))),
        ),
        el(T.Put, el(T.CmdID, str('2')), el(T.Item, el(T.Data, opaque(vector('wbxml/devinf.wbxml'))))),
      ],
      header,
    );
    const fast = fusedMessage(bytes);
    expect(fast).not.toBeNull();
    expect(fast).toEqual(parseWith(bytes, DEFAULTS, 'wbxml').message);
    const put = fast!.commands[1]!;
    expect(put.kind === 'Put' && put.items[0]!.data).toMatchObject({ kind: 'devinf' });
  });

  it('limits: at the limit it reads, over it the generic error', () => {
    const alerts = (n: number) =>
      message(Array.from({ length: n }, (_, i) => el(T.Alert, el(T.CmdID, str(String(i + 1))))));
    expect(fusedMessage(alerts(3), { maxCommands: 3 })).not.toBeNull();
    expect(fusedMessage(alerts(4), { maxCommands: 3 })).toBeNull();
    const [fast, generic] = both(alerts(4), { maxCommands: 3 });
    expect(fast).toMatchObject({ ok: false, code: 'TOO_MANY_COMMANDS' });
    expect(fast).toEqual(generic);

    const items = (n: number) =>
      message([el(T.Alert, el(T.CmdID, str('1')), ...Array.from({ length: n }, () => el(T.Item)))]);
    expect(fusedMessage(items(2), { maxItemsPerCommand: 2 })).not.toBeNull();
    expect(both(items(3), { maxItemsPerCommand: 2 })[0]).toMatchObject({ ok: false, code: 'TOO_MANY_ITEMS' });
    expect(both(items(3), { maxItemsPerCommand: 2 })).toSatisfy(([a, b]: Outcome[]) => {
      expect(a).toEqual(b);
      return true;
    });

    // SyncML/SyncBody/Alert/Item/Meta/Anchor/Next: 7 levels.
    const deep = message([
      el(
        T.Alert,
        el(T.CmdID, str('1')),
        el(T.Item, el(T.Meta, page(1), el(M.Anchor, el(M.Next, str('1'))), page(0))),
      ),
    ]);
    expect(fusedMessage(deep, { maxDepth: 7 })).not.toBeNull();
    expect(fusedMessage(deep, { maxDepth: 6 })).toBeNull();
    const [a, b] = both(deep, { maxDepth: 6 });
    expect(a).toMatchObject({ ok: false, code: 'TOO_DEEP' });
    expect(a).toEqual(b);
  });

  it(`nesting over ${FUSED_MAX_DEPTH} goes the generic way, whatever maxDepth allows`, () => {
    let inner = el(T.Alert, el(T.CmdID, str('1')));
    // Atomic nests commands: SyncML/SyncBody/Atomic.../Alert/CmdID.
    const levels = FUSED_MAX_DEPTH;
    for (let i = 0; i < levels; i++) inner = el(0x08, el(T.CmdID, str('1')), inner);
    const bytes = message([inner]);
    expect(fusedMessage(bytes, { maxDepth: 100 })).toBeNull();
    const [fast, generic] = both(bytes, { maxDepth: 100 });
    expect(fast).toMatchObject({ ok: true });
    expect(fast).toEqual(generic);
  });

  it('finds the end of strings of every length at every alignment, and of none', () => {
    // Long strings are scanned a word at a time from a 4-byte boundary of the buffer: vary
    // the length across the word and block sizes, the place of the string in the buffer, and
    // cut the message inside the string.
    // ASCII, and bytes 0x80-0xFF (they pass the scan's first, cheaper test): 'é' is C3 A9.
    const texts = (length: number): string[] => [
      'x'.repeat(length),
      'é'.repeat(length >> 1) + 'x'.repeat(length & 1),
    ];
    for (const data of Array.from({ length: 101 }, (_, n) => texts(n)).flat()) {
      const length = new TextEncoder().encode(data).length;
      const bytes = message([el(T.Status, ...statusContent(), el(T.Item, el(T.Data, str(data))))]);
      const at = bytes.indexOf(data.startsWith('x') ? 0x78 : 0xc3); // the first byte of the data
      for (let shift = 0; shift < 4; shift++) {
        const buffer = new Uint8Array(bytes.length + shift);
        buffer.set(bytes, shift);
        const view = buffer.subarray(shift);
        const fast = fusedMessage(view);
        expect(fast, `length ${length}, shift ${shift}`).not.toBeNull();
        expect(fast).toEqual(parseWith(view, DEFAULTS, 'wbxml').message);
        if (length > 0) {
          const cut = view.subarray(0, at + length - 1);
          expect(fusedMessage(cut)).toBeNull();
          const [a, b] = both(cut);
          expect(a).toMatchObject({ ok: false, code: 'MALFORMED_WBXML' });
          expect(a).toEqual(b);
        }
      }
    }
  });

  it('works again after handing over', () => {
    const good = vector('wbxml/k700i_syncml_client_0.wbxml');
    const first = fusedMessage(good);
    expect(fusedMessage(message([el(0x3f)]))).toBeNull();
    expect(fusedMessage(good)).toEqual(first);
  });
});
