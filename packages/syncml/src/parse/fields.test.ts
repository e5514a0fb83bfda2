// Exact field values on real messages: one of each kind the engine relies on.
import { describe, expect, it } from 'vitest';
import type { Alert, MapCommand, Put, Results, Status, Sync } from '../index.js';
import { Payload, parseMessage } from '../index.js';
import { comparePayloadsByBytes, vector } from '../test-util/vectors.test-util.js';

comparePayloadsByBytes();

const text = (s: string): Payload => Payload.fromText(s);

describe('Sony Ericsson K500i (SyncML 1.1 WBXML, text as OPAQUE, FPI in the string table without NUL)', () => {
  const { message, encoding } = parseMessage(vector('wbxml/k500i_client_0.wbxml'));

  it('has the header with basic credentials and MaxMsgSize 2700', () => {
    expect(encoding).toBe('wbxml');
    expect(message.header).toEqual({
      version: '1.1',
      verProto: 'SyncML/1.1',
      sessionID: '10',
      msgID: '1',
      target: { locURI: 'www.daimi.au.dk/~pede/horde/rpc.php' },
      source: { locURI: '354416005739727' },
      cred: { meta: { format: 'b64', type: 'syncml:auth-basic' }, data: text('cGVkZTpoZW1tZWxpZw==') },
      meta: { maxMsgSize: 2700 },
    });
  });

  it('asks for a slow sync (Alert 201) of contacts with anchors 0 -> 51', () => {
    expect(message.commands).toEqual([
      {
        kind: 'Alert',
        cmdID: '1',
        cred: { meta: { format: 'b64', type: 'syncml:auth-basic' }, data: text('cGVkZTpoZW1tZWxpZw==') },
        code: 201,
        items: [
          {
            target: { locURI: 'contacts' },
            source: { locURI: 'EriPBDB' },
            meta: { anchor: { last: '0', next: '51' } },
          },
        ],
      },
    ]);
    expect(message.final).toBe(true);
  });

  it('keeps item data as a view into the message (no copy)', () => {
    const bytes = vector('wbxml/k500i_client_0.wbxml');
    const data = parseMessage(bytes).message.header.cred!.data;
    expect(data.buf).toBe(bytes);
    expect(data.text()).toBe('cGVkZTpoZW1tZWxpZw==');
  });
});

describe('nested WBXML DevInf in OPAQUE (the A780 way): Synthesis Palm client, SyncML 1.1', () => {
  const { message } = parseMessage(vector('wbxml/syncml_client_packet_3.wbxml'));
  const put = message.commands[0] as Put;

  it('parses the Put of a DevInf 1.1 document into DevInfData', () => {
    expect(put.kind).toBe('Put');
    expect(put.meta).toEqual({ type: 'application/vnd.syncml-devinf+wbxml' });
    expect(put.items[0]!.source).toEqual({ locURI: './devinf11' });
    const data = put.items[0]!.data;
    if (data?.kind !== 'devinf') throw new Error('expected DevInfData');
    const d = data.devinf;
    expect([d.verDTD, d.man, d.mod, d.oem, d.swV, d.devID, d.devTyp]).toEqual([
      '1.1',
      'Synthesis AG',
      'Synthesis Sync Client 2.1.0.3 Palm PRO',
      'Synthesis AG',
      '2.1.0.3',
      'SySync Client PalmOS PRO',
      'workstation',
    ]);
    expect(d.supportLargeObjs).toBe(true);
    expect(d.supportNumberOfChanges).toBe(true);
    expect(d.utc).toBeUndefined();
    expect(d.dataStores.map((s) => s.sourceRef)).toEqual(['./events', './tasks', './notes']);
    expect(d.dataStores[2]).toEqual({
      sourceRef: './notes',
      maxGUIDSize: 64,
      rxPref: { ctType: 'text/plain', verCT: '1.0' },
      rx: [],
      txPref: { ctType: 'text/plain', verCT: '1.0' },
      tx: [],
      ctCaps: [],
      syncTypes: [1, 2, 3, 4, 5, 6],
      filterRx: [],
      filterCaps: [],
    });
  });

  it('regroups the flat 1.1 CTCap into properties with their ValEnums', () => {
    const data = put.items[0]!.data;
    if (data?.kind !== 'devinf') throw new Error('expected DevInfData');
    const caps = data.devinf.ctCaps;
    expect(caps).toHaveLength(1);
    expect(caps[0]!.ctType).toBe('text/x-vcalendar');
    expect(caps[0]!.properties.map((p) => p.propName)).toEqual([
      'BEGIN',
      'END',
      'VERSION',
      'SUMMARY',
      'CLASS',
      'DESCRIPTION',
      'DTSTART',
      'DTEND',
      'RRULE',
      'EXDATE',
      'AALARM',
      'DALARM',
      'SUMMARY',
      'CLASS',
      'DESCRIPTION',
      'DUE',
      'PRIORITY',
      'STATUS',
    ]);
    expect(caps[0]!.properties[0]).toEqual({
      propName: 'BEGIN',
      valEnums: ['VCALENDAR', 'VEVENT', 'VTODO'],
      params: [],
    });
    expect(caps[0]!.properties[2]).toEqual({ propName: 'VERSION', valEnums: ['1.0'], params: [] });
  });

  it('keeps the Get of the server DevInf and the Alerts', () => {
    expect(message.commands.map((c) => c.kind)).toEqual(['Put', 'Get', 'Alert', 'Alert', 'Alert']);
    expect((message.commands[2] as Alert).items[0]!.target).toEqual({ locURI: 'events?/dr(-30,90)' });
  });
});

