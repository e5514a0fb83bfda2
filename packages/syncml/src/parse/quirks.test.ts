// Real-device quirks (syncml-facts.md §1.5 and the captures) and tolerated oddities.
import { describe, expect, it } from 'vitest';
import type { Alert, Put, Status } from '../index.js';
import { Payload, parseDevInf, parseMessage, serializeDevInf } from '../index.js';
import { comparePayloadsByBytes, vector } from '../test-util/vectors.test-util.js';
import {
  el,
  M,
  message,
  opaque,
  page,
  str,
  SYNCML11_HEADER,
  syncHdr,
  T,
} from '../test-util/wbxml.test-util.js';

comparePayloadsByBytes();

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

const HDR11 = `<SyncHdr><VerDTD>1.1</VerDTD><VerProto>SyncML/1.1</VerProto><SessionID>1</SessionID><MsgID>1</MsgID><Target><LocURI>s</LocURI></Target><Source><LocURI>c</LocURI></Source></SyncHdr>`;
const xmlMessage = (body: string, ns = ' xmlns="SYNCML:SYNCML1.1"'): Uint8Array =>
  utf8(`<SyncML${ns}>${HDR11}<SyncBody>${body}<Final/></SyncBody></SyncML>`);

describe('WBXML header forms', () => {
  it('reads the public id from the string table when it has no NUL terminator (Sony Ericsson)', () => {
    const bytes = vector('wbxml/k500i_client_0.wbxml');
    // 02 00 00 6A 1D: version 1.2, public id at table offset 0, UTF-8, table of 29 bytes.
    expect(Array.from(bytes.subarray(0, 5))).toEqual([0x02, 0x00, 0x00, 0x6a, 0x1d]);
    expect(bytes.subarray(5, 34).includes(0)).toBe(false);
    expect(parseMessage(bytes).message.header.version).toBe('1.1');
  });

  it('reads a numeric public id', () => {
    const r = parseMessage(message([el(T.Alert, el(T.CmdID, str('1')), el(T.Data, str('200')))]));
    expect((r.message.commands[0] as Alert).code).toBe(200);
  });

  it('accepts the "unknown" public id (0x01) and relies on the root element', () => {
    const r = parseMessage(message([T.Final], [0x02, 0x01, 0x6a, 0x00]));
    expect(r.message.final).toBe(true);
  });

  it('decodes strings of an ISO-8859-1 document as UTF-8 strings (charset MIBenum 4)', () => {
    const bytes = message(
      [
        el(
          T.Alert,
          el(T.CmdID, str('1')),
          el(T.Item, el(T.Target, el(T.LocURI, [0x03, 0x63, 0x61, 0x66, 0xe9, 0x00]))),
        ),
      ],
      [0x02, 0x9f, 0x53, 0x04, 0x00],
    );
    const alert = parseMessage(bytes).message.commands[0] as Alert;
    expect(alert.items[0]!.target?.locURI).toBe('café');
  });
});

