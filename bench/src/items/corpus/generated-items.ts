import type { ItemFormatId } from '../item-formats.js';
import { icalendar20, sift } from './generated/calendar.js';
import { vcard30, vcard40 } from './generated/contacts.js';
import type { GeneratedItem, ItemGenerator } from './generated/generated-item.js';
import { plain, vjournal, vnote } from './generated/notes.js';
import { seeded } from './generated/versit-text.js';

export type { GeneratedItem } from './generated/generated-item.js';

/** Items generated per format that the captures lack. */
export const GENERATED_ITEMS_PER_FORMAT = 6;

/** Seed of the generator: the same items on every run, so figures compare across runs. */
export const GENERATED_ITEMS_SEED = 20_081_231;

const GENERATORS: Partial<Readonly<Record<ItemFormatId, ItemGenerator>>> = {
  'vcard-3.0': vcard30,
  'vcard-4.0': vcard40,
  'icalendar-2.0': icalendar20,
  sift,
  plain,
  'vnote-1.1': vnote,
  vjournal,
};

/** The formats the generator writes items for: those the captures lack. */
export const GENERATED_FORMATS: readonly ItemFormatId[] = Object.keys(GENERATORS) as ItemFormatId[];

/**
 * `count` items of `format`, the same on every run (seeded by {@link GENERATED_ITEMS_SEED} and
 * the format); an empty list for a format the generator does not write.
 */
export function generatedItems(
  format: ItemFormatId,
  count: number = GENERATED_ITEMS_PER_FORMAT,
): GeneratedItem[] {
  const generator = GENERATORS[format];
  if (generator === undefined) return [];
  let seed = GENERATED_ITEMS_SEED;
  for (const ch of format) seed = (Math.imul(seed, 31) + ch.charCodeAt(0)) | 0;
  const next = seeded(seed);
  return Array.from({ length: count }, (_, i) => generator(i, next));
}
