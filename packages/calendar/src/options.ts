import type { VCalCountMode } from './recurrence/vcal-rule.js';

/** Options of every parse function. Every field is optional; defaults are the `DEFAULT_*` constants. */
export interface CalendarParseOptions {
  /** Largest item accepted, in bytes. Default {@link DEFAULT_MAX_ITEM_BYTES}. */
  maxItemBytes?: number | undefined;
  /** Longest (unfolded) Versit line, in bytes. Default {@link DEFAULT_MAX_LINE_BYTES}. */
  maxLineBytes?: number | undefined;
  /** Most Versit properties or SIF elements in one item. Default {@link DEFAULT_MAX_PROPERTIES}. */
  maxProperties?: number | undefined;
  /** Most dates in EXDATE/RDATE (or SIF Exceptions) together. Default {@link DEFAULT_MAX_RECURRENCE_DATES}. */
  maxRecurrenceDates?: number | undefined;
  /** Most periods scanned when evaluating a rule (time zones, vCalendar counts). Default {@link DEFAULT_MAX_RULE_PERIODS}. */
  maxRulePeriods?: number | undefined;
  /**
   * A TZID neither defined in the item nor known to the runtime: `floating`
   * keeps the wall-clock time without a zone, `error` rejects the item with
   * `UNKNOWN_TIMEZONE` (415). Default `floating`.
   */
  unknownTimeZone?: 'floating' | 'error' | undefined;
  /**
   * IANA zone of the device (the account's zone), for vCalendar 1.0 and SIF
   * items that define no zone of their own: their UTC and local times are
   * pinned to it, so recurrence rules and day boundaries are evaluated on the
   * device's clock. Unknown names are `UNKNOWN_TIMEZONE`. Default none.
   */
  deviceTimeZone?: string | undefined;
  /**
   * vCalendar 1.0: read `T000000`-`T235959` (or to `T000000`/`T240000` of a
   * later day) as an all-day event, as phones write them. Default true.
   */
  detectAllDay?: boolean | undefined;
  /** vCalendar 1.0: what `#N` of a rule counts. Default `intervals` (see README). */
  vcalCountMode?: VCalCountMode | undefined;
  /**
   * Charset for UTF-8-declared (or undeclared) Versit values that are not
   * valid UTF-8; `null` rejects them. Default `windows-1252`.
   */
  fallbackCharset?: string | null | undefined;
}

/** Options of every serialize function. */
export interface CalendarSerializeOptions {
  /**
   * vCalendar 1.0 zoned times: `utc` (the form every device reads), `local`
   * (local times with TZ/DAYLIGHT), or `auto`: local for a recurring item
   * (its rule then runs on the zone's clock: weekdays and wall time stay right
   * across midnight and daylight-saving changes), UTC otherwise. Default `auto`.
   */
  vcalTimes?: 'utc' | 'local' | 'auto' | undefined;
  /**
   * vCalendar 1.0 all-day events: `midnight` (`T000000` to `T000000` of the
   * day after), `end-of-day` (`T000000` to `T235959` of the last day), `date`
   * (`YYYYMMDD` to the day after). Default `midnight`.
   */
  vcalAllDay?: 'midnight' | 'end-of-day' | 'date' | undefined;
  /** vCalendar 1.0: what `#N` of a rule counts. Default `intervals`. */
  vcalCountMode?: VCalCountMode | undefined;
  /**
   * A rule vCalendar 1.0 cannot state: `expand` writes its occurrences as
   * RDATE (at most `maxExpandedOccurrences`), `error` throws
   * `UNSUPPORTED_RULE` (415). SIF has no RDATE: there it always throws.
   * Default `expand`.
   */
  unrepresentableRule?: 'expand' | 'error' | undefined;
  /** Most occurrences written by `unrepresentableRule: 'expand'`. Default {@link DEFAULT_MAX_EXPANDED_OCCURRENCES}. */
  maxExpandedOccurrences?: number | undefined;
  /** Years of daylight-saving rules written to vCalendar DAYLIGHT, SIF DayLight and generated VTIMEZONEs. Default {@link DEFAULT_DAYLIGHT_YEARS}. */
  daylightYears?: number | undefined;
  /** SIF: zoned times as UTC (`utc`, what Funambol clients send) or local (`local`). Default `utc`. */
  sifTimes?: 'utc' | 'local' | undefined;
  /** iCalendar DTSTAMP (UTC, `YYYY-MM-DDTHH:MM:SSZ`); default: the record's lastModified, else created, else omitted. */
  now?: string | undefined;
  /** Versit line length before folding. Default 75. */
  foldWidth?: number | undefined;
  /** vCalendar 1.0 non-ASCII text: `quoted-printable` (with CHARSET=UTF-8) or `8bit`. Default `quoted-printable`. */
  legacyTextEncoding?: 'quoted-printable' | '8bit' | undefined;
  /** Versit line ending. Default CRLF. */
  lineEnding?: '\r\n' | '\n' | undefined;
  /** Most periods scanned when evaluating a rule. Default {@link DEFAULT_MAX_RULE_PERIODS}. */
  maxRulePeriods?: number | undefined;
}

