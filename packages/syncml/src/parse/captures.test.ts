// Every real capture parses, cleanly (no warning), in the encoding it came in; the Funambol
// WBXML/XML pairs give the same AST.
import { describe, expect, it } from 'vitest';
import { Payload, parseMessage, parseWbxmlMessage, parseXmlMessage } from '../index.js';
import {
  comparePayloadsByBytes,
  vector,
  wbxmlMessages,
  xmlMessages,
} from '../test-util/vectors.test-util.js';

comparePayloadsByBytes();

describe('every WBXML capture parses', () => {
  const files = wbxmlMessages();
  it('finds the captures', () => {
    // 7 Horde/handset messages minus the DevInf document, 20 Funambol, 3 synthetic.
    expect(files.length).toBe(28);
  });
  it.each(files)('%s', (file) => {
    const r = parseMessage(vector(file));
    expect(r.encoding).toBe('wbxml');
    expect(r.warnings).toEqual([]);
    expect(r.message.commands.length).toBeGreaterThan(0);
    expect(['1.0', '1.1', '1.2']).toContain(r.message.header.version);
    expect(parseWbxmlMessage(vector(file)).message).toEqual(r.message);
  });
});

describe('every XML capture parses', () => {
  const files = xmlMessages();
  it('finds the captures', () => {
    // 3 Horde packets, 21 Funambol, 3 synthetic, 196 session messages.
    expect(files.length).toBe(223);
  });
  it.each(files)('%s', (file) => {
    const r = parseMessage(vector(file));
    expect(r.encoding).toBe('xml');
    expect(r.warnings).toEqual([]);
    expect(r.message.commands.length).toBeGreaterThan(0);
    expect(parseXmlMessage(vector(file)).message).toEqual(r.message);
  });
});

// The Funambol test data hold each message as WBXML and as XML. Both forms give the same AST
// with no normalisation at all: the XML's missing namespaces, its CDATA and its indented
// inline DevInf end up exactly where the WBXML's MetInf page, OPAQUE data and nested WBXML
// DevInf do.
describe('Funambol pairs: msgN.wbxml and msgN.xml give the same AST', () => {
  const pairs = Array.from({ length: 20 }, (_, i) => `wbxml/funambol/msg${i + 1}`);
  it.each(pairs)('%s', (base) => {
    const fromWbxml = parseMessage(vector(`${base}.wbxml`)).message;
    const fromXml = parseMessage(vector(`${base}.xml`)).message;
    expect(fromXml).toEqual(fromWbxml);
  });

  it('the comparison sees a difference when there is one', () => {
    const a = parseMessage(vector('wbxml/funambol/msg9.wbxml')).message;
    const b = parseMessage(vector('wbxml/funambol/msg9.xml')).message;
    const sync = b.commands.find((c) => c.kind === 'Sync');
    const add = sync?.kind === 'Sync' ? sync.commands[0] : undefined;
    if (add?.kind !== 'Add') throw new Error('msg9 starts its Sync with an Add');
    const data = add.items[0]!.data as Payload;
    const changed = new Uint8Array(data.bytes());
    changed[0] = changed[0]! ^ 1;
    add.items[0]!.data = Payload.fromBytes(changed);
    expect(() => expect(b).toEqual(a)).toThrow();
    add.items[0]!.data = Payload.fromBytes(new Uint8Array(data.bytes()));
    expect(b).toEqual(a);
  });
});

// Horde's examples hold the server packet both as WBXML and as pretty-printed XML (values
// on lines of their own): string fields and b64 tokens are read trimmed, so both give the
// same AST.
describe('Horde pair: syncml_server_packet_1.wbxml and its pretty-printed XML', () => {
  it('give the same AST', () => {
    const fromWbxml = parseMessage(vector('wbxml/syncml_server_packet_1.wbxml')).message;
    const fromXml = parseMessage(vector('wbxml/syncml_server_packet_1.xml')).message;
    expect(fromXml).toEqual(fromWbxml);
  });
});
