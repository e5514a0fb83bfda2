import type { VersitErrorCode } from '@syncds/versit';

/** Error codes of this package; line-layer errors keep the @syncds/versit code. */
export type ContactErrorCode =
  | VersitErrorCode
  | 'UNSUPPORTED_CONTENT_TYPE'
  | 'UNSUPPORTED_VERSION'
  | 'NOT_A_VCARD'
  | 'INVALID_DATE'
  | 'INVALID_PHOTO'
  | 'MALFORMED_SIFC'
  | 'NOT_A_SIFC';

/** SyncML status of this package's own codes (versit codes carry their own). */
export const CONTACT_ERROR_STATUS: Readonly<Record<Exclude<ContactErrorCode, VersitErrorCode>, number>> = {
  UNSUPPORTED_CONTENT_TYPE: 415,
  UNSUPPORTED_VERSION: 415,
  NOT_A_VCARD: 400,
  INVALID_DATE: 400,
  INVALID_PHOTO: 400,
  MALFORMED_SIFC: 400,
  NOT_A_SIFC: 400,
};

/** Where a contact error was found. All optional: each format knows some of them. */
export interface ContactErrorLocation {
  /** Byte offset in the item (-1 when unknown). */
  offset?: number;
  /** 1-based line (vCard). */
  line?: number;
  /** Upper-cased vCard property name. */
  property?: string;
  /** SIF-C element name. */
  element?: string;
}

/** The one error type this package throws for bad items. */
export class ContactCodecError extends Error {
  override readonly name = 'ContactCodecError';
  readonly code: ContactErrorCode;
  /** SyncML status to answer the item with: 400 bad item, 413 too large, 415 unsupported. */
  readonly status: number;
  readonly offset: number;
  readonly line: number;
  readonly property: string | undefined;
  readonly element: string | undefined;

  constructor(
    code: ContactErrorCode,
    status: number,
    message: string,
    location: ContactErrorLocation = {},
    options?: { cause?: unknown },
  ) {
    const where = [
      location.line ? `line ${location.line}` : '',
      location.offset !== undefined && location.offset >= 0 ? `byte ${location.offset}` : '',
      location.property ?? '',
      location.element ? `<${location.element}>` : '',
    ]
      .filter((s) => s !== '')
      .join(', ');
    super(where ? `${message} (${where})` : message, options);
    this.code = code;
    this.status = status;
    this.offset = location.offset ?? -1;
    this.line = location.line ?? 0;
    this.property = location.property;
    this.element = location.element;
  }
}

/** An error with one of this package's own codes and its status. */
export function contactError(
  code: Exclude<ContactErrorCode, VersitErrorCode>,
  message: string,
  location?: ContactErrorLocation,
  cause?: unknown,
): ContactCodecError {
  return new ContactCodecError(
    code,
    CONTACT_ERROR_STATUS[code],
    message,
    location,
    cause === undefined ? undefined : { cause },
  );
}
