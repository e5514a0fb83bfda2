// Real captures: every one tokenizes, structure and text agree with libwbxml's wbxml2xml,
// and two are checked token by token.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { TokenKind } from '../constants.js';
import { capture, captures, vectorsDir } from '../testing.test-util.js';
import { WbxmlReader } from './reader.js';
import { tokenize } from './tokenize.js';

const ascii = (s: string) => new TextEncoder().encode(s);

describe('every capture', () => {
  const all = captures();

  it('finds the corpus', () => {
    // 6 device/Horde captures, 20 Funambol messages, 3 synthetic messages
    expect(all.length).toBe(6 + 20 + 3);
  });

  it.each(all.map((c) => [c.name, c.bytes] as const))(
    '%s tokenizes, balanced, to END_OF_DOCUMENT',
    (_name, bytes) => {
      const r = WbxmlReader.from(bytes);
      expect(r.next()).toBe(TokenKind.HEADER);
      let starts = 0;
      let ends = 0;
      let depth = 0;
      for (let kind = r.next(); kind !== TokenKind.END_OF_DOCUMENT; kind = r.next()) {
        expect(kind).not.toBe(TokenKind.NEED_MORE);
        if (kind === TokenKind.START_TAG || (kind >= TokenKind.LITERAL && kind <= TokenKind.LITERAL_AC)) {
          starts++;
          depth++;
          expect(r.depth).toBe(depth);
        } else if (kind === TokenKind.END_TAG) {
          expect(r.depth).toBe(depth);
          ends++;
          depth--;
        }
      }
      expect(starts).toBe(ends);
      expect(depth).toBe(0);
      expect(r.openElements).toBe(0);
      expect(r.next()).toBe(TokenKind.END_OF_DOCUMENT);
    },
  );
});

describe('k500i_client_0.wbxml (Sony Ericsson: string FPI without NUL, text as OPAQUE)', () => {
  const bytes = capture('wbxml/k500i_client_0.wbxml');
  const tokens = tokenize(bytes);

  it('reads the header: WBXML 1.2, FPI at string-table index 0, no NUL, UTF-8', () => {
    const h = tokens[0]!;
    expect(h).toMatchObject({
      kind: TokenKind.HEADER,
      offset: 0,
      version: 2,
      publicId: 0,
      publicIdIndex: 0,
      charset: 106,
    });
    expect(h.stringTable).toEqual(ascii('-//SYNCML//DTD SyncML 1.1//EN'));
    expect(h.stringTable?.length).toBe(29);
    expect(h.bytes).toEqual(ascii('-//SYNCML//DTD SyncML 1.1//EN'));
    const r = WbxmlReader.from(bytes);
    r.next();
    expect(r.publicIdText()).toBe('-//SYNCML//DTD SyncML 1.1//EN');
    expect(r.text()).toBe('-//SYNCML//DTD SyncML 1.1//EN');
    expect(r.stringAt(11)).toBe('DTD SyncML 1.1//EN');
  });

  it('gives the exact token sequence of the SyncHdr', () => {
    const rows = tokens
      .slice(1, 41)
      .map((t) => [
        t.kindName,
        t.offset,
        t.depth,
        t.page,
        t.token,
        t.bytes === undefined ? undefined : new TextDecoder().decode(t.bytes),
      ]);
    expect(rows).toEqual([
      ['START_TAG', 34, 1, 0, 0x2d, undefined], // SyncML
      ['START_TAG', 35, 2, 0, 0x2c, undefined], // SyncHdr
      ['START_TAG', 36, 3, 0, 0x31, undefined], // VerDTD
      ['OPAQUE', 37, 3, 0, undefined, '1.1'],
      ['END_TAG', 42, 3, 0, 0x31, undefined],
      ['START_TAG', 43, 3, 0, 0x32, undefined], // VerProto
      ['OPAQUE', 44, 3, 0, undefined, 'SyncML/1.1'],
      ['END_TAG', 56, 3, 0, 0x32, undefined],
      ['START_TAG', 57, 3, 0, 0x25, undefined], // SessionID
      ['OPAQUE', 58, 3, 0, undefined, '10'],
      ['END_TAG', 62, 3, 0, 0x25, undefined],
      ['START_TAG', 63, 3, 0, 0x1b, undefined], // MsgID
      ['OPAQUE', 64, 3, 0, undefined, '1'],
      ['END_TAG', 67, 3, 0, 0x1b, undefined],
      ['START_TAG', 68, 3, 0, 0x2e, undefined], // Target
      ['START_TAG', 69, 4, 0, 0x17, undefined], // LocURI
      ['OPAQUE', 70, 4, 0, undefined, 'www.daimi.au.dk/~pede/horde/rpc.php'],
      ['END_TAG', 107, 4, 0, 0x17, undefined],
      ['END_TAG', 108, 3, 0, 0x2e, undefined],
      ['START_TAG', 109, 3, 0, 0x27, undefined], // Source
      ['START_TAG', 110, 4, 0, 0x17, undefined],
      ['OPAQUE', 111, 4, 0, undefined, '354416005739727'],
      ['END_TAG', 128, 4, 0, 0x17, undefined],
      ['END_TAG', 129, 3, 0, 0x27, undefined],
      ['START_TAG', 130, 3, 0, 0x0e, undefined], // Cred
      ['START_TAG', 131, 4, 0, 0x1a, undefined], // Meta, then SWITCH_PAGE 1
      ['START_TAG', 134, 5, 1, 0x07, undefined], // MetInf Format
      ['OPAQUE', 135, 5, 1, undefined, 'b64'],
      ['END_TAG', 140, 5, 1, 0x07, undefined],
      ['START_TAG', 141, 5, 1, 0x13, undefined], // MetInf Type
      ['OPAQUE', 142, 5, 1, undefined, 'syncml:auth-basic'],
      ['END_TAG', 161, 5, 1, 0x13, undefined],
      ['END_TAG', 162, 4, 0, 0x1a, undefined], // END of Meta while page 1 is current: page from the stack
      ['START_TAG', 165, 4, 0, 0x0f, undefined], // Data, after SWITCH_PAGE 0
      ['OPAQUE', 166, 4, 0, undefined, 'cGVkZTpoZW1tZWxpZw=='],
      ['END_TAG', 188, 4, 0, 0x0f, undefined],
      ['END_TAG', 189, 3, 0, 0x0e, undefined],
      ['START_TAG', 190, 3, 0, 0x1a, undefined], // Meta
      ['START_TAG', 193, 4, 1, 0x0c, undefined], // MaxMsgSize
      ['OPAQUE', 194, 4, 1, undefined, '2700'],
    ]);
  });

  it('ends with Final written without content: START_TAG, synthesized END_TAG, then the closes', () => {
    const tail = tokens
      .slice(-5)
      .map((t) => [t.kindName, t.offset, t.endOffset, t.depth, t.token, t.hasContent]);
    expect(tail).toEqual([
      ['END_TAG', 325, 326, 3, 0x06, true], // Alert, then SWITCH_PAGE 0 at 326
      ['START_TAG', 328, 329, 3, 0x12, false], // Final (0x12), after SWITCH_PAGE 0
      ['END_TAG', 329, 329, 3, 0x12, false],
      ['END_TAG', 329, 330, 2, 0x2b, true], // SyncBody
      ['END_TAG', 330, 331, 1, 0x2d, true], // SyncML
    ]);
    expect(tokens).toHaveLength(92);
    expect(tokens.filter((t) => t.kind === TokenKind.OPAQUE)).toHaveLength(19); // counted by a byte walk of the file
    expect(tokens.some((t) => t.kind === TokenKind.STR)).toBe(false);
  });
});

