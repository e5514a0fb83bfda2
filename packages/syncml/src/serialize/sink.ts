import type { DevInf } from '../model/devinf.js';
import type { Payload } from '../model/payload.js';

/**
 * What the AST walkers write to: elements by id (`vocabulary/element-ids.ts`), in document
 * order. The WBXML and XML sinks turn them into bytes, or only count the bytes (for
 * `encodedSize`), through the same code.
 */
export interface ElementSink {
  /** 'wbxml' or 'xml': the walker picks the DevInf Meta Type to match. */
  readonly encoding: 'wbxml' | 'xml';
  /** An element with content starts. */
  start(id: number): void;
  /** The element opened last ends. */
  end(id: number): void;
  /** An element without content (a flag such as `<Final/>`). */
  empty(id: number): void;
  /** A leaf holding text; '' is written as an empty element. */
  string(id: number, value: string): void;
  /** A leaf holding a non-negative integer. */
  number(id: number, value: number): void;
  /** A leaf holding bytes (item data, credentials, a nonce); no bytes is an empty element. */
  bytes(id: number, value: Payload): void;
  /** A Data element holding a DevInf document (WBXML: a nested document in OPAQUE; XML: inline). */
  devInf(id: number, devinf: DevInf): void;
}
