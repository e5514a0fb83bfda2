/** The wire formats this package reads and writes. */
export type CalendarFormat = 'vcalendar-1.0' | 'icalendar-2.0' | 'sife' | 'sift';

/** A content type this package handles, with the versions devices announce for it (DevInf `VerCT`). */
export interface CalendarContentType {
  contentType: string;
  format: CalendarFormat;
  /** Versions accepted for the type; empty accepts any (SIF is not versioned). */
  versions: readonly string[];
  /** The version written when this package announces the type. */
  version: string;
  /** What the format carries. */
  items: readonly ('event' | 'task')[];
}

/** Every content type of events and tasks, in the package's order of preference. */
export const CALENDAR_CONTENT_TYPES: readonly CalendarContentType[] = [
  {
    contentType: 'text/calendar',
    format: 'icalendar-2.0',
    versions: ['2.0'],
    version: '2.0',
    items: ['event', 'task'],
  },
  {
    contentType: 'text/x-vcalendar',
    format: 'vcalendar-1.0',
    versions: ['1.0'],
    version: '1.0',
    items: ['event', 'task'],
  },
  { contentType: 'text/x-s4j-sife', format: 'sife', versions: [], version: '1.0', items: ['event'] },
  { contentType: 'text/x-s4j-sift', format: 'sift', versions: [], version: '1.0', items: ['task'] },
];

// Devices label content loosely: a vCalendar 1.0 item under text/calendar (the
// Sony Ericsson P900 does it) or 2.0 under text/x-vcalendar. The pair decides.
const VERSIONED: Readonly<Record<string, Readonly<Record<string, CalendarFormat>>>> = {
  'text/calendar': { '2.0': 'icalendar-2.0', '1.0': 'vcalendar-1.0' },
  'text/x-vcalendar': { '1.0': 'vcalendar-1.0', '2.0': 'icalendar-2.0' },
};

// Older Funambol builds name SIF types without the `s4j` part.
const ALIASES: Readonly<Record<string, CalendarFormat>> = { 'text/x-sife': 'sife', 'text/x-sift': 'sift' };

/** The lower-cased media type of a content type, parameters removed. */
export function mediaTypeOf(contentType: string): string {
  return contentType.split(';')[0]!.trim().toLowerCase();
}

/**
 * The format of a content type and optional version (DevInf `VerCT`), or
 * undefined when this package does not handle the pair. Matching ignores case
 * and parameters; an empty version counts as absent. `text/calendar` 1.0 is
 * vCalendar 1.0 and `text/x-vcalendar` 2.0 is iCalendar 2.0, as devices send them.
 */
export function calendarFormatOf(contentType: string, version?: string): CalendarFormat | undefined {
  const type = mediaTypeOf(contentType);
  const v = version?.trim();
  const versioned = VERSIONED[type];
  if (versioned) {
    if (v === undefined || v === '')
      return CALENDAR_CONTENT_TYPES.find((t) => t.contentType === type)!.format;
    return versioned[v];
  }
  return CALENDAR_CONTENT_TYPES.find((t) => t.contentType === type)?.format ?? ALIASES[type];
}

/** True when this package reads and writes the content type (and version, when given). */
export function isCalendarContentType(contentType: string, version?: string): boolean {
  return calendarFormatOf(contentType, version) !== undefined;
}

/** The content type and version a format is written as. */
export function contentTypeOfCalendarFormat(format: CalendarFormat): {
  contentType: string;
  version: string;
} {
  const entry = CALENDAR_CONTENT_TYPES.find((t) => t.format === format)!;
  return { contentType: entry.contentType, version: entry.version };
}

/** The family of a format: SIF-E and SIF-T are `sif`, vCalendar and iCalendar `versit`. */
export function familyOfCalendarFormat(format: CalendarFormat): 'versit' | 'sif' {
  return format === 'sife' || format === 'sift' ? 'sif' : 'versit';
}
