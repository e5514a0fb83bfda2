import { readdirSync } from 'node:fs';
import { posix } from 'node:path';
import { type CapturedItem, messageItems } from '../message/items.js';
import { vectorPath } from '../vectors-dir.js';

/** Which messages of a recorded session: the client's, the server's replies, or both. */
export type SessionSide = 'client' | 'server' | 'both';

/**
 * The XML messages of a recorded session (`sessions/<session>/syncml_<side>_NM.xml`),
 * relative to the vectors folder, sorted by name: with `both`, every client
 * message, then every server message.
 */
export function sessionMessageFiles(session: string, side: SessionSide = 'both'): string[] {
  const folder = posix.join('sessions', session);
  const prefix = side === 'both' ? 'syncml_' : `syncml_${side}_`;
  return readdirSync(vectorPath(folder))
    .filter((name) => name.startsWith(prefix) && name.endsWith('.xml'))
    .sort()
    .map((name) => posix.join(folder, name));
}

/** The items of the Add and Replace commands of a session's messages, in file order ({@link sessionMessageFiles}). */
export function sessionItems(session: string, side: SessionSide = 'both'): CapturedItem[] {
  return sessionMessageFiles(session, side).flatMap((file) => messageItems(file));
}