describe('Funambol msg1: Nokia N80 DevInf 1.1 nested in WBXML, one flat CTCap holding two content types', () => {
  const put = parseMessage(vector('wbxml/funambol/msg1.wbxml')).message.commands.find(
    (c) => c.kind === 'Put',
  ) as Put;
  const data = put.items[0]!.data;
  if (data?.kind !== 'devinf') throw new Error('expected DevInfData');
  const d = data.devinf;

  it('reads empty elements as empty strings', () => {
    expect([d.man, d.mod, d.fwV, d.swV, d.hwV, d.devID, d.devTyp]).toEqual([
      'NOKIA',
      'N80',
      '',
      'V 4.0632.0.38',
      '',
      'syncml-phone',
      'phone',
    ]);
    expect([d.utc, d.supportLargeObjs, d.supportNumberOfChanges]).toEqual([true, true, true]);
  });

  it('splits the CTCap at each CTType, with Size (DevInf 1.1) as maxSize and parameters in place', () => {
    expect(d.ctCaps.map((c) => c.ctType)).toEqual(['text/x-vcard', 'text/x-vcalendar']);
    const tel = d.ctCaps[0]!.properties.find((p) => p.propName === 'TEL')!;
    expect(tel.dataType).toBe('');
    expect(tel.maxSize).toBe(256);
    expect(tel.displayName).toBe('Telephone number');
    expect(tel.params.map((q) => [q.paramName, q.displayName])).toEqual([
      ['HOME', 'Home telephone'],
      ['WORK', 'Work telephone'],
      ['CELL', 'Cellular number'],
      ['PAGER', 'Pager number'],
      ['FAX', 'Fax number'],
      ['VIDEO', 'Video number'],
      ['PREF', 'Default number'],
      ['CAR', 'Car telephone'],
    ]);
    expect(d.ctCaps[1]!.properties.at(-1)).toEqual({
      propName: 'X-EPOCAGENDAENTRYTYPE',
      dataType: '',
      maxSize: 256,
      valEnums: [],
      displayName: 'X-Epoc Agenda Entry Type',
      params: [],
    });
  });
});

describe('a Status with a Chal: MD5 challenge with NextNonce (SyncML 1.1 WBXML, server)', () => {
  const { message } = parseMessage(vector('wbxml/syncml_server_packet_1.wbxml'));

  it('answers the header 401 with a b64 nonce', () => {
    expect(message.header.target).toEqual({ locURI: 'AA712857A16E02800', locName: 'anthony' });
    expect(message.header.meta).toEqual({ maxMsgSize: 50000, maxObjSize: 4000000 });
    const status = message.commands[0] as Status;
    expect(status).toEqual({
      kind: 'Status',
      cmdID: '1',
      msgRef: '1',
      cmdRef: '0',
      cmd: 'SyncHdr',
      targetRefs: ['http://pyramid6.com:8080/sync'],
      sourceRefs: ['AA712857A16E02800'],
      chal: { meta: { format: 'b64', type: 'syncml:auth-md5', nextNonce: text('O0JUQVAkISE=') } },
      code: 401,
      items: [],
    });
    expect(message.commands.slice(1).map((c) => [(c as Status).cmd, (c as Status).code])).toEqual([
      ['Put', 401],
      ['Get', 401],
      ['Alert', 401],
    ]);
  });
});

