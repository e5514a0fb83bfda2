import { type CalendarFormat, calendarFormatOf } from '../content-type.js';
import type { CalendarEvent, CalendarTask } from '../model/types.js';
import { SIF_RECURRENCE_ELEMENTS } from '../sif/recurrence.js';

type ItemKeys = keyof CalendarEvent | keyof CalendarTask;

/** Name of a canonical field of events or tasks (the keys merge works on). */
export type CalendarField = Exclude<ItemKeys, 'kind' | 'timeZones' | 'extensions' | 'origin'>;

/** Fields events and tasks share. */
const COMMON_FIELDS: readonly CalendarField[] = [
  'uid',
  'summary',
  'description',
  'location',
  'categories',
  'class',
  'priority',
  'status',
  'organizer',
  'attendees',
  'sequence',
  'created',
  'lastModified',
  'url',
  'recurrence',
  'exceptionDates',
  'recurrenceDates',
  'alarms',
];

/** Every canonical event field, in a stable order. */
export const EVENT_FIELDS: readonly CalendarField[] = [
  ...COMMON_FIELDS,
  'start',
  'end',
  'transparency',
  'busyStatus',
];

/** Every canonical task field, in a stable order. */
export const TASK_FIELDS: readonly CalendarField[] = [
  ...COMMON_FIELDS,
  'start',
  'due',
  'completed',
  'percentComplete',
];

const RECURRENCE: readonly CalendarField[] = ['recurrence'];

const VERSIT_COMMON: Readonly<Record<string, readonly CalendarField[]>> = {
  UID: ['uid'],
  SUMMARY: ['summary'],
  DESCRIPTION: ['description'],
  LOCATION: ['location'],
  CATEGORIES: ['categories'],
  CLASS: ['class'],
  PRIORITY: ['priority'],
  STATUS: ['status'],
  SEQUENCE: ['sequence'],
  'LAST-MODIFIED': ['lastModified'],
  URL: ['url'],
  RRULE: RECURRENCE,
  EXDATE: ['exceptionDates'],
  RDATE: ['recurrenceDates'],
  DTSTART: ['start'],
  DTEND: ['end'],
  DUE: ['due'],
  COMPLETED: ['completed'],
  'PERCENT-COMPLETE': ['percentComplete'],
  TRANSP: ['transparency'],
  'X-MICROSOFT-CDO-BUSYSTATUS': ['busyStatus'],
};

/** SIF-E and SIF-T alike: `Exceptions` carries the removed and added dates, every other element the rule. */
const SIF_RECURRENCE: Readonly<Record<string, readonly CalendarField[]>> = Object.fromEntries(
  SIF_RECURRENCE_ELEMENTS.map((name) => [
    name,
    name === 'Exceptions' ? ['exceptionDates', 'recurrenceDates'] : RECURRENCE,
  ]),
);

/**
 * Per format: the property (Versit) or element (SIF) names a device lists in
 * its DevInf CTCap, and the canonical fields each one carries. Lookups ignore case.
 */
export const CALENDAR_PROPERTY_FIELDS: Readonly<
  Record<CalendarFormat, Readonly<Record<string, readonly CalendarField[]>>>
> = {
  'vcalendar-1.0': {
    ...VERSIT_COMMON,
    DCREATED: ['created'],
    // vCalendar 1.0 names the organizer with ATTENDEE;ROLE=ORGANIZER.
    ATTENDEE: ['attendees', 'organizer'],
    ORGANIZER: ['organizer'],
    AALARM: ['alarms'],
    DALARM: ['alarms'],
    PALARM: ['alarms'],
    MALARM: ['alarms'],
  },
  'icalendar-2.0': {
    ...VERSIT_COMMON,
    CREATED: ['created'],
    ORGANIZER: ['organizer'],
    ATTENDEE: ['attendees'],
    DURATION: ['end'],
    VALARM: ['alarms'],
    TRIGGER: ['alarms'],
    ACTION: ['alarms'],
  },
  sife: {
    Subject: ['summary'],
    Body: ['description'],
    Location: ['location'],
    Categories: ['categories'],
    Sensitivity: ['class'],
    Importance: ['priority'],
    Uid: ['uid'],
    Sequence: ['sequence'],
    'Last-Modified': ['lastModified'],
    Url: ['url'],
    Start: ['start'],
    End: ['end'],
    AllDayEvent: ['start', 'end'],
    BusyStatus: ['busyStatus', 'transparency'],
    Attendees: ['attendees'],
    ...SIF_RECURRENCE,
    ReminderSet: ['alarms'],
    ReminderMinutesBeforeStart: ['alarms'],
    ReminderSoundFile: ['alarms'],
  },
  sift: {
    Subject: ['summary'],
    Body: ['description'],
    Categories: ['categories'],
    Sensitivity: ['class'],
    Importance: ['priority'],
    Status: ['status'],
    Uid: ['uid'],
    Sequence: ['sequence'],
    'Last-Modified': ['lastModified'],
    Url: ['url'],
    StartDate: ['start'],
    DueDate: ['due'],
    DateCompleted: ['completed'],
    Complete: ['completed', 'status', 'percentComplete'],
    PercentComplete: ['percentComplete'],
    ...SIF_RECURRENCE,
    ReminderSet: ['alarms'],
    ReminderTime: ['alarms'],
    ReminderSoundFile: ['alarms'],
  },
};

/** Every canonical field a format can carry at all. */
export function calendarFieldsOfFormat(format: CalendarFormat): ReadonlySet<CalendarField> {
  return new Set(Object.values(CALENDAR_PROPERTY_FIELDS[format]).flat());
}

/**
 * The canonical fields a device can hold, from the property names of its
 * DevInf CTCap for `contentType` (and `version`, DevInf `VerCT`): the input of
 * {@link mergeEvent} / {@link mergeTask}.
 *
 * - Names match case-insensitively; BEGIN, END, VERSION and unknown names add nothing.
 * - An empty list (no CTCap) gives every field the format can carry.
 * - An unknown content type gives undefined.
 */
export function fieldsFromCtCap(
  propNames: readonly string[],
  contentType: string,
  version?: string,
): ReadonlySet<CalendarField> | undefined {
  const format = calendarFormatOf(contentType, version);
  if (format === undefined) return undefined;
  if (propNames.length === 0) return calendarFieldsOfFormat(format);
  const table = CALENDAR_PROPERTY_FIELDS[format];
  const byUpper = new Map(Object.entries(table).map(([name, fields]) => [name.toUpperCase(), fields]));
  const out = new Set<CalendarField>();
  for (const name of propNames)
    for (const field of byUpper.get(name.trim().toUpperCase()) ?? []) out.add(field);
  return out;
}
