import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BenchError } from '../../runner/errors.js';

/** The C harness source, `bench/native/libwbxml-bench.c` (from `dist/codec/libwbxml/` or `src/...`). */
export const HARNESS_SOURCE: string = fileURLToPath(
  new URL('../../../native/libwbxml-bench.c', import.meta.url),
);

/** Include flags used when `pkg-config libwbxml2` is unavailable: Debian's libwbxml2-dev layout. */
export const FALLBACK_CFLAGS: readonly string[] = ['-I/usr/include/libwbxml-1.0'];
/**
 * Link flags. Only `-lwbxml2`: the harness calls no other library, and pkg-config's `--libs`
 * adds `-lexpat`, which needs libexpat1-dev for nothing.
 */
export const LINK_FLAGS: readonly string[] = ['-lwbxml2'];

/** Longest a compiler or pkg-config call may take. */
export const BUILD_TIMEOUT_MS = 60_000;

/** A compiled harness in its own temporary directory; `dispose()` removes both. */
export interface HarnessBinary {
  readonly path: string;
  /** The compiler command line, for the report. */
  readonly command: string;
  dispose(): void;
}

/**
 * Compiles the harness with `$CC` (default `cc`) against libwbxml2 into a fresh temporary
 * directory. Throws BenchError BASELINE_UNAVAILABLE with the compiler's message when there is
 * no compiler, no libwbxml2-dev, or the build fails.
 */
export function buildHarness(): HarnessBinary {
  if (!existsSync(HARNESS_SOURCE)) {
    throw new BenchError('BASELINE_UNAVAILABLE', `harness source missing: ${HARNESS_SOURCE}`, HARNESS_SOURCE);
  }
  const cc = process.env.CC !== undefined && process.env.CC !== '' ? process.env.CC : 'cc';
  const flags = [...libwbxmlCflags(), ...LINK_FLAGS];
  const dir = mkdtempSync(join(tmpdir(), 'syncds-bench-'));
  const path = join(dir, 'libwbxml-bench');
  const args = [
    '-O2',
    '-std=c11',
    '-Wall',
    '-Wno-deprecated-declarations',
    '-o',
    path,
    HARNESS_SOURCE,
    ...flags,
  ];
  try {
    execFileSync(cc, args, { stdio: ['ignore', 'pipe', 'pipe'], timeout: BUILD_TIMEOUT_MS });
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    throw new BenchError(
      'BASELINE_UNAVAILABLE',
      `cannot build the libwbxml harness (${cc} ${args.join(' ')}): ${commandFailure(e)}`,
      HARNESS_SOURCE,
      { cause: e },
    );
  }
  return {
    path,
    command: `${cc} ${args.join(' ')}`,
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
}

function libwbxmlCflags(): readonly string[] {
  try {
    const out = execFileSync('pkg-config', ['--cflags', 'libwbxml2'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      timeout: BUILD_TIMEOUT_MS,
    });
    const flags = out.split(/\s+/).filter((f) => f !== '');
    return flags.length > 0 ? flags : FALLBACK_CFLAGS;
  } catch {
    return FALLBACK_CFLAGS;
  }
}

/** The first lines of a failed command's stderr (or the spawn error). */
export function commandFailure(e: unknown): string {
  const stderr = (e as { stderr?: unknown }).stderr;
  const text =
    stderr instanceof Uint8Array
      ? new TextDecoder().decode(stderr)
      : typeof stderr === 'string'
        ? stderr
        : '';
  const lines = text
    .trim()
    .split('\n')
    .filter((l) => l.trim() !== '')
    .slice(0, 3)
    .join(' / ');
  if (lines !== '') return lines;
  return e instanceof Error ? e.message : String(e);
}