describe('a Map (Funambol Pocket PC client, SyncML 1.1 XML without namespaces)', () => {
  const { message } = parseMessage(vector('sessions/sync4j_pocketpc_contacts/syncml_client_13.xml'));

  it('maps the server id to the client id', () => {
    const map = message.commands[3] as MapCommand;
    expect(map).toEqual({
      kind: 'Map',
      cmdID: '4',
      target: { locURI: 'contacts' },
      source: { locURI: 'contact' },
      mapItems: [{ target: '20061013233527.htyrg8wmc2o@192.168.60.3', source: '50344628' }],
    });
    const added = message.commands[2] as Status;
    expect([added.cmd, added.code, added.items[0]!.source?.locURI]).toEqual([
      'Add',
      201,
      '20061013233527.htyrg8wmc2o@192.168.60.3',
    ]);
    expect(message.final).toBe(true);
  });
});

describe('a Sync with Add, Replace and Delete', () => {
  const xml = `<SyncML xmlns="SYNCML:SYNCML1.2"><SyncHdr><VerDTD>1.2</VerDTD><VerProto>SyncML/1.2</VerProto>
<SessionID>7</SessionID><MsgID>3</MsgID><Target><LocURI>http://s/sync</LocURI></Target><Source><LocURI>IMEI:1</LocURI></Source></SyncHdr>
<SyncBody><Sync><CmdID>2</CmdID><Target><LocURI>./contacts</LocURI></Target><Source><LocURI>./C/Contacts</LocURI></Source>
<NumberOfChanges>3</NumberOfChanges>
<Add><CmdID>3</CmdID><Meta><Type xmlns="syncml:metinf">text/x-vcard</Type></Meta><Item><Source><LocURI>10</LocURI></Source><Data>BEGIN:VCARD&#13;
N:A&amp;B;;&#13;
END:VCARD</Data></Item></Add>
<Replace><CmdID>4</CmdID><Meta><Type xmlns="syncml:metinf">text/x-vcard</Type></Meta><Item><Source><LocURI>11</LocURI></Source><Data><![CDATA[BEGIN:VCARD]]></Data></Item></Replace>
<Delete><CmdID>5</CmdID><SftDel/><Item><Source><LocURI>12</LocURI></Source></Item></Delete>
</Sync><Final/></SyncBody></SyncML>`;
  const { message } = parseMessage(new TextEncoder().encode(xml));

  it('keeps the three commands in order, references expanded to bytes', () => {
    const sync = message.commands[0] as Sync;
    expect(sync.target).toEqual({ locURI: './contacts' });
    expect(sync.numberOfChanges).toBe(3);
    expect(sync.commands).toEqual([
      {
        kind: 'Add',
        cmdID: '3',
        meta: { type: 'text/x-vcard' },
        items: [{ source: { locURI: '10' }, data: text('BEGIN:VCARD\r\nN:A&B;;\r\nEND:VCARD') }],
      },
      {
        kind: 'Replace',
        cmdID: '4',
        meta: { type: 'text/x-vcard' },
        items: [{ source: { locURI: '11' }, data: text('BEGIN:VCARD') }],
      },
      { kind: 'Delete', cmdID: '5', sftDel: true, items: [{ source: { locURI: '12' } }] },
    ]);
  });

  it('reads the same kinds from real clients', () => {
    const notes = parseMessage(vector('sessions/sync4j_pocketpc_notes/syncml_client_21.xml')).message;
    const sync = notes.commands.find((c) => c.kind === 'Sync') as Sync;
    expect(
      sync.commands.map((c) => [c.kind, c.kind === 'Add' || c.kind === 'Delete' ? c.items.length : 0]),
    ).toEqual([
      ['Add', 2],
      ['Delete', 1],
    ]);
    const add = sync.commands[0]!;
    if (add.kind !== 'Add') throw new Error('Add first');
    expect(add.meta).toEqual({ type: 'text/x-s4j-sifn' });
    expect(add.items[0]!.meta).toEqual({ format: 'b64' });
    expect(add.items[0]!.source).toEqual({ locURI: 'Y2xpZW50Mi5wd2k=' });
    const replaces = (
      parseMessage(vector('wbxml/funambol/msg13.wbxml')).message.commands.find(
        (c) => c.kind === 'Sync',
      ) as Sync
    ).commands;
    expect(replaces.map((c) => c.kind)).toEqual([
      'Replace',
      'Replace',
      'Replace',
      'Replace',
      'Replace',
      'Replace',
    ]);
  });
});

