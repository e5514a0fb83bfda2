/**
 * The canonical event and task: plain JSON-safe data (strings, numbers,
 * booleans, arrays, plain objects) so a server can store records as JSON and
 * diff them field by field.
 *
 * Date conventions:
 * - a UTC instant is `YYYY-MM-DDTHH:MM:SSZ`;
 * - a local (wall-clock) time is `YYYY-MM-DDTHH:MM:SS` without a zone suffix;
 * - a calendar date is `YYYY-MM-DD`;
 * - offsets and durations are whole seconds.
 */

/** Where a time came from and how it is pinned to the time line. */
export type CalendarTime = DateValue | UtcTime | FloatingTime | ZonedTime;

/** An all-day date: never shifted, whatever the zone of the reader. */
export interface DateValue {
  kind: 'date';
  /** `YYYY-MM-DD`. */
  date: string;
}

/** An instant given in UTC with no zone attached. */
export interface UtcTime {
  kind: 'utc';
  /** `YYYY-MM-DDTHH:MM:SSZ`. */
  utc: string;
}

/** A wall-clock time that means the same local time in every zone. */
export interface FloatingTime {
  kind: 'floating';
  /** `YYYY-MM-DDTHH:MM:SS`. */
  local: string;
}

/** A wall-clock time in a named zone, with the instant it stands for. */
export interface ZonedTime {
  kind: 'zoned';
  /** The instant, computed from `local` and the zone's rules. */
  utc: string;
  /** The original wall-clock time. */
  local: string;
  /** Refers to an entry of the record's `timeZones`, or an IANA name resolved through `Intl`. */
  tzid: string;
}

/** One STANDARD or DAYLIGHT observance of a zone (the model of iCalendar VTIMEZONE). */
export interface TimeZoneObservance {
  kind: 'standard' | 'daylight';
  /** First onset, local time in `offsetFrom`: `YYYY-MM-DDTHH:MM:SS`. */
  start: string;
  /** UTC offset before the onset, seconds east of Greenwich. */
  offsetFrom: number;
  /** UTC offset from the onset on, seconds east of Greenwich. */
  offsetTo: number;
  /** Yearly (or other) rule repeating the onset. */
  rule?: RecurrenceRule | undefined;
  /** Further onsets (local times in `offsetFrom`). */
  dates?: string[] | undefined;
  /** Abbreviation (`CET`, `EDT`). */
  name?: string | undefined;
}

/**
 * A zone as the item defined it (VTIMEZONE, vCalendar 1.0 TZ/DAYLIGHT, SIF
 * Timezone). A definition with no observances stands for an IANA zone of the
 * same id, resolved with `Intl.DateTimeFormat`.
 */
export interface TimeZoneDefinition {
  tzid: string;
  observances: TimeZoneObservance[];
}

export type Weekday = 'SU' | 'MO' | 'TU' | 'WE' | 'TH' | 'FR' | 'SA';

export type Frequency = 'SECONDLY' | 'MINUTELY' | 'HOURLY' | 'DAILY' | 'WEEKLY' | 'MONTHLY' | 'YEARLY';

/** A weekday with an optional ordinal (`2MO` = second Monday, `-1SU` = last Sunday). */
export interface WeekdayNum {
  day: Weekday;
  nth?: number | undefined;
}

/** A recurrence rule with iCalendar (RFC 5545) semantics. */
export interface RecurrenceRule {
  freq: Frequency;
  /** At least 1. */
  interval: number;
  /** Number of occurrences, DTSTART included. Exclusive with `until`. */
  count?: number | undefined;
  /** Last possible occurrence (inclusive). */
  until?: CalendarTime | undefined;
  byDay?: WeekdayNum[] | undefined;
  byMonthDay?: number[] | undefined;
  byMonth?: number[] | undefined;
  byYearDay?: number[] | undefined;
  byWeekNo?: number[] | undefined;
  bySetPos?: number[] | undefined;
  byHour?: number[] | undefined;
  byMinute?: number[] | undefined;
  bySecond?: number[] | undefined;
  wkst?: Weekday | undefined;
}

/** When an alarm fires. */
export type AlarmTrigger = RelativeTrigger | AbsoluteTrigger;

export interface RelativeTrigger {
  /** The item time the offset counts from: `start` (event start, task start) or `end` (event end, task due). */
  related: 'start' | 'end';
  /** Seconds, negative before the related time. */
  offset: number;
}

export interface AbsoluteTrigger {
  at: CalendarTime;
}

/** A reminder (iCalendar VALARM, vCalendar AALARM/DALARM/PALARM/MALARM, SIF Reminder*). */
export interface Alarm {
  /** `AUDIO`, `DISPLAY`, `EMAIL`, `PROCEDURE` (or an x-name). */
  action: string;
  trigger: AlarmTrigger;
  /** Display text or mail body. */
  description?: string | undefined;
  /** Mail subject (EMAIL). */
  summary?: string | undefined;
  /** Sound file (AUDIO), procedure (PROCEDURE) or attachment URI. */
  attachment?: string | undefined;
  /** Media type of the sound (`TYPE=` of vCalendar AALARM, `FMTTYPE` of iCalendar ATTACH). */
  attachmentType?: string | undefined;
  /** Seconds between repetitions (vCalendar snooze time, iCalendar DURATION). */
  snooze?: number | undefined;
  /** Additional repetitions after the first. */
  repeat?: number | undefined;
  /** Mail recipients (EMAIL alarms), as cal-addresses. */
  recipients?: string[] | undefined;
  /** VALARM properties this model does not know. */
  extensions?: Extension[] | undefined;
}

