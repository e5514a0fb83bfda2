import { checkThat, sameBytes } from '../../codec/check.js';
import type { PreparedCase } from '../../runner/bench-case.js';
import { writeRecord } from '../check/round-trip.js';
import type { ItemSet } from '../corpus/item-corpus.js';
import { ITEM_FORMAT_SPECS } from '../item-formats.js';
import { checkItemSet } from './checked-set.js';
import { setFacts } from './parse-case.js';

/**
 * `items/serialize/<format>`: `serializeItem` of the record of every item of the set, canonical
 * record to bytes in the format (its content type and version). One call of `run` writes the
 * whole set; `bytes` is the size of what it writes. Checked first: the set passes
 * {@link checkItemSet} (whose round trip reads this very output back), and writing twice gives
 * identical bytes; after timing, the last output must be byte-identical.
 */
export function prepareSerialize(name: string, set: ItemSet): PreparedCase {
  checkThat(ITEM_FORMAT_SPECS[set.format].writable, name, `${set.format} is read only`);
  const checked = checkItemSet(name, set);
  const records = checked.records;
  const format = set.format;
  const expected = checked.written;
  let bytes = 0;
  for (let i = 0; i < records.length; i++) {
    const again = writeRecord(records[i]!, format);
    checkThat(
      sameBytes(again, expected[i]!),
      name,
      `${set.items[i]!.source}: writing twice gave different bytes`,
    );
    bytes += again.length;
  }
  const last: Uint8Array[] = [...expected];
  return {
    bytes,
    run: () => {
      for (let i = 0; i < records.length; i++) last[i] = writeRecord(records[i]!, format);
    },
    verifyAfter: () => {
      for (let i = 0; i < last.length; i++) {
        checkThat(
          sameBytes(last[i]!, expected[i]!),
          name,
          `${set.items[i]!.source}: the output changed while timed`,
        );
      }
    },
    facts: setFacts(set, checked),
  };
}
