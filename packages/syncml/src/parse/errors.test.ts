// Bad input: every error is a SyncMLError with a stable code, the status to answer, the
// element path and the byte offset; the tokenizers' own errors are its cause.
import { WbxmlError } from '@syncds/wbxml';
import { XmlError } from '@syncds/xml';
import { describe, expect, it } from 'vitest';
import {
  parseDevInf,
  parseMessage,
  parseWbxmlMessage,
  parseXmlMessage,
  SyncMLError,
  serializeDevInf,
} from '../index.js';
import { vector } from '../test-util/vectors.test-util.js';
import { el, M, message, page, str, SYNCML11_HEADER, syncHdr, T } from '../test-util/wbxml.test-util.js';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

function error(f: () => unknown): SyncMLError {
  try {
    f();
  } catch (e) {
    if (e instanceof SyncMLError) return e;
    throw new Error(`expected a SyncMLError, got ${String(e)}`);
  }
  throw new Error('expected a SyncMLError, nothing was thrown');
}

const HDR = `<SyncHdr><VerDTD>1.1</VerDTD><VerProto>SyncML/1.1</VerProto><SessionID>1</SessionID><MsgID>1</MsgID><Target><LocURI>s</LocURI></Target><Source><LocURI>c</LocURI></Source></SyncHdr>`;
const xml = (body: string, hdr = HDR): Uint8Array =>
  utf8(`<SyncML>${hdr}<SyncBody>${body}</SyncBody></SyncML>`);
const at = (bytes: Uint8Array, needle: string, from = 0): number =>
  new TextDecoder().decode(bytes).indexOf(needle, from);

describe('truncated input', () => {
  const cases = [
    'wbxml/k500i_client_0.wbxml',
    'wbxml/syncml_client_packet_3.wbxml',
    'wbxml/funambol/msg1.wbxml',
    'wbxml/syncml_server_packet_1.xml',
    'sessions/P900_tasksandcalendar/syncml_client_10.xml',
  ];
  it.each(cases)('%s: every proper prefix fails with a SyncMLError', (file) => {
    const bytes = vector(file);
    const codes = new Set<string>();
    // XML may end in white space after the root: those prefixes are still complete documents.
    let complete = bytes.length;
    while (complete > 0 && [0x20, 0x0a, 0x0d, 0x09].includes(bytes[complete - 1]!)) complete--;
    for (let n = 0; n < complete; n++) {
      const e = error(() => parseMessage(bytes.subarray(0, n)));
      codes.add(e.code);
      expect(e.offset).toBeGreaterThanOrEqual(0);
      expect(e.offset).toBeLessThanOrEqual(bytes.length);
      expect([400, 413, 415, 505, 513]).toContain(e.status);
    }
    for (let n = complete; n <= bytes.length; n++)
      expect(parseMessage(bytes.subarray(0, n)).warnings).toEqual([]);
    const expected = file.endsWith('.wbxml')
      ? ['UNKNOWN_ENCODING', 'MALFORMED_WBXML']
      : ['UNKNOWN_ENCODING', 'MALFORMED_XML'];
    expect([...codes].sort()).toEqual(expected.sort());
  });

  it('reports where the WBXML input ended, with the reader error as cause', () => {
    const bytes = vector('wbxml/k500i_client_0.wbxml');
    const e = error(() => parseMessage(bytes.subarray(0, 100)));
    expect(e.code).toBe('MALFORMED_WBXML');
    expect(e.status).toBe(400);
    expect(e.cause).toBeInstanceOf(WbxmlError);
    expect((e.cause as WbxmlError).code).toBe('TRUNCATED');
    // Byte 70 starts the OPAQUE holding Target/LocURI (35 bytes), which the input cuts.
    expect(bytes[70]).toBe(0xc3);
    expect(e.offset).toBe(70);
    expect(e.path).toBe('SyncML/SyncHdr/Target/LocURI');
  });

  it('reports where the XML input ended, with the reader error as cause', () => {
    const bytes = xml('<Final/>');
    const e = error(() => parseMessage(bytes.subarray(0, bytes.length - 10)));
    expect(e.code).toBe('MALFORMED_XML');
    expect(e.cause).toBeInstanceOf(XmlError);
    expect(e.path).toBe('SyncML/SyncBody');
  });
});

