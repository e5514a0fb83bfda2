/** What an item is. */
export type ItemKind = 'contact' | 'event' | 'task' | 'note';

/** The two families of item formats (R14). Plain text counts as `versit` for notes. */
export type FormatFamily = 'sif' | 'versit';

/** Every concrete format this package reads or writes. */
export type ItemFormat =
  | 'vcard-2.1'
  | 'vcard-3.0'
  | 'vcard-4.0'
  | 'sifc'
  | 'vcalendar-1.0'
  | 'icalendar-2.0'
  | 'sife'
  | 'sift'
  | 'plain'
  | 'vnote-1.1'
  | 'sifn';

/** The kinds each format can carry: a vCalendar 1.0 has no journal, so no note. */
export const FORMAT_KINDS: Readonly<Record<ItemFormat, readonly ItemKind[]>> = {
  'vcard-2.1': ['contact'],
  'vcard-3.0': ['contact'],
  'vcard-4.0': ['contact'],
  sifc: ['contact'],
  'vcalendar-1.0': ['event', 'task'],
  'icalendar-2.0': ['event', 'task', 'note'],
  sife: ['event'],
  sift: ['task'],
  plain: ['note'],
  'vnote-1.1': ['note'],
  sifn: ['note'],
};

/** One content type of the registry. */
export interface ContentTypeEntry {
  /** Lower-case media type as devices announce it. */
  contentType: string;
  family: FormatFamily;
  /** The kinds of item it can carry (text/calendar carries events, tasks and journal notes). */
  kinds: readonly ItemKind[];
  /** The version written when none is asked for (DevInf `VerCT`). */
  version: string;
  /** Format per announced version; the `*` key answers any other (or no) version. */
  formats: Readonly<Record<string, ItemFormat>>;
  /** Versions this package can write for the type; empty = any. */
  writable: readonly string[];
}

/**
 * The content types of R14, in the order used when nothing else decides.
 * Version quirks seen in the field are part of the table: Horde announces
 * `text/x-vcard` with `VerCT` 3.0 for vCard 3.0, and `text/vcard` 4.0 is read
 * but never written.
 */
export const CONTENT_TYPES: readonly ContentTypeEntry[] = [
  {
    contentType: 'text/x-vcard',
    family: 'versit',
    kinds: ['contact'],
    version: '2.1',
    formats: { '2.1': 'vcard-2.1', '3.0': 'vcard-3.0', '4.0': 'vcard-4.0', '*': 'vcard-2.1' },
    writable: ['2.1', '3.0'],
  },
  {
    contentType: 'text/vcard',
    family: 'versit',
    kinds: ['contact'],
    version: '3.0',
    formats: { '2.1': 'vcard-2.1', '3.0': 'vcard-3.0', '4.0': 'vcard-4.0', '*': 'vcard-3.0' },
    writable: ['2.1', '3.0'],
  },
  {
    // OMNA's name for vCard 3.0 (WSP content type 0x0309).
    contentType: 'text/directory',
    family: 'versit',
    kinds: ['contact'],
    version: '3.0',
    formats: { '*': 'vcard-3.0' },
    writable: ['3.0'],
  },
  {
    contentType: 'text/x-s4j-sifc',
    family: 'sif',
    kinds: ['contact'],
    version: '1.0',
    formats: { '*': 'sifc' },
    writable: [],
  },
  {
    contentType: 'text/x-vcalendar',
    family: 'versit',
    kinds: ['event', 'task'],
    version: '1.0',
    formats: { '1.0': 'vcalendar-1.0', '2.0': 'icalendar-2.0', '*': 'vcalendar-1.0' },
    writable: ['1.0', '2.0'],
  },
  {
    contentType: 'text/calendar',
    family: 'versit',
    kinds: ['event', 'task', 'note'],
    version: '2.0',
    formats: { '1.0': 'vcalendar-1.0', '2.0': 'icalendar-2.0', '*': 'icalendar-2.0' },
    writable: ['1.0', '2.0'],
  },
  {
    contentType: 'text/x-s4j-sife',
    family: 'sif',
    kinds: ['event'],
    version: '1.0',
    formats: { '*': 'sife' },
    writable: [],
  },
  {
    contentType: 'text/x-s4j-sift',
    family: 'sif',
    kinds: ['task'],
    version: '1.0',
    formats: { '*': 'sift' },
    writable: [],
  },
  {
    contentType: 'text/plain',
    family: 'versit',
    kinds: ['note'],
    version: '1.0',
    formats: { '*': 'plain' },
    writable: [],
  },
  {
    contentType: 'text/x-vnote',
    family: 'versit',
    kinds: ['note'],
    version: '1.1',
    formats: { '*': 'vnote-1.1' },
    writable: [],
  },
  {
    contentType: 'text/x-s4j-sifn',
    family: 'sif',
    kinds: ['note'],
    version: '1.0',
    formats: { '*': 'sifn' },
    writable: [],
  },
];

// Names older Funambol and Horde builds use for the SIF types.
const ALIASES: Readonly<Record<string, string>> = {
  'text/x-sifc': 'text/x-s4j-sifc',
  'text/x-sife': 'text/x-s4j-sife',
  'text/x-sift': 'text/x-s4j-sift',
  'text/x-sifn': 'text/x-s4j-sifn',
};

/** The media type of a content type: lower-cased, parameters (`; charset=...`) dropped. */
export function mediaTypeOf(contentType: string): string {
  const semicolon = contentType.indexOf(';');
  return (semicolon < 0 ? contentType : contentType.slice(0, semicolon)).trim().toLowerCase();
}

/** The registry entry of a content type (aliases resolved), or undefined. */
export function contentTypeEntry(contentType: string): ContentTypeEntry | undefined {
  const type = mediaTypeOf(contentType);
  const canonical = ALIASES[type] ?? type;
  return CONTENT_TYPES.find((entry) => entry.contentType === canonical);
}

/**
 * The concrete format of a (content type, version) pair, or undefined when
 * the pair is not handled. An absent or empty version means the type's usual
 * one; devices also announce versions like `1.0` for SIF, which are ignored.
 */
export function formatOf(contentType: string, version?: string): ItemFormat | undefined {
  const entry = contentTypeEntry(contentType);
  if (entry === undefined) return undefined;
  const v = version?.trim() ?? '';
  return entry.formats[v] ?? (v === '' || !hasVersions(entry) ? entry.formats['*'] : undefined);
}

function hasVersions(entry: ContentTypeEntry): boolean {
  return Object.keys(entry.formats).length > 1;
}

/** True when this package can write the pair (a vCard 4.0 is read, never written). */
export function isWritable(contentType: string, version?: string): boolean {
  const entry = contentTypeEntry(contentType);
  if (entry === undefined || formatOf(contentType, version) === undefined) return false;
  const v = version?.trim() ?? '';
  return v === '' || entry.writable.length === 0 || entry.writable.includes(v);
}

/** The family of a content type, or undefined when it is not in the registry. */
export function familyOf(contentType: string): FormatFamily | undefined {
  return contentTypeEntry(contentType)?.family;
}

/** The kinds a content type can carry ([] when it is not in the registry). */
export function kindsOf(contentType: string): readonly ItemKind[] {
  return contentTypeEntry(contentType)?.kinds ?? [];
}
