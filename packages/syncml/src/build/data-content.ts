/**
 * What an item's Data may hold, judged before parsing it: shared by the builder and the fused
 * WBXML decoder, which must decide alike.
 */

const DEVINF_TYPE_PREFIX = 'application/vnd.syncml-devinf';

/** True when a Meta Type names DevInf (`application/vnd.syncml-devinf+...`), in any letter case, without a lower-cased copy. */
export function isDevInfType(type: string | undefined): boolean {
  if (type === undefined || type.length < DEVINF_TYPE_PREFIX.length) return false;
  for (let i = 0; i < DEVINF_TYPE_PREFIX.length; i++) {
    let c = type.charCodeAt(i);
    if (c >= 0x41 && c <= 0x5a) c += 0x20;
    if (c !== DEVINF_TYPE_PREFIX.charCodeAt(i)) return false;
  }
  return true;
}

/**
 * True when Data starting with byte `first` may hold a document: WBXML starts with its version
 * byte (0-3), XML with `<`, white space or a byte-order mark. Item data (a vCard, base64)
 * starts otherwise and skips the DevInf checks.
 */
export function mayHoldDocument(first: number): boolean {
  return (
    first <= 0x03 ||
    first === 0x3c ||
    first === 0x20 ||
    first === 0x0a ||
    first === 0x0d ||
    first === 0x09 ||
    first === 0xef
  );
}
