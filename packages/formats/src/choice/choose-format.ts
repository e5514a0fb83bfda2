import {
  CONTENT_TYPES,
  contentTypeEntry,
  FORMAT_KINDS,
  type FormatFamily,
  formatOf,
  type ItemFormat,
  type ItemKind,
  isWritable,
  mediaTypeOf,
} from '../registry/content-types.js';

/** A content type and version as DevInf writes them (`CTType` / `VerCT`); structurally @syncds/syncml's `ContentTypeRef`. */
export interface ContentTypeRef {
  ctType: string;
  verCT?: string | undefined;
}

/** The part of a DevInf CTCap the choice reads; structurally @syncds/syncml's `CTCap`. */
export interface CtCapInfo {
  ctType: string;
  verCT?: string | undefined;
  properties?: ReadonlyArray<{ propName: string }> | undefined;
}

/**
 * What a device said about one datastore (plain data; an @syncds/syncml
 * `DataStore` fits). For DevInf 1.0/1.1 pass the document's global CTCaps as
 * `ctCaps`.
 */
export interface DatastoreInfo {
  rxPref?: ContentTypeRef | undefined;
  rx?: ReadonlyArray<ContentTypeRef> | undefined;
  txPref?: ContentTypeRef | undefined;
  tx?: ReadonlyArray<ContentTypeRef> | undefined;
  ctCaps?: ReadonlyArray<CtCapInfo> | undefined;
}

/** The inputs of {@link chooseFormat}. */
export interface FormatChoiceRequest {
  /** The kind of item to send (from the folder: Contacts, Events, Tasks, Notes/Journal). */
  kind: ItemKind;
  /** The device's DevInf for the datastore; undefined when it sent none. */
  datastore?: DatastoreInfo | undefined;
  /** The `Meta/Type` (and `Meta/Version`) of the items the device sends. */
  metaType?: ContentTypeRef | string | undefined;
  /** `FORMAT=sif` -> `sif`, `FORMAT=vob` -> `versit` (R10). */
  preference?: FormatFamily | undefined;
  /** Content types not to offer (the device answered 415 for them). */
  exclude?: ReadonlyArray<string> | undefined;
}

/** Why a format was chosen, for logs. */
export type FormatChoiceReason =
  | 'preference'
  | 'preference-default'
  | 'rx-pref'
  | 'rx'
  | 'tx'
  | 'ctcap'
  | 'meta-type'
  | 'default';

/** The content type (and version) to send. */
export interface FormatChoice {
  contentType: string;
  version: string;
  format: ItemFormat;
  family: FormatFamily;
  reason: FormatChoiceReason;
}

/** The type sent per kind and family when nothing about the device says otherwise. */
export const DEFAULT_CONTENT_TYPES: Readonly<
  Record<ItemKind, Readonly<Record<FormatFamily, ContentTypeRef>>>
> = {
  // vCard 2.1 and vCalendar 1.0 are what every SyncML phone reads; a plain
  // text note is readable by anything.
  contact: {
    versit: { ctType: 'text/x-vcard', verCT: '2.1' },
    sif: { ctType: 'text/x-s4j-sifc', verCT: '1.0' },
  },
  event: {
    versit: { ctType: 'text/x-vcalendar', verCT: '1.0' },
    sif: { ctType: 'text/x-s4j-sife', verCT: '1.0' },
  },
  task: {
    versit: { ctType: 'text/x-vcalendar', verCT: '1.0' },
    sif: { ctType: 'text/x-s4j-sift', verCT: '1.0' },
  },
  note: { versit: { ctType: 'text/plain', verCT: '1.0' }, sif: { ctType: 'text/x-s4j-sifn', verCT: '1.0' } },
};

interface Candidate {
  ref: ContentTypeRef;
  reason: FormatChoiceReason;
}

function toRef(metaType: ContentTypeRef | string): ContentTypeRef {
  return typeof metaType === 'string' ? { ctType: metaType } : metaType;
}

/** A candidate as a choice, when this package can write it for the kind. */
function usable(
  candidate: Candidate,
  kind: ItemKind,
  exclude: ReadonlySet<string>,
): FormatChoice | undefined {
  const entry = contentTypeEntry(candidate.ref.ctType);
  if (entry === undefined || !entry.kinds.includes(kind) || exclude.has(mediaTypeOf(candidate.ref.ctType))) {
    return undefined;
  }
  const announced = candidate.ref.verCT?.trim() ?? '';
  const version = announced === '' ? entry.version : announced;
  if (!isWritable(entry.contentType, version)) return undefined;
  const format = formatOf(entry.contentType, version);
  if (format === undefined || !FORMAT_KINDS[format].includes(kind)) return undefined;
  // The device's own spelling of the type is kept: it matches what it listed.
  return {
    contentType: mediaTypeOf(candidate.ref.ctType),
    version,
    format,
    family: entry.family,
    reason: candidate.reason,
  };
}

