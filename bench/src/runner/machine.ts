import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, platform, arch, totalmem } from 'node:os';
import type { BenchClock } from './clock.js';
import type { BenchMode, TimingProfile } from './modes.js';

/** Where and how a run happened, recorded with its figures. */
export interface RunMetadata {
  readonly suite: string;
  readonly mode: BenchMode;
  /** What the samples' durations are measured in. */
  readonly clock: BenchClock;
  /** ISO 8601 start time of the run. */
  readonly date: string;
  readonly node: string;
  readonly v8: string;
  readonly tinybench: string;
  readonly cpu: string;
  readonly cpuCount: number;
  readonly platform: string;
  readonly arch: string;
  readonly memoryGiB: number;
  /** `git rev-parse --short HEAD` of the checkout, null outside git. */
  readonly commit: string | null;
  /**
   * True when the measured sources (`sourcePaths`) had uncommitted changes, so the figures
   * belong to no commit; null outside git.
   */
  readonly dirty: boolean | null;
  readonly timing: TimingProfile;
  readonly filters: readonly string[];
}

/**
 * Collects the metadata of a run that starts now. `sourcePaths` (relative to the repository
 * root) are the folders whose code the suite measures, for `dirty`.
 */
export function runMetadata(
  suite: string,
  mode: BenchMode,
  clock: BenchClock,
  timing: TimingProfile,
  filters: readonly string[],
  sourcePaths: readonly string[],
): RunMetadata {
  const cpuList = cpus();
  return {
    suite,
    mode,
    clock,
    date: new Date().toISOString(),
    node: process.version,
    v8: process.versions.v8,
    tinybench: tinybenchVersion(),
    cpu: cpuList[0]?.model.trim() ?? 'unknown',
    cpuCount: cpuList.length,
    platform: platform(),
    arch: arch(),
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    commit: git(['rev-parse', '--short', 'HEAD']),
    dirty: gitDirty(sourcePaths),
    timing,
    filters,
  };
}

function tinybenchVersion(): string {
  try {
    const url = new URL('../package.json', import.meta.resolve('tinybench'));
    const pkg = JSON.parse(readFileSync(url, 'utf8')) as { version?: unknown };
    return typeof pkg.version === 'string' ? pkg.version : 'unknown';
  } catch {
    return 'unknown';
  }
}

/** How long a git query may take before the metadata goes without it. */
const GIT_TIMEOUT_MS = 5000;

function git(args: readonly string[]): string | null {
  try {
    return execFileSync('git', args, {
      cwd: new URL('.', import.meta.url),
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      timeout: GIT_TIMEOUT_MS,
    }).trim();
  } catch {
    return null;
  }
}

function gitDirty(sourcePaths: readonly string[]): boolean | null {
  const root = git(['rev-parse', '--show-toplevel']);
  if (root === null) return null;
  const status = git(['-C', root, 'status', '--porcelain', '--untracked-files=no', '--', ...sourcePaths]);
  return status === null ? null : status !== '';
}
