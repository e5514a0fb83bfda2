// Debian's libwbxml as the oracle: what we write as WBXML, wbxml2xml decodes to XML that
// parses to the same AST (its DevInf in OPAQUE comes out inline, its OPAQUE data as CDATA);
// what we write as XML, xml2wbxml accepts.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseMessage, type SerializeOptions, serializeMessage } from '../index.js';
import {
  comparePayloadsByBytes,
  HAVE_WBXML2XML,
  vector,
  WBXML2XML,
  wbxmlMessages,
  withDevInfTypes,
  xmlMessages,
} from '../test-util/vectors.test-util.js';

comparePayloadsByBytes();

const XML2WBXML = '/usr/bin/xml2wbxml';
const dir = mkdtempSync(join(tmpdir(), 'syncml-libwbxml-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function wbxml2xml(bytes: Uint8Array, name: string): Uint8Array {
  const input = join(dir, `${name}.wbxml`);
  const output = join(dir, `${name}.xml`);
  writeFileSync(input, bytes);
  execFileSync(WBXML2XML, ['-o', output, input], { stdio: 'pipe' });
  return new Uint8Array(readFileSync(output));
}

const files = [...wbxmlMessages(), ...xmlMessages()];
const name = (file: string): string => file.replaceAll('/', '_');

describe.skipIf(!HAVE_WBXML2XML)('wbxml2xml decodes our WBXML to the same tree', () => {
  const variants: SerializeOptions[] = [
    { encoding: 'wbxml', devInfTypeFollowsEncoding: false },
    { encoding: 'wbxml', publicId: 'numeric', stringTable: true, devInfTypeFollowsEncoding: false },
  ];
  it.each(files)('%s', (file) => {
    const ast = parseMessage(vector(file)).message;
    variants.forEach((o, i) => {
      const xml = wbxml2xml(serializeMessage(ast, o), `${name(file)}.${i}`);
      const back = parseMessage(xml);
      expect(back.encoding).toBe('xml');
      expect(back.warnings).toEqual([]);
      // libwbxml names the DevInf Meta Type after the encoding it writes (+xml), as our
      // default `devInfTypeFollowsEncoding` does.
      expect(back.message).toEqual(withDevInfTypes(ast, 'xml'));
    });
  });
});

describe.skipIf(!existsSync(XML2WBXML))('xml2wbxml accepts our XML', () => {
  it.each(files.filter((_, i) => i % 5 === 0))('%s', (file) => {
    const ast = parseMessage(vector(file)).message;
    const input = join(dir, `${name(file)}.ours.xml`);
    const output = join(dir, `${name(file)}.back.wbxml`);
    writeFileSync(input, serializeMessage(ast, { encoding: 'xml', indent: 1 }));
    execFileSync(XML2WBXML, ['-v', '1.2', '-o', output, input], { stdio: 'pipe' });
    // libwbxml re-encodes item data (it writes LF as CR LF inside Data), so only the
    // structure is compared: the same commands, of the same kinds, with the same ids.
    const back = parseMessage(new Uint8Array(readFileSync(output))).message;
    expect(back.header).toEqual({ ...ast.header, cred: back.header.cred });
    expect(back.commands.map((c) => [c.kind, c.cmdID])).toEqual(ast.commands.map((c) => [c.kind, c.cmdID]));
  });
});
