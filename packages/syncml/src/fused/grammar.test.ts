// Every element of the grammar through the fused decoder: messages that use every command and
// every field (and DevInf 1.0-1.2 with every element), and every XML capture, written as WBXML
// by the serializer (plain, with a string table, with numeric public ids) and read back. The
// fused decoder reads each itself, to the AST it was written from and to the generic path's.
import { describe, expect, it } from 'vitest';
import {
  type DevInf,
  type Item,
  type Meta,
  Payload,
  parseMessage,
  type SerializeOptions,
  type SyncMLMessage,
  serializeDevInf,
  serializeMessage,
} from '../index.js';
import { resolveParseOptions } from '../options.js';
import { parseDevInfWith, parseWith } from '../parse/parse.js';
import { comparePayloadsByBytes, vector, xmlMessages } from '../test-util/vectors.test-util.js';
import { FusedDecoder } from './decoder.js';

comparePayloadsByBytes();

const decoder = new FusedDecoder();

// The fused decoder starts lists as one shared frozen placeholder: none may be left in an AST.
function expectOwnLists(value: unknown, seen = new Set<unknown>()): void {
  if (value === null || typeof value !== 'object' || seen.has(value) || value instanceof Payload) return;
  seen.add(value);
  if (Array.isArray(value)) expect(Object.isFrozen(value)).toBe(false);
  for (const v of Object.values(value)) expectOwnLists(v, seen);
}
const DEFAULTS = resolveParseOptions(undefined);
const text = (s: string): Payload => Payload.fromText(s);

const WBXML_FORMS: Array<[string, SerializeOptions]> = [
  ['plain', { encoding: 'wbxml' }],
  ['string table', { encoding: 'wbxml', stringTable: true }],
  ['numeric public id', { encoding: 'wbxml', publicId: 'numeric' }],
];

const meta = (extra: Partial<Meta> = {}): Meta => ({
  format: 'b64',
  type: 'text/x-vcard',
  mark: 'urgent',
  size: 42,
  anchor: { last: '20240101T000000Z', next: '20240102T000000Z' },
  version: '1.0',
  nextNonce: text('bm9uY2U='),
  maxMsgSize: 10000,
  maxObjSize: 4000000,
  emi: ['one', 'two'],
  mem: { sharedMem: true, freeMem: 1000, freeID: 12 },
  fieldLevel: true,
  ...extra,
});

const item = (id: string, extra: Partial<Item> = {}): Item => ({
  target: { locURI: `./t/${id}`, locName: 'target' },
  source: { locURI: `./s/${id}`, locName: 'source' },
  sourceParent: './parent/s',
  targetParent: './parent/t',
  meta: { type: 'text/plain', size: 5 },
  data: text(`data ${id}`),
  moreData: true,
  ...extra,
});

const cred = { meta: { type: 'syncml:auth-md5', format: 'b64' }, data: text('Y3JlZA==') };

