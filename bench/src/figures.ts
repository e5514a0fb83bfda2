import { figuresMarkdown, readCodecReport } from './codec/summary.js';
import { CODEC_RESULTS_FILE, RESULTS_SCHEMA_VERSION } from './codec/suite.js';
import { BenchError } from './runner/errors.js';

// `node dist/figures.js [results.json]`: prints the README's figures section (Markdown) for a
// results file, by default bench/results/latest.json.
const args = process.argv.slice(2);
if (args.length > 1 || args[0]?.startsWith('-')) {
  console.error('usage: node dist/figures.js [results.json]');
  process.exitCode = 2;
} else {
  try {
    console.log(figuresMarkdown(readCodecReport(args[0] ?? CODEC_RESULTS_FILE, RESULTS_SCHEMA_VERSION)));
  } catch (e) {
    if (!(e instanceof BenchError)) throw e;
    console.error(`figures: ${e.code}: ${e.message}`);
    process.exitCode = 2;
  }
}