/** 1 MiB: calendar items carry no photos; a long description fits many times over. */
export const DEFAULT_MAX_ITEM_BYTES: number = 1024 * 1024;
/** 256 KiB for one unfolded line. */
export const DEFAULT_MAX_LINE_BYTES: number = 256 * 1024;
/** 5 000 properties or elements: an event with hundreds of attendees and exceptions fits. */
export const DEFAULT_MAX_PROPERTIES = 5_000;
/** 5 000 exception and extra dates. */
export const DEFAULT_MAX_RECURRENCE_DATES = 5_000;
/** 50 000 periods: 137 years of days, far beyond any real rule. */
export const DEFAULT_MAX_RULE_PERIODS = 50_000;
/** 100 occurrences when a rule must be written out as dates. */
export const DEFAULT_MAX_EXPANDED_OCCURRENCES = 100;
/** 5 years of daylight-saving periods from the item's start. */
export const DEFAULT_DAYLIGHT_YEARS = 5;

export interface ResolvedParseOptions {
  maxItemBytes: number;
  maxLineBytes: number;
  maxProperties: number;
  maxRecurrenceDates: number;
  maxRulePeriods: number;
  unknownTimeZone: 'floating' | 'error';
  deviceTimeZone: string | undefined;
  detectAllDay: boolean;
  vcalCountMode: VCalCountMode;
  fallbackCharset: string | null;
}

export interface ResolvedSerializeOptions {
  vcalTimes: 'utc' | 'local' | 'auto';
  vcalAllDay: 'midnight' | 'end-of-day' | 'date';
  vcalCountMode: VCalCountMode;
  unrepresentableRule: 'expand' | 'error';
  maxExpandedOccurrences: number;
  daylightYears: number;
  sifTimes: 'utc' | 'local';
  now: string | undefined;
  foldWidth: number | undefined;
  legacyTextEncoding: 'quoted-printable' | '8bit';
  lineEnding: '\r\n' | '\n';
  maxRulePeriods: number;
}

function positive(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isSafeInteger(value) || value < 1)
    throw new RangeError(`option ${name} must be a positive integer`);
  return value;
}

export function resolveParseOptions(o: CalendarParseOptions | undefined): ResolvedParseOptions {
  return {
    maxItemBytes: positive('maxItemBytes', o?.maxItemBytes, DEFAULT_MAX_ITEM_BYTES),
    maxLineBytes: positive('maxLineBytes', o?.maxLineBytes, DEFAULT_MAX_LINE_BYTES),
    maxProperties: positive('maxProperties', o?.maxProperties, DEFAULT_MAX_PROPERTIES),
    maxRecurrenceDates: positive('maxRecurrenceDates', o?.maxRecurrenceDates, DEFAULT_MAX_RECURRENCE_DATES),
    maxRulePeriods: positive('maxRulePeriods', o?.maxRulePeriods, DEFAULT_MAX_RULE_PERIODS),
    unknownTimeZone: o?.unknownTimeZone ?? 'floating',
    deviceTimeZone: o?.deviceTimeZone,
    detectAllDay: o?.detectAllDay ?? true,
    vcalCountMode: o?.vcalCountMode ?? 'intervals',
    fallbackCharset: o?.fallbackCharset === undefined ? 'windows-1252' : o.fallbackCharset,
  };
}

export function resolveSerializeOptions(o: CalendarSerializeOptions | undefined): ResolvedSerializeOptions {
  return {
    vcalTimes: o?.vcalTimes ?? 'auto',
    vcalAllDay: o?.vcalAllDay ?? 'midnight',
    vcalCountMode: o?.vcalCountMode ?? 'intervals',
    unrepresentableRule: o?.unrepresentableRule ?? 'expand',
    maxExpandedOccurrences: positive(
      'maxExpandedOccurrences',
      o?.maxExpandedOccurrences,
      DEFAULT_MAX_EXPANDED_OCCURRENCES,
    ),
    daylightYears: positive('daylightYears', o?.daylightYears, DEFAULT_DAYLIGHT_YEARS),
    sifTimes: o?.sifTimes ?? 'utc',
    now: o?.now,
    foldWidth: o?.foldWidth,
    legacyTextEncoding: o?.legacyTextEncoding ?? 'quoted-printable',
    lineEnding: o?.lineEnding ?? '\r\n',
    maxRulePeriods: positive('maxRulePeriods', o?.maxRulePeriods, DEFAULT_MAX_RULE_PERIODS),
  };
}
