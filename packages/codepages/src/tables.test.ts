// The generated tables against syncml-facts.md §2/§3 (transcribed here row by row) and against
// libwbxml's own tables, read back from what its xml2wbxml writes for every element name.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  builtinVocabularies,
  DevInf10,
  DevInf11,
  DevInf12,
  SyncML10,
  SyncML11,
  SyncML12,
  type Vocabulary,
} from './index.js';

function pageTags(v: Vocabulary, page: number): [number, string][] {
  const p = v.pages.find((x) => x.page === page);
  if (p === undefined) throw new Error(`${v.id} has no page ${page}`);
  return Object.entries(p.tags)
    .map(([token, name]) => [Number(token), name] as [number, string])
    .sort((a, b) => a[0] - b[0]);
}

// syncml-facts.md §3.1, rows 0x05-0x32 (present in every version).
// biome-ignore format: a table reads better in rows
const syncmlBase: [number, string][] = [
  [0x05, 'Add'], [0x06, 'Alert'], [0x07, 'Archive'], [0x08, 'Atomic'], [0x09, 'Chal'], [0x0a, 'Cmd'],
  [0x0b, 'CmdID'], [0x0c, 'CmdRef'], [0x0d, 'Copy'], [0x0e, 'Cred'], [0x0f, 'Data'], [0x10, 'Delete'],
  [0x11, 'Exec'], [0x12, 'Final'], [0x13, 'Get'], [0x14, 'Item'], [0x15, 'Lang'], [0x16, 'LocName'],
  [0x17, 'LocURI'], [0x18, 'Map'], [0x19, 'MapItem'], [0x1a, 'Meta'], [0x1b, 'MsgID'], [0x1c, 'MsgRef'],
  [0x1d, 'NoResp'], [0x1e, 'NoResults'], [0x1f, 'Put'], [0x20, 'Replace'], [0x21, 'RespURI'],
  [0x22, 'Results'], [0x23, 'Search'], [0x24, 'Sequence'], [0x25, 'SessionID'], [0x26, 'SftDel'],
  [0x27, 'Source'], [0x28, 'SourceRef'], [0x29, 'Status'], [0x2a, 'Sync'], [0x2b, 'SyncBody'],
  [0x2c, 'SyncHdr'], [0x2d, 'SyncML'], [0x2e, 'Target'], [0x2f, 'TargetRef'], [0x31, 'VerDTD'],
  [0x32, 'VerProto'],
];

// §3.2
// biome-ignore format: a table reads better in rows
const metinfBase: [number, string][] = [
  [0x05, 'Anchor'],
  [0x06, 'EMI'],
  [0x07, 'Format'],
  [0x08, 'FreeID'],
  [0x09, 'FreeMem'],
  [0x0a, 'Last'],
  [0x0b, 'Mark'],
  [0x0c, 'MaxMsgSize'],
  [0x0d, 'Mem'],
  [0x0e, 'MetInf'],
  [0x0f, 'Next'],
  [0x10, 'NextNonce'],
  [0x11, 'SharedMem'],
  [0x12, 'Size'],
  [0x13, 'Type'],
  [0x14, 'Version'],
];

// §3.3, rows of DevInf 1.0 apart from 0x1C.
// biome-ignore format: a table reads better in rows
const devinfBase: [number, string][] = [
  [0x05, 'CTCap'],
  [0x06, 'CTType'],
  [0x07, 'DataStore'],
  [0x08, 'DataType'],
  [0x09, 'DevID'],
  [0x0a, 'DevInf'],
  [0x0b, 'DevTyp'],
  [0x0c, 'DisplayName'],
  [0x0d, 'DSMem'],
  [0x0e, 'Ext'],
  [0x0f, 'FwV'],
  [0x10, 'HwV'],
  [0x11, 'Man'],
  [0x12, 'MaxGUIDSize'],
  [0x13, 'MaxID'],
  [0x14, 'MaxMem'],
  [0x15, 'Mod'],
  [0x16, 'OEM'],
  [0x17, 'ParamName'],
  [0x18, 'PropName'],
  [0x19, 'Rx'],
  [0x1a, 'Rx-Pref'],
  [0x1b, 'SharedMem'],
  [0x1d, 'SourceRef'],
  [0x1e, 'SwV'],
  [0x1f, 'SyncCap'],
  [0x20, 'SyncType'],
  [0x21, 'Tx'],
  [0x22, 'Tx-Pref'],
  [0x23, 'ValEnum'],
  [0x24, 'VerCT'],
  [0x25, 'VerDTD'],
  [0x26, 'XNam'],
  [0x27, 'XVal'],
];

function sorted(rows: [number, string][]): [number, string][] {
  return [...rows].sort((a, b) => a[0] - b[0]);
}

