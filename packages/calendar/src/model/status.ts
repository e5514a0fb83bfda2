/*
 * The canonical `status` is an upper-case token in iCalendar spelling. Each
 * format accepts a different set; writers map a status the target format
 * lacks to its nearest equivalent (or leave it out).
 */

const ICAL_EVENT: ReadonlySet<string> = new Set(['TENTATIVE', 'CONFIRMED', 'CANCELLED']);
const ICAL_TODO: ReadonlySet<string> = new Set(['NEEDS-ACTION', 'COMPLETED', 'IN-PROCESS', 'CANCELLED']);
const VCAL: ReadonlySet<string> = new Set([
  'ACCEPTED',
  'NEEDS-ACTION',
  'SENT',
  'TENTATIVE',
  'CONFIRMED',
  'DECLINED',
  'COMPLETED',
  'DELEGATED',
]);

const ICAL_EVENT_NEAREST: Readonly<Record<string, string>> = {
  DECLINED: 'CANCELLED',
  ACCEPTED: 'CONFIRMED',
};

const ICAL_TODO_NEAREST: Readonly<Record<string, string>> = {
  CONFIRMED: 'IN-PROCESS',
  ACCEPTED: 'IN-PROCESS',
  DECLINED: 'CANCELLED',
  DEFERRED: 'CANCELLED',
  SENT: 'NEEDS-ACTION',
  TENTATIVE: 'NEEDS-ACTION',
  DELEGATED: 'NEEDS-ACTION',
  WAITING: 'NEEDS-ACTION',
};

const VCAL_NEAREST: Readonly<Record<string, string>> = {
  'IN-PROCESS': 'CONFIRMED',
  CANCELLED: 'DECLINED',
  WAITING: 'NEEDS-ACTION',
  DEFERRED: 'DECLINED',
};

/** STATUS for an iCalendar VEVENT / VTODO, or undefined when nothing fits. */
export function icalStatus(kind: 'event' | 'task', status: string): string | undefined {
  if (kind === 'event') return ICAL_EVENT.has(status) ? status : ICAL_EVENT_NEAREST[status];
  return ICAL_TODO.has(status) ? status : ICAL_TODO_NEAREST[status];
}

/** STATUS for vCalendar 1.0 (`NEEDS ACTION` written with a space). */
export function vcalStatus(status: string): string | undefined {
  const mapped = VCAL.has(status) ? status : VCAL_NEAREST[status];
  return mapped === undefined ? undefined : mapped.replace('-', ' ');
}

/** SIF-T Status: 0 not started, 1 in progress, 2 completed, 3 waiting, 4 deferred. */
const SIF_TASK_STATUS = ['NEEDS-ACTION', 'IN-PROCESS', 'COMPLETED', 'WAITING', 'DEFERRED'] as const;

const SIF_TASK_NEAREST: Readonly<Record<string, number>> = {
  CONFIRMED: 1,
  ACCEPTED: 1,
  CANCELLED: 4,
  DECLINED: 4,
};

export function statusFromSifTask(value: number): string | undefined {
  return SIF_TASK_STATUS[value];
}

export function sifTaskStatus(status: string): number | undefined {
  const index = (SIF_TASK_STATUS as readonly string[]).indexOf(status);
  return index >= 0 ? index : SIF_TASK_NEAREST[status];
}