describe('WBXML content forms', () => {
  it('reads text sent as OPAQUE (VerDTD = 71 C3 03 31 2E 31 01)', () => {
    const hdr = el(
      T.SyncHdr,
      el(T.VerDTD, opaque(utf8('1.1'))),
      el(T.VerProto, opaque(utf8('SyncML/1.1'))),
      el(T.SessionID, opaque(utf8('10'))),
      el(T.MsgID, opaque(utf8('1'))),
      el(T.Target, el(T.LocURI, opaque(utf8('s')))),
      el(T.Source, el(T.LocURI, opaque(utf8('c')))),
    );
    const r = parseMessage(message([T.Final], SYNCML11_HEADER, hdr));
    expect(r.message.header).toEqual({
      version: '1.1',
      verProto: 'SyncML/1.1',
      sessionID: '10',
      msgID: '1',
      target: { locURI: 's' },
      source: { locURI: 'c' },
    });
  });

  it('joins a string broken by an ENTITY and by a second STR_I', () => {
    const locURI = [...str('caf'), 0x02, 0x67, ...str('!')]; // 'caf' ENTITY(U+00E9... no: 0x67 'g') '!'
    const bytes = message([
      el(T.Alert, el(T.CmdID, str('1')), el(T.Item, el(T.Target, el(T.LocURI, locURI)))),
    ]);
    expect((parseMessage(bytes).message.commands[0] as Alert).items[0]!.target?.locURI).toBe('cafg!');
    const eAcute = [...str('caf'), 0x02, 0x81, 0x69];
    const bytes2 = message([
      el(T.Alert, el(T.CmdID, str('1')), el(T.Item, el(T.Target, el(T.LocURI, eAcute)))),
    ]);
    expect((parseMessage(bytes2).message.commands[0] as Alert).items[0]!.target?.locURI).toBe('café');
  });

  it('accepts a LITERAL element named like a SyncML element', () => {
    // String table "Final\0"; LITERAL (0x04) index 0 inside SyncBody.
    const header = [0x02, 0x9f, 0x53, 0x6a, 0x06, ...utf8('Final'), 0x00];
    const r = parseMessage(message([0x04, 0x00], header));
    expect(r.message.final).toBe(true);
  });

  it('switches to MetInf and back around Meta (END is page-independent)', () => {
    // libwbxml's bytes: ... 5A 00 01 4C ... 01 01 01 00 00 6B: MetInf, Meta and SyncHdr close on
    // page 1, the switch back comes only before SyncBody.
    const meta = el(T.Meta, page(1), el(M.MaxMsgSize, str('2700')));
    const bytes = new Uint8Array([
      ...SYNCML11_HEADER,
      ...el(T.SyncML, syncHdr(meta), page(0), el(T.SyncBody, T.Final)),
    ]);
    const r = parseMessage(bytes);
    expect(r.message.header.meta).toEqual({ maxMsgSize: 2700 });
    expect(r.message.final).toBe(true);
  });
});

describe('DevInf inside Data', () => {
  const devinf = {
    verDTD: '1.0',
    devID: 'IMEI:1',
    devTyp: 'phone',
    dataStores: [
      {
        sourceRef: './contacts',
        rxPref: { ctType: 'text/x-vcard', verCT: '2.1' },
        rx: [],
        txPref: { ctType: 'text/x-vcard', verCT: '2.1' },
        tx: [],
        ctCaps: [],
        syncTypes: [1, 2],
        filterRx: [],
        filterCaps: [],
      },
    ],
    ctCaps: [],
    exts: [],
  };
  const put = (data: number[], type = 'application/vnd.syncml-devinf+wbxml'): Uint8Array =>
    message([
      el(
        T.Put,
        el(T.CmdID, str('1')),
        el(T.Meta, page(1), el(M.Type, str(type)), page(0)),
        el(T.Item, el(T.Source, el(T.LocURI, str('./devinf10'))), el(T.Data, data)),
      ),
    ]);

  it('parses a whole WBXML DevInf document in OPAQUE, numeric public id (Motorola A780: 02 9F 52 6A 00 ...)', () => {
    const doc = serializeDevInf(devinf, { encoding: 'wbxml', publicId: 'numeric' });
    expect(Array.from(doc.subarray(0, 5))).toEqual([0x02, 0x9f, 0x52, 0x6a, 0x00]);
    const item = (parseMessage(put(opaque(doc))).message.commands[0] as Put).items[0]!;
    expect(item.data).toEqual({ kind: 'devinf', devinf });
  });

  it('parses it with the FPI in the nested string table, whatever the Meta Type', () => {
    const doc = serializeDevInf(devinf, { encoding: 'wbxml' });
    const item = (parseMessage(put(opaque(doc), 'application/octet-stream')).message.commands[0] as Put)
      .items[0]!;
    expect(item.data).toEqual({ kind: 'devinf', devinf });
  });

  it('parses DevInf XML sent as a WBXML string when the Meta Type says DevInf', () => {
    const xml = new TextDecoder().decode(serializeDevInf(devinf, { encoding: 'xml' }));
    const item = (parseMessage(put(str(xml), 'application/vnd.syncml-devinf+xml')).message.commands[0] as Put)
      .items[0]!;
    expect(item.data).toEqual({ kind: 'devinf', devinf });
  });

  it('keeps other bytes as a Payload', () => {
    const item = (parseMessage(put(opaque([0x02, 0x9f, 0x53, 0x6a, 0x00]))).message.commands[0] as Put)
      .items[0]!;
    expect(item.data).toEqual(Payload.fromBytes(new Uint8Array([0x02, 0x9f, 0x53, 0x6a, 0x00])));
  });

  const xmlDevInf = '<DevInf><VerDTD>1.0</VerDTD><DevID>IMEI:1</DevID><DevTyp>phone</DevTyp></DevInf>';
  const expected = {
    kind: 'devinf',
    devinf: { verDTD: '1.0', devID: 'IMEI:1', devTyp: 'phone', dataStores: [], ctCaps: [], exts: [] },
  };
  const xmlPut = (data: string, type = 'application/vnd.syncml-devinf+xml'): Uint8Array =>
    xmlMessage(
      `<Put><CmdID>1</CmdID><Meta><Type xmlns="syncml:metinf">${type}</Type></Meta><Item><Source><LocURI>./devinf10</LocURI></Source><Data>${data}</Data></Item></Put>`,
    );
  const firstItem = (bytes: Uint8Array) => (parseMessage(bytes).message.commands[0] as Put).items[0]!;

  it('parses inline DevInf XML with or without its namespace', () => {
    expect(firstItem(xmlPut(xmlDevInf.replace('<DevInf>', '<DevInf xmlns="syncml:devinf">'))).data).toEqual(
      expected,
    );
    expect(firstItem(xmlPut(xmlDevInf)).data).toEqual(expected);
    expect(firstItem(xmlPut(`\n  ${xmlDevInf}\n`)).data).toEqual(expected);
  });

  it('parses DevInf sent as escaped text or CDATA under a DevInf Meta Type', () => {
    const escaped = xmlDevInf.replaceAll('<', '&lt;').replaceAll('>', '&gt;');
    expect(firstItem(xmlPut(escaped)).data).toEqual(expected);
    expect(firstItem(xmlPut(`<![CDATA[${xmlDevInf}]]>`)).data).toEqual(expected);
  });

  it('keeps the escaped text as bytes when the Meta Type is not DevInf', () => {
    const escaped = xmlDevInf.replaceAll('<', '&lt;').replaceAll('>', '&gt;');
    expect(firstItem(xmlPut(escaped, 'text/plain')).data).toEqual(Payload.fromText(xmlDevInf));
  });
});

