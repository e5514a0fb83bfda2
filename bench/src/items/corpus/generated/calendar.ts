import type { GeneratedItem } from './generated-item.js';
import { NOTE_LINES, PEOPLE, SUBJECTS } from './sample-data.js';
import { escapeText, fold, lines, pad2 } from './versit-text.js';

interface Zone {
  readonly tzid: string;
  readonly standard: {
    readonly from: string;
    readonly to: string;
    readonly name: string;
    readonly rule: string;
    readonly start: string;
  };
  readonly daylight: {
    readonly from: string;
    readonly to: string;
    readonly name: string;
    readonly rule: string;
    readonly start: string;
  };
}

const ZONES: readonly Zone[] = [
  {
    tzid: 'Europe/Berlin',
    standard: {
      from: '+0200',
      to: '+0100',
      name: 'CET',
      rule: 'FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
      start: '19701025T030000',
    },
    daylight: {
      from: '+0100',
      to: '+0200',
      name: 'CEST',
      rule: 'FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
      start: '19700329T020000',
    },
  },
  {
    tzid: 'America/New_York',
    standard: {
      from: '-0400',
      to: '-0500',
      name: 'EST',
      rule: 'FREQ=YEARLY;BYMONTH=11;BYDAY=1SU',
      start: '20071104T020000',
    },
    daylight: {
      from: '-0500',
      to: '-0400',
      name: 'EDT',
      rule: 'FREQ=YEARLY;BYMONTH=3;BYDAY=2SU',
      start: '20070311T020000',
    },
  },
];

function vtimezone(z: Zone): string[] {
  return [
    'BEGIN:VTIMEZONE',
    `TZID:${z.tzid}`,
    'BEGIN:DAYLIGHT',
    `TZOFFSETFROM:${z.daylight.from}`,
    `TZOFFSETTO:${z.daylight.to}`,
    `TZNAME:${z.daylight.name}`,
    `DTSTART:${z.daylight.start}`,
    `RRULE:${z.daylight.rule}`,
    'END:DAYLIGHT',
    'BEGIN:STANDARD',
    `TZOFFSETFROM:${z.standard.from}`,
    `TZOFFSETTO:${z.standard.to}`,
    `TZNAME:${z.standard.name}`,
    `DTSTART:${z.standard.start}`,
    `RRULE:${z.standard.rule}`,
    'END:STANDARD',
    'END:VTIMEZONE',
  ];
}

const RULES: readonly string[] = [
  'FREQ=WEEKLY;INTERVAL=1;BYDAY=MO,WE;UNTIL=20091231T230000Z',
  'FREQ=DAILY;COUNT=10',
  'FREQ=MONTHLY;BYDAY=-1FR',
  'FREQ=YEARLY;BYMONTH=6;BYMONTHDAY=15',
  'FREQ=WEEKLY;INTERVAL=2;BYDAY=TU;COUNT=8',
  'FREQ=MONTHLY;BYMONTHDAY=1,15;UNTIL=20090630T220000Z',
];

/**
 * iCalendar 2.0 as Thunderbird / Evolution send it: an event in a named zone, with a rule, an
 * exception and an alarm; every third item a task instead.
 */