describe('SyncML code page 0 (facts §3.1)', () => {
  it('SyncML 1.0 ends at 0x32', () => {
    expect(pageTags(SyncML10, 0)).toEqual(syncmlBase);
  });
  it('SyncML 1.1 adds NumberOfChanges, MoreData and (as libwbxml) SourceParent', () => {
    expect(pageTags(SyncML11, 0)).toEqual(
      sorted([...syncmlBase, [0x33, 'NumberOfChanges'], [0x34, 'MoreData'], [0x39, 'SourceParent']]),
    );
  });
  it('SyncML 1.2 runs to Correlator 0x3C, 0x30 reserved', () => {
    expect(pageTags(SyncML12, 0)).toEqual(
      sorted([
        ...syncmlBase,
        [0x33, 'NumberOfChanges'],
        [0x34, 'MoreData'],
        [0x35, 'Field'],
        [0x36, 'Filter'],
        [0x37, 'Record'],
        [0x38, 'FilterType'],
        [0x39, 'SourceParent'],
        [0x3a, 'TargetParent'],
        [0x3b, 'Move'],
        [0x3c, 'Correlator'],
      ]),
    );
    expect(pageTags(SyncML12, 0).some(([t]) => t === 0x30)).toBe(false);
  });
});

describe('MetInf code page 1 (facts §3.2)', () => {
  it('grows by MaxObjSize in 1.1 and FieldLevel in 1.2', () => {
    expect(pageTags(SyncML10, 1)).toEqual(metinfBase);
    expect(pageTags(SyncML11, 1)).toEqual([...metinfBase, [0x15, 'MaxObjSize']]);
    expect(pageTags(SyncML12, 1)).toEqual([...metinfBase, [0x15, 'MaxObjSize'], [0x16, 'FieldLevel']]);
  });
});

describe('DevInf code page 0 (facts §3.3)', () => {
  const v11 = [
    [0x28, 'UTC'],
    [0x29, 'SupportNumberOfChanges'],
    [0x2a, 'SupportLargeObjs'],
  ] as [number, string][];
  it('DevInf 1.0 has Size at 0x1C', () => {
    expect(pageTags(DevInf10, 0)).toEqual(sorted([...devinfBase, [0x1c, 'Size']]));
  });
  it('DevInf 1.1 adds UTC, SupportNumberOfChanges, SupportLargeObjs', () => {
    expect(pageTags(DevInf11, 0)).toEqual(sorted([...devinfBase, [0x1c, 'Size'], ...v11]));
  });
  it('DevInf 1.2 names 0x1C MaxSize and adds the 1.2 elements, 0x2F unassigned', () => {
    expect(pageTags(DevInf12, 0)).toEqual(
      sorted([
        ...devinfBase,
        [0x1c, 'MaxSize'],
        ...v11,
        [0x2b, 'Property'],
        [0x2c, 'PropParam'],
        [0x2d, 'MaxOccur'],
        [0x2e, 'NoTruncate'],
        [0x30, 'Filter-Rx'],
        [0x31, 'FilterCap'],
        [0x32, 'FilterKeyword'],
        [0x33, 'FieldLevel'],
        [0x34, 'SupportHierarchicalSync'],
      ]),
    );
  });
});

describe('identifiers (facts §2)', () => {
  it.each([
    [
      SyncML10,
      'syncml10',
      0x0fd1,
      '-//SYNCML//DTD SyncML 1.0//EN',
      'SYNCML:SYNCML1.0',
      'http://www.syncml.org/docs/syncml_represent_v10_20001207.dtd',
    ],
    [
      SyncML11,
      'syncml11',
      0x0fd3,
      '-//SYNCML//DTD SyncML 1.1//EN',
      'SYNCML:SYNCML1.1',
      'http://www.syncml.org/docs/syncml_represent_v11_20020213.dtd',
    ],
    [
      SyncML12,
      'syncml12',
      0x1201,
      '-//SYNCML//DTD SyncML 1.2//EN',
      'SYNCML:SYNCML1.2',
      'http://www.openmobilealliance.org/tech/DTD/OMA-TS-SyncML_RepPro_DTD-V1_2.dtd',
    ],
    [
      DevInf10,
      'devinf10',
      0x0fd2,
      '-//SYNCML//DTD DevInf 1.0//EN',
      'syncml:devinf',
      'http://www.syncml.org/docs/syncml_devinf_v10_20001207.dtd',
    ],
    [
      DevInf11,
      'devinf11',
      0x0fd4,
      '-//SYNCML//DTD DevInf 1.1//EN',
      'syncml:devinf',
      'http://www.syncml.org/docs/devinf_v11_20020215.dtd',
    ],
    [
      DevInf12,
      'devinf12',
      0x1203,
      '-//SYNCML//DTD DevInf 1.2//EN',
      'syncml:devinf',
      'http://www.openmobilealliance.org/tech/DTD/OMA-SyncML-Device_Information-DTD-1.2.dtd',
    ],
  ] as const)('%# %s', (v, id, numeric, fpi, namespace, systemId) => {
    expect(v.id).toBe(id);
    expect(v.publicId.numeric).toBe(numeric);
    expect(v.publicId.fpi).toBe(fpi);
    expect(v.pages[0]?.namespace).toBe(namespace);
    expect(v.systemId).toBe(systemId);
    expect(v.rootElement).toBe(id.startsWith('syncml') ? 'SyncML' : 'DevInf');
  });

  it('SyncML documents put MetInf on page 1 with namespace syncml:metinf; DevInf has one page', () => {
    for (const v of [SyncML10, SyncML11, SyncML12]) {
      expect(v.pages.map((p) => [p.page, p.namespace])).toEqual([
        [0, v.pages[0]?.namespace],
        [1, 'syncml:metinf'],
      ]);
    }
    for (const v of [DevInf10, DevInf11, DevInf12]) expect(v.pages.map((p) => p.page)).toEqual([0]);
  });

  it('lists the alternative FPIs of the OMA DTD copies', () => {
    expect(SyncML11.publicId.altFpis).toEqual(['-//OMA//DTD SYNCML 1.1//EN']);
    expect(SyncML12.publicId.altFpis).toEqual(['-//SYNCML//DTD SYNCML 1.2//EN']);
    expect(DevInf11.publicId.altFpis).toEqual(['-//OMA//DTD SYNCML-DEVINF 1.1//EN']);
  });

  it('builtinVocabularies holds the six, oldest first', () => {
    expect(builtinVocabularies.map((v) => v.id)).toEqual([
      'syncml10',
      'syncml11',
      'syncml12',
      'devinf10',
      'devinf11',
      'devinf12',
    ]);
  });
});