function everything(): SyncMLMessage {
  return {
    header: {
      version: '1.2',
      verProto: 'SyncML/1.2',
      sessionID: '4711',
      msgID: '3',
      target: { locURI: 'http://server/sync', locName: 'server' },
      source: { locURI: 'IMEI:1234', locName: 'alice' },
      respURI: 'http://server/sync?s=4711',
      noResp: true,
      cred,
      meta: { maxMsgSize: 20000, maxObjSize: 100000 },
    },
    commands: [
      {
        kind: 'Status',
        cmdID: '1',
        noResp: true,
        msgRef: '2',
        cmdRef: '0',
        cmd: 'SyncHdr',
        targetRefs: ['http://server/sync', './other'],
        sourceRefs: ['IMEI:1234', './mine'],
        cred,
        chal: { meta: { type: 'syncml:auth-md5', format: 'b64', nextNonce: text('bm9uY2U=') } },
        code: 212,
        items: [{ data: { kind: 'metinf', meta: { anchor: { next: '42' } } } }],
      },
      {
        kind: 'Alert',
        cmdID: '2',
        noResp: true,
        cred,
        code: 200,
        correlator: 'c-1',
        items: [item('a1', { meta: meta() })],
      },
      {
        kind: 'Sync',
        cmdID: '3',
        noResp: true,
        cred,
        target: {
          locURI: './contacts',
          locName: 'contacts',
          filter: {
            meta: { type: 'text/x-vcard' },
            field: item('f'),
            record: item('r'),
            filterType: 'INCLUSIVE',
          },
        },
        source: { locURI: './card', locName: 'card' },
        meta: meta({ type: 'text/vcard' }),
        numberOfChanges: 7,
        commands: [
          { kind: 'Add', cmdID: '4', noResp: true, cred, meta: meta(), items: [item('1'), item('2')] },
          { kind: 'Replace', cmdID: '5', meta: { type: 'text/x-vcard' }, items: [item('3')] },
          {
            kind: 'Delete',
            cmdID: '6',
            noResp: true,
            archive: true,
            sftDel: true,
            cred,
            meta: { type: 'text/x-vcard' },
            items: [item('4')],
          },
          { kind: 'Copy', cmdID: '7', items: [item('5')] },
          { kind: 'Move', cmdID: '8', items: [item('6')] },
          {
            kind: 'Atomic',
            cmdID: '9',
            noResp: true,
            meta: { type: 'text/x-vcard' },
            commands: [
              { kind: 'Add', cmdID: '10', items: [item('7')] },
              {
                kind: 'Sequence',
                cmdID: '11',
                meta: { type: 'text/x-vcard' },
                commands: [{ kind: 'Delete', cmdID: '12', items: [item('8')] }],
              },
            ],
          },
        ],
      },
      {
        kind: 'Get',
        cmdID: '13',
        noResp: true,
        lang: 'en',
        cred,
        meta: { type: 'application/vnd.syncml-devinf+wbxml' },
        items: [{ target: { locURI: './devinf12' } }],
      },
      {
        kind: 'Put',
        cmdID: '14',
        lang: 'de',
        meta: { type: 'application/vnd.syncml-devinf+wbxml' },
        items: [{ source: { locURI: './devinf12' }, data: { kind: 'devinf', devinf: devinf12() } }],
      },
      {
        kind: 'Results',
        cmdID: '15',
        noResp: true,
        msgRef: '2',
        cmdRef: '13',
        meta: { type: 'application/vnd.syncml-devinf+wbxml' },
        targetRef: './devinf12',
        sourceRef: './devinf12',
        items: [{ source: { locURI: './devinf11' }, data: { kind: 'devinf', devinf: devinf11() } }],
      },
      {
        kind: 'Exec',
        cmdID: '16',
        noResp: true,
        cred,
        meta: { type: 'text/plain' },
        correlator: 'c-2',
        item: item('x'),
      },
      {
        kind: 'Map',
        cmdID: '17',
        noResp: true,
        target: { locURI: './contacts' },
        source: { locURI: './card' },
        cred,
        meta: { type: 'text/x-vcard' },
        mapItems: [
          { target: '1001', source: 'a' },
          { target: '1002', source: 'b' },
        ],
      },
      {
        kind: 'Search',
        cmdID: '18',
        noResp: true,
        noResults: true,
        cred,
        target: { locURI: './found' },
        sources: [{ locURI: './contacts' }, { locURI: './calendar', locName: 'cal' }],
        lang: 'fr',
        meta: { type: 'application/vnd.syncml-search' },
        data: text('FN=Alice'),
      },
    ],
    final: true,
  };
}

