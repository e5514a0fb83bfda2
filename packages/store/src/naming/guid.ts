import { randomBytes } from 'node:crypto';

/** 32 letters without look-alikes (no i, l, o, u): GUIDs stay short, case-proof and easy to read in logs. */
const GUID_ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';
const GUID_LENGTH = 10;

/**
 * Default GUID generator: 10 characters, 50 random bits. Short because devices keep the server id of every
 * item in their own map, and some declare a small MaxGUIDSize; random so GUIDs leak nothing about counts.
 */
export function randomGuid(): string {
  const bytes = randomBytes(GUID_LENGTH);
  let guid = '';
  for (let i = 0; i < GUID_LENGTH; i++) guid += GUID_ALPHABET[bytes[i]! & 31];
  return guid;
}
