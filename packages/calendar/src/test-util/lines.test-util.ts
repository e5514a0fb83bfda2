/** A Versit object from lines (CRLF-joined, with a final CRLF). */
export function lines(...content: string[]): string {
  return `${content.join('\r\n')}\r\n`;
}
