// The WHATWG text codecs exist in every runtime these packages target (Node,
// browsers, Deno, Bun). Codec packages compile with `"types": []` so they cannot
// reach Node APIs by accident; this file declares the two globals they may use.
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean });
  readonly encoding: string;
  decode(input?: Uint8Array, options?: { stream?: boolean }): string;
}
declare class TextEncoder {
  readonly encoding: string;
  encode(input?: string): Uint8Array;
  encodeInto(source: string, destination: Uint8Array): { read: number; written: number };
}
