import { SyncMLError } from '../errors.js';
import type { ElementSink } from './sink.js';

/** Leaf writers shared by the message and DevInf walkers; a value they cannot write throws CANNOT_SERIALIZE. */

export function bad(path: string, message: string): never {
  throw new SyncMLError('CANNOT_SERIALIZE', message, { path });
}

/** A required string leaf. */
export function req(s: ElementSink, id: number, value: string, path: string): void {
  if (typeof value !== 'string') bad(path, 'a required string is missing');
  s.string(id, value);
}

/** An optional string leaf. */
export function opt(s: ElementSink, id: number, value: string | undefined): void {
  if (value !== undefined) s.string(id, value);
}

/** An empty element standing for `true`. */
export function flag(s: ElementSink, id: number, value: boolean | undefined): void {
  if (value === true) s.empty(id);
}

/** An optional non-negative integer leaf. */
export function num(s: ElementSink, id: number, value: number | undefined, path: string): void {
  if (value === undefined) return;
  if (!Number.isSafeInteger(value) || value < 0) bad(path, `${value} is not a non-negative integer`);
  s.number(id, value);
}