export function icalendar20(i: number, next: () => number): GeneratedItem {
  const z = ZONES[i % ZONES.length]!;
  const day = 1 + Math.floor(next() * 27);
  const hour = 8 + Math.floor(next() * 9);
  const start = `200901${pad2(day)}T${pad2(hour)}0000`;
  const end = `200901${pad2(day)}T${pad2(hour + 1)}3000`;
  const prodid = 'PRODID:-//Mozilla.org/NONSGML Mozilla Calendar V1.1//EN';
  if (i % 3 === 2) {
    return {
      contentType: 'text/calendar',
      text: lines(
        'BEGIN:VCALENDAR',
        prodid,
        'VERSION:2.0',
        ...vtimezone(z),
        'BEGIN:VTODO',
        `UID:todo-${1000 + i}@example.com`,
        'DTSTAMP:20081231T120000Z',
        `CREATED:20081230T0900${pad2(i)}Z`,
        `SUMMARY:${escapeText(SUBJECTS[i % SUBJECTS.length]!)}`,
        fold(
          `DESCRIPTION:${escapeText(`${NOTE_LINES[i % NOTE_LINES.length]}\n${NOTE_LINES[(i + 1) % NOTE_LINES.length]}`)}`,
        ),
        `DTSTART;TZID=${z.tzid}:${start}`,
        `DUE;TZID=${z.tzid}:${end}`,
        `PRIORITY:${1 + (i % 9)}`,
        'STATUS:IN-PROCESS',
        `PERCENT-COMPLETE:${(i * 15) % 100}`,
        'CATEGORIES:Business',
        'CLASS:PRIVATE',
        'BEGIN:VALARM',
        'ACTION:DISPLAY',
        'DESCRIPTION:Reminder',
        'TRIGGER;RELATED=END:-PT1H',
        'END:VALARM',
        'END:VTODO',
        'END:VCALENDAR',
      ),
    };
  }
  const p = PEOPLE[i % PEOPLE.length]!;
  return {
    contentType: 'text/calendar',
    text: lines(
      'BEGIN:VCALENDAR',
      prodid,
      'VERSION:2.0',
      ...vtimezone(z),
      'BEGIN:VEVENT',
      `UID:event-${2000 + i}@example.com`,
      'DTSTAMP:20081231T120000Z',
      `CREATED:20081230T0800${pad2(i)}Z`,
      `LAST-MODIFIED:20081231T1100${pad2(i)}Z`,
      `SUMMARY:${escapeText(SUBJECTS[i % SUBJECTS.length]!)}`,
      `LOCATION:${escapeText(`${p.street}, ${p.city}`)}`,
      fold(
        `DESCRIPTION:${escapeText(`${NOTE_LINES[i % NOTE_LINES.length]}\n${NOTE_LINES[(i + 3) % NOTE_LINES.length]}`)}`,
      ),
      `DTSTART;TZID=${z.tzid}:${start}`,
      `DTEND;TZID=${z.tzid}:${end}`,
      `RRULE:${RULES[i % RULES.length]}`,
      `EXDATE;TZID=${z.tzid}:200902${pad2(day)}T${pad2(hour)}0000`,
      `CATEGORIES:${i % 2 === 0 ? 'Business' : 'Personal,Family'}`,
      'CLASS:PUBLIC',
      'TRANSP:OPAQUE',
      'BEGIN:VALARM',
      'ACTION:DISPLAY',
      'DESCRIPTION:Reminder',
      `TRIGGER;VALUE=DURATION:-PT${5 + i * 5}M`,
      'END:VALARM',
      'END:VEVENT',
      'END:VCALENDAR',
    ),
  };
}

/** SIF-T as the Funambol Outlook plug-in sends it (element order as Outlook's). */
export function sift(i: number, next: () => number): GeneratedItem {
  const day = 1 + Math.floor(next() * 27);
  const recurring = i % 2 === 1;
  const element = (name: string, value: string): string =>
    value === '' ? `<${name}/>` : `<${name}>${value}</${name}>`;
  const xmlText = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const body = [
    '<?xml version="1.0" encoding="UTF-8"?><task>',
    element('SIFVersion', '1.1'),
    element('ActualWork', '0'),
    element('BillingInformation', ''),
    element(
      'Body',
      xmlText(`${NOTE_LINES[i % NOTE_LINES.length]}\r\n${NOTE_LINES[(i + 4) % NOTE_LINES.length]}`),
    ),
    element('Categories', i % 2 === 0 ? 'Business' : 'Personal'),
    element('Companies', ''),
    element('Complete', i % 3 === 0 ? '1' : '0'),
    element('DateCompleted', i % 3 === 0 ? `200901${pad2(day)}T120000Z` : ''),
    element('DueDate', `2009-01-${pad2(day)}`),
    element('Importance', String(i % 3)),
    element('IsRecurring', recurring ? '1' : '0'),
    ...(recurring
      ? [
          element('Interval', '1'),
          element('RecurrenceType', '1'),
          element('DayOfWeekMask', String(2 + 8 * (i % 4))),
          element('NoEndDate', '0'),
          element('Occurrences', '10'),
          element('PatternStartDate', `200901${pad2(day)}T000000`),
          element('PatternEndDate', `200904${pad2(day)}T000000`),
        ]
      : []),
    element('Mileage', ''),
    element('PercentComplete', i % 3 === 0 ? '100' : String((i * 25) % 100)),
    element('ReminderSet', i % 2 === 0 ? '1' : '0'),
    element('ReminderTime', i % 2 === 0 ? `200901${pad2(day)}T070000Z` : ''),
    element('Sensitivity', String(i % 3 === 1 ? 2 : 0)),
    element('StartDate', `2009-01-${pad2(Math.max(1, day - 3))}`),
    element('Status', i % 3 === 0 ? '2' : '1'),
    element('Subject', xmlText(SUBJECTS[i % SUBJECTS.length]!)),
    element('TeamTask', '0'),
    element('TotalWork', '0'),
    '</task>',
  ];
  return { contentType: 'text/x-s4j-sift', text: body.join('') };
}