describe('tokens and names of no vocabulary', () => {
  it('a WBXML tag token that names no element', () => {
    const bytes = message([el(0x3f, str('x'))]);
    const e = error(() => parseMessage(bytes));
    expect([e.code, e.status, e.path]).toEqual(['UNKNOWN_ELEMENT', 400, 'SyncML/SyncBody']);
    expect(e.message).toContain('tag token 0x3F on code page 0');
    expect(bytes[e.offset]).toBe(0x7f);
  });

  it('a tag on a code page SyncML does not have', () => {
    const bytes = message([page(2), el(0x05)]);
    const e = error(() => parseMessage(bytes));
    expect([e.code, e.path]).toEqual(['UNKNOWN_ELEMENT', 'SyncML/SyncBody']);
    expect(e.message).toContain('code page 2');
  });

  it('an XML element name that no SyncML, MetInf or DevInf element has', () => {
    const bytes = xml('<Alert><CmdID>1</CmdID><Bogus/></Alert>');
    const e = error(() => parseMessage(bytes));
    expect([e.code, e.status, e.path, e.offset]).toEqual([
      'UNKNOWN_ELEMENT',
      400,
      'SyncML/SyncBody/Alert[1]/Bogus',
      at(bytes, '<Bogus/>'),
    ]);
  });
});

describe('missing required elements', () => {
  it('no SyncHdr', () => {
    const bytes = utf8('<SyncML><SyncBody><Final/></SyncBody></SyncML>');
    const e = error(() => parseMessage(bytes));
    expect([e.code, e.status, e.path, e.offset]).toEqual([
      'MISSING_ELEMENT',
      400,
      'SyncML/SyncHdr',
      at(bytes, '</SyncML>'),
    ]);
  });

  it('no SyncBody', () => {
    expect(error(() => parseMessage(utf8(`<SyncML>${HDR}</SyncML>`))).path).toBe('SyncML/SyncBody');
  });

  it('a SyncHdr without SessionID, in WBXML', () => {
    const hdr = el(
      T.SyncHdr,
      el(T.VerDTD, str('1.1')),
      el(T.VerProto, str('SyncML/1.1')),
      el(T.MsgID, str('1')),
      el(T.Target, el(T.LocURI, str('s'))),
      el(T.Source, el(T.LocURI, str('c'))),
    );
    const e = error(() => parseMessage(message([T.Final], SYNCML11_HEADER, hdr)));
    expect([e.code, e.path]).toEqual(['MISSING_ELEMENT', 'SyncML/SyncHdr/SessionID']);
  });

  it('a Status without CmdRef (the second Status)', () => {
    const ok =
      '<Status><CmdID>1</CmdID><MsgRef>1</MsgRef><CmdRef>0</CmdRef><Cmd>SyncHdr</Cmd><Data>200</Data></Status>';
    const bad = '<Status><CmdID>2</CmdID><MsgRef>1</MsgRef><Cmd>Alert</Cmd><Data>200</Data></Status>';
    const bytes = xml(ok + bad);
    const e = error(() => parseMessage(bytes));
    expect([e.code, e.status, e.path]).toEqual(['MISSING_ELEMENT', 400, 'SyncML/SyncBody/Status[2]/CmdRef']);
    expect(e.offset).toBe(at(bytes, '</Status>', at(bytes, '<CmdID>2')));
  });

  it('an Anchor without Next, a LocURI-less Target, an Item-less Exec', () => {
    const anchor = xml(
      '<Alert><CmdID>1</CmdID><Item><Meta><Anchor><Last>1</Last></Anchor></Meta></Item></Alert>',
    );
    expect(error(() => parseMessage(anchor)).path).toBe('SyncML/SyncBody/Alert[1]/Item[1]/Meta/Anchor/Next');
    const target = xml('<Alert><CmdID>1</CmdID><Item><Target><LocName>x</LocName></Target></Item></Alert>');
    expect(error(() => parseMessage(target)).path).toBe('SyncML/SyncBody/Alert[1]/Item[1]/Target/LocURI');
    expect(error(() => parseMessage(xml('<Exec><CmdID>1</CmdID></Exec>'))).path).toBe(
      'SyncML/SyncBody/Exec[1]/Item',
    );
  });
});

