import type { GeneratedItem } from './generated-item.js';
import { NOTE_LINES, SUBJECTS } from './sample-data.js';
import { escapeText, fold, lines, pad2, quotedPrintableLine } from './versit-text.js';

/** Plain-text notes as phones without vNote send them: the first line is the subject. */
export function plain(i: number): GeneratedItem {
  const text = [
    SUBJECTS[i % SUBJECTS.length]!,
    ...Array.from({ length: 1 + (i % 4) }, (_, k) => NOTE_LINES[(i + k) % NOTE_LINES.length]!),
  ].join('\r\n');
  return { contentType: 'text/plain', text };
}

/** vNote 1.1 as Sony Ericsson and Nokia phones send it: QUOTED-PRINTABLE UTF-8 body. */
export function vnote(i: number): GeneratedItem {
  const body = [
    SUBJECTS[i % SUBJECTS.length]!,
    NOTE_LINES[i % NOTE_LINES.length]!,
    NOTE_LINES[(i + 1) % NOTE_LINES.length]!,
  ].join('\n');
  return {
    contentType: 'text/x-vnote',
    text: lines(
      'BEGIN:VNOTE',
      'VERSION:1.1',
      quotedPrintableLine('BODY;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:', body),
      quotedPrintableLine('SUMMARY;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:', SUBJECTS[i % SUBJECTS.length]!),
      i % 2 === 0 ? 'CATEGORIES:BUSINESS' : '',
      `DCREATED:200812${pad2(1 + i)}T093000Z`,
      `LAST-MODIFIED:200812${pad2(10 + i)}T180500Z`,
      `X-IRMC-LUID:${String(300 + i).padStart(6, '0')}`,
      'END:VNOTE',
    ),
  };
}

/** iCalendar 2.0 VJOURNAL as Evolution's memo list sends it. */
export function vjournal(i: number): GeneratedItem {
  return {
    contentType: 'text/calendar',
    text: lines(
      'BEGIN:VCALENDAR',
      'PRODID:-//Ximian//NONSGML Evolution Calendar//EN',
      'VERSION:2.0',
      'BEGIN:VJOURNAL',
      `UID:20081231T1200${pad2(i)}Z-${4000 + i}@example.com`,
      'DTSTAMP:20081231T120000Z',
      `DTSTART;VALUE=DATE:200812${pad2(1 + i * 4)}`,
      `SUMMARY:${escapeText(SUBJECTS[i % SUBJECTS.length]!)}`,
      fold(
        `DESCRIPTION:${escapeText(Array.from({ length: 2 + (i % 3) }, (_, k) => NOTE_LINES[(i + k) % NOTE_LINES.length]!).join('\n'))}`,
      ),
      i % 2 === 0 ? 'CATEGORIES:Ideas,Work' : '',
      `CLASS:${i % 2 === 0 ? 'PUBLIC' : 'PRIVATE'}`,
      `CREATED:200812${pad2(1 + i * 4)}T083000Z`,
      `LAST-MODIFIED:200812${pad2(2 + i * 4)}T171500Z`,
      'END:VJOURNAL',
      'END:VCALENDAR',
    ),
  };
}