function candidatesOf(request: FormatChoiceRequest): Candidate[] {
  const out: Candidate[] = [];
  const store = request.datastore;
  if (store !== undefined) {
    if (store.rxPref) out.push({ ref: store.rxPref, reason: 'rx-pref' });
    for (const ref of store.rx ?? []) out.push({ ref, reason: 'rx' });
  }
  if (request.metaType !== undefined) out.push({ ref: toRef(request.metaType), reason: 'meta-type' });
  if (store !== undefined) {
    // What the device sends, and types it describes in CTCap, it can most
    // likely also receive: used only when the receive lists offer nothing.
    if (store.txPref) out.push({ ref: store.txPref, reason: 'tx' });
    for (const ref of store.tx ?? []) out.push({ ref, reason: 'tx' });
    for (const cap of store.ctCaps ?? [])
      out.push({ ref: { ctType: cap.ctType, verCT: cap.verCT }, reason: 'ctcap' });
  }
  return out;
}

function defaultChoice(
  kind: ItemKind,
  family: FormatFamily,
  reason: FormatChoiceReason,
  exclude: ReadonlySet<string>,
): FormatChoice | undefined {
  return usable({ ref: DEFAULT_CONTENT_TYPES[kind][family], reason }, kind, exclude);
}

/**
 * The content type and version to send items of `kind` in (R10, R14):
 *
 * 1. With a preference (`FORMAT=sif|vob`): the first type of that family in
 *    the device's lists (Rx-Pref, Rx, Meta Type, Tx-Pref, Tx, CTCap), else the
 *    family's default for the kind (`preference-default`): the user asked for
 *    it, and a device that answers 415 is switched with {@link otherFamily}.
 * 2. Else the device's Rx-Pref, then its Rx list, in order.
 * 3. Else the Meta Type it sends items with (also the first step when it sent
 *    no DevInf), then Tx-Pref, Tx and CTCap types.
 * 4. Else the default of the kind: vCard 2.1, vCalendar 1.0, text/plain.
 *
 * Only pairs this package writes for the kind count (a `text/vcard` 4.0 or a
 * `text/x-vcalendar` for notes does not); `exclude` removes types the device
 * refused. Undefined only when everything was excluded.
 */
export function chooseFormat(request: FormatChoiceRequest): FormatChoice | undefined {
  const exclude = new Set((request.exclude ?? []).map(mediaTypeOf));
  const candidates = candidatesOf(request);
  if (request.preference !== undefined) {
    for (const candidate of candidates) {
      const choice = usable({ ...candidate, reason: 'preference' }, request.kind, exclude);
      if (choice !== undefined && choice.family === request.preference) return choice;
    }
    const fallback = defaultChoice(request.kind, request.preference, 'preference-default', exclude);
    if (fallback !== undefined) return fallback;
  }
  for (const candidate of candidates) {
    const choice = usable(candidate, request.kind, exclude);
    if (choice !== undefined) return choice;
  }
  return (
    defaultChoice(request.kind, 'versit', 'default', exclude) ??
    defaultChoice(request.kind, 'sif', 'default', exclude) ??
    firstOfKind(request.kind, exclude)
  );
}

function firstOfKind(kind: ItemKind, exclude: ReadonlySet<string>): FormatChoice | undefined {
  for (const entry of CONTENT_TYPES) {
    const choice = usable({ ref: { ctType: entry.contentType }, reason: 'default' }, kind, exclude);
    if (choice !== undefined) return choice;
  }
  return undefined;
}

/**
 * The format to switch to when a device answers 415 to items in
 * `contentType` (R10): the first type of the other family the device lists
 * for the kind, else that family's default. `kind` is needed for
 * `text/calendar` (events, tasks and journals); for the other types it
 * defaults to the only kind they carry. Undefined for a content type outside
 * the registry.
 */
export function otherFamily(
  contentType: string,
  kind?: ItemKind,
  datastore?: DatastoreInfo,
): FormatChoice | undefined {
  const entry = contentTypeEntry(contentType);
  if (entry === undefined) return undefined;
  const itemKind = kind ?? (entry.kinds.length === 1 ? entry.kinds[0] : undefined);
  if (itemKind === undefined || !entry.kinds.includes(itemKind)) return undefined;
  const family: FormatFamily = entry.family === 'sif' ? 'versit' : 'sif';
  return chooseFormat({ kind: itemKind, datastore, preference: family, exclude: [entry.contentType] });
}
