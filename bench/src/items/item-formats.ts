import type { ItemKind } from '@syncds/formats';

/**
 * The item formats the suite measures, in report order: the registry's formats of
 * `@syncds/formats`, with the iCalendar journal (`text/calendar` holding a VJOURNAL, read into a
 * note) apart from iCalendar events and tasks, since a different codec reads it.
 */
export const ITEM_FORMATS = [
  'vcard-2.1',
  'vcard-3.0',
  'vcard-4.0',
  'sifc',
  'vcalendar-1.0',
  'icalendar-2.0',
  'sife',
  'sift',
  'plain',
  'vnote-1.1',
  'vjournal',
  'sifn',
] as const;
/** One of {@link ITEM_FORMATS}. */
export type ItemFormatId = (typeof ITEM_FORMATS)[number];

/** How the suite writes and names one format. */
export interface ItemFormatSpec {
  /** The content type a server sends items of this format with. */
  readonly contentType: string;
  /** The `VerCT` handed to `serializeItem` / `parseItem`; undefined for the SIF types and text/plain. */
  readonly version: string | undefined;
  /** The kinds of record the format carries. */
  readonly kinds: readonly ItemKind[];
  /**
   * False for vCard 4.0, which the contacts package reads but never writes: asked for 4.0 it
   * writes 3.0. Such a format has no serialize case.
   */
  readonly writable: boolean;
  /**
   * The format the round-trip self-check writes a record of this format in: itself, or for a
   * read-only format the one its package writes instead.
   */
  readonly roundTripVia: ItemFormatId;
  /** For `--list`. */
  readonly description: string;
}

/** Per format: the content type and version used to write it (and to read back what was written). */
export const ITEM_FORMAT_SPECS: Readonly<Record<ItemFormatId, ItemFormatSpec>> = {
  'vcard-2.1': {
    contentType: 'text/x-vcard',
    version: '2.1',
    kinds: ['contact'],
    writable: true,
    roundTripVia: 'vcard-2.1',
    description: 'vCard 2.1 contacts',
  },
  'vcard-3.0': {
    contentType: 'text/vcard',
    version: '3.0',
    kinds: ['contact'],
    writable: true,
    roundTripVia: 'vcard-3.0',
    description: 'vCard 3.0 contacts',
  },
  'vcard-4.0': {
    contentType: 'text/vcard',
    version: '4.0',
    kinds: ['contact'],
    writable: false,
    roundTripVia: 'vcard-3.0',
    description: 'vCard 4.0 contacts (read only)',
  },
  sifc: {
    contentType: 'text/x-s4j-sifc',
    version: undefined,
    kinds: ['contact'],
    writable: true,
    roundTripVia: 'sifc',
    description: 'SIF-C contacts (Funambol)',
  },
  'vcalendar-1.0': {
    contentType: 'text/x-vcalendar',
    version: '1.0',
    kinds: ['event', 'task'],
    writable: true,
    roundTripVia: 'vcalendar-1.0',
    description: 'vCalendar 1.0 events and tasks',
  },
  'icalendar-2.0': {
    contentType: 'text/calendar',
    version: '2.0',
    kinds: ['event', 'task'],
    writable: true,
    roundTripVia: 'icalendar-2.0',
    description: 'iCalendar 2.0 events and tasks (VTIMEZONE, RRULE, VALARM)',
  },
  sife: {
    contentType: 'text/x-s4j-sife',
    version: undefined,
    kinds: ['event'],
    writable: true,
    roundTripVia: 'sife',
    description: 'SIF-E events (Funambol)',
  },
  sift: {
    contentType: 'text/x-s4j-sift',
    version: undefined,
    kinds: ['task'],
    writable: true,
    roundTripVia: 'sift',
    description: 'SIF-T tasks (Funambol)',
  },
  plain: {
    contentType: 'text/plain',
    version: undefined,
    kinds: ['note'],
    writable: true,
    roundTripVia: 'plain',
    description: 'text/plain notes',
  },
  'vnote-1.1': {
    contentType: 'text/x-vnote',
    version: '1.1',
    kinds: ['note'],
    writable: true,
    roundTripVia: 'vnote-1.1',
    description: 'vNote 1.1 notes',
  },
  vjournal: {
    contentType: 'text/calendar',
    version: '2.0',
    kinds: ['note'],
    writable: true,
    roundTripVia: 'vjournal',
    description: 'iCalendar 2.0 VJOURNAL notes',
  },
  sifn: {
    contentType: 'text/x-s4j-sifn',
    version: undefined,
    kinds: ['note'],
    writable: true,
    roundTripVia: 'sifn',
    description: 'SIF-N notes (Funambol)',
  },
};