describe('XML namespaces as devices write them', () => {
  const alert = (meta: string): Uint8Array =>
    xmlMessage(
      `<Alert><CmdID>1</CmdID><Data>200</Data><Item><Target><LocURI>t</LocURI></Target><Meta>${meta}</Meta></Item></Alert>`,
    );
  const anchorOf = (bytes: Uint8Array) =>
    (parseMessage(bytes).message.commands[0] as Alert).items[0]!.meta?.anchor;

  it('MetInf with its namespace, in upper case, inherited from SyncML, or none at all', () => {
    const anchor = '<Anchor{ns}><Last>1</Last><Next>2</Next></Anchor>';
    for (const ns of [' xmlns="syncml:metinf"', ' xmlns="SYNCML:METINF"', ' xmlns="SyncML:MetInf"', '']) {
      expect(anchorOf(alert(anchor.replace('{ns}', ns)))).toEqual({ last: '1', next: '2' });
    }
    const none = utf8(
      `<SyncML>${HDR11}<SyncBody><Alert><CmdID>1</CmdID><Item><Meta><Anchor><Next>2</Next></Anchor></Meta></Item></Alert></SyncBody></SyncML>`,
    );
    expect(anchorOf(none)).toEqual({ next: '2' });
  });

  it('a MetInf wrapper element adds no level', () => {
    expect(anchorOf(alert('<MetInf xmlns="syncml:metinf"><Anchor><Next>9</Next></Anchor></MetInf>'))).toEqual(
      { next: '9' },
    );
  });

  it('a prefixed SyncML namespace', () => {
    const bytes = utf8(
      `<s:SyncML xmlns:s="SYNCML:SYNCML1.1">${HDR11.replaceAll('<', '<s:').replaceAll('<s:/', '</s:')}<s:SyncBody><s:Final/></s:SyncBody></s:SyncML>`,
    );
    expect(parseMessage(bytes).message.final).toBe(true);
  });
});

