import { CalendarCodecError } from '../errors.js';
import type { CalendarTime, Frequency, RecurrenceRule, WeekdayNum } from '../model/types.js';
import { weekdayFromToken } from './weekday.js';

const FREQUENCIES: ReadonlySet<string> = new Set([
  'SECONDLY',
  'MINUTELY',
  'HOURLY',
  'DAILY',
  'WEEKLY',
  'MONTHLY',
  'YEARLY',
]);

function bad(text: string, why: string): CalendarCodecError {
  return new CalendarCodecError('INVALID_RULE', `invalid RRULE "${text.slice(0, 80)}": ${why}`);
}

type NumberListKey =
  | 'byMonthDay'
  | 'byMonth'
  | 'byYearDay'
  | 'byWeekNo'
  | 'bySetPos'
  | 'byHour'
  | 'byMinute'
  | 'bySecond';

/** A rule part holding a list of numbers: where it goes and its range; a signed one also counts from the end. */
interface NumberListPart {
  key: NumberListKey;
  min: number;
  max: number;
  signed: boolean;
}

/** The number-list parts of an RRULE and their ranges (RFC 5545 §3.3.10). */
const NUMBER_LIST_PARTS: ReadonlyMap<string, NumberListPart> = new Map([
  ['BYMONTHDAY', { key: 'byMonthDay', min: 1, max: 31, signed: true }],
  ['BYMONTH', { key: 'byMonth', min: 1, max: 12, signed: false }],
  ['BYYEARDAY', { key: 'byYearDay', min: 1, max: 366, signed: true }],
  ['BYWEEKNO', { key: 'byWeekNo', min: 1, max: 53, signed: true }],
  ['BYSETPOS', { key: 'bySetPos', min: 1, max: 366, signed: true }],
  ['BYHOUR', { key: 'byHour', min: 0, max: 23, signed: false }],
  ['BYMINUTE', { key: 'byMinute', min: 0, max: 59, signed: false }],
  ['BYSECOND', { key: 'bySecond', min: 0, max: 60, signed: false }],
]);

function intList(text: string, part: string, value: string, { min, max, signed }: NumberListPart): number[] {
  const out: number[] = [];
  for (const item of value.split(',')) {
    if (!/^[+-]?\d{1,3}$/.test(item.trim())) throw bad(text, `${part} value "${item}"`);
    const n = Number.parseInt(item, 10);
    const abs = Math.abs(n);
    if (abs < min || abs > max || (!signed && n < 0)) throw bad(text, `${part} value ${n} out of range`);
    out.push(n);
  }
  return out;
}

function weekdayList(text: string, value: string): WeekdayNum[] {
  const out: WeekdayNum[] = [];
  for (const raw of value.split(',')) {
    const m = /^([+-]?\d{1,2})?([A-Za-z]{2})$/.exec(raw.trim());
    const day = m ? weekdayFromToken(m[2]!) : undefined;
    if (!m || !day) throw bad(text, `BYDAY value "${raw}"`);
    if (m[1] === undefined) out.push({ day });
    else {
      const nth = Number.parseInt(m[1], 10);
      if (nth === 0 || Math.abs(nth) > 53) throw bad(text, `BYDAY ordinal ${nth}`);
      out.push({ day, nth });
    }
  }
  return out;
}

/**
 * Reads an iCalendar RRULE value. UNTIL is returned as the item wrote it
 * (date, UTC or floating): `parseUntil` turns the raw text into a time.
 * Unknown rule parts (x-names) are ignored.
 */
export function parseICalRule(text: string, parseUntil: (raw: string) => CalendarTime): RecurrenceRule {
  const parts = new Map<string, string>();
  for (const segment of text.trim().split(';')) {
    if (segment === '') continue;
    const eq = segment.indexOf('=');
    if (eq <= 0) throw bad(text, `"${segment}" is not NAME=VALUE`);
    const name = segment.slice(0, eq).trim().toUpperCase();
    if (parts.has(name)) throw bad(text, `${name} given twice`);
    parts.set(name, segment.slice(eq + 1).trim());
  }
  const freq = parts.get('FREQ')?.toUpperCase();
  if (freq === undefined || !FREQUENCIES.has(freq)) throw bad(text, 'FREQ missing or unknown');
  const rule: RecurrenceRule = { freq: freq as Frequency, interval: 1 };
  for (const [name, value] of parts) {
    const numbers = NUMBER_LIST_PARTS.get(name);
    if (numbers !== undefined) {
      rule[numbers.key] = intList(text, name, value, numbers);
      continue;
    }
    switch (name) {
      case 'FREQ':
        break;
      case 'INTERVAL': {
        if (!/^\d{1,6}$/.test(value) || Number(value) < 1) throw bad(text, `INTERVAL "${value}"`);
        rule.interval = Number(value);
        break;
      }
      case 'COUNT': {
        if (!/^\d{1,9}$/.test(value) || Number(value) < 1) throw bad(text, `COUNT "${value}"`);
        rule.count = Number(value);
        break;
      }
      case 'UNTIL':
        try {
          rule.until = parseUntil(value);
        } catch (cause) {
          throw new CalendarCodecError('INVALID_RULE', `invalid RRULE UNTIL "${value}"`, { cause });
        }
        break;
      case 'BYDAY':
        rule.byDay = weekdayList(text, value);
        break;
      case 'WKST': {
        const day = weekdayFromToken(value);
        if (!day) throw bad(text, `WKST "${value}"`);
        rule.wkst = day;
        break;
      }
      default:
        break;
    }
  }
  if (rule.count !== undefined && rule.until !== undefined) throw bad(text, 'COUNT and UNTIL together');
  return rule;
}

/** Writes an iCalendar RRULE value; `formatUntil` writes UNTIL in the form DTSTART calls for. */
export function formatICalRule(rule: RecurrenceRule, formatUntil: (until: CalendarTime) => string): string {
  const parts = [`FREQ=${rule.freq}`];
  if (rule.until !== undefined) parts.push(`UNTIL=${formatUntil(rule.until)}`);
  if (rule.count !== undefined) parts.push(`COUNT=${rule.count}`);
  if (rule.interval !== 1) parts.push(`INTERVAL=${rule.interval}`);
  if (rule.bySecond) parts.push(`BYSECOND=${rule.bySecond.join(',')}`);
  if (rule.byMinute) parts.push(`BYMINUTE=${rule.byMinute.join(',')}`);
  if (rule.byHour) parts.push(`BYHOUR=${rule.byHour.join(',')}`);
  if (rule.byDay) parts.push(`BYDAY=${rule.byDay.map((d) => `${d.nth ?? ''}${d.day}`).join(',')}`);
  if (rule.byMonthDay) parts.push(`BYMONTHDAY=${rule.byMonthDay.join(',')}`);
  if (rule.byYearDay) parts.push(`BYYEARDAY=${rule.byYearDay.join(',')}`);
  if (rule.byWeekNo) parts.push(`BYWEEKNO=${rule.byWeekNo.join(',')}`);
  if (rule.byMonth) parts.push(`BYMONTH=${rule.byMonth.join(',')}`);
  if (rule.bySetPos) parts.push(`BYSETPOS=${rule.bySetPos.join(',')}`);
  if (rule.wkst !== undefined) parts.push(`WKST=${rule.wkst}`);
  return parts.join(';');
}
