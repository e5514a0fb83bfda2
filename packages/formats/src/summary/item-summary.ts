import type { CalendarTime } from '@syncds/calendar';
import type { CanonicalRecord } from '../record/canonical-record.js';

/** Longest summary, in UTF-16 units, before it is cut with `…`. */
export const MAX_SUMMARY_LENGTH = 80;

function clip(text: string, max: number): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length <= max ? oneLine : `${oneLine.slice(0, max - 1)}…`;
}

function quoted(text: string | undefined): string {
  return text === undefined || text.trim() === '' ? '(untitled)' : `"${clip(text, 48)}"`;
}

function when(time: CalendarTime | undefined): string {
  if (time === undefined) return '';
  switch (time.kind) {
    case 'date':
      return `${time.date} (all day)`;
    case 'utc':
      return time.utc;
    case 'floating':
      return `${time.local} (floating)`;
    case 'zoned':
      return `${time.local} ${time.tzid}`;
  }
}

/**
 * A short one-line description of a record for logs and the CLI, at most
 * {@link MAX_SUMMARY_LENGTH} characters: `contact "Jane Doe" <jane@example.com>`,
 * `event 2024-03-01T09:00:00Z "Review" (recurring)`, `task "Call Bob" due 2024-03-01 (all day)`,
 * `note "Groceries"`.
 */
export function itemSummary(record: CanonicalRecord): string {
  let text: string;
  switch (record.kind) {
    case 'contact': {
      const c = record.contact;
      const parts = [c.name.given, c.name.middle, c.name.family].filter((p) => p !== undefined).join(' ');
      const name = parts || c.formattedName || c.fileAs || c.organization.company;
      const email = c.emails[0]?.value;
      const phone = c.phones[0]?.value;
      text = `contact ${quoted(name)}${email ? ` <${email}>` : phone ? ` ${phone}` : ''}`;
      break;
    }
    case 'event': {
      const e = record.event;
      const start = when(e.start);
      text = `event ${start ? `${start} ` : ''}${quoted(e.summary)}${e.recurrence ? ' (recurring)' : ''}`;
      break;
    }
    case 'task': {
      const t = record.task;
      const due = when(t.due);
      text = `task ${quoted(t.summary)}${due ? ` due ${due}` : ''}`;
      break;
    }
    case 'note': {
      const n = record.note;
      const firstLine = n.body?.split('\n').find((l) => l.trim() !== '');
      text = `note ${quoted(n.subject ?? firstLine)}`;
      break;
    }
  }
  return clip(text, MAX_SUMMARY_LENGTH);
}
