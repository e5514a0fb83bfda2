import type { Chal, Command, Item, ItemData, SyncHeader, Status } from '@syncds/syncml';

/** A Status answering one command (CmdID is assigned when the reply is built). */
export function statusFor(
  msgRef: string,
  cmd: Command,
  code: number,
  refs: { target?: string[] | undefined; source?: string[] | undefined } = {},
  items: Item[] = [],
): Status {
  return {
    kind: 'Status',
    cmdID: '',
    msgRef,
    cmdRef: cmd.cmdID,
    cmd: cmd.kind,
    targetRefs: refs.target ?? [],
    sourceRefs: refs.source ?? [],
    code,
    items,
  };
}

/** The Status of the SyncHdr: always the first command of a reply. */
export function headerStatus(header: SyncHeader, code: number, chal?: Chal): Status {
  return {
    kind: 'Status',
    cmdID: '',
    msgRef: header.msgID,
    cmdRef: '0',
    cmd: 'SyncHdr',
    targetRefs: [header.target.locURI],
    sourceRefs: [header.source.locURI],
    code,
    chal,
    items: [],
  };
}

/** Target/Source refs of an item, for its Status. */
export function itemRefs(item: Item): { target?: string[]; source?: string[] } {
  const refs: { target?: string[]; source?: string[] } = {};
  if (item.target?.locURI) refs.target = [item.target.locURI];
  if (item.source?.locURI) refs.source = [item.source.locURI];
  return refs;
}

/** An Item whose Data is MetInf (e.g. the echoed anchor). */
export function metInfItem(data: ItemData): Item {
  return { data };
}