describe('tolerated oddities are skipped and reported', () => {
  it('an element where the model has no slot for it: UNEXPECTED_ELEMENT with path and offset', () => {
    const body = '<Alert><CmdID>1</CmdID><VerDTD>1.1</VerDTD><Data>200</Data></Alert>';
    const bytes = xmlMessage(body);
    const r = parseMessage(bytes);
    expect((r.message.commands[0] as Alert).code).toBe(200);
    const offset = new TextDecoder().decode(bytes).indexOf('<VerDTD>1.1</VerDTD><Data>');
    expect(r.warnings).toEqual([
      {
        code: 'UNEXPECTED_ELEMENT',
        message: 'element VerDTD has no place here and was skipped',
        path: 'SyncML/SyncBody/Alert[1]/VerDTD',
        offset,
      },
    ]);
  });

  it('the same in WBXML', () => {
    const bytes = message([
      el(T.Alert, el(T.CmdID, str('1')), el(T.VerDTD, str('x')), el(T.Data, str('201'))),
    ]);
    const r = parseMessage(bytes);
    expect((r.message.commands[0] as Alert).code).toBe(201);
    expect(r.warnings.map((w) => [w.code, w.path])).toEqual([
      ['UNEXPECTED_ELEMENT', 'SyncML/SyncBody/Alert[1]/VerDTD'],
    ]);
    expect(bytes[r.warnings[0]!.offset]).toBe(T.VerDTD | 0x40);
  });

  it('an element of a foreign namespace and its content: FOREIGN_ELEMENT', () => {
    const r = parseMessage(
      xmlMessage(
        '<Alert><CmdID>1</CmdID><x:Hint xmlns:x="urn:vendor"><x:More>1</x:More><Unknown/></x:Hint></Alert>',
      ),
    );
    expect(r.warnings.map((w) => [w.code, w.path])).toEqual([
      ['FOREIGN_ELEMENT', 'SyncML/SyncBody/Alert[1]/x:Hint'],
    ]);
  });

  it('text among elements: UNEXPECTED_TEXT; a second SyncHdr: DUPLICATE_ELEMENT', () => {
    const bytes = utf8(`<SyncML>${HDR11}${HDR11}<SyncBody>oops<Final/></SyncBody></SyncML>`);
    expect(parseMessage(bytes).warnings.map((w) => [w.code, w.path])).toEqual([
      ['DUPLICATE_ELEMENT', 'SyncML/SyncHdr'],
      ['UNEXPECTED_TEXT', 'SyncML/SyncBody'],
    ]);
  });

  it('DevInf without DevID and DevTyp: fields empty, MISSING_ELEMENT warnings', () => {
    const r = parseDevInf(utf8('<DevInf xmlns="syncml:devinf"><VerDTD>1.1</VerDTD><Man>X</Man></DevInf>'));
    expect(r.devinf).toEqual({
      verDTD: '1.1',
      man: 'X',
      devID: '',
      devTyp: '',
      dataStores: [],
      ctCaps: [],
      exts: [],
    });
    expect(r.warnings.map((w) => [w.code, w.path])).toEqual([
      ['MISSING_ELEMENT', 'DevInf/DevID'],
      ['MISSING_ELEMENT', 'DevInf/DevTyp'],
    ]);
  });

  it('caps the warning list at maxWarnings', () => {
    const body = `<Alert><CmdID>1</CmdID>${'<VerDTD/>'.repeat(10)}</Alert>`;
    const r = parseMessage(xmlMessage(body), { maxWarnings: 3 });
    expect(r.warnings.map((w) => w.code)).toEqual([
      'UNEXPECTED_ELEMENT',
      'UNEXPECTED_ELEMENT',
      'UNEXPECTED_ELEMENT',
      'TOO_MANY_WARNINGS',
    ]);
  });
});

