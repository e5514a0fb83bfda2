import {
  type CanonicalRecord,
  type DatastoreInfo,
  type ItemKind,
  chooseFormat,
  contactNameKey,
  deviceFieldsOf,
  formatOf,
  itemSummary,
  mergeItem,
  normalizeText,
  otherFamily,
  parseItem,
  sameItem,
  serializeItem,
  timeKey,
} from '@syncds/formats';
import { SyncCommandError } from '../errors.js';
import type {
  ConflictOutcome,
  DeviceDatastoreCaps,
  ItemAdapter,
  SendFormat,
  StoredItem,
} from './item-adapter.js';
import { mergeOnConflict } from './conflict-merge.js';

/** Stored canonical records are JSON, tagged by kind: `application/vnd.syncds.contact+json`... */
const RECORD_TYPE_PREFIX = 'application/vnd.syncds.';
const RECORD_TYPE_SUFFIX = '+json';

const FOLDER_ITEM_KIND: Record<string, ItemKind> = {
  contacts: 'contact',
  events: 'event',
  tasks: 'task',
  notes: 'note',
  journal: 'note',
};

/** What a folder kind accepts: a calendar datastore may carry tasks too (phones sync one "agenda"). */
const FOLDER_ACCEPTS: Record<string, readonly ItemKind[]> = {
  contacts: ['contact'],
  events: ['event', 'task'],
  tasks: ['task', 'event'],
  notes: ['note'],
  journal: ['note'],
};

const utf8 = new TextEncoder();
const utf8Decoder = new TextDecoder();

export function recordContentType(kind: ItemKind): string {
  return `${RECORD_TYPE_PREFIX}${kind}${RECORD_TYPE_SUFFIX}`;
}

function isRecordType(contentType: string): boolean {
  return contentType.startsWith(RECORD_TYPE_PREFIX) && contentType.endsWith(RECORD_TYPE_SUFFIX);
}

function toRecord(item: StoredItem): CanonicalRecord | undefined {
  if (!isRecordType(item.contentType)) return undefined;
  return JSON.parse(utf8Decoder.decode(item.payload)) as CanonicalRecord;
}

function fromRecord(record: CanonicalRecord): StoredItem {
  return { contentType: recordContentType(record.kind), payload: utf8.encode(JSON.stringify(record)) };
}

/** A content type from the item itself, for devices that label items wrongly or not at all. */
function sniffContentType(data: Uint8Array): string | undefined {
  const head = utf8Decoder.decode(data.subarray(0, 512)).trimStart().toUpperCase();
  if (head.startsWith('BEGIN:VCARD')) return /VERSION:\s*2\.1/.test(head) ? 'text/x-vcard' : 'text/vcard';
  if (head.startsWith('BEGIN:VCALENDAR'))
    return /VERSION:\s*1\.0/.test(head) ? 'text/x-vcalendar' : 'text/calendar';
  if (head.startsWith('BEGIN:VNOTE')) return 'text/x-vnote';
  if (head.includes('<CONTACT')) return 'text/x-s4j-sifc';
  if (head.includes('<APPOINTMENT')) return 'text/x-s4j-sife';
  if (head.includes('<TASK')) return 'text/x-s4j-sift';
  if (head.includes('<NOTE')) return 'text/x-s4j-sifn';
  return undefined;
}

/**
 * The item adapter on @syncds/formats: PIM items are stored as their canonical
 * record (JSON), so every device gets them in the format it takes (R14); mail,
 * files and types outside the registry are stored as sent.
 */
