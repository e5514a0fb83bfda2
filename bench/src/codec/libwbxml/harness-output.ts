import { BenchError } from '../../runner/errors.js';

/** The operations the C harness times, in the order it prints them. */
export const LIBWBXML_OPS = ['wbxml_to_tree', 'wbxml_to_xml', 'xml_to_wbxml', 'tree_to_wbxml'] as const;
/** One of {@link LIBWBXML_OPS}. */
export type LibwbxmlOp = (typeof LIBWBXML_OPS)[number];

/** One operation in one harness run. */
export type HarnessOp =
  | { readonly ok: true; readonly nsPerOp: number; readonly outputBytes: number }
  | { readonly ok: false; readonly error: string };

/** What `libwbxml-bench FILE ITERATIONS` prints. */
export interface HarnessOutput {
  readonly library: string;
  readonly version: string;
  /** `cpu` (process CPU time) or `wall`, as asked on the command line. */
  readonly clock: 'cpu' | 'wall';
  readonly file: string;
  readonly bytes: number;
  /** Length of libwbxml's XML rendering of the file (input of xml_to_wbxml); 0 when it failed. */
  readonly xmlBytes: number;
  readonly iterations: number;
  readonly ops: Readonly<Record<LibwbxmlOp, HarnessOp>>;
}

/** Parses and validates the harness's JSON. Throws BenchError BAD_BASELINE_OUTPUT. */
export function parseHarnessOutput(text: string, file: string): HarnessOutput {
  const bad = (why: string): BenchError =>
    new BenchError('BAD_BASELINE_OUTPUT', `libwbxml harness output for ${file}: ${why}`, file);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw bad(`not JSON (${(e as Error).message})`);
  }
  if (!isRecord(value)) throw bad('not an object');
  const str = (k: string): string => {
    const v = value[k];
    if (typeof v !== 'string') throw bad(`${k} is not a string`);
    return v;
  };
  const count = (k: string): number => {
    const v = value[k];
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) throw bad(`${k} is not a count`);
    return v;
  };
  const opsValue = value.ops;
  if (!isRecord(opsValue)) throw bad('ops is not an object');
  const ops = {} as Record<LibwbxmlOp, HarnessOp>;
  for (const op of LIBWBXML_OPS) {
    const o = opsValue[op];
    if (!isRecord(o) || typeof o.ok !== 'boolean') throw bad(`ops.${op} is missing`);
    if (o.ok) {
      if (typeof o.nsPerOp !== 'number' || !(o.nsPerOp > 0) || typeof o.outputBytes !== 'number') {
        throw bad(`ops.${op} has no positive nsPerOp`);
      }
      ops[op] = { ok: true, nsPerOp: o.nsPerOp, outputBytes: o.outputBytes };
    } else {
      ops[op] = { ok: false, error: typeof o.error === 'string' ? o.error : 'unknown error' };
    }
  }
  const clock = str('clock');
  if (clock !== 'cpu' && clock !== 'wall') throw bad(`clock is ${JSON.stringify(clock)}`);
  return {
    library: str('library'),
    version: str('version'),
    clock,
    file: str('file'),
    bytes: count('bytes'),
    xmlBytes: count('xmlBytes'),
    iterations: count('iterations'),
    ops,
  };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
