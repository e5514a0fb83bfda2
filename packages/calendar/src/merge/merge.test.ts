import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sessionItems } from '@syncds/test-vectors';
import { describe, expect, it } from 'vitest';
import type { CalendarEvent, CalendarTask } from '../model/types.js';
import { lines } from '../test-util/lines.test-util.js';
import { parseVCalendar } from '../versit/vcalendar.js';
import { calendarFieldsOfFormat, fieldsFromCtCap } from './fields.js';
import { mergeCalendarItem, mergeEvent, mergeTask } from './merge.js';

/** The CTCap property names of the P900's DevInf (a PHP dump of it). */
function p900CtCap(): string[] {
  const dump = readFileSync(
    join(process.env.SYNCDS_VECTORS ?? '', 'sessions/P900_tasksandcalendar/devinf.txt'),
    'utf8',
  );
  const section = dump.slice(dump.indexOf("'_CTCap' =>"));
  return section
    .split('\n')
    .filter((l) => l.startsWith("      '") && l.trimEnd().endsWith("' =>"))
    .map((l) => l.trim().slice(1, -4));
}

const STORED_ICAL = lines(
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'BEGIN:VEVENT',
  'UID:m1',
  'SUMMARY:Planning',
  'DESCRIPTION:Agenda: budget',
  'LOCATION:Room 4',
  'DTSTART;TZID=Europe/Berlin:20080310T090000',
  'DTEND;TZID=Europe/Berlin:20080310T100000',
  'TRANSP:TRANSPARENT',
  'X-MICROSOFT-CDO-BUSYSTATUS:TENTATIVE',
  'URL:http://example.com/m1',
  'SEQUENCE:3',
  'ATTENDEE;CN=Ann:mailto:ann@example.com',
  'X-ALT-DESC;FMTTYPE=text/html:<b>Agenda</b>',
  'END:VEVENT',
  'END:VCALENDAR',
);

// The same meeting as a P900 sends it back: moved by an hour, description cleared, an alarm added.
const P900_UPDATE = lines(
  'BEGIN:VCALENDAR',
  'VERSION:1.0',
  'BEGIN:VEVENT',
  'UID:m1',
  'SUMMARY:Planning',
  'LOCATION:Room 4',
  'DTSTART:20080310T090000Z',
  'DTEND:20080310T100000Z',
  'AALARM;TYPE=X-EPOCSOUND:20080310T085000Z;;0;c:\\beep.mp3',
  'X-EPOCAGENDAENTRYTYPE:APPOINTMENT',
  'END:VEVENT',
  'END:VCALENDAR',
);

describe('fieldsFromCtCap', () => {
  it('maps the P900 CTCap to the fields it can hold', () => {
    const names = p900CtCap();
    expect(names).toHaveLength(23);
    expect([...(fieldsFromCtCap(names, 'text/x-vcalendar') ?? [])].sort()).toEqual(
      [
        'alarms',
        'attendees',
        'organizer',
        'categories',
        'completed',
        'class',
        'created',
        'description',
        'start',
        'end',
        'due',
        'exceptionDates',
        'lastModified',
        'location',
        'priority',
        'recurrence',
        'status',
        'summary',
        'uid',
      ].sort(),
    );
  });

  it('reads SIF element names, ignores case and unknown names, and knows every field of a format', () => {
    expect(fieldsFromCtCap(['subject', 'Start', 'END', 'ReminderSet', 'Bogus'], 'text/x-s4j-sife')).toEqual(
      new Set(['summary', 'start', 'end', 'alarms']),
    );
    expect(fieldsFromCtCap([], 'text/calendar')).toEqual(calendarFieldsOfFormat('icalendar-2.0'));
    expect(fieldsFromCtCap(['SUMMARY'], 'text/calendar', '1.0')).toEqual(new Set(['summary']));
    expect(fieldsFromCtCap(['SUMMARY'], 'text/x-vcard')).toBeUndefined();
    expect(calendarFieldsOfFormat('sift').has('busyStatus')).toBe(false);
  });
});

