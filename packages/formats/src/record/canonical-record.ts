import type { CalendarEvent, CalendarTask } from '@syncds/calendar';
import type { Contact } from '@syncds/contacts';
import type { Note } from '@syncds/notes';

/**
 * One canonical item of any kind: what the engine stores (as JSON) and
 * converts. The kind tags the union; the payload is the record of the codec
 * package (plain JSON-safe data).
 */
export type CanonicalRecord =
  | { kind: 'contact'; contact: Contact }
  | { kind: 'event'; event: CalendarEvent }
  | { kind: 'task'; task: CalendarTask }
  | { kind: 'note'; note: Note };
