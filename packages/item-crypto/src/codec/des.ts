import { createCipheriv, createDecipheriv, createHash } from 'node:crypto';
import { ItemCryptoError } from '../errors.js';

/** DES block (and key) size in bytes. */
const BLOCK = 8;

/**
 * Funambol's item key: the first 8 bytes of MD5(UTF-8 password). DES ignores
 * the parity bit of each byte, so the bytes are used as they are. Store this
 * key instead of the password to decrypt items later.
 */
export function deriveDesKey(password: string): Uint8Array {
  return new Uint8Array(createHash('md5').update(password, 'utf8').digest().subarray(0, BLOCK));
}

function checkKey(key: Uint8Array): Buffer {
  if (key.length !== BLOCK) {
    throw new ItemCryptoError('INVALID_KEY', `a DES key is ${BLOCK} bytes, got ${key.length}`, {
      transformation: 'des',
    });
  }
  // Triple DES with K1 = K2 = K3 is single DES (encrypt, decrypt, encrypt with
  // one key), and `des-ede3` is ECB. OpenSSL 3 only offers plain `des-ecb`
  // through its legacy provider, which Node does not load by default.
  const k = Buffer.from(key.buffer, key.byteOffset, key.byteLength);
  return Buffer.concat([k, k, k]);
}

/** DES-ECB encryption with PKCS#5 padding (1 to 8 pad bytes, each holding the pad length). */
export function desEncrypt(plain: Uint8Array, key: Uint8Array): Uint8Array {
  const cipher = createCipheriv('des-ede3', checkKey(key), null);
  cipher.setAutoPadding(false);
  const padLength = BLOCK - (plain.length % BLOCK);
  const padded = new Uint8Array(plain.length + padLength);
  padded.set(plain);
  padded.fill(padLength, plain.length);
  const head = cipher.update(padded);
  const tail = cipher.final();
  return new Uint8Array(tail.length === 0 ? head : Buffer.concat([head, tail]));
}

/**
 * DES-ECB decryption, PKCS#5 padding checked and removed. A wrong key shows
 * up as bad padding in 255 of 256 cases; the rest decode to garbage that only
 * the item's parser can reject.
 *
 * @throws {ItemCryptoError} `BAD_CIPHERTEXT_LENGTH` or `BAD_PADDING` (400).
 */
export function desDecrypt(encrypted: Uint8Array, key: Uint8Array): Uint8Array {
  if (encrypted.length === 0 || encrypted.length % BLOCK !== 0) {
    throw new ItemCryptoError(
      'BAD_CIPHERTEXT_LENGTH',
      `DES data must be a non-empty multiple of ${BLOCK} bytes, got ${encrypted.length}`,
      { offset: encrypted.length, transformation: 'des' },
    );
  }
  const decipher = createDecipheriv('des-ede3', checkKey(key), null);
  decipher.setAutoPadding(false);
  const plain = Buffer.concat([decipher.update(encrypted), decipher.final()]);
  const padLength = plain[plain.length - 1]!;
  let valid = padLength >= 1 && padLength <= BLOCK;
  for (let i = plain.length - padLength; valid && i < plain.length; i++) valid = plain[i] === padLength;
  if (!valid) {
    throw new ItemCryptoError('BAD_PADDING', 'bad DES padding: wrong key or corrupted data', {
      offset: encrypted.length - BLOCK,
      transformation: 'des',
    });
  }
  // Copy out: Buffer.concat may hand back a slice of Node's shared pool.
  return new Uint8Array(plain.subarray(0, plain.length - padLength));
}
