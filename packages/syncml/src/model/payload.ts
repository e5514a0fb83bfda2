/**
 * Bytes of an item's `<Data>` (or of any opaque field): a view into the message it
 * came from, decoded to text only when asked. Large-object chunks can end inside a
 * UTF-8 character, so data stays bytes until the whole object is joined.
 */
export class Payload {
  readonly kind: 'payload' = 'payload';
  readonly buf: Uint8Array;
  readonly start: number;
  readonly end: number;
  #text: string | undefined;

  constructor(buf: Uint8Array, start = 0, end: number = buf.length) {
    this.buf = buf;
    this.start = start;
    this.end = end;
    this.#text = undefined;
  }

  static fromText(text: string): Payload {
    const p = new Payload(utf8Encoder.encode(text));
    p.#text = text;
    return p;
  }

  static fromBytes(bytes: Uint8Array): Payload {
    return new Payload(bytes, 0, bytes.length);
  }

  /** Joins payloads (large-object chunks) into one, copying once. */
  static concat(parts: readonly Payload[]): Payload {
    if (parts.length === 1) return parts[0]!;
    let total = 0;
    for (const p of parts) total += p.end - p.start;
    const out = new Uint8Array(total);
    let at = 0;
    for (const p of parts) {
      out.set(p.buf.subarray(p.start, p.end), at);
      at += p.end - p.start;
    }
    return new Payload(out, 0, total);
  }

  get length(): number {
    return this.end - this.start;
  }

  /** A view of the bytes (no copy). */
  bytes(): Uint8Array {
    return this.buf.subarray(this.start, this.end);
  }

  /** The bytes decoded as UTF-8 (invalid sequences become U+FFFD); cached. */
  text(): string {
    if (this.#text === undefined) this.#text = utf8Decoder.decode(this.bytes());
    return this.#text;
  }

  equals(other: Payload): boolean {
    const n = this.end - this.start;
    if (n !== other.end - other.start) return false;
    const a = this.buf;
    const b = other.buf;
    for (let i = 0, j = this.start, k = other.start; i < n; i++, j++, k++) if (a[j] !== b[k]) return false;
    return true;
  }

  toJSON(): string {
    return this.text();
  }
}

const utf8Encoder = new TextEncoder();
const utf8Decoder = new TextDecoder('utf-8');
