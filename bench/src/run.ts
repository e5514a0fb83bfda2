import { runCodecBench, selectCodecCases } from './codec/suite.js';
import { CODEC_GROUP_DESCRIPTIONS, CODEC_GROUPS } from './codec/cases/groups.js';
import { defaultVectorsDir } from './codec/corpus.js';
import { ITEM_GROUP_DESCRIPTIONS, ITEM_GROUPS } from './items/cases/item-cases.js';
import { runItemsBench, selectItemCases } from './items/suite.js';
import { parseBenchArgs, USAGE } from './runner/cli.js';
import { BenchError } from './runner/errors.js';

// `pnpm bench`: the codec suite, then the items suite (`--suite` picks one). Exit 0 when every
// selected case passed its self-check (speed targets are reported, not enforced), 1 when one
// did not, 2 on a usage or setup error.
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
    const vectorsDir = defaultVectorsDir();
    const codecCases = args.suite === 'items' ? [] : selectCodecCases(vectorsDir, args.filters);
    const itemCases = args.suite === 'codec' ? [] : selectItemCases(vectorsDir, args.filters);
    // With both suites a filter may select cases of one only; the other is then skipped.
    if (codecCases.length === 0 && itemCases.length === 0) {
      throw new BenchError('NO_CASES', `no case matches --filter ${args.filters.join(',')}`);
    }
    if (args.list) {
      for (const group of CODEC_GROUPS) {
        if (codecCases.some((c) => c.group === group))
          console.log(`# ${group}: ${CODEC_GROUP_DESCRIPTIONS[group]}`);
      }
      for (const c of codecCases) console.log(`${c.name}  (${c.file})`);
      for (const group of ITEM_GROUPS) {
        if (itemCases.some((c) => c.group === group))
          console.log(`# ${group}: ${ITEM_GROUP_DESCRIPTIONS[group]}`);
      }
      for (const c of itemCases) console.log(`${c.name}  (${c.sources.length} items: ${c.file})`);
      return 0;
    }
    const out = args.out === undefined ? {} : { out: args.out };
    let allOk = true;
    if (codecCases.length > 0) {
      const report = runCodecBench({
        mode: args.mode,
        filters: args.filters,
        baseline: args.baseline,
        clock: args.clock,
        ...out,
      });
      allOk &&= report.summary.ok === report.summary.cases;
    }
    if (itemCases.length > 0) {
      if (codecCases.length > 0) console.log('');
      const report = runItemsBench({ mode: args.mode, filters: args.filters, clock: args.clock, ...out });
      allOk &&= report.summary.ok === report.summary.cases;
    }
    return allOk ? 0 : 1;
  } catch (e) {
    if (e instanceof BenchError) {
      console.error(`bench: ${e.code}: ${e.message}`);
      return 2;
    }
    throw e;
  }
}

process.exitCode = main(process.argv.slice(2));
