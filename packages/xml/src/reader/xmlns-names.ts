/** Byte tests for the reserved `xml` / `xmlns` names of XML Namespaces. */

/** buf[at...at+5) is `xmlns`. */
export function isXmlns(buf: Uint8Array, at: number): boolean {
  return (
    buf[at] === 0x78 &&
    buf[at + 1] === 0x6d &&
    buf[at + 2] === 0x6c &&
    buf[at + 3] === 0x6e &&
    buf[at + 4] === 0x73
  );
}

/** buf[start, end) is exactly `xmlns`. */
export function isXmlnsName(buf: Uint8Array, start: number, end: number): boolean {
  return end - start === 5 && isXmlns(buf, start);
}

/** buf[at...at+3) is `xml`. */
export function isXmlPrefix(buf: Uint8Array, at: number): boolean {
  return buf[at] === 0x78 && buf[at + 1] === 0x6d && buf[at + 2] === 0x6c;
}