describe('DevInf documents', () => {
  it('parses the Synthesis Palm DevInf 1.0 WBXML document', () => {
    const r = parseDevInf(vector('wbxml/devinf.wbxml'));
    expect(r.encoding).toBe('wbxml');
    expect(r.warnings).toEqual([]);
    expect([r.devinf.verDTD, r.devinf.man, r.devinf.devID]).toEqual([
      '1.0',
      'Synthesis AG',
      'SySync Client PalmOS PRO',
    ]);
    expect(r.devinf.dataStores.map((d) => [d.sourceRef, d.maxGUIDSize, d.rxPref.ctType])).toEqual([
      ['./events', 64, 'text/x-vcalendar'],
      ['./tasks', 64, 'text/x-vcalendar'],
      ['./notes', 64, 'text/plain'],
    ]);
  });

  it('reads DevInf 1.2: CTCap in the DataStore, Property/PropParam, MaxSize, filters, DSMem, Ext', () => {
    const xml = `<DevInf xmlns="syncml:devinf"><VerDTD>1.2</VerDTD><Man>M</Man><Mod>D</Mod><DevID>IMEI:2</DevID><DevTyp>phone</DevTyp>
<UTC/><SupportLargeObjs/><SupportNumberOfChanges/>
<DataStore><SourceRef>./contacts</SourceRef><DisplayName>Contacts</DisplayName><MaxGUIDSize>32</MaxGUIDSize>
<Rx-Pref><CTType>text/vcard</CTType><VerCT>3.0</VerCT></Rx-Pref><Rx><CTType>text/x-vcard</CTType><VerCT>2.1</VerCT></Rx>
<Tx-Pref><CTType>text/vcard</CTType><VerCT>3.0</VerCT></Tx-Pref>
<CTCap><CTType>text/vcard</CTType><VerCT>3.0</VerCT><FieldLevel/>
<Property><PropName>TEL</PropName><DataType>phonenumber</DataType><MaxOccur>5</MaxOccur><MaxSize>40</MaxSize><NoTruncate/><DisplayName>Phone</DisplayName>
<PropParam><ParamName>TYPE</ParamName><ValEnum>HOME</ValEnum><ValEnum>WORK</ValEnum></PropParam></Property>
<Property><PropName>N</PropName></Property></CTCap>
<DSMem><SharedMem/><MaxMem>65536</MaxMem><MaxID>500</MaxID></DSMem><SupportHierarchicalSync/>
<SyncCap><SyncType>1</SyncType><SyncType>7</SyncType></SyncCap>
<Filter-Rx><CTType>syncml:filtertype-cgi</CTType><VerCT>1.0</VerCT></Filter-Rx>
<FilterCap><CTType>text/vcard</CTType><VerCT>3.0</VerCT><FilterKeyword>TEL</FilterKeyword><PropName>N</PropName></FilterCap>
</DataStore><Ext><XNam>X-Vendor</XNam><XVal>a</XVal><XVal>b</XVal></Ext></DevInf>`;
    const r = parseDevInf(utf8(xml));
    expect(r.warnings).toEqual([]);
    expect(r.devinf).toEqual({
      verDTD: '1.2',
      man: 'M',
      mod: 'D',
      devID: 'IMEI:2',
      devTyp: 'phone',
      utc: true,
      supportLargeObjs: true,
      supportNumberOfChanges: true,
      dataStores: [
        {
          sourceRef: './contacts',
          displayName: 'Contacts',
          maxGUIDSize: 32,
          rxPref: { ctType: 'text/vcard', verCT: '3.0' },
          rx: [{ ctType: 'text/x-vcard', verCT: '2.1' }],
          txPref: { ctType: 'text/vcard', verCT: '3.0' },
          tx: [],
          ctCaps: [
            {
              ctType: 'text/vcard',
              verCT: '3.0',
              fieldLevel: true,
              properties: [
                {
                  propName: 'TEL',
                  dataType: 'phonenumber',
                  maxOccur: 5,
                  maxSize: 40,
                  noTruncate: true,
                  valEnums: [],
                  displayName: 'Phone',
                  params: [{ paramName: 'TYPE', valEnums: ['HOME', 'WORK'] }],
                },
                { propName: 'N', valEnums: [], params: [] },
              ],
            },
          ],
          dsMem: { sharedMem: true, maxMem: 65536, maxID: 500 },
          supportHierarchicalSync: true,
          syncTypes: [1, 7],
          filterRx: [{ ctType: 'syncml:filtertype-cgi', verCT: '1.0' }],
          filterCaps: [{ ctType: 'text/vcard', verCT: '3.0', filterKeywords: ['TEL'], propNames: ['N'] }],
        },
      ],
      ctCaps: [],
      exts: [{ xNam: 'X-Vendor', xVals: ['a', 'b'] }],
    });
  });

  it('reads token 0x1C as the property size in DevInf 1.1 (Size) and 1.2 (MaxSize)', () => {
    const flat = (v: string, size: string) =>
      `<DevInf xmlns="syncml:devinf"><VerDTD>${v}</VerDTD><DevID>d</DevID><DevTyp>t</DevTyp><CTCap><CTType>text/plain</CTType><PropName>P</PropName><${size}>9</${size}></CTCap></DevInf>`;
    for (const [v, size] of [
      ['1.1', 'Size'],
      ['1.2', 'MaxSize'],
    ]) {
      const r = parseDevInf(utf8(flat(v!, size!)));
      expect(r.devinf.ctCaps[0]!.properties[0]!.maxSize).toBe(9);
      const wbxml = serializeDevInf(r.devinf, { encoding: 'wbxml' });
      expect(wbxml.includes(0x1c | 0x40)).toBe(true);
      expect(parseDevInf(wbxml).devinf).toEqual(r.devinf);
    }
  });

  it('leaves an empty DevInf number undefined with an EMPTY_NUMBER warning', () => {
    const r = parseDevInf(
      utf8(
        '<DevInf><VerDTD>1.1</VerDTD><DevID>d</DevID><DevTyp>t</DevTyp><DataStore><SourceRef>s</SourceRef><MaxGUIDSize/><Rx-Pref><CTType>a</CTType><VerCT>1</VerCT></Rx-Pref><Tx-Pref><CTType>a</CTType><VerCT>1</VerCT></Tx-Pref><SyncCap/></DataStore></DevInf>',
      ),
    );
    expect(r.devinf.dataStores[0]!.maxGUIDSize).toBeUndefined();
    expect(r.warnings.map((w) => [w.code, w.path])).toEqual([
      ['EMPTY_NUMBER', 'DevInf/DataStore[1]/MaxGUIDSize'],
    ]);
  });
});