describe('a Results with DevInf (Horde server answering a P900, SyncML 1.0 XML)', () => {
  const { message } = parseMessage(vector('sessions/P900_tasksandcalendar/syncml_server_10.xml'));

  it('carries the server DevInf 1.0 inline', () => {
    const results = message.commands.find((c) => c.kind === 'Results') as Results;
    expect([results.cmdID, results.msgRef, results.cmdRef]).toEqual(['4', '1', '2']);
    expect(results.meta).toEqual({ type: 'application/vnd.syncml-devinf+xml' });
    expect(results.items[0]!.source).toEqual({ locURI: './devinf10' });
    const data = results.items[0]!.data;
    if (data?.kind !== 'devinf') throw new Error('expected DevInfData');
    expect([data.devinf.verDTD, data.devinf.man, data.devinf.devID, data.devinf.devTyp]).toEqual([
      '1.0',
      'The Horde Project (http://www.horde.org/)',
      'fourmont.dyndns.org',
      'server',
    ]);
    expect(data.devinf.dataStores[0]!.sourceRef).toBe('notes');
  });
});

describe('SyncML 1.0, 1.1 and 1.2 messages', () => {
  it('1.0: Sony Ericsson P900 with its DevInf 1.0 (flat CTCap with ParamNames)', () => {
    const { message } = parseMessage(vector('sessions/P900_tasksandcalendar/syncml_client_10.xml'));
    expect([message.header.version, message.header.verProto]).toEqual(['1.0', 'SyncML/1.0']);
    const put = message.commands[0] as Put;
    const data = put.items[0]!.data;
    if (data?.kind !== 'devinf') throw new Error('expected DevInfData');
    const d = data.devinf;
    expect([d.verDTD, d.mod, d.devTyp]).toEqual(['1.0', 'P900', 'smartphone']);
    expect(d.dataStores[0]!.sourceRef).toBe('c:\\Documents\\agenda\\agenda');
    expect(d.dataStores[0]!.dsMem).toEqual({});
    expect(d.dataStores[0]!.syncTypes).toEqual([1, 2]);
    const attendee = d.ctCaps[0]!.properties.find((p) => p.propName === 'ATTENDEE')!;
    expect(attendee.params.map((q) => q.paramName)).toEqual(['EXPECT', 'ROLE', 'RSVP', 'STATUS']);
    expect((message.commands[2] as Alert).items[0]!.meta?.anchor).toEqual({
      last: '20061222T204212Z',
      next: '20061222T205323Z',
    });
  });

  it('1.1: Sony Ericsson K700i', () => {
    const { message } = parseMessage(vector('wbxml/k700i_syncml_client_0.wbxml'));
    expect([message.header.version, message.header.sessionID, (message.commands[0] as Alert).code]).toEqual([
      '1.1',
      '36',
      200,
    ]);
  });

  it('1.2: Funambol msg4 (statuses) and msg5 (Alert 200 with anchors)', () => {
    const msg4 = parseMessage(vector('wbxml/funambol/msg4.wbxml')).message;
    expect(msg4.header).toEqual({
      version: '1.2',
      verProto: 'SyncML/1.2',
      sessionID: '1c',
      msgID: '4',
      target: { locURI: 'http://localhost:8080/funambol/ds' },
      source: { locURI: 'syncml-phone' },
      meta: { maxMsgSize: 5000 },
    });
    expect(msg4.commands.map((c) => [(c as Status).cmd, (c as Status).code])).toEqual([
      ['SyncHdr', 212],
      ['Sync', 200],
    ]);
    const msg5 = parseMessage(vector('wbxml/funambol/msg5.wbxml')).message;
    expect((msg5.commands[0] as Alert).items[0]!.meta?.anchor).toEqual({ last: '476', next: '477' });
    expect(parseMessage(vector('wbxml/funambol/msg16.wbxml')).message.header.respURI).toBe('(IGNORED)');
  });

  it('takes the version from VerDTD when the WBXML public id says otherwise (Funambol msg8: FPI 1.0, VerDTD 1.1)', () => {
    expect(parseMessage(vector('wbxml/funambol/msg8.wbxml')).message.header.version).toBe('1.1');
  });
});

describe('MetInf inside Data: the anchor echoed in the Status of an Alert', () => {
  it('parses into MetInfData, with the MetInf namespace (Horde server)', () => {
    const { message } = parseMessage(vector('sessions/sync4j_pocketpc_contacts/syncml_server_10.xml'));
    const status = message.commands.find((c) => c.kind === 'Status' && c.cmd === 'Alert') as Status;
    expect(status.code).toBe(508);
    expect(status.items).toEqual([{ data: { kind: 'metinf', meta: { anchor: { next: '26429128' } } } }]);
  });

  it('parses into MetInfData without any namespace (Funambol Pocket PC client)', () => {
    const { message } = parseMessage(vector('sessions/sync4j_pocketpc_contacts/syncml_client_11.xml'));
    const status = message.commands.find((c) => c.kind === 'Status' && c.cmd === 'Alert') as Status;
    expect(status.items).toEqual([{ data: { kind: 'metinf', meta: { anchor: { next: '1160775338' } } } }]);
  });
});