// libwbxml (Debian libwbxml2-utils) as the oracle: encode one empty element per name and read the
// token it chose. Element names libwbxml does not know come out as LITERAL (0x04) and fail the test.
const xml2wbxml = '/usr/bin/xml2wbxml';

/** Reads the body of an xml2wbxml output made of a root element holding only empty elements. */
function readEmptyChildren(bytes: Uint8Array): { root: number; children: { page: number; token: number }[] } {
  let pos = 1; // version
  const mb = (): number => {
    let v = 0;
    let b: number;
    do {
      b = bytes[pos++]!;
      v = v * 128 + (b & 0x7f);
    } while (b & 0x80);
    return v;
  };
  if (mb() === 0) mb(); // public id, or 0 + string-table index
  mb(); // charset
  const tableLength = mb(); // (\`pos += mb()\` would read pos before mb() moves it)
  pos += tableLength;
  let page = 0;
  const out: { page: number; token: number }[] = [];
  let root = -1;
  let depth = 0;
  while (pos < bytes.length) {
    const b = bytes[pos++]!;
    if (b === 0x00) page = bytes[pos++]!;
    else if (b === 0x01) depth--;
    else if (b === 0x04 || b === 0x44)
      throw new Error(`libwbxml wrote a LITERAL at ${pos - 1}: unknown name`);
    else if (depth === 0) {
      root = b; // written with content
      depth++;
    } else out.push({ page, token: b });
  }
  return { root, children: out };
}

describe.skipIf(!existsSync(xml2wbxml))('agrees with libwbxml xml2wbxml', () => {
  const dir = mkdtempSync(join(tmpdir(), 'codepages-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each(builtinVocabularies.map((v) => [v.id, v] as const))('%s', (_id, v) => {
    const rootNs = v.pages[0]!.namespace;
    const children: { name: string; page: number; token: number }[] = [];
    for (const p of v.pages) {
      for (const [token, name] of Object.entries(p.tags)) {
        // A second element named like the root throws libwbxml's language detection off.
        if (name !== v.rootElement) children.push({ name, page: p.page, token: Number(token) });
      }
    }
    const body = children
      .map((c) =>
        c.page === 0
          ? `<${c.name}/>`
          : `<${c.name} xmlns="${v.pages.find((p) => p.page === c.page)!.namespace}"/>`,
      )
      .join('');
    const xml =
      `<?xml version="1.0"?>\n<!DOCTYPE ${v.rootElement} PUBLIC "${v.publicId.fpi}" "${v.systemId}">\n` +
      `<${v.rootElement} xmlns="${rootNs}">${body}</${v.rootElement}>\n`;
    const input = join(dir, `${v.id}.xml`);
    const output = join(dir, `${v.id}.wbxml`);
    writeFileSync(input, xml);
    execFileSync(xml2wbxml, ['-o', output, input], { stdio: 'pipe' });
    const got = readEmptyChildren(new Uint8Array(readFileSync(output)));
    expect(got.root).toBe(
      Number(Object.entries(v.pages[0]!.tags).find(([, n]) => n === v.rootElement)![0]) | 0x40,
    );
    expect(got.children).toEqual(children.map((c) => ({ page: c.page, token: c.token })));
  });
});