describe('numbers', () => {
  it('a Status code that is not a number', () => {
    const bytes = xml(
      '<Status><CmdID>1</CmdID><MsgRef>1</MsgRef><CmdRef>0</CmdRef><Cmd>SyncHdr</Cmd><Data>OK</Data></Status>',
    );
    const e = error(() => parseMessage(bytes));
    expect([e.code, e.status, e.path, e.offset]).toEqual([
      'BAD_NUMBER',
      400,
      'SyncML/SyncBody/Status[1]/Data',
      at(bytes, '<Data>OK'),
    ]);
    expect(e.message).toContain('"OK"');
  });

  it('a Size deep in a Sync, with the path of the brief', () => {
    const add = (id: number, size: string) =>
      `<Add><CmdID>${id}</CmdID><Item><Meta><Size>${size}</Size></Meta><Data>x</Data></Item></Add>`;
    const bytes = xml(
      `<Sync><CmdID>1</CmdID>${add(2, '1')}<Replace><CmdID>3</CmdID></Replace>${add(4, '2')}${add(5, '-3')}</Sync>`,
    );
    const e = error(() => parseMessage(bytes));
    expect([e.code, e.path, e.offset]).toEqual([
      'BAD_NUMBER',
      'SyncML/SyncBody/Sync[1]/Add[3]/Item[1]/Meta/Size',
      at(bytes, '<Size>-3'),
    ]);
  });

  it('an empty Alert code, a MaxMsgSize past 2^53, in WBXML too', () => {
    expect(error(() => parseMessage(xml('<Alert><CmdID>1</CmdID><Data/></Alert>'))).message).toContain(
      'is empty',
    );
    const meta = el(T.Meta, page(1), el(M.MaxMsgSize, str('99999999999999999')), page(0));
    const e = error(() => parseMessage(message([T.Final], SYNCML11_HEADER, syncHdr(meta))));
    expect([e.code, e.path]).toEqual(['BAD_NUMBER', 'SyncML/SyncHdr/Meta/MaxMsgSize']);
  });
});

describe('errors inside a nested WBXML DevInf', () => {
  it('carry the full path and the offset in the message', () => {
    const devinf = {
      verDTD: '1.1',
      devID: 'd',
      devTyp: 'phone',
      dataStores: [
        {
          sourceRef: './c',
          maxGUIDSize: 8,
          rxPref: { ctType: 'text/x-vcard', verCT: '2.1' },
          rx: [],
          txPref: { ctType: 'text/x-vcard', verCT: '2.1' },
          tx: [],
          ctCaps: [],
          syncTypes: [1],
          filterRx: [],
          filterCaps: [],
        },
      ],
      ctCaps: [],
      exts: [],
    };
    const doc = serializeDevInf(devinf, { encoding: 'wbxml', publicId: 'numeric' });
    // MaxGUIDSize is 52 03 '8' 00 01 in the nested document: make its value "x".
    const at = doc.findIndex((b, i) => b === 0x52 && doc[i + 1] === 0x03 && doc[i + 2] === 0x38);
    doc[at + 2] = 0x78;
    const length = doc.length < 128 ? [doc.length] : [0x80 | (doc.length >> 7), doc.length & 0x7f];
    const put = el(
      T.Put,
      el(T.CmdID, str('1')),
      el(T.Item, el(T.Source, el(T.LocURI, str('./devinf11'))), el(T.Data, [0xc3, ...length, ...doc])),
    );
    const bytes = message([put]);
    const e = error(() => parseMessage(bytes));
    expect([e.code, e.path]).toEqual([
      'BAD_NUMBER',
      'SyncML/SyncBody/Put[1]/Item[1]/Data/DevInf/DataStore[1]/MaxGUIDSize',
    ]);
    const docAt = bytes.findIndex((_, i) => doc.every((b, k) => bytes[i + k] === b));
    expect(e.offset).toBe(docAt + at);
  });
});

describe('versions', () => {
  it('VerDTD 2.0: UNSUPPORTED_VERSION, status 505', () => {
    const bytes = xml('<Final/>', HDR.replace('<VerDTD>1.1', '<VerDTD>2.0'));
    const e = error(() => parseMessage(bytes));
    expect([e.code, e.status, e.path, e.offset]).toEqual([
      'UNSUPPORTED_VERSION',
      505,
      'SyncML/SyncHdr/VerDTD',
      at(bytes, '<VerDTD>'),
    ]);
  });

  it('VerProto DM/1.2: UNSUPPORTED_PROTOCOL, status 513', () => {
    const e = error(() => parseMessage(xml('<Final/>', HDR.replace('SyncML/1.1', 'DM/1.2'))));
    expect([e.code, e.status, e.path]).toEqual(['UNSUPPORTED_PROTOCOL', 513, 'SyncML/SyncHdr/VerProto']);
  });
});

