import { sessionItems } from '@syncds/test-vectors';
import { describe, expect, it } from 'vitest';
import {
  parseCalendarItem,
  parseEvent,
  parseTask,
  serializeCalendarItem,
  serializeEvent,
  serializeTask,
} from './codec.js';
import {
  CALENDAR_CONTENT_TYPES,
  calendarFormatOf,
  contentTypeOfCalendarFormat,
  familyOfCalendarFormat,
  isCalendarContentType,
} from './content-type.js';
import type { CalendarEvent, CalendarTask } from './model/types.js';
import { lines } from './test-util/lines.test-util.js';
import { rejects } from './test-util/errors.test-util.js';

describe('content types', () => {
  it('lists the handled types', () => {
    expect(CALENDAR_CONTENT_TYPES.map((t) => [t.contentType, t.version, t.format])).toEqual([
      ['text/calendar', '2.0', 'icalendar-2.0'],
      ['text/x-vcalendar', '1.0', 'vcalendar-1.0'],
      ['text/x-s4j-sife', '1.0', 'sife'],
      ['text/x-s4j-sift', '1.0', 'sift'],
    ]);
  });

  it.each([
    ['text/calendar', undefined, 'icalendar-2.0'],
    ['text/calendar', '2.0', 'icalendar-2.0'],
    ['text/calendar', '1.0', 'vcalendar-1.0'],
    ['TEXT/X-VCALENDAR; charset=UTF-8', '', 'vcalendar-1.0'],
    ['text/x-vcalendar', '2.0', 'icalendar-2.0'],
    ['text/x-vcalendar', '3.0', undefined],
    ['text/x-s4j-sife', undefined, 'sife'],
    ['text/x-s4j-sift', '1.1', 'sift'],
    ['text/x-sife', undefined, 'sife'],
    ['text/x-vcard', undefined, undefined],
    ['text/plain', undefined, undefined],
  ])('%s version %s is %s', (type, version, format) => {
    expect(calendarFormatOf(type, version)).toBe(format);
    expect(isCalendarContentType(type, version)).toBe(format !== undefined);
  });

  it('names the type of each format and its family', () => {
    expect(contentTypeOfCalendarFormat('vcalendar-1.0')).toEqual({
      contentType: 'text/x-vcalendar',
      version: '1.0',
    });
    expect(contentTypeOfCalendarFormat('sift')).toEqual({ contentType: 'text/x-s4j-sift', version: '1.0' });
    expect(familyOfCalendarFormat('sife')).toBe('sif');
    expect(familyOfCalendarFormat('icalendar-2.0')).toBe('versit');
  });
});

describe('entry points', () => {
  const vevent = sessionItems('P900_tasksandcalendar', 'client')[0]!;
  const sife = sessionItems('sync4j_pocketpc_calendar', 'client')[0]!;

  it('reads a vCalendar 1.0 item labelled text/calendar by its VERSION, and bytes as well as text', () => {
    const item = parseEvent(vevent.decoded, 'text/calendar');
    expect(item.origin).toBe('vcalendar');
    expect(parseCalendarItem(new TextEncoder().encode(vevent.decoded), 'text/calendar')).toEqual(item);
    expect(parseEvent(sife.decoded, 'text/x-s4j-sife').origin).toBe('sif');
  });

  it('writes each content type', () => {
    const item = parseEvent(vevent.decoded, 'text/calendar');
    expect(serializeEvent(item, 'text/calendar')).toMatch(/^BEGIN:VCALENDAR\r\nVERSION:2\.0\r\n/);
    expect(serializeEvent(item, 'text/calendar', { version: '1.0' })).toMatch(
      /^BEGIN:VCALENDAR\r\nVERSION:1\.0\r\n/,
    );
    expect(serializeEvent(item, 'text/x-vcalendar')).toMatch(/^BEGIN:VCALENDAR\r\nVERSION:1\.0\r\n/);
    expect(serializeEvent(item, 'text/x-s4j-sife')).toMatch(
      /^<\?xml version="1\.0" encoding="UTF-8"\?><appointment>/,
    );
    const task: CalendarTask = { kind: 'task', summary: 'Call' };
    expect(serializeTask(task, 'text/x-s4j-sift')).toBe(
      '<?xml version="1.0" encoding="UTF-8"?><task><SIFVersion>1.1</SIFVersion><Complete>0</Complete><Subject>Call</Subject><ReminderSet>0</ReminderSet><IsRecurring>0</IsRecurring></task>',
    );
    expect(serializeCalendarItem(task, 'text/x-vcalendar', { lineEnding: '\n' })).toBe(
      'BEGIN:VCALENDAR\nVERSION:1.0\nBEGIN:VTODO\nSUMMARY:Call\nEND:VTODO\nEND:VCALENDAR\n',
    );
  });

  it('writes DTSTAMP from the injected clock', () => {
    const task: CalendarTask = { kind: 'task', summary: 'Call' };
    expect(serializeTask(task, 'text/calendar', { now: '2009-01-02T03:04:05Z' })).toContain(
      'DTSTAMP:20090102T030405Z\r\n',
    );
  });

  it.each([
    [
      'an unknown content type',
      () => parseCalendarItem('x', 'text/x-vcard'),
      'UNSUPPORTED_CONTENT_TYPE',
      415,
    ],
    [
      'a task as SIF-E',
      () => serializeCalendarItem({ kind: 'task' }, 'text/x-s4j-sife'),
      'UNSUPPORTED_CONTENT_TYPE',
      415,
    ],
    [
      'an event as SIF-T',
      () => serializeCalendarItem({ kind: 'event' } as CalendarEvent, 'text/x-s4j-sift'),
      'UNSUPPORTED_CONTENT_TYPE',
      415,
    ],
    [
      'a task where an event is expected',
      () =>
        parseEvent(lines('BEGIN:VCALENDAR', 'BEGIN:VTODO', 'END:VTODO', 'END:VCALENDAR'), 'text/x-vcalendar'),
      'MISSING_COMPONENT',
      400,
    ],
    [
      'an event where a task is expected',
      () => parseTask(vevent.decoded, 'text/calendar'),
      'MISSING_COMPONENT',
      400,
    ],
  ])('rejects %s', (_, fn, code, status) => {
    expect(rejects(fn)).toMatchObject({ code, status });
  });
});