export function createItemAdapter(): ItemAdapter {
  return {
    fromClient(data, contentType, folderKind) {
      const kind = FOLDER_ITEM_KIND[folderKind];
      if (kind === undefined)
        return { contentType: contentType ?? 'application/octet-stream', payload: data.slice() };
      let type = contentType;
      if (type === undefined || formatOf(type) === undefined) type = sniffContentType(data) ?? type;
      if (type === undefined)
        throw new SyncCommandError('UNSUPPORTED_FORMAT', 415, 'item without a content type');
      const record = parseItem(data, type, { kind });
      if (!(FOLDER_ACCEPTS[folderKind] ?? [kind]).includes(record.kind)) {
        throw new SyncCommandError(
          'UNSUPPORTED_FORMAT',
          415,
          `a ${record.kind} does not belong in a ${folderKind} folder`,
        );
      }
      return fromRecord(record);
    },

    toClient(item, format) {
      const record = toRecord(item);
      if (record === undefined) return item.payload;
      return serializeItem(
        record,
        format.contentType,
        format.version === undefined ? {} : { version: format.version },
      );
    },

    update(stored, incoming, deviceFields) {
      const a = toRecord(stored);
      const b = toRecord(incoming);
      if (a === undefined || b === undefined) return incoming;
      return fromRecord(mergeItem(a, b, deviceFields === undefined ? undefined : new Set(deviceFields)));
    },

    resolveConflict(server, client, policy, deviceFields): ConflictOutcome {
      const updated = this.update(server, client, deviceFields);
      switch (policy) {
        case 'server-wins':
          return {
            stored: server,
            sendToClient: !this.same(server, client),
            duplicate: undefined,
            status: 419,
          };
        case 'client-wins':
          return { stored: updated, sendToClient: false, duplicate: undefined, status: 208 };
        case 'keep-both':
          return { stored: server, sendToClient: false, duplicate: updated, status: 209 };
        default: {
          const a = toRecord(server);
          const b = toRecord(updated);
          if (a === undefined || b === undefined)
            return { stored: updated, sendToClient: false, duplicate: undefined, status: 208 };
          const merged = fromRecord(mergeOnConflict(a, b));
          const differs = utf8Decoder.decode(merged.payload) !== utf8Decoder.decode(updated.payload);
          return { stored: merged, sendToClient: differs, duplicate: undefined, status: 207 };
        }
      }
    },

    matchKey(item) {
      const r = toRecord(item);
      if (r === undefined) return undefined;
      switch (r.kind) {
        case 'contact': {
          const key = contactNameKey(r.contact);
          return key === '' ? undefined : `contact:${key}`;
        }
        case 'event':
          return `event:${timeKey(r.event.start)}|${normalizeText(r.event.summary)}`;
        case 'task':
          return `task:${normalizeText(r.task.summary)}`;
        case 'note':
          return `note:${normalizeText(r.note.subject ?? r.note.body?.split('\n')[0])}`;
      }
    },

    same(a, b) {
      const ra = toRecord(a);
      const rb = toRecord(b);
      if (ra === undefined || rb === undefined)
        return a.contentType === b.contentType && bytesEqual(a.payload, b.payload);
      return sameItem(ra, rb) && JSON.stringify(stripVolatile(ra)) === JSON.stringify(stripVolatile(rb));
    },

    chooseFormat(folderKind, caps, clientType, preference, refused = []): SendFormat {
      const kind = FOLDER_ITEM_KIND[folderKind];
      if (kind === undefined)
        return { contentType: clientType ?? 'application/octet-stream', version: undefined };
      const choice = chooseFormat({
        kind,
        datastore: datastoreInfo(caps),
        metaType: clientType,
        preference: preference === 'sif' ? 'sif' : preference === 'vob' ? 'versit' : undefined,
        exclude: refused,
      });
      return choice === undefined
        ? { contentType: clientType ?? 'text/plain', version: undefined }
        : { contentType: choice.contentType, version: choice.version };
    },

    otherFamily(format, folderKind) {
      const kind = FOLDER_ITEM_KIND[folderKind];
      if (kind === undefined) return undefined;
      const other = otherFamily(format.contentType, kind);
      return other === undefined ? undefined : { contentType: other.contentType, version: other.version };
    },

    deviceFields(caps, format) {
      if (caps === undefined) return undefined;
      const ctcap = caps.ctCaps.find((c) => c.type.toLowerCase() === format.contentType.toLowerCase());
      if (ctcap === undefined || ctcap.properties.length === 0) return undefined;
      const fields = deviceFieldsOf(
        datastoreInfo(caps),
        format.contentType,
        format.version === undefined ? {} : { version: format.version },
      );
      return fields === undefined ? undefined : [...fields];
    },

    summary(item) {
      const r = toRecord(item);
      if (r === undefined) return `${item.contentType}, ${item.payload.length} bytes`;
      return itemSummary(r);
    },

    record(item) {
      return toRecord(item);
    },
  };
}

function datastoreInfo(caps: DeviceDatastoreCaps | undefined): DatastoreInfo | undefined {
  if (caps === undefined) return undefined;
  return {
    rxPref: caps.rxPref === undefined ? undefined : { ctType: caps.rxPref.type, verCT: caps.rxPref.version },
    rx: caps.rx.map((r) => ({ ctType: r.type, verCT: r.version })),
    ctCaps: caps.ctCaps.map((c) => ({
      ctType: c.type,
      verCT: c.version,
      properties: c.properties.map((propName) => ({ propName })),
    })),
  };
}

/** Fields that change on every write (revision stamps) do not make two items differ. */
function stripVolatile(r: CanonicalRecord): unknown {
  return JSON.parse(JSON.stringify(r), (key, value) =>
    key === 'revision' || key === 'lastModified' || key === 'modified' || key === 'extensions'
      ? undefined
      : value,
  );
}

function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
