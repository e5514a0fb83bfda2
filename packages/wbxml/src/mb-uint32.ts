// mb_u_int32 (WBXML 1.3 §5.1): big-endian base 128, bit 0x80 on every byte but the last,
// at most 5 bytes for 32 bits.

/** Largest value an mb_u_int32 holds. */
export const MAX_MB_UINT32 = 0xffffffff;

/** Bytes needed to encode `value` (0..0xFFFFFFFF) as mb_u_int32. */
export function mbUint32Length(value: number): number {
  if (value < 0x80) return 1;
  if (value < 0x4000) return 2;
  if (value < 0x200000) return 3;
  if (value < 0x10000000) return 4;
  return 5;
}

/** Writes `value` at buf[pos] (room must be there); returns the position after it. */
export function writeMbUint32(buf: Uint8Array, pos: number, value: number): number {
  const n = mbUint32Length(value);
  let v = value;
  for (let i = n - 1; i >= 0; i--) {
    // Division, not shifts: values above 2^31 would turn negative under `>>`.
    const group = v % 128;
    buf[pos + i] = i === n - 1 ? group : group | 0x80;
    v = (v - group) / 128;
  }
  return pos + n;
}

/** `value` encoded as mb_u_int32. Throws RangeError outside 0..0xFFFFFFFF. */
export function encodeMbUint32(value: number): Uint8Array {
  if (!Number.isInteger(value) || value < 0 || value > MAX_MB_UINT32) {
    throw new RangeError(`mb_u_int32 holds 0..0xFFFFFFFF, got ${value}`);
  }
  const out = new Uint8Array(mbUint32Length(value));
  writeMbUint32(out, 0, value);
  return out;
}