describe('funambol/msg1.wbxml: DevInf as a nested WBXML document in OPAQUE', () => {
  const tokens = tokenize(capture('wbxml/funambol/msg1.wbxml'));
  const opaques = tokens.filter((t) => t.kind === TokenKind.OPAQUE);

  it('holds one OPAQUE: the Data of the Put, 2709 bytes (mb_u_int32 95 15)', () => {
    expect(opaques).toHaveLength(1);
    const o = opaques[0]!;
    expect(o.offset).toBe(0x1a0);
    expect(o.bytes?.length).toBe(0x15 * 128 + 0x15);
    const i = tokens.indexOf(o);
    expect(tokens[i - 1]).toMatchObject({ kind: TokenKind.START_TAG, page: 0, token: 0x0f, depth: 5 }); // Data
    expect(tokens[i + 1]).toMatchObject({ kind: TokenKind.END_TAG, token: 0x0f });
  });

  it('decodes the OPAQUE as its own DevInf 1.1 document', () => {
    const inner = WbxmlReader.from(opaques[0]!.bytes!);
    expect(inner.next()).toBe(TokenKind.HEADER);
    expect([inner.version, inner.publicId, inner.publicIdIndex, inner.charset]).toEqual([2, 0, 0, 106]);
    expect(inner.publicIdText()).toBe('-//SYNCML//DTD DevInf 1.1//EN');

    const rows: unknown[] = [];
    for (let k = inner.next(); k !== TokenKind.END_OF_DOCUMENT; k = inner.next()) {
      rows.push([inner.kind, inner.depth, inner.kind === TokenKind.STR ? inner.text() : inner.token]);
    }
    const S = TokenKind.START_TAG;
    const E = TokenKind.END_TAG;
    const T = TokenKind.STR;
    expect(rows.slice(0, 28)).toEqual([
      [S, 1, 0x0a], // DevInf
      [S, 2, 0x25], [T, 2, '1.1'], [E, 2, 0x25], // VerDTD
      [S, 2, 0x11], [T, 2, 'NOKIA'], [E, 2, 0x11], // Man
      [S, 2, 0x15], [T, 2, 'N80'], [E, 2, 0x15], // Mod
      [S, 2, 0x0f], [E, 2, 0x0f], // FwV, empty
      [S, 2, 0x1e], [T, 2, 'V 4.0632.0.38'], [E, 2, 0x1e], // SwV
      [S, 2, 0x10], [E, 2, 0x10], // HwV, empty
      [S, 2, 0x09], [T, 2, 'syncml-phone'], [E, 2, 0x09], // DevID
      [S, 2, 0x0b], [T, 2, 'phone'], [E, 2, 0x0b], // DevTyp
      [S, 2, 0x28], [E, 2, 0x28], // UTC
      [S, 2, 0x2a], [E, 2, 0x2a], // SupportLargeObjs
      [S, 2, 0x29], // SupportNumberOfChanges
    ]); // biome-ignore format: rows
    expect(rows.at(-1)).toEqual([E, 1, 0x0a]);
    expect(inner.endOffset).toBe(opaques[0]!.bytes!.length);
  });
});