describe('XML text forms', () => {
  it('joins text, references and CDATA into one payload; keeps CR LF', () => {
    const body =
      '<Status><CmdID>1</CmdID><MsgRef>1</MsgRef><CmdRef>2</CmdRef><Cmd>Add</Cmd><Data>201</Data><Item><Data>a&amp;b<![CDATA[<c>]]>d&#13;\r\ne</Data></Item></Status>';
    const status = parseMessage(xmlMessage(body)).message.commands[0] as Status;
    expect(status.items[0]!.data).toEqual(Payload.fromText('a&b<c>d\r\r\ne'));
  });

  it('transcodes an ISO-8859-1 document to UTF-8', () => {
    const head = '<?xml version="1.0" encoding="ISO-8859-1"?>';
    const body = `<Alert><CmdID>1</CmdID><Item><Target><LocURI>caf\u00e9</LocURI></Target><Data>\u00e9t\u00e9</Data></Item></Alert>`;
    const text = head + new TextDecoder().decode(xmlMessage(body));
    const latin1 = Uint8Array.from(text, (ch) => ch.charCodeAt(0));
    const item = (parseMessage(latin1).message.commands[0] as Alert).items[0]!;
    expect(item.target?.locURI).toBe('café');
    expect(item.data).toEqual(Payload.fromText('été'));
  });

  it('reads a UTF-16 document', () => {
    const text = new TextDecoder().decode(xmlMessage('<Alert><CmdID>1</CmdID><Data>200</Data></Alert>'));
    const utf16 = new Uint8Array(2 + text.length * 2);
    utf16[0] = 0xff;
    utf16[1] = 0xfe;
    for (let i = 0; i < text.length; i++) utf16[2 + i * 2] = text.charCodeAt(i);
    expect((parseMessage(utf16).message.commands[0] as Alert).code).toBe(200);
  });
});
