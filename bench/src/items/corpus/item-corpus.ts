import { ITEM_FORMATS, type ItemFormatId } from '../item-formats.js';
import { type CapturedItem, capturedItems, itemCaptureFiles, type SkippedItem } from './captured-items.js';
import { GENERATED_ITEMS_PER_FORMAT, generatedItems } from './generated-items.js';
import { sniffItemFormat } from './sniff-format.js';

/** One item of the corpus: captured from a device, or generated. */
export interface CorpusItem extends CapturedItem {
  readonly generated: boolean;
}

/** The items of one format, in corpus order. */
export interface ItemSet {
  readonly format: ItemFormatId;
  readonly items: readonly CorpusItem[];
  /** How many come from captures and how many were generated (only when the captures have none). */
  readonly captured: number;
  readonly generated: number;
}

/** Every item the suite measures, by format, and what it left out. */
export interface ItemCorpus {
  /** One set per format of ITEM_FORMATS, in that order (a set may be empty). */
  readonly sets: readonly ItemSet[];
  /** The capture files read. */
  readonly files: readonly string[];
  /** Items left out: large-object chunks, other encodings, types that are none of the formats. */
  readonly skipped: readonly SkippedItem[];
  /** Captured items dropped because the same bytes were already in their set (devices resend items). */
  readonly duplicates: number;
}

/** Options of {@link loadItemCorpus}. */
export interface ItemCorpusOptions {
  /** Items generated for each format the captures lack. Default {@link GENERATED_ITEMS_PER_FORMAT}. */
  readonly generatedPerFormat?: number;
}

/**
 * Reads the items of every capture of ITEM_CAPTURES, sorts them into formats by
 * {@link sniffItemFormat}, drops byte-identical repeats, and adds generated items for each
 * format no capture has. Throws BenchError VECTORS_MISSING, CAPTURE_TOO_LARGE or BAD_CAPTURE.
 */
export function loadItemCorpus(vectorsDir: string, options: ItemCorpusOptions = {}): ItemCorpus {
  const files = itemCaptureFiles(vectorsDir);
  const byFormat = new Map<ItemFormatId, CorpusItem[]>(ITEM_FORMATS.map((f) => [f, []]));
  const seen = new Map<ItemFormatId, Set<string>>(ITEM_FORMATS.map((f) => [f, new Set()]));
  const skipped: SkippedItem[] = [];
  let duplicates = 0;
  for (const file of files) {
    const fromFile = capturedItems(vectorsDir, file);
    skipped.push(...fromFile.skipped);
    for (const item of fromFile.items) {
      const format = sniffItemFormat(item.contentType, item.bytes);
      if (format === null) {
        skipped.push({ source: item.source, reason: `not an item format measured (${item.contentType})` });
        continue;
      }
      const key = Buffer.from(item.bytes).toString('latin1');
      if (seen.get(format)!.has(key)) {
        duplicates++;
        continue;
      }
      seen.get(format)!.add(key);
      byFormat.get(format)!.push({ ...item, generated: false });
    }
  }
  const perFormat = options.generatedPerFormat ?? GENERATED_ITEMS_PER_FORMAT;
  const utf8 = new TextEncoder();
  const sets = ITEM_FORMATS.map((format): ItemSet => {
    const captured = byFormat.get(format)!;
    if (captured.length > 0) return { format, items: captured, captured: captured.length, generated: 0 };
    const generated = generatedItems(format, perFormat).map(
      (g, i): CorpusItem => ({
        source: `generated/${format}#${i}`,
        contentType: g.contentType,
        version: undefined,
        bytes: utf8.encode(g.text),
        generated: true,
      }),
    );
    return { format, items: generated, captured: 0, generated: generated.length };
  });
  return { sets, files, skipped, duplicates };
}
