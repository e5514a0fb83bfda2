import type { RecurrenceRule } from '../model/types.js';

/** The BYxxx parts a rule can carry (RFC 5545 §3.3.10). */
const BY_PARTS: ReadonlyArray<keyof RecurrenceRule> = [
  'byDay',
  'byMonthDay',
  'byMonth',
  'byYearDay',
  'byWeekNo',
  'bySetPos',
  'byHour',
  'byMinute',
  'bySecond',
];

/**
 * Whether the rule sets no BY part but those `allowed`: how the writers of
 * simpler rule forms (vCalendar 1.0 rules, Outlook's SIF patterns) tell that
 * a form can state the rule.
 */
export function usesOnlyParts(rule: RecurrenceRule, allowed: ReadonlyArray<keyof RecurrenceRule>): boolean {
  return BY_PARTS.every((part) => rule[part] === undefined || allowed.includes(part));
}
