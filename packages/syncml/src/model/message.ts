import type { DevInf } from './devinf.js';
import type { Payload } from './payload.js';

/**
 * The SyncML message AST (SyncML Representation Protocol 1.0, 1.1 and 1.2).
 * Plain data, except `Payload` (lazily decoded bytes). Element order inside a
 * command is fixed by the DTD, so it is not kept; the order of commands and of
 * items is.
 *
 * Optional fields are declared `?: T | undefined`: a builder may set them to
 * `undefined` (constant object shapes are faster) and code may omit them.
 */

export type SyncMLVersion = '1.0' | '1.1' | '1.2';

export interface SyncMLMessage {
  header: SyncHeader;
  /** The SyncBody commands, in message order. */
  commands: Command[];
  /** `<Final/>` closes the package. */
  final: boolean;
}

export interface SyncHeader {
  /** From VerDTD (`1.0`, `1.1`, `1.2`). */
  version: SyncMLVersion;
  /** VerProto, e.g. `SyncML/1.2`. */
  verProto: string;
  sessionID: string;
  msgID: string;
  target: LocRef;
  source: LocRef;
  respURI?: string | undefined;
  noResp?: boolean | undefined;
  cred?: Cred | undefined;
  meta?: Meta | undefined;
}

/** Target / Source: a LocURI and an optional LocName. */
export interface LocRef {
  locURI: string;
  locName?: string | undefined;
}

/** A Target may carry a Filter (1.2). */
export interface Target extends LocRef {
  filter?: Filter | undefined;
}

/** MetInf (`syncml:metinf`), used in every Meta. */
export interface Meta {
  format?: string | undefined;
  type?: string | undefined;
  mark?: string | undefined;
  size?: number | undefined;
  anchor?: Anchor | undefined;
  version?: string | undefined;
  /** Raw nonce as carried: base64 text in XML, possibly raw bytes in WBXML (see `format`). */
  nextNonce?: Payload | undefined;
  maxMsgSize?: number | undefined;
  maxObjSize?: number | undefined;
  emi?: string[] | undefined;
  mem?: Mem | undefined;
  /** `<FieldLevel/>` (1.2). */
  fieldLevel?: boolean | undefined;
}

export interface Anchor {
  last?: string | undefined;
  next: string;
}

export interface Mem {
  sharedMem?: boolean | undefined;
  freeMem?: number | undefined;
  freeID?: number | undefined;
}

export interface Cred {
  meta?: Meta | undefined;
  data: Payload;
}

export interface Chal {
  meta: Meta;
}

export interface Filter {
  meta: Meta;
  field?: Item | undefined;
  record?: Item | undefined;
  filterType?: string | undefined;
}

/** What an Item's `<Data>` holds. */
export type ItemData = Payload | DevInfData | MetInfData;

/** A DevInf document inside Data: inline XML, or a nested WBXML document in OPAQUE. */
export interface DevInfData {
  kind: 'devinf';
  devinf: DevInf;
}

/** MetInf elements inside Data, e.g. the anchor a server echoes in the Status of an Alert. */
export interface MetInfData {
  kind: 'metinf';
  meta: Meta;
}

export interface Item {
  target?: Target | undefined;
  source?: LocRef | undefined;
  /** SourceParent / TargetParent LocURI (1.2 hierarchies). */
  sourceParent?: string | undefined;
  targetParent?: string | undefined;
  meta?: Meta | undefined;
  data?: ItemData | undefined;
  /** `<MoreData/>`: a large object continues in the next message. */
  moreData?: boolean | undefined;
}

export interface MapItem {
  /** Target LocURI: the server's id (GUID). */
  target: string;
  /** Source LocURI: the client's id (LUID). */
  source: string;
}

interface CommandBase {
  cmdID: string;
  noResp?: boolean | undefined;
}

interface ItemCommandBase extends CommandBase {
  cred?: Cred | undefined;
  meta?: Meta | undefined;
  items: Item[];
}

export interface Add extends ItemCommandBase {
  kind: 'Add';
}
export interface Replace extends ItemCommandBase {
  kind: 'Replace';
}
export interface Copy extends ItemCommandBase {
  kind: 'Copy';
}
export interface Move extends ItemCommandBase {
  kind: 'Move';
}
export interface Delete extends ItemCommandBase {
  kind: 'Delete';
  archive?: boolean | undefined;
  sftDel?: boolean | undefined;
}

export interface Alert extends CommandBase {
  kind: 'Alert';
  cred?: Cred | undefined;
  /** Alert code (Data), e.g. 200 two-way, 201 slow, 222 next message. */
  code?: number | undefined;
  correlator?: string | undefined;
  items: Item[];
}

export interface Atomic extends CommandBase {
  kind: 'Atomic';
  meta?: Meta | undefined;
  commands: Command[];
}

export interface Sequence extends CommandBase {
  kind: 'Sequence';
  meta?: Meta | undefined;
  commands: Command[];
}

export interface Exec extends CommandBase {
  kind: 'Exec';
  cred?: Cred | undefined;
  meta?: Meta | undefined;
  correlator?: string | undefined;
  item: Item;
}

export interface Get extends ItemCommandBase {
  kind: 'Get';
  lang?: string | undefined;
}

export interface Put extends ItemCommandBase {
  kind: 'Put';
  lang?: string | undefined;
}

export interface MapCommand extends CommandBase {
  kind: 'Map';
  target: LocRef;
  source: LocRef;
  cred?: Cred | undefined;
  meta?: Meta | undefined;
  mapItems: MapItem[];
}

export interface Results extends CommandBase {
  kind: 'Results';
  msgRef?: string | undefined;
  cmdRef: string;
  meta?: Meta | undefined;
  targetRef?: string | undefined;
  sourceRef?: string | undefined;
  items: Item[];
}

export interface Search extends CommandBase {
  kind: 'Search';
  noResults?: boolean | undefined;
  cred?: Cred | undefined;
  target?: Target | undefined;
  sources: LocRef[];
  lang?: string | undefined;
  meta: Meta;
  data: Payload;
}

export interface Status extends CommandBase {
  kind: 'Status';
  msgRef: string;
  cmdRef: string;
  /** Name of the answered command (`SyncHdr`, `Alert`, `Add`...). */
  cmd: string;
  targetRefs: string[];
  sourceRefs: string[];
  cred?: Cred | undefined;
  chal?: Chal | undefined;
  /** Status code (Data), e.g. 200, 201, 212, 401, 508. */
  code: number;
  items: Item[];
}

export interface Sync extends CommandBase {
  kind: 'Sync';
  cred?: Cred | undefined;
  target?: Target | undefined;
  source?: LocRef | undefined;
  meta?: Meta | undefined;
  numberOfChanges?: number | undefined;
  commands: SyncCommand[];
}

/** Commands allowed inside Sync. */
export type SyncCommand = Add | Atomic | Copy | Delete | Move | Replace | Sequence;

export type Command =
  | Add
  | Alert
  | Atomic
  | Copy
  | Delete
  | Exec
  | Get
  | MapCommand
  | Move
  | Put
  | Replace
  | Results
  | Search
  | Sequence
  | Status
  | Sync;

export type CommandKind = Command['kind'];
