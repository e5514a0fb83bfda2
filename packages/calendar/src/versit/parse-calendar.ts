import { parseVersitItem, type VersitComponent, type VersitDialect, VersitError } from '@syncds/versit';
import { CalendarCodecError } from '../errors.js';
import type { CalendarItem, Extension, TimeZoneDefinition } from '../model/types.js';
import type { ResolvedParseOptions } from '../options.js';
import { resolveIanaZone, ZoneTable } from '../time/zone-table.js';
import { readVtimezone } from '../icalendar/vtimezone.js';
import { readVcalZone } from '../vcalendar/timezone.js';
import { propertyExtension } from './extensions.js';
import type { CalendarDialect, VersitReadContext } from './read-context.js';
import { componentExtension, isItemComponent, readItemComponent } from './read-item.js';

/** VCALENDAR-level properties that describe the object, not the item: not kept. */
const CALENDAR_DROPPED: ReadonlySet<string> = new Set(['VERSION', 'PRODID', 'CALSCALE', 'TZ', 'DAYLIGHT']);

/** Checks the `deviceTimeZone` option names a zone the runtime knows. */
export function deviceZone(tzid: string): string {
  if (!resolveIanaZone(tzid))
    throw new CalendarCodecError('UNKNOWN_TIMEZONE', `unknown device time zone "${tzid}"`);
  return tzid;
}

/** Parses Versit bytes or text into the versit layer's components; maps its errors to ours. */
export function parseVersitCalendar(
  input: Uint8Array | string,
  options: ResolvedParseOptions,
  dialect?: CalendarDialect,
): { dialect: VersitDialect | undefined; component: VersitComponent } {
  try {
    const versitOptions = {
      maxItemBytes: options.maxItemBytes,
      maxLineBytes: options.maxLineBytes,
      maxProperties: options.maxProperties,
      fallbackCharset: options.fallbackCharset,
      ...(dialect === undefined ? {} : { dialect }),
    };
    return parseVersitItem(input, versitOptions);
  } catch (error) {
    if (error instanceof VersitError) throw fromVersitError(error);
    throw error;
  }
}

/** A versit-layer error as a calendar error with the same status and position. */
export function fromVersitError(error: VersitError): CalendarCodecError {
  const code =
    error.status === 413
      ? 'LIMIT_EXCEEDED'
      : error.code === 'UNKNOWN_CHARSET' || error.status === 415
        ? 'UNKNOWN_CHARSET'
        : 'MALFORMED_ITEM';
  return new CalendarCodecError(code, error.detail, {
    line: error.line > 0 ? error.line : undefined,
    offset: error.offset >= 0 ? error.offset : undefined,
    property: error.property,
    cause: error,
  });
}

/**
 * Reads a VCALENDAR holding one VEVENT or VTODO (the first one; further
 * components are kept as extensions, e.g. iCalendar overridden instances).
 */
export function readCalendar(
  root: VersitComponent,
  dialect: CalendarDialect,
  options: ResolvedParseOptions,
): CalendarItem {
  if (root.name !== 'VCALENDAR') {
    throw new CalendarCodecError('MISSING_COMPONENT', `expected BEGIN:VCALENDAR, found BEGIN:${root.name}`, {
      line: root.line,
      offset: root.offset,
    });
  }
  const format = dialect === 'vcalendar-1.0' ? 'vcalendar' : 'icalendar';
  const definitions: TimeZoneDefinition[] = [];
  let localZone: string | undefined;
  const itemComponent = root.components.find(isItemComponent);
  if (!itemComponent) {
    throw new CalendarCodecError('MISSING_COMPONENT', 'the VCALENDAR holds no VEVENT or VTODO', {
      line: root.line,
      offset: root.offset,
    });
  }
  if (format === 'vcalendar') {
    // TZ and DAYLIGHT belong to VCALENDAR; some devices put them in the VEVENT.
    const scopes = [root, itemComponent];
    const tz = scopes.flatMap((c) => c.properties.filter((p) => p.name === 'TZ'))[0];
    const daylights = scopes.flatMap((c) => c.properties.filter((p) => p.name === 'DAYLIGHT'));
    const zone = readVcalZone(tz, daylights);
    if (zone) {
      definitions.push(zone);
      localZone = zone.tzid;
    }
    itemComponent.properties = itemComponent.properties.filter(
      (p) => p.name !== 'TZ' && p.name !== 'DAYLIGHT',
    );
    if (!zone && options.deviceTimeZone !== undefined) localZone = deviceZone(options.deviceTimeZone);
  } else {
    for (const c of root.components) if (c.name === 'VTIMEZONE') definitions.push(readVtimezone(c));
  }
  const ctx: VersitReadContext = {
    dialect,
    format,
    zones: new ZoneTable(definitions),
    usedZones: new Set(),
    localZone,
    options,
    recurrenceDates: 0,
  };
  const item = readItemComponent(itemComponent, ctx);
  const extensions: Extension[] = [];
  for (const property of root.properties) {
    if (!CALENDAR_DROPPED.has(property.name))
      extensions.push(propertyExtension(property, format, 'calendar'));
  }
  for (const c of root.components) {
    if (c === itemComponent || c.name === 'VTIMEZONE') continue;
    extensions.push(componentExtension(c, ctx, 'calendar'));
  }
  if (extensions.length > 0) item.extensions = [...extensions, ...(item.extensions ?? [])];
  const zones = [...ctx.usedZones].map(
    (tzid) => definitions.find((d) => d.tzid === tzid) ?? { tzid, observances: [] },
  );
  if (zones.length > 0) item.timeZones = zones;
  item.origin = format;
  return item;
}
