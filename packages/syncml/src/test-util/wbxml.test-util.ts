// Hand-made WBXML for tests: SyncML 1.1 tokens (page 0), MetInf (page 1), byte helpers.

const encoder = new TextEncoder();

/** SyncML code page 0 tag identities. */
export const T = {
  Alert: 0x06,
  CmdID: 0x0b,
  Cmd: 0x0a,
  CmdRef: 0x0c,
  Data: 0x0f,
  Final: 0x12,
  Item: 0x14,
  LocURI: 0x17,
  Meta: 0x1a,
  MsgID: 0x1b,
  MsgRef: 0x1c,
  Put: 0x1f,
  SessionID: 0x25,
  Source: 0x27,
  Status: 0x29,
  Sync: 0x2a,
  SyncBody: 0x2b,
  SyncHdr: 0x2c,
  SyncML: 0x2d,
  Target: 0x2e,
  VerDTD: 0x31,
  VerProto: 0x32,
} as const;

/** MetInf code page 1 tag identities. */
export const M = { Anchor: 0x05, Next: 0x0f, Type: 0x13, MaxMsgSize: 0x0c, Size: 0x12 } as const;

type Part = number | number[] | Uint8Array;

export function flat(parts: Part[]): number[] {
  const out: number[] = [];
  for (const p of parts) {
    if (typeof p === 'number') out.push(p);
    else out.push(...p);
  }
  return out;
}

/** An element with content: tag | 0x40, the content, END. */
export function el(token: number, ...content: Part[]): number[] {
  return [token | 0x40, ...flat(content), 0x01];
}

/** STR_I of a UTF-8 string. */
export function str(s: string): number[] {
  return [0x03, ...encoder.encode(s), 0x00];
}

/** OPAQUE of bytes. */
export function opaque(bytes: Uint8Array | number[]): number[] {
  const n = bytes.length;
  const mb =
    n < 128
      ? [n]
      : n < 16384
        ? [0x80 | (n >> 7), n & 0x7f]
        : [0x80 | (n >> 14), 0x80 | ((n >> 7) & 0x7f), n & 0x7f];
  return [0xc3, ...mb, ...bytes];
}

/** SWITCH_PAGE. */
export function page(p: number): number[] {
  return [0x00, p];
}

/** WBXML 1.2, numeric public id SyncML 1.1 (0x0FD3), UTF-8, no string table. */
export const SYNCML11_HEADER: number[] = [0x02, 0x9f, 0x53, 0x6a, 0x00];

/** A SyncHdr of SyncML 1.1 with the required elements. */
export function syncHdr(...extra: Part[]): number[] {
  return el(
    T.SyncHdr,
    el(T.VerDTD, str('1.1')),
    el(T.VerProto, str('SyncML/1.1')),
    el(T.SessionID, str('1')),
    el(T.MsgID, str('1')),
    el(T.Target, el(T.LocURI, str('http://server/sync'))),
    el(T.Source, el(T.LocURI, str('IMEI:1'))),
    ...extra,
  );
}

/** A whole SyncML 1.1 message: header bytes, SyncML(SyncHdr, SyncBody(body)). */
export function message(
  body: Part[],
  header: number[] = SYNCML11_HEADER,
  hdr: number[] = syncHdr(),
): Uint8Array {
  return new Uint8Array([...header, ...el(T.SyncML, hdr, el(T.SyncBody, ...body))]);
}
