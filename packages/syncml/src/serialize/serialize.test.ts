// The bytes the serializers write: headers, code pages, namespaces, escaping, DevInf,
// options, refusals, and encodedSize.
import { describe, expect, it } from 'vitest';
import {
  type DevInf,
  encodedOverhead,
  encodedSize,
  Payload,
  parseMessage,
  type Status,
  SyncMLError,
  type SyncMLMessage,
  serializeDevInf,
  serializeMessage,
} from '../index.js';
import { comparePayloadsByBytes } from '../test-util/vectors.test-util.js';

comparePayloadsByBytes();

const text = (bytes: Uint8Array): string => new TextDecoder().decode(bytes);
const hex = (bytes: Uint8Array): string =>
  Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join(' ');

function sample(version: '1.0' | '1.1' | '1.2' = '1.2'): SyncMLMessage {
  return {
    header: {
      version,
      verProto: `SyncML/${version}`,
      sessionID: '1',
      msgID: '2',
      target: { locURI: 'IMEI:1' },
      source: { locURI: 'http://s/' },
      meta: { maxMsgSize: 2700 },
    },
    commands: [
      {
        kind: 'Status',
        cmdID: '1',
        msgRef: '1',
        cmdRef: '0',
        cmd: 'SyncHdr',
        targetRefs: ['http://s/'],
        sourceRefs: ['IMEI:1'],
        code: 212,
        items: [],
      },
    ],
    final: true,
  };
}

const SYNCML12_FPI = '-//SYNCML//DTD SyncML 1.2//EN';

describe('WBXML', () => {
  it('writes version 1.2, the FPI at offset 0 of the string table, UTF-8 (the default)', () => {
    const bytes = serializeMessage(sample(), { encoding: 'wbxml' });
    const fpi = new TextEncoder().encode(SYNCML12_FPI);
    expect(hex(bytes.subarray(0, 5))).toBe(`02 00 00 6a ${(fpi.length + 1).toString(16)}`);
    expect(text(bytes.subarray(5, 5 + fpi.length))).toBe(SYNCML12_FPI);
    expect(bytes[5 + fpi.length]).toBe(0);
    expect(bytes[6 + fpi.length]).toBe(0x6d); // SyncML with content
  });

  it('writes the numeric public id of each version on request', () => {
    expect(
      hex(serializeMessage(sample('1.0'), { encoding: 'wbxml', publicId: 'numeric' }).subarray(0, 6)),
    ).toBe('02 9f 51 6a 00 6d');
    expect(
      hex(serializeMessage(sample('1.1'), { encoding: 'wbxml', publicId: 'numeric' }).subarray(0, 6)),
    ).toBe('02 9f 53 6a 00 6d');
    expect(
      hex(serializeMessage(sample('1.2'), { encoding: 'wbxml', publicId: 'numeric' }).subarray(0, 6)),
    ).toBe('02 a4 01 6a 00 6d');
  });

  it('switches to MetInf for Meta content and back to page 0 before Meta ends', () => {
    const bytes = serializeMessage(sample(), { encoding: 'wbxml', publicId: 'numeric' });
    // Meta (5A), SWITCH_PAGE 1, MaxMsgSize (4C) STR_I "2700", END, SWITCH_PAGE 0, END (Meta), END (SyncHdr).
    expect(hex(bytes)).toContain('5a 00 01 4c 03 32 37 30 30 00 01 00 00 01 01 6b');
  });

  it('writes exactly these bytes for a small message', () => {
    const bytes = serializeMessage(sample(), { encoding: 'wbxml', publicId: 'numeric' });
    expect(hex(bytes)).toBe(
      [
        '02 a4 01 6a 00', // header
        '6d 6c', // SyncML, SyncHdr
        '71 03 31 2e 32 00 01', // VerDTD 1.2
        '72 03 53 79 6e 63 4d 4c 2f 31 2e 32 00 01', // VerProto
        '65 03 31 00 01 5b 03 32 00 01', // SessionID 1, MsgID 2
        '6e 57 03 49 4d 45 49 3a 31 00 01 01', // Target/LocURI
        '67 57 03 68 74 74 70 3a 2f 2f 73 2f 00 01 01', // Source/LocURI
        '5a 00 01 4c 03 32 37 30 30 00 01 00 00 01 01', // Meta/MaxMsgSize, SyncHdr end
        '6b 69 4b 03 31 00 01 5c 03 31 00 01 4c 03 30 00 01', // SyncBody, Status, CmdID, MsgRef, CmdRef
        '4a 03 53 79 6e 63 48 64 72 00 01', // Cmd SyncHdr
        '6f 03 68 74 74 70 3a 2f 2f 73 2f 00 01', // TargetRef
        '68 03 49 4d 45 49 3a 31 00 01', // SourceRef
        '4f 03 32 31 32 00 01 01', // Data 212, Status end
        '12 01 01', // Final, SyncBody end, SyncML end
      ].join(' '),
    );
  });

  it('writes item data as OPAQUE, empty values as elements without content', () => {
    const m = sample();
    m.commands = [
      {
        kind: 'Add',
        cmdID: '3',
        items: [{ source: { locURI: '' }, data: Payload.fromBytes(new Uint8Array([0, 1, 2])) }],
      },
    ];
    const bytes = serializeMessage(m, { encoding: 'wbxml' });
    expect(hex(bytes)).toContain('54 67 17 01 4f c3 03 00 01 02 01 01'); // Item, Source, LocURI (empty), Data OPAQUE
    expect(parseMessage(bytes).message).toEqual(m);
  });

  it('writes a NextNonce that is text as a string, raw bytes as OPAQUE', () => {
    const chal = (nonce: Payload): SyncMLMessage => {
      const m = sample();
      (m.commands[0] as Status).chal = { meta: { type: 'syncml:auth-md5', format: 'b64', nextNonce: nonce } };
      return m;
    };
    expect(hex(serializeMessage(chal(Payload.fromText('QUJD')), { encoding: 'wbxml' }))).toContain(
      '50 03 51 55 4a 44 00 01',
    );
    const raw = Payload.fromBytes(new Uint8Array([0x00, 0xff, 0x41]));
    const bytes = serializeMessage(chal(raw), { encoding: 'wbxml' });
    expect(hex(bytes)).toContain('50 c3 03 00 ff 41 01');
    expect((parseMessage(bytes).message.commands[0] as Status).chal?.meta.nextNonce).toEqual(raw);
  });

  it('puts repeated strings in the string table on request', () => {
    const m = sample();
    m.commands.push({ ...(m.commands[0] as Status), cmdID: '2' });
    const bytes = serializeMessage(m, { encoding: 'wbxml', stringTable: true });
    const plain = serializeMessage(m, { encoding: 'wbxml' });
    expect(bytes.length).toBeLessThan(plain.length);
    expect(hex(bytes)).toContain('83'); // STR_T
    expect(parseMessage(bytes).message).toEqual(m);
  });

  it('writes a string holding NUL as OPAQUE (STR_I cannot carry it)', () => {
    const m = sample();
    m.header.sessionID = 'a\u0000b';
    const bytes = serializeMessage(m, { encoding: 'wbxml' });
    expect(hex(bytes)).toContain('65 c3 03 61 00 62 01');
    expect(parseMessage(bytes).message.header.sessionID).toBe('a\u0000b');
  });
});

