import { CalendarCodecError } from '../errors.js';

/** An RFC 5545 duration: nominal days (weeks x 7 + days) and exact seconds. */
export interface Duration {
  /** -1 or 1. */
  sign: number;
  days: number;
  seconds: number;
}

const DURATION =
  /^([+-])?P(?:(\d{1,6})W)?(?:(\d{1,6})D)?(?:T(?:(\d{1,7})H)?(?:(\d{1,9})M)?(?:(\d{1,10})S)?)?$/i;

/** Reads `[+-]P[nW][nD][T[nH][nM][nS]]`; throws `INVALID_VALUE`. */
export function parseDuration(text: string): Duration {
  const m = DURATION.exec(text.trim());
  if (
    !m ||
    (m[2] === undefined &&
      m[3] === undefined &&
      m[4] === undefined &&
      m[5] === undefined &&
      m[6] === undefined)
  ) {
    throw new CalendarCodecError('INVALID_VALUE', `invalid duration "${text.slice(0, 40)}"`);
  }
  const n = (i: number): number => (m[i] === undefined ? 0 : Number.parseInt(m[i]!, 10));
  return { sign: m[1] === '-' ? -1 : 1, days: n(2) * 7 + n(3), seconds: n(4) * 3600 + n(5) * 60 + n(6) };
}

/** Total seconds of a duration, days counted as 86 400 s. */
export function durationSeconds(d: Duration): number {
  return d.sign * (d.days * 86_400 + d.seconds);
}

/** Writes seconds as a duration: whole days as `PnD`, weeks as `PnW`, else `PTnHnMnS`. */
export function formatDuration(total: number): string {
  const sign = total < 0 ? '-' : '';
  let rest = Math.abs(Math.round(total));
  if (rest === 0) return 'PT0S';
  if (rest % 604_800 === 0) return `${sign}P${rest / 604_800}W`;
  const days = Math.floor(rest / 86_400);
  rest -= days * 86_400;
  let out = `${sign}P${days > 0 ? `${days}D` : ''}`;
  if (rest > 0) {
    const hours = Math.floor(rest / 3600);
    const minutes = Math.floor((rest % 3600) / 60);
    const seconds = rest % 60;
    out += `T${hours > 0 ? `${hours}H` : ''}${minutes > 0 ? `${minutes}M` : ''}${seconds > 0 ? `${seconds}S` : ''}`;
  }
  return out;
}
