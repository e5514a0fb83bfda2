import { describe, expect, it } from 'vitest';
import { TestVectorsError } from '../errors.js';
import { messageItems, parseMessageItems } from './items.js';

const encoder = new TextEncoder();

// Two commands in the order Replace, Add; the command Meta gives the type, one item overrides it.
const message = [
  '<SyncML><SyncBody><Sync>',
  '<Replace><CmdID>3</CmdID><Meta><Type xmlns="syncml:metinf">text/x-vcard</Type></Meta>',
  '<Item><Source><LocURI>1</LocURI></Source><Data>BEGIN:VCARD&#13;&#x0A;FN:A &amp; B&#13;&#10;END:VCARD</Data></Item>',
  '<Item><Source><LocURI>2</LocURI></Source>',
  '<Meta><Type xmlns="syncml:metinf">text/x-s4j-sifc</Type><Format xmlns="syncml:metinf">b64</Format></Meta>',
  '<Data>PGNvbnRhY3QvPg==</Data></Item>',
  '<Item><Source><LocURI>3</LocURI></Source></Item>',
  '</Replace>',
  '<Add><CmdID>4</CmdID><Meta><Type>text/plain</Type></Meta>',
  '<Item><Data><![CDATA[x <y> &amp;]]> &lt;z&gt;</Data><MoreData/></Item>',
  '</Add>',
  '</Sync></SyncBody></SyncML>',
].join('');

describe('parseMessageItems', () => {
  it('reads the items of Add and Replace in document order, the item Meta over the command Meta', () => {
    expect(parseMessageItems(message, 'sessions/demo/syncml_client_11.xml')).toEqual([
      {
        source: 'demo/syncml_client_11.xml#0',
        file: 'sessions/demo/syncml_client_11.xml',
        command: 'Replace',
        type: 'text/x-vcard',
        format: '',
        moreData: false,
        text: 'BEGIN:VCARD\r\nFN:A & B\r\nEND:VCARD',
        bytes: encoder.encode('BEGIN:VCARD\r\nFN:A & B\r\nEND:VCARD'),
        decoded: 'BEGIN:VCARD\r\nFN:A & B\r\nEND:VCARD',
      },
      {
        source: 'demo/syncml_client_11.xml#1',
        file: 'sessions/demo/syncml_client_11.xml',
        command: 'Replace',
        type: 'text/x-s4j-sifc',
        format: 'b64',
        moreData: false,
        text: 'PGNvbnRhY3QvPg==',
        bytes: encoder.encode('<contact/>'),
        decoded: '<contact/>',
      },
      {
        source: 'demo/syncml_client_11.xml#2',
        file: 'sessions/demo/syncml_client_11.xml',
        command: 'Add',
        type: 'text/plain',
        format: '',
        moreData: true,
        text: 'x <y> &amp; <z>',
        bytes: encoder.encode('x <y> &amp; <z>'),
        decoded: 'x <y> &amp; <z>',
      },
    ]);
  });

  it('keeps a byte order mark of a b64 item and a lone surrogate reference as they were sent', () => {
    const xml = '<Add><Item><Meta><Format>b64</Format></Meta><Data>77u/eA==</Data></Item></Add>';
    expect(parseMessageItems(xml, 'm.xml')[0]!.decoded).toBe('\uFEFFx');
    const lone = '<Add><Item><Data>&#xD800;</Data></Item></Add>';
    expect(parseMessageItems(lone, 'm.xml')[0]!.decoded).toBe('\uD800');
  });

  it('keeps unknown entities and out-of-range references as written', () => {
    const xml = '<Add><Item><Data>&nbsp;&#x110000;&#xZZ;&amp</Data></Item></Add>';
    expect(parseMessageItems(xml, 'm.xml')[0]!.text).toBe('&nbsp;&#x110000;&#xZZ;&amp');
  });

  it('tells an empty <Type/> from a missing one and does not take <TypeX> for <Type>', () => {
    const xml =
      '<Add><Meta><Type>text/x-vcard</Type></Meta><Item><Meta><Type/></Meta><Data>a</Data></Item>' +
      '<Item><Meta><TypeX>no</TypeX></Meta><Data>b</Data></Item></Add>';
    expect(parseMessageItems(xml, 'm.xml').map((i) => i.type)).toEqual(['', 'text/x-vcard']);
  });

  it.each([
    ['an Item without its end tag', '<Add><Item><Data>a</Data></Add>', 5],
    ['a command without its end tag', '<SyncML><Replace><Item><Data>a</Data></Item>', 8],
    ['a message cut short', '<Add><Item><Data', 0],
    ['a start tag without its >', '<Add><Item><Data a="b"</Item></Add>', 11],
  ])('reports %s with its file and offset', (_, xml, offset) => {
    let error: unknown;
    try {
      parseMessageItems(xml, 'sessions/demo/cut.xml');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(TestVectorsError);
    expect(error).toMatchObject({ code: 'MALFORMED_CAPTURE', path: 'sessions/demo/cut.xml', offset });
  });
});

describe('messageItems on the Funambol captures', () => {
  it('reads the vCards of msg9, its last one a chunk of a large object', () => {
    const items = messageItems('wbxml/funambol/msg9.xml');
    expect(items.map((i) => [i.source, i.command, i.type, i.format, i.moreData])).toEqual([
      ['funambol/msg9.xml#0', 'Add', 'text/x-vcard', '', false],
      ['funambol/msg9.xml#1', 'Add', 'text/x-vcard', '', false],
      ['funambol/msg9.xml#2', 'Add', 'text/x-vcard', '', false],
      ['funambol/msg9.xml#3', 'Add', 'text/x-vcard', '', false],
      ['funambol/msg9.xml#4', 'Add', 'text/x-vcard', '', true],
    ]);
    expect(items[0]!.text.startsWith('BEGIN:VCARD')).toBe(true);
    expect(items.every((i) => i.bytes.length === encoder.encode(i.text).length)).toBe(true);
  });
});
