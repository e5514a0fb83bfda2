import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectTokens, seededRandom, splitAt, type TokenRecord } from './collect-tokens.test-util.js';
import type { XmlReaderOptions } from './options.js';
import { XmlToken } from './token-kind.js';
import { XmlReader } from './xml-reader.js';

const vectors = process.env.SYNCDS_VECTORS!;
const utf8 = new TextEncoder();
const read = (file: string) => new Uint8Array(readFileSync(join(vectors, file)));

const ALL_KINDS = utf8.encode(
  '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE SyncML PUBLIC "-//SYNCML//DTD SyncML 1.2//EN" "d.dtd" ' +
    '[<!ENTITY e "]>"><!-- ] -->]>\n<!-- c --><?pi data?>\n<SyncML xmlns="SYNCML:SYNCML1.2" a=\'1 &lt; 2\'>' +
    '<Meta><Type xmlns="syncml:metinf">text/x-vcard</Type></Meta><Data><![CDATA[a]]b]]></Data><Final/>' +
    'x &amp; y &#xE9;</SyncML>\n',
);

const samples: [string, Uint8Array][] = [
  ['all token kinds', ALL_KINDS],
  ['funambol/msg3.xml', read('wbxml/funambol/msg3.xml')],
  ['syncml_client_packet_1.xml', read('wbxml/syncml_client_packet_1.xml')],
  ['P900 client 11 (CDATA)', read('sessions/P900_tasksandcalendar/syncml_client_11.xml')],
];

const TRUNCATION_CODES = ['ERROR UNEXPECTED_END', 'ERROR UNCLOSED_ELEMENT', 'ERROR NO_ROOT_ELEMENT'];

describe('input truncated at every byte', () => {
  it.each(samples)('%s', (_, bytes) => {
    const full = collectTokens([bytes]);
    const rootEnd = full.findLastIndex((t) => t.kind === 'END_TAG');
    const complete = full[rootEnd]!.offset + '</SyncML>'.length;
    for (let length = 0; length < bytes.length; length++) {
      const prefix = bytes.subarray(0, length);
      const tokens = collectTokens([prefix]);
      const last = tokens.at(-1)!;
      if (length >= complete) {
        expect(tokens).toEqual(full); // only trailing whitespace was cut
        continue;
      }
      // A cut inside a reference of the last text leaves a malformed one.
      const amp = prefix.lastIndexOf(0x26);
      const cutReference = amp > prefix.lastIndexOf(0x3b) && amp > prefix.lastIndexOf(0x3c);
      expect(cutReference ? [...TRUNCATION_CODES, 'ERROR MALFORMED_REFERENCE'] : TRUNCATION_CODES).toContain(
        last.kind,
      );
      expect(last.offset).toBeLessThanOrEqual(length);
      // Everything before the error is what the full document gives, except a
      // text run cut short by the truncation.
      let same = tokens.length - 1;
      const lastToken = tokens[same - 1];
      if (lastToken?.kind === 'TEXT') {
        same--;
        expect(full[same]!.kind).toBe('TEXT');
        expect(full[same]!.raw!.startsWith(lastToken.raw!)).toBe(true);
      }
      expect(tokens.slice(0, same)).toEqual(full.slice(0, same));
    }
  });
});

describe('deep nesting', () => {
  const depth = 100_000;
  const deep = utf8.encode(`${'<a>'.repeat(depth)}x${'</a>'.repeat(depth)}`);

  it('100 000 levels with maxDepth raised: no recursion, every start has its end', () => {
    for (const chunkSize of [deep.length, 4096]) {
      const reader = new XmlReader({ maxDepth: depth });
      let starts = 0;
      let ends = 0;
      let deepest = 0;
      for (let at = 0; at < deep.length; at += chunkSize) {
        reader.write(deep.subarray(at, at + chunkSize));
        for (let k = reader.next(); k !== XmlToken.NEED_MORE; k = reader.next()) {
          if (k === XmlToken.START_TAG) {
            starts++;
            deepest = Math.max(deepest, reader.depth);
          } else if (k === XmlToken.END_TAG) {
            expect(reader.depth).toBe(depth - ends);
            ends++;
          }
        }
      }
      reader.end();
      expect(reader.next()).toBe(XmlToken.END_OF_DOCUMENT);
      expect([starts, ends, deepest]).toEqual([depth, depth, depth]);
    }
  });

  it('with the default limit, DEPTH_LIMIT at the 257th start tag', () => {
    expect(collectTokens([deep]).at(-1)).toEqual({ kind: 'ERROR DEPTH_LIMIT', offset: 256 * 3, depth: -1 });
  });
});