const devinf: DevInf = {
  verDTD: '1.2',
  devID: 'srv',
  devTyp: 'server',
  dataStores: [
    {
      sourceRef: './notes',
      rxPref: { ctType: 'text/plain', verCT: '1.0' },
      rx: [],
      txPref: { ctType: 'text/plain', verCT: '1.0' },
      tx: [],
      ctCaps: [
        {
          ctType: 'text/plain',
          verCT: '1.0',
          properties: [{ propName: 'BODY', maxSize: 4000, valEnums: [], params: [] }],
        },
      ],
      syncTypes: [1, 2],
      filterRx: [],
      filterCaps: [],
    },
  ],
  ctCaps: [],
  exts: [],
};

function results(type: string): SyncMLMessage {
  const m = sample();
  m.commands.push({
    kind: 'Results',
    cmdID: '2',
    msgRef: '1',
    cmdRef: '4',
    meta: { type },
    items: [{ source: { locURI: './devinf12' }, data: { kind: 'devinf', devinf } }],
  });
  return m;
}

describe('DevInf in Data', () => {
  it('WBXML: a whole nested document in OPAQUE, typed +wbxml', () => {
    const bytes = serializeMessage(results('application/vnd.syncml-devinf+xml'), {
      encoding: 'wbxml',
      publicId: 'numeric',
    });
    const doc = serializeDevInf(devinf, { encoding: 'wbxml', publicId: 'numeric' });
    expect(hex(doc.subarray(0, 5))).toBe('02 a4 03 6a 00');
    const length = doc.length < 128 ? [doc.length] : [0x80 | (doc.length >> 7), doc.length & 0x7f];
    const at = hex(bytes).indexOf(`4f c3 ${hex(new Uint8Array(length))} ${hex(doc)} 01`);
    expect(at).toBeGreaterThan(0);
    expect(text(bytes)).toContain('application/vnd.syncml-devinf+wbxml');
    const back = parseMessage(bytes).message;
    expect(back).toEqual(results('application/vnd.syncml-devinf+wbxml'));
  });

  it('XML: inline with its namespace, typed +xml', () => {
    const xml = text(serializeMessage(results('application/vnd.syncml-devinf+wbxml'), { encoding: 'xml' }));
    expect(xml).toContain(
      '<Meta><Type xmlns="syncml:metinf">application/vnd.syncml-devinf+xml</Type></Meta><Item><Source><LocURI>./devinf12</LocURI></Source><Data><DevInf xmlns="syncml:devinf"><VerDTD>1.2</VerDTD>',
    );
    expect(xml).toContain('<Property><PropName>BODY</PropName><MaxSize>4000</MaxSize></Property>');
  });

  it('keeps the Meta Type as it is with devInfTypeFollowsEncoding: false', () => {
    const m = results('application/vnd.syncml-devinf+xml');
    expect(
      parseMessage(serializeMessage(m, { encoding: 'wbxml', devInfTypeFollowsEncoding: false })).message,
    ).toEqual(m);
  });

  it('writes DevInf 1.0/1.1 CTCaps flat, Size for token 0x1C', () => {
    const old: DevInf = { ...devinf, verDTD: '1.1', ctCaps: devinf.dataStores[0]!.ctCaps, dataStores: [] };
    const xml = text(serializeDevInf(old, { encoding: 'xml', xmlDeclaration: false }));
    expect(xml).toBe(
      '<DevInf xmlns="syncml:devinf"><VerDTD>1.1</VerDTD><DevID>srv</DevID><DevTyp>server</DevTyp><CTCap><CTType>text/plain</CTType><VerCT>1.0</VerCT><PropName>BODY</PropName><Size>4000</Size></CTCap></DevInf>',
    );
  });

  it('writes a standalone DevInf with DOCTYPE on request', () => {
    const xml = text(serializeDevInf(devinf, { encoding: 'xml', doctype: true, indent: 1 }));
    expect(xml.split('\n').slice(0, 3)).toEqual([
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<!DOCTYPE DevInf PUBLIC "-//SYNCML//DTD DevInf 1.2//EN" "http://www.openmobilealliance.org/tech/DTD/OMA-SyncML-Device_Information-DTD-1.2.dtd">',
      '<DevInf xmlns="syncml:devinf">',
    ]);
  });
});

