// The bench package's API: the generic runner (for other suites, e.g. the server load bench),
// the codec suite and the items suite. `node dist/run.js` is the command-line entry.
export type { BenchCase, PreparedCase } from './runner/bench-case.js';
export { BENCH_CLOCKS, type BenchClock, clockReader, DEFAULT_CLOCK } from './runner/clock.js';
export {
  BENCH_SUITES,
  type BenchArgs,
  type BenchSuite,
  matchesFilters,
  parseBenchArgs,
  USAGE,
} from './runner/cli.js';
export { BenchError, type BenchErrorCode, describeError } from './runner/errors.js';
export { type RunMetadata, runMetadata } from './runner/machine.js';
export { calibrateBatch, type CaseMeasurement, type CaseStatus, measureCase } from './runner/measure.js';
export {
  BENCH_MODES,
  type BenchMode,
  MAX_BATCH,
  TIMING_PROFILES,
  type TimingProfile,
} from './runner/modes.js';
export { writeResultsFile } from './runner/results-file.js';
export {
  formatFigure,
  formatMarkdownTable,
  formatRatio,
  formatTable,
  type Align,
} from './runner/text-table.js';
export { firstAstDifference, type StringEquivalence } from './codec/ast-diff.js';
export {
  BASELINE_PAIRS,
  type BaselineReport,
  LIBWBXML_FUNCTIONS,
  type LibwbxmlFileFailure,
} from './codec/baseline.js';
export { type CodecCase, codecCases } from './codec/cases/codec-cases.js';
export { CODEC_GROUP_DESCRIPTIONS, CODEC_GROUPS, type CodecGroup } from './codec/cases/groups.js';
export type { BaselineComparison, CodecCaseRecord } from './codec/compare.js';
export { CORPUS_FOLDERS, type CorpusFile, defaultVectorsDir, loadCorpus } from './codec/corpus.js';
export { LIBWBXML_OPS, type LibwbxmlOp } from './codec/libwbxml/harness-output.js';
export {
  BASELINE_PROFILES,
  type BaselineProfile,
  type LibwbxmlFigure,
  type LibwbxmlFileResult,
} from './codec/libwbxml/measure-libwbxml.js';
export { resultsMarkdown, resultsTable, targetLines } from './codec/print.js';
export {
  CODEC_RESULTS_FILE,
  CODEC_SOURCE_PATHS,
  type CodecBenchOptions,
  type CodecReport,
  RESULTS_SCHEMA_VERSION,
  runCodecBench,
  selectCodecCases,
} from './codec/suite.js';
export {
  CODEC_TARGETS,
  evaluateTargets,
  LARGE_MESSAGE_FILE,
  type TargetResult,
  type TargetStatus,
} from './codec/targets.js';
export {
  ITEM_GROUP_DESCRIPTIONS,
  ITEM_GROUPS,
  type ItemGroup,
  type ItemsCase,
  itemCases,
} from './items/cases/item-cases.js';
export { KNOWN_ROUND_TRIP_ISSUES, type KnownRoundTripIssue } from './items/check/known-issues.js';
export {
  type CapturedItem,
  ITEM_CAPTURES,
  type SkippedItem,
} from './items/corpus/captured-items.js';
export {
  GENERATED_FORMATS,
  GENERATED_ITEMS_PER_FORMAT,
  GENERATED_ITEMS_SEED,
  type GeneratedItem,
  generatedItems,
} from './items/corpus/generated-items.js';
export {
  type CorpusItem,
  type ItemCorpus,
  type ItemCorpusOptions,
  type ItemSet,
  loadItemCorpus,
} from './items/corpus/item-corpus.js';
export { sniffItemFormat } from './items/corpus/sniff-format.js';
export {
  ITEM_FORMAT_SPECS,
  ITEM_FORMATS,
  type ItemFormatId,
  type ItemFormatSpec,
} from './items/item-formats.js';
export { itemsFiguresMarkdown, itemsResultsTable } from './items/print.js';
export {
  ITEMS_RESULTS_SCHEMA_VERSION,
  type ItemsCaseRecord,
  type ItemsCorpusSummary,
  type ItemsReport,
  readItemsReport,
} from './items/report.js';
export {
  ITEMS_RESULTS_FILE,
  ITEMS_SOURCE_PATHS,
  type ItemsBenchOptions,
  runItemsBench,
  selectItemCases,
} from './items/suite.js';