// Bytes and snippets that steer mutations into the tokenizer's corners.
const BYTES = Array.from('<>&"\'/!?[]-:=; #x\t\n', (c) => c.charCodeAt(0)).concat([0x00, 0x80, 0xc3, 0xff]);
const SNIPPETS = [
  '<![CDATA[',
  ']]>',
  '<!--',
  '-->',
  '<?',
  '?>',
  '&#x',
  '&#',
  '&amp;',
  '&lt',
  'xmlns:p="u"',
  'xmlns="v"',
  '<p:',
  '</',
  '/>',
  '<!DOCTYPE a [',
  '<?xml version="1.0"?>',
  '<a>',
  '</a>',
].map((s) => utf8.encode(s));

function mutate(source: Uint8Array, random: () => number): Uint8Array {
  const bytes = Array.from(source);
  const edits = 1 + Math.floor(random() * 4);
  for (let e = 0; e < edits; e++) {
    const at = Math.floor(random() * (bytes.length + 1));
    const what = random();
    if (what < 0.35) bytes[at] = BYTES[Math.floor(random() * BYTES.length)]!;
    else if (what < 0.65) bytes.splice(at, 0, ...SNIPPETS[Math.floor(random() * SNIPPETS.length)]!);
    else if (what < 0.9) bytes.splice(at, 1 + Math.floor(random() * 8));
    else bytes.length = at;
  }
  return Uint8Array.from(bytes);
}

function randomSplit(bytes: Uint8Array, random: () => number): Uint8Array[] {
  const cuts = new Set<number>();
  const count = Math.floor(random() * 12);
  for (let i = 0; i < count; i++) cuts.add(Math.floor(random() * (bytes.length + 1)));
  return splitAt(
    bytes,
    [...cuts].sort((a, b) => a - b),
  );
}

describe('seeded fuzz', () => {
  const small: XmlReaderOptions = { maxDepth: 6, maxNameLength: 8, maxAttributes: 3, maxTextLength: 64 };

  it('only XmlError escapes, whole and split input agree, and the reader works again after reset()', () => {
    const random = seededRandom(20240607);
    const reader = new XmlReader();
    const valid = samples[0]![1];
    const expected = collectTokens([valid]);
    let errors = 0;
    for (let round = 0; round < 3000; round++) {
      const base = samples[round % samples.length]![1];
      const source = base.length > 1200 ? base.subarray(0, 1200) : base;
      const input = mutate(source, random);
      const options = round % 5 === 0 ? small : undefined;
      // collectTokens rethrows anything that is not an XmlError (no `code`).
      const whole = collectTokens([input], options);
      const split = collectTokens(randomSplit(input, random), options);
      expect(split).toEqual(whole);
      if (whole.at(-1)!.kind.startsWith('ERROR')) errors++;
      // The same reader object, failed or not, is good for a fresh document after reset().
      reader.reset();
      try {
        reader.write(input);
        reader.end();
        while (reader.next() !== XmlToken.END_OF_DOCUMENT) {
          if (reader.textStart >= 0) reader.text();
        }
      } catch (error) {
        expect((error as { name?: string }).name).toBe('XmlError');
      }
      reader.reset();
      reader.write(valid);
      reader.end();
      const again: TokenRecord[] = [];
      for (let k = reader.next(); k !== XmlToken.END_OF_DOCUMENT; k = reader.next())
        again.push({ kind: String(k), offset: reader.tokenOffset, depth: reader.depth });
      expect(again.length).toBe(expected.length);
    }
    // The mutations do reach the error paths (and sometimes stay well-formed).
    expect(errors).toBeGreaterThan(1500);
    expect(errors).toBeLessThan(3000);
  });
});