// libwbxml's wbxml2xml as the oracle: the same elements (nesting, empty or not) and the same
// text, in the same order. Names are not compared: this package knows no vocabulary.
const wbxml2xml = '/usr/bin/wbxml2xml';

/** '<' element with content, '>' its end, '/' empty element, 'T:…' text (adjacent parts joined). */
function shapeOfTokens(bytes: Uint8Array, out: string[] = []): string[] {
  const r = WbxmlReader.from(bytes);
  let text: string | null = null;
  const flush = () => {
    if (text !== null && text.trim() !== '') out.push(`T:${text.trim()}`);
    text = null;
  };
  let pendingEmpty = false;
  for (let k = r.next(); k !== TokenKind.END_OF_DOCUMENT; k = r.next()) {
    if (k === TokenKind.START_TAG) {
      flush();
      if (r.hasContent) out.push('<');
      else pendingEmpty = true;
    } else if (k === TokenKind.END_TAG) {
      flush();
      if (pendingEmpty) out.push('/');
      else out.push('>');
      pendingEmpty = false;
    } else if (k === TokenKind.STR) {
      text = (text ?? '') + r.text();
    } else if (k === TokenKind.ENTITY) {
      text = (text ?? '') + String.fromCodePoint(r.value);
    } else if (k === TokenKind.OPAQUE) {
      const data = r.bytes();
      if (data.length > 0 && data[0]! <= 3 && nestedDocument(data)) {
        flush();
        shapeOfTokens(data, out);
      } else {
        text = (text ?? '') + r.text();
      }
    }
  }
  flush();
  return out;
}

function nestedDocument(data: Uint8Array): boolean {
  try {
    tokenize(data);
    return true;
  } catch {
    return false;
  }
}

function unescapeXml(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_m, e: string) => {
    if (e[0] === '#')
      return String.fromCodePoint(e[1] === 'x' ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1)));
    return ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as Record<string, string>)[e]!;
  });
}

function shapeOfXml(xml: string): string[] {
  const body = xml.replace(/^<\?xml[^>]*\?>/, '').replace(/^\s*<!DOCTYPE[^>]*>/, '');
  const out: string[] = [];
  const re = /<!\[CDATA\[([\s\S]*?)\]\]>|<(\/?)[^>]*?(\/?)>|([^<]+)/g;
  let text: string | null = null;
  const flush = () => {
    if (text !== null && text.trim() !== '') out.push(`T:${text.trim()}`);
    text = null;
  };
  for (const m of body.matchAll(re)) {
    if (m[1] !== undefined) text = (text ?? '') + m[1];
    else if (m[4] !== undefined) text = (text ?? '') + unescapeXml(m[4]);
    else {
      flush();
      out.push(m[2] === '/' ? '>' : m[3] === '/' ? '/' : '<');
    }
  }
  flush();
  return out;
}

describe.skipIf(!existsSync(wbxml2xml))('agrees with wbxml2xml (libwbxml 0.11)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'wbxml-oracle-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each(captures().map((c) => [c.name] as const))('%s', (name) => {
    const out = join(dir, `${name.replaceAll('/', '_')}.xml`);
    execFileSync(wbxml2xml, ['-m', '0', '-o', out, join(vectorsDir, name)], { stdio: 'pipe' });
    const expected = shapeOfXml(readFileSync(out, 'utf8'));
    // libwbxml rewrites the DevInf MIME type of a decoded WBXML DevInf to its XML form (facts §1.5).
    const ours = shapeOfTokens(capture(name)).map((t) =>
      t === 'T:application/vnd.syncml-devinf+wbxml' ? 'T:application/vnd.syncml-devinf+xml' : t,
    );
    expect(ours).toEqual(expected);
    expect(expected.length).toBeGreaterThan(10);
  });
});
