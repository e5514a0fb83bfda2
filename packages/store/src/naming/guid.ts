import { randomBytes } from 'node:crypto';

/** 32 letters without look-alikes (no i, l, o, u): GUIDs stay short, case-proof and easy to read in logs. */
const GUID_ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';
const GUID_LENGTH = 10;
/** Random bytes fetched at a time: one call into the system's generator per 400 GUIDs. */
const RANDOM_POOL_SIZE = 4000;

let pool: Uint8Array = new Uint8Array(0);
let poolAt = 0;

/**
 * Default GUID generator: 10 characters, 50 random bits. Short because devices keep the server id of every
 * item in their own map, and some declare a small MaxGUIDSize; random so GUIDs leak nothing about counts.
 */
export function randomGuid(): string {
  if (poolAt + GUID_LENGTH > pool.length) {
    pool = randomBytes(RANDOM_POOL_SIZE);
    poolAt = 0;
  }
  let guid = '';
  for (let i = 0; i < GUID_LENGTH; i++) guid += GUID_ALPHABET[pool[poolAt++]! & 31];
  return guid;
}
