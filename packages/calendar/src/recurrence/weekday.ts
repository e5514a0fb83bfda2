import type { Weekday } from '../model/types.js';

/** Weekday codes by number, 0 = Sunday (the numbering of `weekdayOfDays`). */
export const WEEKDAYS: readonly Weekday[] = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];

const INDEX: Readonly<Record<string, number>> = { SU: 0, MO: 1, TU: 2, WE: 3, TH: 4, FR: 5, SA: 6 };

export function weekdayIndex(day: Weekday): number {
  return INDEX[day]!;
}

/** The weekday code of a two-letter token (any case), or undefined. */
export function weekdayFromToken(token: string): Weekday | undefined {
  const upper = token.toUpperCase();
  return INDEX[upper] === undefined ? undefined : (upper as Weekday);
}
