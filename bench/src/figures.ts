import { readFileSync } from 'node:fs';
import { figuresMarkdown, readCodecReport } from './codec/summary.js';
import { CODEC_RESULTS_FILE, RESULTS_SCHEMA_VERSION } from './codec/suite.js';
import { itemsFiguresMarkdown } from './items/print.js';
import { readItemsReport } from './items/report.js';
import { BenchError } from './runner/errors.js';

// `node dist/figures.js [results.json]`: prints the README's figures section (Markdown) for a
// results file of either suite (told apart by its `meta.suite`), by default
// bench/results/latest.json.

/** The `meta.suite` a results file names, or undefined (the codec reader then says what is wrong). */
function suiteOf(path: string): unknown {
  try {
    return (JSON.parse(readFileSync(path, 'utf8')) as { meta?: { suite?: unknown } } | null)?.meta?.suite;
  } catch {
    return undefined;
  }
}

const args = process.argv.slice(2);
if (args.length > 1 || args[0]?.startsWith('-')) {
  console.error('usage: node dist/figures.js [results.json]');
  process.exitCode = 2;
} else {
  const path = args[0] ?? CODEC_RESULTS_FILE;
  try {
    console.log(
      suiteOf(path) === 'items'
        ? itemsFiguresMarkdown(readItemsReport(path))
        : figuresMarkdown(readCodecReport(path, RESULTS_SCHEMA_VERSION)),
    );
  } catch (e) {
    if (!(e instanceof BenchError)) throw e;
    console.error(`figures: ${e.code}: ${e.message}`);
    process.exitCode = 2;
  }
}
