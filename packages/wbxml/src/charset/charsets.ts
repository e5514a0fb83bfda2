// IANA MIBenum -> what the codec needs to know about a charset: the WHATWG label for
// TextDecoder and the width of the NUL terminator that ends STR_I / EXT_I strings.

/** How text in one charset is terminated and decoded. */
export interface CharsetInfo {
  /** IANA MIBenum. */
  readonly mib: number;
  /** Label for `TextDecoder`, or '' when the codec decodes it itself or cannot. */
  readonly label: string;
  /** Bytes of the NUL terminator: 1, 2 (UTF-16) or 4 (UTF-32). */
  readonly terminatorWidth: 1 | 2 | 4;
  /** How `decodeText` handles it. */
  readonly decoder: DecoderKind;
}

/** Decoding strategies; numbers so the hot path switches on small integers. */
export const DecoderKind = {
  UTF8: 0,
  ASCII: 1,
  LATIN1: 2,
  /** UTF-16 with a byte-order mark, big-endian without one. */
  UTF16_BOM: 3,
  /** Any other label TextDecoder may know (UTF-16BE/LE, ISO-8859-x, Shift_JIS, ...). */
  TEXT_DECODER: 4,
  /** Not decodable here (UTF-32, unknown MIBenum): tokenizing works, `text()` throws. */
  NONE: 5,
  /** windows-1252 by table: Node 20's TextDecoder decodes that label as ISO-8859-1. */
  WINDOWS_1252: 6,
} as const;
export type DecoderKind = (typeof DecoderKind)[keyof typeof DecoderKind];

function info(mib: number, label: string, decoder: DecoderKind, terminatorWidth: 1 | 2 | 4 = 1): CharsetInfo {
  return { mib, label, decoder, terminatorWidth };
}

const table = new Map<number, CharsetInfo>(
  [
    info(3, 'us-ascii', DecoderKind.ASCII),
    info(4, 'iso-8859-1', DecoderKind.LATIN1),
    info(106, 'utf-8', DecoderKind.UTF8),
    info(1013, 'utf-16be', DecoderKind.TEXT_DECODER, 2),
    info(1014, 'utf-16le', DecoderKind.TEXT_DECODER, 2),
    info(1015, 'utf-16', DecoderKind.UTF16_BOM, 2),
    info(1017, 'utf-32', DecoderKind.NONE, 4),
    info(1018, 'utf-32be', DecoderKind.NONE, 4),
    info(1019, 'utf-32le', DecoderKind.NONE, 4),
    // ISO-8859-2 .. -10 are MIBenum 5..13.
    ...[2, 3, 4, 5, 6, 7, 8, 9, 10].map((n) => info(n + 3, `iso-8859-${n}`, DecoderKind.TEXT_DECODER)),
    info(109, 'iso-8859-13', DecoderKind.TEXT_DECODER),
    info(110, 'iso-8859-14', DecoderKind.TEXT_DECODER),
    info(111, 'iso-8859-15', DecoderKind.TEXT_DECODER),
    info(112, 'iso-8859-16', DecoderKind.TEXT_DECODER),
    info(17, 'shift_jis', DecoderKind.TEXT_DECODER),
    info(18, 'euc-jp', DecoderKind.TEXT_DECODER),
    info(38, 'euc-kr', DecoderKind.TEXT_DECODER),
    info(39, 'iso-2022-jp', DecoderKind.TEXT_DECODER),
    info(113, 'gbk', DecoderKind.TEXT_DECODER),
    info(114, 'gb18030', DecoderKind.TEXT_DECODER),
    info(2025, 'gb2312', DecoderKind.TEXT_DECODER),
    info(2026, 'big5', DecoderKind.TEXT_DECODER),
    info(2084, 'koi8-r', DecoderKind.TEXT_DECODER),
    info(2088, 'koi8-u', DecoderKind.TEXT_DECODER),
    // windows-1250 .. windows-1258 are MIBenum 2250..2258.
    ...[0, 1, 3, 4, 5, 6, 7, 8].map((n) => info(2250 + n, `windows-125${n}`, DecoderKind.TEXT_DECODER)),
    info(2252, 'windows-1252', DecoderKind.WINDOWS_1252),
  ].map((c) => [c.mib, c]),
);

/**
 * What the codec knows about a MIBenum. Unknown values get a single-NUL terminator (true of
 * every ASCII-compatible charset) and no decoder.
 */
export function charsetInfo(mib: number): CharsetInfo {
  return table.get(mib) ?? info(mib, '', DecoderKind.NONE);
}

/**
 * The IANA / WHATWG label of a MIBenum the codec knows (e.g. 106 -> 'utf-8', 4 -> 'iso-8859-1'),
 * or undefined; for Content-Type parameters and XML declarations.
 */
export function charsetLabel(mib: number): string | undefined {
  return table.get(mib)?.label;
}
