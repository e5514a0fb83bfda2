import { type CanonicalRecord, isItemCodecError } from '@syncds/formats';
import { checkThat } from '../../codec/check.js';
import { BenchError } from '../../runner/errors.js';
import { checkRoundTrip, checkSameRecord, parseCorpusItem, recordFormat } from '../check/round-trip.js';
import type { CorpusItem, ItemSet } from '../corpus/item-corpus.js';
import { ITEM_FORMAT_SPECS } from '../item-formats.js';

/** An item set whose every item passed the self-check, with what the check established. */
export interface CheckedSet {
  readonly items: readonly CorpusItem[];
  /** The record of each item, as parsed once. */
  readonly records: readonly CanonicalRecord[];
  /** What the round trip wrote for each item (in the round-trip format). */
  readonly written: readonly Uint8Array[];
  /** Known issues seen (KNOWN_ROUND_TRIP_ISSUES): one line per issue, naming the items that show it. */
  readonly knownIssues: readonly string[];
  /** How many records of each kind. */
  readonly kinds: Readonly<Record<string, number>>;
}

/** The record of `item`; a codec error becomes a CHECK_FAILED naming the item, with the codec's code and status. */
function parsedOrRejected(name: string, item: CorpusItem): CanonicalRecord {
  try {
    return parseCorpusItem(item);
  } catch (e) {
    if (!isItemCodecError(e)) throw e;
    throw new BenchError(
      'CHECK_FAILED',
      `${item.source}: the codec rejects it: ${e.code} (${e.status}): ${e.message}`,
      name,
      { cause: e },
    );
  }
}

/**
 * Checks every item of `set` before any timing: it parses, into a record of a kind its format
 * carries, read as that format (`source` / `origin`); parsing it again gives the same record;
 * and the record survives the round trip of its format. Throws BenchError CHECK_FAILED for case
 * `name`, naming the item.
 */
export function checkItemSet(name: string, set: ItemSet): CheckedSet {
  checkThat(set.items.length > 0, name, `no ${set.format} item in the corpus`);
  const spec = ITEM_FORMAT_SPECS[set.format];
  const records: CanonicalRecord[] = [];
  const written: Uint8Array[] = [];
  const knownIssues = new Map<string, string[]>();
  const kinds: Record<string, number> = {};
  for (const item of set.items) {
    const record = parsedOrRejected(name, item);
    checkThat(
      spec.kinds.includes(record.kind),
      name,
      `${item.source}: read as a ${record.kind}, which ${set.format} does not carry`,
    );
    const readAs = recordFormat(record);
    checkThat(
      readAs === set.format,
      name,
      `${item.source}: read as ${readAs ?? 'no format'}, not ${set.format}`,
    );
    checkSameRecord(parseCorpusItem(item), record, name, `${item.source}: a second parse differs`);
    const trip = checkRoundTrip(name, item, set.format, record);
    records.push(record);
    written.push(trip.written);
    if (trip.knownIssue !== null) {
      const sources = knownIssues.get(trip.knownIssue) ?? [];
      sources.push(item.source);
      knownIssues.set(trip.knownIssue, sources);
    }
    kinds[record.kind] = (kinds[record.kind] ?? 0) + 1;
  }
  return {
    items: set.items,
    records,
    written,
    knownIssues: [...knownIssues].map(([issue, sources]) => `${issue} (${sources.join(', ')})`),
    kinds,
  };
}
