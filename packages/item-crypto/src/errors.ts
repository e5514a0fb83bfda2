/**
 * Stable error codes of this package. Each maps to one SyncML status (see
 * {@link ItemCryptoError.status}); the table lives in `STATUS_BY_CODE`.
 */
export type ItemCryptoErrorCode =
  | 'UNKNOWN_TRANSFORMATION'
  | 'MISSING_KEY'
  | 'INVALID_KEY'
  | 'BAD_BASE64'
  | 'BAD_CIPHERTEXT_LENGTH'
  | 'BAD_PADDING'
  | 'ITEM_TOO_LARGE';

/** SyncML statuses an item-encoding failure is answered with. */
export type ItemCryptoStatus = 400 | 413 | 415 | 500;

// One table from error code to the status the engine answers the item with:
// malformed payloads are the client's fault (400); encodings or keys this
// server cannot handle for the account are "unsupported format" (415); a key
// of the wrong size handed in by the caller is a server fault (500).
const STATUS_BY_CODE: Readonly<Record<ItemCryptoErrorCode, ItemCryptoStatus>> = {
  UNKNOWN_TRANSFORMATION: 415,
  MISSING_KEY: 415,
  INVALID_KEY: 500,
  BAD_BASE64: 400,
  BAD_CIPHERTEXT_LENGTH: 400,
  BAD_PADDING: 400,
  ITEM_TOO_LARGE: 413,
};

/** Where in the transformation chain an error happened. */
export interface ItemCryptoErrorDetails {
  /** Byte offset in the input of the failing step (for the first step: in the item data). */
  offset?: number;
  /** The transformation that failed (`b64`, `des`), or the unknown token. */
  transformation?: string;
  cause?: unknown;
}

/** The only error type this package throws. */
export class ItemCryptoError extends Error {
  override readonly name = 'ItemCryptoError';
  readonly code: ItemCryptoErrorCode;
  /** SyncML status to answer the item with. */
  readonly status: ItemCryptoStatus;
  readonly offset: number | undefined;
  readonly transformation: string | undefined;

  constructor(code: ItemCryptoErrorCode, message: string, details: ItemCryptoErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.code = code;
    this.status = STATUS_BY_CODE[code];
    this.offset = details.offset;
    this.transformation = details.transformation;
  }
}