function devinf12(): DevInf {
  return {
    verDTD: '1.2',
    man: 'Maker',
    mod: 'Model',
    oem: 'OEM',
    fwV: '1.0',
    swV: '2.0',
    hwV: '3.0',
    devID: 'IMEI:1234',
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
        tx: [{ ctType: 'text/x-vcard', verCT: '2.1' }],
        ctCaps: [
          {
            ctType: 'text/vcard',
            verCT: '3.0',
            fieldLevel: true,
            properties: [
              {
                propName: 'TEL',
                dataType: 'chr',
                maxOccur: 5,
                maxSize: 40,
                noTruncate: true,
                valEnums: ['HOME', 'WORK'],
                displayName: 'Phone',
                params: [
                  { paramName: 'TYPE', dataType: 'chr', valEnums: ['CELL', 'FAX'], displayName: 'Kind' },
                ],
              },
              { propName: 'FN', valEnums: [], params: [] },
            ],
          },
        ],
        dsMem: { sharedMem: true, maxMem: 65536, maxID: 500 },
        supportHierarchicalSync: true,
        syncTypes: [1, 2, 3, 4, 5, 6, 7],
        filterRx: [{ ctType: 'syncml:filtertype-cgi', verCT: '1.0' }],
        filterCaps: [
          {
            ctType: 'text/vcard',
            verCT: '3.0',
            filterKeywords: ['BEGIN', 'END'],
            propNames: ['FN', 'TEL'],
          },
        ],
      },
    ],
    ctCaps: [],
    exts: [
      { xNam: 'X-Maker-Thing', xVals: ['a', 'b'] },
      { xNam: 'X-Empty', xVals: [] },
    ],
  };
}

function devinf11(): DevInf {
  // 1.0/1.1: CTCaps global, written flat (CTType, PropName, ParamName, ValEnum... in sequence).
  const d = devinf12();
  const store = d.dataStores[0]!;
  return {
    ...d,
    verDTD: '1.1',
    dataStores: [{ ...store, ctCaps: [], filterRx: [], filterCaps: [], supportHierarchicalSync: undefined }],
    ctCaps: [
      {
        ctType: 'text/x-vcard',
        verCT: undefined,
        properties: [
          {
            propName: 'TEL',
            dataType: 'chr',
            maxSize: 40,
            maxOccur: undefined,
            noTruncate: undefined,
            valEnums: ['HOME', 'WORK'],
            displayName: 'Phone',
            params: [{ paramName: 'TYPE', dataType: undefined, valEnums: ['CELL'], displayName: 'Kind' }],
          },
        ],
      },
      { ctType: 'text/x-vcalendar', properties: [{ propName: 'DTSTART', valEnums: [], params: [] }] },
    ],
  };
}

describe('every command and field, written as WBXML and read back', () => {
  it.each(WBXML_FORMS)('%s', (_name, options) => {
    const ast = everything();
    const bytes = serializeMessage(ast, options);
    const fast = decoder.decodeMessage(bytes, DEFAULTS);
    expect(fast).not.toBeNull();
    const generic = parseWith(bytes, DEFAULTS, 'wbxml');
    expect(generic.warnings).toEqual([]);
    expect(fast).toEqual(generic.message);
    expect(fast).toEqual(ast);
    expectOwnLists(fast);
  });

  it.each(WBXML_FORMS)('a standalone DevInf 1.2 and 1.1 (%s)', (_name, options) => {
    for (const devinf of [devinf12(), devinf11()]) {
      const bytes = serializeDevInf(devinf, options);
      const fast = decoder.decodeDevInf(bytes, DEFAULTS);
      expect(fast).not.toBeNull();
      expect(fast).toEqual(parseDevInfWith(bytes, DEFAULTS, 'wbxml').devinf);
      expect(fast).toEqual(devinf);
    }
  });
});

describe('every XML capture, written as WBXML', () => {
  const files = xmlMessages();
  it.each(files)('%s', (file) => {
    const message = parseMessage(vector(file)).message;
    for (const [name, options] of WBXML_FORMS) {
      const bytes = serializeMessage(message, options);
      const fast = decoder.decodeMessage(bytes, DEFAULTS);
      expect(fast, name).not.toBeNull();
      expect(fast, name).toEqual(parseWith(bytes, DEFAULTS, 'wbxml').message);
      expectOwnLists(fast);
    }
  });
});
