import type { BenchCase, PreparedCase } from '../../runner/bench-case.js';
import type { ItemCorpus, ItemSet } from '../corpus/item-corpus.js';
import { ITEM_FORMAT_SPECS, type ItemFormatId } from '../item-formats.js';
import { prepareParse } from './parse-case.js';
import { prepareSerialize } from './serialize-case.js';

/** The two directions measured, in report order. */
export const ITEM_GROUPS = ['items/parse', 'items/serialize'] as const;
/** One of {@link ITEM_GROUPS}. */
export type ItemGroup = (typeof ITEM_GROUPS)[number];

/** What each group measures, printed by `--list`. */
export const ITEM_GROUP_DESCRIPTIONS: Readonly<Record<ItemGroup, string>> = {
  'items/parse':
    'parseItem(bytes, Meta Type): item bytes to the canonical record, every item of the format once per call',
  'items/serialize':
    "serializeItem(record, content type, {version}): canonical record to the format's bytes, every item once per call",
};

/** An items case: one direction over every item of one format. */
export interface ItemsCase extends BenchCase {
  readonly group: ItemGroup;
  readonly format: ItemFormatId;
  /** `CorpusItem.source` of each item, in the order they are processed. */
  readonly sources: readonly string[];
}

/**
 * Every case of the items suite: a parse case per format, a serialize case per format the
 * codecs write (not vCard 4.0). A format without items still gets its cases, which then fail
 * their check.
 */
export function itemCases(corpus: ItemCorpus): ItemsCase[] {
  const cases: ItemsCase[] = [];
  for (const group of ITEM_GROUPS) {
    for (const set of corpus.sets) {
      if (group === 'items/serialize' && !ITEM_FORMAT_SPECS[set.format].writable) continue;
      cases.push(itemCase(group, set));
    }
  }
  return cases;
}

function itemCase(group: ItemGroup, set: ItemSet): ItemsCase {
  const name = `${group}/${set.format}`;
  const prepare = (): PreparedCase =>
    group === 'items/parse' ? prepareParse(name, set) : prepareSerialize(name, set);
  return {
    name,
    group,
    format: set.format,
    file: inputFiles(set),
    sources: set.items.map((i) => i.source),
    prepare,
  };
}

/** The capture files the set's items come from, comma-separated, or `generated`. */
function inputFiles(set: ItemSet): string {
  const files = new Set(
    set.items.map((i) => (i.generated ? 'generated' : i.source.slice(0, i.source.lastIndexOf('#')))),
  );
  return [...files].join(', ');
}
