import type { CanonicalRecord } from '@syncds/formats';
import type { PreparedCase } from '../../runner/bench-case.js';
import { checkSameRecord, parseCorpusItem } from '../check/round-trip.js';
import type { ItemSet } from '../corpus/item-corpus.js';
import { type CheckedSet, checkItemSet } from './checked-set.js';

/** Facts of a checked set for the report: counts by origin and kind, known issues. */
export function setFacts(set: ItemSet, checked: CheckedSet): Record<string, number | string> {
  const facts: Record<string, number | string> = {
    items: set.items.length,
    captured: set.captured,
    generated: set.generated,
  };
  for (const [kind, count] of Object.entries(checked.kinds)) facts[`${kind}s`] = count;
  if (checked.knownIssues.length > 0) facts.knownIssues = checked.knownIssues.join('; ');
  return facts;
}

/**
 * `items/parse/<format>`: `parseItem` on every item of the set, bytes to canonical record, as
 * the engine calls it (the item's Meta Type and Version). One call of `run` reads the whole set;
 * `bytes` is the set's size. Checked first ({@link checkItemSet}); after timing, the last records
 * must still equal the checked ones.
 */
export function prepareParse(name: string, set: ItemSet): PreparedCase {
  const checked = checkItemSet(name, set);
  const items = set.items;
  const last: CanonicalRecord[] = [...checked.records];
  let bytes = 0;
  for (const item of items) bytes += item.bytes.length;
  return {
    bytes,
    run: () => {
      for (let i = 0; i < items.length; i++) last[i] = parseCorpusItem(items[i]!);
    },
    verifyAfter: () => checkSameRecord(last, checked.records, name, 'the records changed while timed'),
    facts: setFacts(set, checked),
  };
}