describe('mergeEvent', () => {
  it('keeps what the P900 cannot hold and takes what it can (absent = deleted)', () => {
    const stored = parseVCalendar(STORED_ICAL) as CalendarEvent;
    const incoming = parseVCalendar(P900_UPDATE) as CalendarEvent;
    const before = JSON.stringify(stored);
    const merged = mergeEvent(stored, incoming, fieldsFromCtCap(p900CtCap(), 'text/x-vcalendar'));
    expect(merged).toEqual({
      kind: 'event',
      uid: 'm1',
      summary: 'Planning',
      location: 'Room 4',
      start: { kind: 'utc', utc: '2008-03-10T09:00:00Z' },
      end: { kind: 'utc', utc: '2008-03-10T10:00:00Z' },
      alarms: [
        {
          action: 'AUDIO',
          trigger: { related: 'start', offset: -600 },
          repeat: 0,
          attachment: 'c:\\beep.mp3',
          attachmentType: 'X-EPOCSOUND',
        },
      ],
      // Not in the P900's CTCap: kept from the stored record.
      url: 'http://example.com/m1',
      sequence: 3,
      transparency: 'TRANSPARENT',
      busyStatus: 'TENTATIVE',
      extensions: [
        {
          type: 'property',
          format: 'icalendar',
          scope: 'component',
          name: 'X-ALT-DESC',
          params: [{ name: 'FMTTYPE', values: ['text/html'] }],
          value: '<b>Agenda</b>',
        },
        {
          type: 'property',
          format: 'vcalendar',
          scope: 'component',
          name: 'X-EPOCAGENDAENTRYTYPE',
          params: [],
          value: 'APPOINTMENT',
        },
      ],
      origin: 'vcalendar',
    } satisfies CalendarEvent);
    // The P900 holds DESCRIPTION and ATTENDEE: it deleted both. The zone went with the start.
    expect(merged.description).toBeUndefined();
    expect(merged.attendees).toBeUndefined();
    expect(merged.timeZones).toBeUndefined();
    expect(JSON.stringify(stored)).toBe(before);
  });

  it('keeps a field a device has no property for (a phone without DESCRIPTION)', () => {
    const stored = parseVCalendar(STORED_ICAL) as CalendarEvent;
    const incoming = parseVCalendar(P900_UPDATE) as CalendarEvent;
    const noDescription = fieldsFromCtCap(
      p900CtCap().filter((n) => n !== 'DESCRIPTION'),
      'text/x-vcalendar',
    );
    const merged = mergeEvent(stored, incoming, noDescription);
    expect(merged.description).toBe('Agenda: budget');
  });

  it('keeps the zone definitions the merged times still use', () => {
    const stored = parseVCalendar(STORED_ICAL) as CalendarEvent;
    const incoming = parseVCalendar(P900_UPDATE) as CalendarEvent;
    const merged = mergeEvent(stored, incoming, new Set(['summary']));
    expect(merged.start).toEqual(stored.start);
    expect(merged.timeZones).toEqual([{ tzid: 'Europe/Berlin', observances: [] }]);
    expect(merged.start).not.toBe(stored.start);
  });

  it('takes everything from a device that holds every field', () => {
    const stored = parseVCalendar(STORED_ICAL) as CalendarEvent;
    const incoming = parseVCalendar(P900_UPDATE) as CalendarEvent;
    const merged = mergeEvent(stored, incoming, undefined);
    expect({ ...merged, extensions: undefined }).toEqual({ ...incoming, extensions: undefined });
    expect(merged.extensions?.map((e) => e.format)).toEqual(['icalendar', 'vcalendar']);
  });
});

describe('mergeTask and mergeCalendarItem', () => {
  it('merges a Synthesis task update field by field', () => {
    const items = sessionItems('synthesis_tasks');
    const stored = parseVCalendar(
      items.find((i) => i.source.endsWith('server_21.xml#1'))!.decoded,
    ) as CalendarTask;
    const incoming = parseVCalendar(
      items.find((i) => i.source.endsWith('client_21.xml#1'))!.decoded,
    ) as CalendarTask;
    const merged = mergeTask(
      stored,
      incoming,
      fieldsFromCtCap(['SUMMARY', 'PRIORITY', 'STATUS', 'CLASS'], 'text/x-vcalendar'),
    );
    expect(merged).toMatchObject({
      kind: 'task',
      summary: 'client1',
      priority: 1,
      class: 'PUBLIC',
      status: 'NEEDS-ACTION',
      start: stored.start,
      due: stored.due,
      organizer: stored.organizer,
      created: stored.created,
    });
  });

  it('replaces an event by a task', () => {
    const event = parseVCalendar(STORED_ICAL);
    const task: CalendarTask = { kind: 'task', summary: 'x' };
    expect(mergeCalendarItem(event, task, undefined)).toEqual(task);
    expect(mergeCalendarItem(task, { ...task, summary: 'y' }, new Set(['due']))).toEqual({
      kind: 'task',
      summary: 'x',
    });
  });
});
