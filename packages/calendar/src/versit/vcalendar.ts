import { CalendarCodecError } from '../errors.js';
import type { CalendarItem } from '../model/types.js';
import {
  type CalendarParseOptions,
  type CalendarSerializeOptions,
  resolveParseOptions,
  resolveSerializeOptions,
} from '../options.js';
import { parseVersitCalendar, readCalendar } from './parse-calendar.js';
import type { CalendarDialect } from './read-context.js';
import { writeCalendar } from './write-calendar.js';

/**
 * Reads a vCalendar 1.0 or iCalendar 2.0 object holding one VEVENT or VTODO.
 * The version comes from the object's VERSION line (a missing VERSION is
 * 1.0), whatever content type it arrived under.
 */
export function parseVCalendar(input: Uint8Array | string, options?: CalendarParseOptions): CalendarItem {
  const o = resolveParseOptions(options);
  const { dialect, component } = parseVersitCalendar(input, o);
  if (dialect !== 'vcalendar-1.0' && dialect !== 'icalendar-2.0') {
    const version = component.properties.find((p) => p.name === 'VERSION')?.value.trim();
    if (component.name === 'VCALENDAR') {
      throw new CalendarCodecError(
        'UNSUPPORTED_VERSION',
        `unsupported VCALENDAR VERSION "${version ?? ''}"`,
        {
          line: component.line,
          offset: component.offset,
        },
      );
    }
    throw new CalendarCodecError(
      'MISSING_COMPONENT',
      `expected BEGIN:VCALENDAR, found BEGIN:${component.name}`,
      {
        line: component.line,
        offset: component.offset,
      },
    );
  }
  return readCalendar(component, dialect, o);
}

/** Writes an event or task as vCalendar 1.0 (`'1.0'`) or iCalendar 2.0 (`'2.0'`). */
export function toVCalendar(
  item: CalendarItem,
  version: '1.0' | '2.0',
  options?: CalendarSerializeOptions,
): string {
  const dialect: CalendarDialect = version === '1.0' ? 'vcalendar-1.0' : 'icalendar-2.0';
  return writeCalendar(item, dialect, resolveSerializeOptions(options));
}
