import { BENCH_CLOCKS, type BenchClock, DEFAULT_CLOCK } from './clock.js';
import type { BenchMode } from './modes.js';
import { BenchError } from './errors.js';

/** The suites `node dist/run.js` runs: `all` is the codec suite, then the items suite. */
export const BENCH_SUITES = ['all', 'codec', 'items'] as const;
/** One of {@link BENCH_SUITES}. */
export type BenchSuite = (typeof BENCH_SUITES)[number];

/** What the command line asks for. */
export interface BenchArgs {
  /** Which suite(s) to run (`--suite`); default `all`. */
  readonly suite: BenchSuite;
  readonly mode: BenchMode;
  /** Case-name patterns ({@link matchesFilters}); a case runs when it matches any. Empty: every case. */
  readonly filters: readonly string[];
  /** Print the case names and stop. */
  readonly list: boolean;
  readonly help: boolean;
  /** Results file; undefined: the suite's default. Only with one suite (`--suite codec|items`). */
  readonly out: string | undefined;
  /** Run the comparison peers (libwbxml); `--no-baseline` turns them off. */
  readonly baseline: boolean;
  /** What durations are measured in (`--clock`). */
  readonly clock: BenchClock;
}

/** The usage text of `node dist/run.js`. */
export const USAGE: string = `usage: node dist/run.js [options]

  --suite S          codec, items or all (default: all, the codec suite then the items
                     suite)
  --quick            short run for CI (default: the full run)
  --smoke            ultra-short run that only proves the harness works
  --filter PATTERN   run the cases whose name contains PATTERN (case-insensitive) at its
                     start or after / - _ . ; a trailing $ anchors it at the end (msg1$);
                     repeat or separate with commas for several (any may match)
  --list             print the case names (after --filter) and stop
  --out FILE         write the results there (default bench/results/latest.json for the
                     codec suite, bench/results/items.json for the items suite); needs
                     --suite codec or --suite items
  --clock cpu|wall   time samples in process CPU time (default: steady on a shared
                     machine) or elapsed wall-clock time
  --no-baseline      skip the libwbxml same-run baseline (codec suite)
  --help             this text

Exit status: 0 when every selected case passed its self-check (target misses included),
1 when a case failed its self-check or threw, 2 on a usage error.`;

/** Flags that take a value (`--flag VALUE` or `--flag=VALUE`). */
const VALUE_FLAGS: readonly string[] = ['--filter', '--out', '--clock', '--suite'];

/** Parses `process.argv.slice(2)`. Throws BenchError USAGE on anything it does not know. */
export function parseBenchArgs(argv: readonly string[]): BenchArgs {
  let suite: BenchSuite = 'all';
  let mode: BenchMode = 'full';
  let modeFlag: string | undefined;
  const filters: string[] = [];
  let list = false;
  let help = false;
  let out: string | undefined;
  let baseline = true;
  let clock: BenchClock = DEFAULT_CLOCK;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    let value: string | undefined;
    if (VALUE_FLAGS.includes(flag)) {
      value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
      if (value === undefined || value === '' || value.startsWith('--')) {
        throw new BenchError('USAGE', `${flag} needs a value`);
      }
    } else if (eq > 0) {
      throw new BenchError('USAGE', `${flag} takes no value`);
    }
    switch (flag) {
      case '--quick':
      case '--smoke': {
        if (modeFlag !== undefined && modeFlag !== flag) {
          throw new BenchError('USAGE', `${modeFlag} and ${flag} exclude each other`);
        }
        modeFlag = flag;
        mode = flag === '--quick' ? 'quick' : 'smoke';
        break;
      }
      case '--filter':
        for (const part of value!.split(',')) {
          const p = part.trim();
          if (p !== '') filters.push(p);
        }
        break;
      case '--out':
        out = value;
        break;
      case '--clock':
        if (!BENCH_CLOCKS.includes(value as BenchClock)) {
          throw new BenchError(
            'USAGE',
            `--clock takes ${BENCH_CLOCKS.join(' or ')}, not ${JSON.stringify(value)}`,
          );
        }
        clock = value as BenchClock;
        break;
      case '--suite':
        if (!BENCH_SUITES.includes(value as BenchSuite)) {
          throw new BenchError(
            'USAGE',
            `--suite takes ${BENCH_SUITES.join(', ')}, not ${JSON.stringify(value)}`,
          );
        }
        suite = value as BenchSuite;
        break;
      case '--list':
        list = true;
        break;
      case '--no-baseline':
        baseline = false;
        break;
      case '--help':
      case '-h':
        help = true;
        break;
      default:
        throw new BenchError('USAGE', `unknown argument ${JSON.stringify(arg)}`);
    }
  }
  if (out !== undefined && suite === 'all') {
    throw new BenchError('USAGE', '--out names one results file: add --suite codec or --suite items');
  }
  return { suite, mode, filters, list, help, out, baseline, clock };
}

/** Characters after which a filter may start matching inside a case name. */
const WORD_BOUNDARIES = '/-_.';

/**
 * True when one of `filters` matches `name`, or there are none. A filter matches
 * (case-insensitively) where it starts at the beginning of the name or right after `/`, `-`, `_`
 * or `.`, so `xml-to-ast` selects the XML decoder and not `wbxml-to-ast`; a trailing `$` anchors
 * it at the end of the name (`msg1$` is not `msg10`).
 */
export function matchesFilters(name: string, filters: readonly string[]): boolean {
  if (filters.length === 0) return true;
  const n = name.toLowerCase();
  return filters.some((filter) => matchesOne(n, filter.toLowerCase()));
}

function matchesOne(name: string, filter: string): boolean {
  const anchored = filter.endsWith('$');
  const f = anchored ? filter.slice(0, -1) : filter;
  if (f === '') return anchored;
  for (let at = name.indexOf(f); at >= 0; at = name.indexOf(f, at + 1)) {
    const atBoundary = at === 0 || WORD_BOUNDARIES.includes(name[at - 1]!);
    if (atBoundary && (!anchored || at + f.length === name.length)) return true;
  }
  return false;
}
