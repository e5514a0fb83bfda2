import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseTree } from '../oracle.test-util.js';
import { type CliIo, ExitCode, HELP, runCli } from './run.js';

const vectors = process.env.SYNCDS_VECTORS!;

/** An in-memory world for the command: files, stdin, captured stdout / stderr. */
function world(files: Record<string, Uint8Array>, stdin = new Uint8Array(0)) {
  const out: Uint8Array[] = [];
  let err = '';
  const io: CliIo = {
    readFile: async (path) => {
      const bytes = files[path];
      if (bytes === undefined) throw Object.assign(new Error(`no ${path}`), { code: 'ENOENT' });
      return bytes;
    },
    writeFile: async (path, bytes) => {
      if (path.startsWith('/readonly/')) throw Object.assign(new Error('read-only'), { code: 'EACCES' });
      files[path] = bytes;
    },
    readStdin: async () => stdin,
    writeStdout: async (bytes) => {
      out.push(bytes);
    },
    writeStderr: (text) => {
      err += text;
    },
  };
  return {
    io,
    files,
    stdout: () => Buffer.concat(out),
    stderr: () => err,
  };
}

const k500i = new Uint8Array(readFileSync(join(vectors, 'wbxml/k500i_client_0.wbxml')));

describe('wbxml command (in process)', () => {
  it('decode to a file, encode back to stdout, same tree', async () => {
    const w = world({ 'in.wbxml': k500i });
    expect(await runCli(['decode', 'in.wbxml', '-o', 'out.xml'], w.io)).toBe(ExitCode.OK);
    const xml = w.files['out.xml']!;
    expect(new TextDecoder().decode(xml).split('\n').slice(2, 4)).toEqual([
      '<SyncML xmlns="SYNCML:SYNCML1.1">',
      '  <SyncHdr>',
    ]);
    expect(await runCli(['encode', 'out.xml'], w.io)).toBe(ExitCode.OK);
    const again = world({ 'x.wbxml': w.stdout() });
    expect(await runCli(['decode', '--compact', 'x.wbxml'], again.io)).toBe(ExitCode.OK);
    expect(parseTree(again.stdout())).toEqual(parseTree(xml));
    expect(w.stderr()).toBe('');
  });

  it('reads standard input for "-" and passes options', async () => {
    const w = world({}, k500i);
    expect(await runCli(['decode', '--no-declaration', '--no-doctype', '--indent', '0', '-'], w.io)).toBe(0);
    expect(
      new TextDecoder().decode(w.stdout()).startsWith('<SyncML xmlns="SYNCML:SYNCML1.1"><SyncHdr>'),
    ).toBe(true);
    const e = world({}, new TextEncoder().encode('<SyncML><SyncHdr><VerDTD>1.0</VerDTD></SyncHdr></SyncML>'));
    expect(await runCli(['encode', '--wbxml-version', '1.3', '--public-id', 'string', '-'], e.io)).toBe(0);
    expect(Array.from(e.stdout().subarray(0, 4))).toEqual([0x03, 0x00, 0x00, 0x6a]);
  });

  it('malformed input: exit 1 and a message with the byte offset and code', async () => {
    const w = world({ 'cut.wbxml': k500i.subarray(0, 100) });
    expect(await runCli(['decode', 'cut.wbxml'], w.io)).toBe(ExitCode.BAD_INPUT);
    expect(w.stderr()).toBe(
      'wbxml decode: cut.wbxml: input ended inside a token at byte 70 (byte 0xC3, code page 0) [MALFORMED_WBXML]\n',
    );
    expect(w.stdout().length).toBe(0);
  });

  it('usage errors: exit 2', async () => {
    for (const argv of [
      [],
      ['transcode', 'x'],
      ['decode'],
      ['decode', 'a', 'b'],
      ['decode', '--string-table', 'a'],
      ['encode', '--indent', '2', 'a'],
      ['encode', '--wbxml-version', '2.0', 'a'],
      ['encode', '--public-id', 'fpi', 'a'],
      ['encode', '--whitespace', 'squash', 'a'],
      ['decode', '--indent', 'x', 'a'],
      ['decode', '--bogus', 'a'],
      ['decode', '--vocabulary', 'wml13', 'in'],
    ]) {
      const w = world({ in: k500i });
      expect([argv, await runCli(argv, w.io)]).toEqual([argv, ExitCode.USAGE]);
      expect(w.stderr()).not.toBe('');
    }
  });

  it('I/O errors: exit 3', async () => {
    const missing = world({});
    expect(await runCli(['decode', 'nope.wbxml'], missing.io)).toBe(ExitCode.IO);
    expect(missing.stderr()).toBe('wbxml decode: cannot read nope.wbxml: ENOENT (no nope.wbxml)\n');
    const readonly = world({ in: k500i });
    expect(await runCli(['decode', 'in', '-o', '/readonly/x.xml'], readonly.io)).toBe(ExitCode.IO);
  });

  it('--help', async () => {
    const w = world({});
    expect(await runCli(['--help'], w.io)).toBe(0);
    expect(new TextDecoder().decode(w.stdout())).toBe(HELP);
  });
});
