// style.md habit 7: the committed src/generated/ must be exactly what scripts/generate.mjs writes.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const packageDir = fileURLToPath(new URL('..', import.meta.url));

function runGenerator(dir: string, ...args: string[]) {
  return spawnSync(process.execPath, [join(dir, 'scripts/generate.mjs'), ...args], { encoding: 'utf8' });
}

describe('scripts/generate.mjs', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'codepages-gen-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  function copyPackage(): string {
    const dir = mkdtempSync(join(scratch, 'pkg-'));
    for (const sub of ['scripts', 'data', 'src/generated'])
      cpSync(join(packageDir, sub), join(dir, sub), { recursive: true });
    return dir;
  }

  it('committed src/generated/ is up to date (run `pnpm generate` if this fails)', () => {
    const result = runGenerator(packageDir, '--check');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('--check fails, and a plain run rewrites, when the data changed', () => {
    const dir = copyPackage();
    const dataPath = join(dir, 'data/codepages.json');
    writeFileSync(dataPath, readFileSync(dataPath, 'utf8').replace('["0x05", "Add"]', '["0x05", "Added"]'));
    const check = runGenerator(dir, '--check');
    expect(check.status).toBe(1);
    expect(check.stderr).toContain('src/generated/vocabularies.ts, src/generated/tags.ts');
    expect(runGenerator(dir).status).toBe(0);
    expect(readFileSync(join(dir, 'src/generated/tags.ts'), 'utf8')).toContain('Added: 0x05,');
    expect(runGenerator(dir, '--check').status).toBe(0);
  });

  it('rejects bad data with the JSON path of the entry', () => {
    const dir = copyPackage();
    const dataPath = join(dir, 'data/codepages.json');
    writeFileSync(dataPath, readFileSync(dataPath, 'utf8').replace('["0x06", "Alert"]', '["0x02", "Alert"]'));
    const result = runGenerator(dir, '--check');
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain(
      'data/codepages.json: tables.syncml.rows[1][0]: token 0x02 is outside 0x05..0x3F',
    );
  });
});
