import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { libwbxmlDecode, parseTree } from '../oracle.test-util.js';

const vectors = process.env.SYNCDS_VECTORS!;
const packageDir = join(dirname(fileURLToPath(import.meta.url)), '../..');
const cli = join(packageDir, 'dist/cli.js');
let dir = '';

function wbxml(args: string[], input?: Uint8Array) {
  const result = spawnSync(process.execPath, [cli, ...args], { input, cwd: dir });
  return { status: result.status, stdout: new Uint8Array(result.stdout), stderr: result.stderr.toString() };
}

// The bin is dist/cli.js: build it from the current sources (its @syncds
// dependencies resolve to their dist/, built first by `pnpm build`).
beforeAll(() => {
  const tsc = spawnSync(
    process.execPath,
    [join(packageDir, '../../node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'],
    {
      cwd: packageDir,
      encoding: 'utf8',
    },
  );
  if (tsc.status !== 0) throw new Error(`tsc failed: ${tsc.stdout}${tsc.stderr}`);
  dir = mkdtempSync(join(tmpdir(), 'wbxml-cli-'));
}, 120_000);

afterAll(() => {
  if (dir !== '') rmSync(dir, { recursive: true, force: true });
});

describe('the wbxml executable', () => {
  it('decode + encode round trip through files; libwbxml reads our WBXML', () => {
    writeFileSync(join(dir, 'in.wbxml'), readFileSync(join(vectors, 'wbxml/syncml_client_packet_3.wbxml')));
    const decoded = wbxml(['decode', 'in.wbxml', '-o', 'out.xml']);
    expect([decoded.status, decoded.stderr]).toEqual([0, '']);
    const encoded = wbxml(['encode', 'out.xml', '-o', 'again.wbxml']);
    expect([encoded.status, encoded.stderr]).toEqual([0, '']);
    const again = new Uint8Array(readFileSync(join(dir, 'again.wbxml')));
    expect(parseTree(libwbxmlDecode(again))).toEqual(
      parseTree(new Uint8Array(readFileSync(join(dir, 'out.xml')))),
    );
  });

  it('pipes: stdin to stdout', () => {
    const xml = wbxml(['decode', '-'], new Uint8Array(readFileSync(join(vectors, 'wbxml/devinf.wbxml'))));
    expect(xml.status).toBe(0);
    expect(new TextDecoder().decode(xml.stdout)).toContain('<DevInf xmlns="syncml:devinf">');
    const back = wbxml(['encode', '-'], xml.stdout);
    expect(back.status).toBe(0);
    expect(Array.from(back.stdout.subarray(0, 3))).toEqual([0x02, 0x9f, 0x52]); // DevInf 1.0
  });

  it('exit codes: 1 malformed input, 2 usage, 3 missing file; messages on stderr', () => {
    const bad = wbxml(['encode', '-'], new TextEncoder().encode('<SyncML><a></SyncML>'));
    expect(bad.status).toBe(1);
    expect(bad.stderr).toBe(
      'wbxml encode: standard input: End tag does not match <a> at byte 11 (line 1, column 12) [MALFORMED_XML]\n',
    );
    expect(wbxml(['frobnicate']).status).toBe(2);
    const missing = wbxml(['decode', 'missing.wbxml']);
    expect(missing.status).toBe(3);
    expect(missing.stderr).toContain('cannot read missing.wbxml: ENOENT');
    const help = wbxml(['--help']);
    expect(help.status).toBe(0);
    expect(new TextDecoder().decode(help.stdout)).toContain('Usage: wbxml <decode|encode>');
  });
});