describe('documents that are not SyncML messages', () => {
  it('neither WBXML nor XML: UNKNOWN_ENCODING, status 415', () => {
    const e = error(() => parseMessage(utf8('hello')));
    expect([e.code, e.status, e.offset]).toEqual(['UNKNOWN_ENCODING', 415, 0]);
    expect(error(() => parseMessage(new Uint8Array(0))).code).toBe('UNKNOWN_ENCODING');
  });

  it('a DevInf document given as a message, and the other way round', () => {
    expect(error(() => parseMessage(vector('wbxml/devinf.wbxml'))).code).toBe('NOT_SYNCML');
    const e = error(() => parseMessage(utf8('<DevInf xmlns="syncml:devinf"><VerDTD>1.1</VerDTD></DevInf>')));
    expect([e.code, e.status, e.path, e.offset]).toEqual(['NOT_SYNCML', 400, 'DevInf', 0]);
    expect(error(() => parseDevInf(vector('wbxml/k500i_client_0.wbxml'))).code).toBe('NOT_SYNCML');
    expect(error(() => parseWbxmlMessage(xml('<Final/>'))).code).toBe('MALFORMED_WBXML');
    expect(error(() => parseXmlMessage(vector('wbxml/k500i_client_0.wbxml'))).code).toBe('MALFORMED_XML');
  });

  it('a root element of another namespace', () => {
    expect(error(() => parseMessage(utf8('<html xmlns="http://www.w3.org/1999/xhtml"/>'))).code).toBe(
      'NOT_SYNCML',
    );
  });
});

describe('limits', () => {
  it('maxMessageSize: MESSAGE_TOO_LARGE, status 413', () => {
    const bytes = vector('wbxml/k500i_client_0.wbxml');
    const e = error(() => parseMessage(bytes, { maxMessageSize: 330 }));
    expect([e.code, e.status, e.offset]).toEqual(['MESSAGE_TOO_LARGE', 413, 330]);
    expect(parseMessage(bytes, { maxMessageSize: 331 }).message.final).toBe(true);
  });

  it('maxDepth: nested Atomic commands in WBXML, nested elements in XML', () => {
    let atomic: number[] = el(T.Alert, el(T.CmdID, str('1')));
    for (let i = 0; i < 40; i++) atomic = el(0x08, el(T.CmdID, str(String(i))), atomic);
    const e = error(() => parseMessage(message([atomic])));
    expect([e.code, e.status]).toEqual(['TOO_DEEP', 400]);
    expect(e.path.split('/').length).toBe(32);
    expect(e.path.startsWith('SyncML/SyncBody/Atomic[1]/Atomic[1]/')).toBe(true);
    const deep = xml(
      `<Alert><CmdID>1</CmdID>${'<x:a xmlns:x="urn:x">'.repeat(100)}${'</x:a>'.repeat(100)}</Alert>`,
    );
    expect(error(() => parseMessage(deep)).code).toBe('TOO_DEEP');
    expect(parseMessage(deep, { maxDepth: 200 }).warnings.map((w) => w.code)).toEqual(['FOREIGN_ELEMENT']);
  });

  it('maxCommands and maxItemsPerCommand: status 413', () => {
    const statuses =
      '<Status><CmdID>1</CmdID><MsgRef>1</MsgRef><CmdRef>0</CmdRef><Cmd>SyncHdr</Cmd><Data>200</Data></Status>'.repeat(
        5,
      );
    const e = error(() => parseMessage(xml(statuses), { maxCommands: 4 }));
    expect([e.code, e.status, e.path]).toEqual(['TOO_MANY_COMMANDS', 413, 'SyncML/SyncBody/Status']);
    const items = `<Delete><CmdID>1</CmdID>${'<Item><Source><LocURI>1</LocURI></Source></Item>'.repeat(3)}</Delete>`;
    const e2 = error(() => parseMessage(xml(items), { maxItemsPerCommand: 2 }));
    expect([e2.code, e2.status, e2.path]).toEqual(['TOO_MANY_ITEMS', 413, 'SyncML/SyncBody/Delete[1]/Item']);
  });

  it('rejects limits that are not non-negative integers', () => {
    expect(() => parseMessage(xml('<Final/>'), { maxDepth: -1 })).toThrow(RangeError);
    expect(() => parseMessage(xml('<Final/>'), { maxCommands: 1.5 })).toThrow(RangeError);
  });
});

describe('after an error', () => {
  it('the next parse works', () => {
    const good = vector('wbxml/funambol/msg1.wbxml');
    const before = parseMessage(good).message;
    error(() => parseMessage(good.subarray(0, 900)));
    error(() => parseMessage(xml('<Alert><CmdID>1</CmdID><Bogus/></Alert>')));
    expect(parseMessage(good).message.commands.length).toBe(before.commands.length);
  });
});
