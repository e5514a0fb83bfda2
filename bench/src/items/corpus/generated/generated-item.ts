/** One generated item: the text a device of its kind would send, and the Meta Type it labels it with. */
export interface GeneratedItem {
  readonly contentType: string;
  readonly text: string;
}

/** Writes item `index` of a format, drawing variation from `next` (seeded). */
export type ItemGenerator = (index: number, next: () => number) => GeneratedItem;
