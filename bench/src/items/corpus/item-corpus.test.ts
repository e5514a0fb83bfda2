import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { ITEM_FORMATS } from '../item-formats.js';
import { capturedItems } from './captured-items.js';
import { loadItemCorpus } from './item-corpus.js';

const vectors = process.env.SYNCDS_VECTORS!;
const dir = mkdtempSync(join(tmpdir(), 'syncds-items-corpus-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the items corpus of the shared vectors', () => {
  const corpus = loadItemCorpus(vectors);
  const set = (format: string) => corpus.sets.find((s) => s.format === format)!;

  test('reads every client message of the sessions and the 20 Funambol messages', () => {
    expect(corpus.files).toHaveLength(118);
    expect(corpus.files.filter((f) => f.startsWith('wbxml/funambol/'))).toHaveLength(20);
    expect(
      corpus.files.every((f) =>
        /^(sessions\/[^/]+\/syncml_client_\d+|wbxml\/funambol\/msg\d+)\.xml$/.test(f),
      ),
    ).toBe(true);
    expect(corpus.files).toContain('sessions/P900_tasksandcalendar/syncml_client_11.xml');
  });

  test('sorts the items into formats; generated items only where no capture has the format', () => {
    expect(corpus.sets.map((s) => s.format)).toEqual(ITEM_FORMATS);
    expect(corpus.sets.map((s) => [s.format, s.captured, s.generated])).toEqual([
      ['vcard-2.1', 10, 0],
      ['vcard-3.0', 0, 6],
      ['vcard-4.0', 0, 6],
      ['sifc', 10, 0],
      ['vcalendar-1.0', 17, 0],
      ['icalendar-2.0', 0, 6],
      ['sife', 10, 0],
      ['sift', 0, 6],
      ['plain', 0, 6],
      ['vnote-1.1', 0, 6],
      ['vjournal', 0, 6],
      ['sifn', 3, 0],
    ]);
    for (const s of corpus.sets) expect(s.items.every((i) => i.generated === s.generated > 0)).toBe(true);
  });

  test('the P900 labels vCalendar 1.0 text/calendar: its items count as vCalendar 1.0', () => {
    const p900 = set('vcalendar-1.0').items.filter((i) => i.source.includes('P900'));
    expect(p900.map((i) => [i.source, i.contentType])).toEqual(
      ['11', '21', '31'].flatMap((run) =>
        [0, 1, 2].map((n) => [
          `sessions/P900_tasksandcalendar/syncml_client_${run}.xml#${n}`,
          'text/calendar',
        ]),
      ),
    );
  });

  test('SIF items arrive base64 (Format b64) and are decoded', () => {
    const sifn = set('sifn').items;
    expect(sifn.map((i) => i.source)).toEqual([
      'sessions/sync4j_pocketpc_notes/syncml_client_11.xml#0',
      'sessions/sync4j_pocketpc_notes/syncml_client_21.xml#0',
      'sessions/sync4j_pocketpc_notes/syncml_client_21.xml#1',
    ]);
    const text = new TextDecoder().decode(sifn[0]!.bytes);
    expect(text.startsWith('<?xml version="1.0" encoding="UTF-8"?><note><Subject>client1')).toBe(true);
  });

  test('a large-object chunk is skipped; byte-identical resends are dropped', () => {
    expect(corpus.skipped).toEqual([
      { source: 'wbxml/funambol/msg9.xml#4', reason: 'a chunk of a large object (MoreData)' },
    ]);
    // msg10 resends msg2's first two SIF-C contacts; the Synthesis client resends a task.
    expect(corpus.duplicates).toBe(3);
    const sources = set('sifc').items.map((i) => i.source);
    expect(sources.some((s) => s.startsWith('wbxml/funambol/msg10.xml'))).toBe(false);
    expect(sources.filter((s) => s.startsWith('wbxml/funambol/msg2.xml'))).toHaveLength(3);
  });

  test('the number of generated items is an option', () => {
    const small = loadItemCorpus(vectors, { generatedPerFormat: 2 });
    expect(small.sets.find((s) => s.format === 'icalendar-2.0')!.items.map((i) => i.source)).toEqual([
      'generated/icalendar-2.0#0',
      'generated/icalendar-2.0#1',
    ]);
  });
});

describe('capturedItems', () => {
  test('takes Meta Type and Format from the command when the item has none, and skips other encodings', () => {
    const folder = join(dir, 'one');
    mkdirSync(folder, { recursive: true });
    const message = (items: string) =>
      '<SyncML><SyncHdr><VerDTD>1.1</VerDTD><VerProto>SyncML/1.1</VerProto><SessionID>1</SessionID>' +
      '<MsgID>2</MsgID><Target><LocURI>http://s/</LocURI></Target><Source><LocURI>d</LocURI></Source></SyncHdr>' +
      `<SyncBody><Sync><CmdID>1</CmdID>${items}</Sync><Final/></SyncBody></SyncML>`;
    writeFileSync(
      join(folder, 'm.xml'),
      message(
        '<Add><CmdID>2</CmdID><Meta><Type xmlns="syncml:metinf">text/x-s4j-sifn</Type><Format xmlns="syncml:metinf">b64</Format></Meta>' +
          `<Item><Source><LocURI>1</LocURI></Source><Data>${Buffer.from('<note><Body>hi</Body></note>').toString('base64')}</Data></Item>` +
          '<Item><Source><LocURI>2</LocURI></Source><Meta><Format xmlns="syncml:metinf">des;b64</Format></Meta><Data>AAAA</Data></Item>' +
          '</Add>' +
          '<Replace><CmdID>3</CmdID><Item><Source><LocURI>3</LocURI></Source><Data>x</Data></Item></Replace>',
      ),
    );
    const { items, skipped } = capturedItems(dir, 'one/m.xml');
    expect(items.map((i) => [i.source, i.contentType, i.version, new TextDecoder().decode(i.bytes)])).toEqual(
      [['one/m.xml#0', 'text/x-s4j-sifn', undefined, '<note><Body>hi</Body></note>']],
    );
    expect(skipped).toEqual([
      { source: 'one/m.xml#1', reason: 'item encoding des;b64' },
      { source: 'one/m.xml#2', reason: 'no Meta Type' },
    ]);
  });

  test('a capture that is no SyncML message is BAD_CAPTURE, a missing one VECTORS_MISSING', () => {
    writeFileSync(join(dir, 'broken.xml'), '<SyncML><SyncHdr>');
    expect(() => capturedItems(dir, 'broken.xml')).toThrow(
      expect.objectContaining({ code: 'BAD_CAPTURE', path: 'broken.xml' }),
    );
    expect(existsSync(join(dir, 'absent.xml'))).toBe(false);
    expect(() => capturedItems(dir, 'absent.xml')).toThrow(
      expect.objectContaining({ code: 'VECTORS_MISSING' }),
    );
  });

  test('a vectors directory without the session captures is VECTORS_MISSING', () => {
    expect(() => loadItemCorpus(join(dir, 'nothing-here'))).toThrow(
      expect.objectContaining({ code: 'VECTORS_MISSING' }),
    );
    mkdirSync(join(dir, 'empty/sessions'), { recursive: true });
    expect(() => loadItemCorpus(join(dir, 'empty'))).toThrow(
      expect.objectContaining({ code: 'VECTORS_MISSING' }),
    );
  });
});