/** An attendee or the organizer. */
export interface Participant {
  /** E-mail address (without `mailto:`). */
  email?: string | undefined;
  /** Cal-address that is not a mail address (another URI scheme). */
  uri?: string | undefined;
  /** Common name. */
  name?: string | undefined;
}

export interface Attendee extends Participant {
  /** `CHAIR`, `REQ-PARTICIPANT`, `OPT-PARTICIPANT`, `NON-PARTICIPANT` (iCalendar ROLE). */
  role?: string | undefined;
  /** `NEEDS-ACTION`, `ACCEPTED`, `DECLINED`, `TENTATIVE`, `DELEGATED`, `COMPLETED`, `IN-PROCESS`. */
  status?: string | undefined;
  rsvp?: boolean | undefined;
  /** `INDIVIDUAL`, `GROUP`, `RESOURCE`, `ROOM`, `UNKNOWN` (iCalendar CUTYPE). */
  type?: string | undefined;
}

/** The formats a record or an extension can come from (vCalendar 1.0, iCalendar 2.0, SIF). */
export type SourceFormat = 'vcalendar' | 'icalendar' | 'sif';

/**
 * Something the model does not understand, kept so that serialising back to
 * the format it came from gives it back unchanged.
 */
export type Extension = VersitPropertyExtension | VersitComponentExtension | SifElementExtension;

/** A vCalendar / iCalendar property (decoded value plus its parameters). */
export interface VersitPropertyExtension {
  type: 'property';
  format: 'vcalendar' | 'icalendar';
  /** `calendar` = a VCALENDAR-level property; `component` = inside the VEVENT/VTODO (or VALARM). */
  scope: 'calendar' | 'component';
  group?: string | undefined;
  name: string;
  /** Parameters in order; a vCalendar 1.0 bare parameter (`;QUOTED-PRINTABLE`) has name `''`. */
  params: ExtensionParam[];
  /** The value text after transfer decoding (QUOTED-PRINTABLE and charset), still escaped. */
  value: string;
  /** Base64 of the bytes of a BASE64-encoded value (then `value` is empty). */
  binary?: string | undefined;
}

export interface ExtensionParam {
  name: string;
  values: string[];
}

/** A whole sub-component or sibling component (an overridden instance, an unknown component), as text. */
export interface VersitComponentExtension {
  type: 'component';
  format: 'vcalendar' | 'icalendar';
  scope: 'calendar' | 'component';
  /** Component name (`VEVENT`, `X-FOO`...). */
  name: string;
  /** The component's lines, unfolded, `BEGIN` to `END`, joined with CRLF. */
  text: string;
}

/** A SIF element. */
export interface SifElementExtension {
  type: 'element';
  format: 'sif';
  name: string;
  attributes?: Record<string, string> | undefined;
  /** Text content (unescaped) when the element holds only text. */
  value?: string | undefined;
  /** Inner markup, verbatim, when the element has child elements. */
  xml?: string | undefined;
}

/** Fields events and tasks share. */
export interface CalendarItemBase {
  uid?: string | undefined;
  summary?: string | undefined;
  description?: string | undefined;
  location?: string | undefined;
  categories?: string[] | undefined;
  /** `PUBLIC`, `PRIVATE`, `CONFIDENTIAL` (or an x-name). */
  class?: string | undefined;
  /** 1 (highest) to 9 (lowest), iCalendar scale; absent = undefined priority. */
  priority?: number | undefined;
  /** Upper-case token in iCalendar spelling (`NEEDS-ACTION`, `CONFIRMED`...), see README. */
  status?: string | undefined;
  organizer?: Participant | undefined;
  attendees?: Attendee[] | undefined;
  sequence?: number | undefined;
  /** UTC instant. */
  created?: string | undefined;
  /** UTC instant. */
  lastModified?: string | undefined;
  /** URL associated with the item. */
  url?: string | undefined;
  recurrence?: RecurrenceRule | undefined;
  /** Excluded occurrences (EXDATE, SIF ExcludeDate). */
  exceptionDates?: CalendarTime[] | undefined;
  /** Added occurrences (RDATE, SIF IncludeDate). */
  recurrenceDates?: CalendarTime[] | undefined;
  alarms?: Alarm[] | undefined;
  /** Zones the times of this record refer to. */
  timeZones?: TimeZoneDefinition[] | undefined;
  extensions?: Extension[] | undefined;
  /** The format this record was last parsed from (merge replaces that format's extensions). */
  origin?: SourceFormat | undefined;
}

export interface CalendarEvent extends CalendarItemBase {
  kind: 'event';
  start?: CalendarTime | undefined;
  /** Exclusive end; for an all-day event the day after the last day. */
  end?: CalendarTime | undefined;
  /** `OPAQUE` (blocks time) or `TRANSPARENT`. */
  transparency?: 'OPAQUE' | 'TRANSPARENT' | undefined;
  /** Outlook busy status: `FREE`, `TENTATIVE`, `BUSY`, `OOF`. */
  busyStatus?: 'FREE' | 'TENTATIVE' | 'BUSY' | 'OOF' | undefined;
}

export interface CalendarTask extends CalendarItemBase {
  kind: 'task';
  start?: CalendarTime | undefined;
  due?: CalendarTime | undefined;
  /** When the task was completed. */
  completed?: CalendarTime | undefined;
  /** 0 to 100. */
  percentComplete?: number | undefined;
}

export type CalendarItem = CalendarEvent | CalendarTask;