describe('XML', () => {
  it('declares the namespaces of the version', () => {
    const xml = text(serializeMessage(sample('1.1'), { encoding: 'xml' }));
    expect(
      xml.startsWith('<?xml version="1.0" encoding="UTF-8"?><SyncML xmlns="SYNCML:SYNCML1.1"><SyncHdr>'),
    ).toBe(true);
    expect(xml).toContain('<Meta><MaxMsgSize xmlns="syncml:metinf">2700</MaxMsgSize></Meta>');
    expect(xml.endsWith('<Data>212</Data></Status><Final/></SyncBody></SyncML>')).toBe(true);
  });

  it('writes the DOCTYPE and indentation on request', () => {
    const xml = text(serializeMessage(sample('1.0'), { encoding: 'xml', doctype: true, indent: 2 }));
    expect(xml.split('\n').slice(0, 6)).toEqual([
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<!DOCTYPE SyncML PUBLIC "-//SYNCML//DTD SyncML 1.0//EN" "http://www.syncml.org/docs/syncml_represent_v10_20001207.dtd">',
      '<SyncML xmlns="SYNCML:SYNCML1.0">',
      '  <SyncHdr>',
      '    <VerDTD>1.0</VerDTD>',
      '    <VerProto>SyncML/1.0</VerProto>',
    ]);
  });

  const withData = (data: Payload, locURI = 'x'): SyncMLMessage => {
    const m = sample();
    m.commands = [{ kind: 'Replace', cmdID: '5', items: [{ target: { locURI }, data }] }];
    return m;
  };

  it('escapes &, <, > and CR in text and data', () => {
    const m = withData(Payload.fromText('a&b<c>d\r\ne]]>'), 'x&y<z>');
    const xml = text(serializeMessage(m, { encoding: 'xml' }));
    expect(xml).toContain('<LocURI>x&amp;y&lt;z&gt;</LocURI>');
    expect(xml).toContain('<Data>a&amp;b&lt;c&gt;d&#13;\ne]]&gt;</Data>');
    expect(parseMessage(new TextEncoder().encode(xml)).message).toEqual(m);
  });

  it('writes data in CDATA on request, splitting "]]>" and keeping CR', () => {
    const m = withData(Payload.fromText('a&b\r\n]]>c'));
    const xml = text(serializeMessage(m, { encoding: 'xml', xmlData: 'cdata' }));
    expect(xml).toContain('<Data><![CDATA[a&b\r\n]]]]><![CDATA[>c]]></Data>');
    expect(parseMessage(new TextEncoder().encode(xml)).message).toEqual(m);
  });

  it('refuses bytes XML cannot carry: CANNOT_SERIALIZE, status 500', () => {
    for (const bad of [[0x41, 0x00], [0x41, 0x0c], [0xc3], [0xed, 0xa0, 0x80], [0xef, 0xbf, 0xbe], [0xff]]) {
      let error: unknown;
      try {
        serializeMessage(withData(Payload.fromBytes(new Uint8Array(bad))), { encoding: 'xml' });
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(SyncMLError);
      expect([
        (error as SyncMLError).code,
        (error as SyncMLError).status,
        (error as SyncMLError).path,
      ]).toEqual(['CANNOT_SERIALIZE', 500, 'Data']);
    }
    // The same bytes are fine in WBXML.
    const m = withData(Payload.fromBytes(new Uint8Array([0x41, 0x00, 0xff])));
    expect(parseMessage(serializeMessage(m, { encoding: 'wbxml' })).message).toEqual(m);
  });

  it('accepts any valid UTF-8 (2, 3 and 4 byte sequences)', () => {
    const m = withData(Payload.fromText('é € 𝄞'), 'ü');
    const xml = serializeMessage(m, { encoding: 'xml' });
    expect(text(xml)).toContain('<Data>é € 𝄞</Data>');
    expect(parseMessage(xml).message).toEqual(m);
  });
});

describe('refusals', () => {
  it('a header version other than 1.0-1.2', () => {
    const m = sample();
    (m.header as { version: string }).version = '2.0';
    expect(() => serializeMessage(m, { encoding: 'wbxml' })).toThrow(SyncMLError);
  });

  it('a missing required string, a negative number', () => {
    const m = sample();
    (m.commands[0] as { cmdID?: string | undefined }).cmdID = undefined;
    expect(() => serializeMessage(m, { encoding: 'xml' })).toThrow(/Status\/CmdID/);
    const n = sample();
    (n.commands[0] as Status).code = -1;
    expect(() => serializeMessage(n, { encoding: 'wbxml' })).toThrow(/not a non-negative integer/);
  });

  it('options without an encoding', () => {
    expect(() => serializeMessage(sample(), {} as never)).toThrow(TypeError);
  });
});

describe('encodedSize and encodedOverhead', () => {
  it('add up to the serialized length, for every option that changes the layout', () => {
    const m = results('application/vnd.syncml-devinf+xml');
    for (const o of [
      { encoding: 'wbxml' },
      { encoding: 'wbxml', publicId: 'numeric' },
      { encoding: 'xml' },
      { encoding: 'xml', indent: '\t', doctype: true },
      { encoding: 'xml', xmlDeclaration: false, xmlData: 'cdata' },
    ] as const) {
      const sum =
        encodedOverhead(m.header, m.final, o) + m.commands.reduce((n, c) => n + encodedSize(c, o), 0);
      expect(sum).toBe(serializeMessage(m, o).length);
    }
  });

  it('gives the size of a Status and of an empty message', () => {
    const m = sample();
    // 16 + 11 + 13 + 10 + 8 bytes: the Status lines of 'writes exactly these bytes'.
    expect(encodedSize(m.commands[0]!, { encoding: 'wbxml' })).toBe(58);
    expect(encodedOverhead(m.header, true, { encoding: 'wbxml', publicId: 'numeric' })).toBe(
      serializeMessage(m, { encoding: 'wbxml', publicId: 'numeric' }).length - 58,
    );
    expect(encodedSize(m.commands[0]!, { encoding: 'xml' })).toBe(
      '<Status><CmdID>1</CmdID><MsgRef>1</MsgRef><CmdRef>0</CmdRef><Cmd>SyncHdr</Cmd><TargetRef>http://s/</TargetRef><SourceRef>IMEI:1</SourceRef><Data>212</Data></Status>'
        .length,
    );
  });
});
