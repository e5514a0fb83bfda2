import { runCodecBench, selectCodecCases } from './codec/suite.js';
import { CODEC_GROUP_DESCRIPTIONS, CODEC_GROUPS } from './codec/cases/groups.js';
import { defaultVectorsDir } from './codec/corpus.js';
import { parseBenchArgs, USAGE } from './runner/cli.js';
import { BenchError } from './runner/errors.js';

// `pnpm bench`: the codec suite. Exit 0 when every selected case passed its self-check (speed
// targets are reported, not enforced), 1 when one did not, 2 on a usage or setup error.
function main(argv: readonly string[]): number {
  let args: ReturnType<typeof parseBenchArgs>;
  try {
    args = parseBenchArgs(argv);
  } catch (e) {
    console.error(`${(e as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (args.help) {
    console.log(USAGE);
    return 0;
  }
  try {
    if (args.list) {
      const cases = selectCodecCases(defaultVectorsDir(), args.filters);
      for (const group of CODEC_GROUPS) {
        if (cases.some((c) => c.group === group))
          console.log(`# ${group}: ${CODEC_GROUP_DESCRIPTIONS[group]}`);
      }
      for (const c of cases) console.log(`${c.name}  (${c.file})`);
      return 0;
    }
    const report = runCodecBench({
      mode: args.mode,
      filters: args.filters,
      baseline: args.baseline,
      clock: args.clock,
      ...(args.out === undefined ? {} : { out: args.out }),
    });
    return report.summary.ok === report.summary.cases ? 0 : 1;
  } catch (e) {
    if (e instanceof BenchError) {
      console.error(`bench: ${e.code}: ${e.message}`);
      return 2;
    }
    throw e;
  }
}

process.exitCode = main(process.argv.slice(2));
