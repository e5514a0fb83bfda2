/** vCard / SIF TYPE tokens of images and their media types. */
const TOKEN_TO_MEDIA: Readonly<Record<string, string>> = {
  JPEG: 'image/jpeg',
  JPG: 'image/jpeg',
  PJPEG: 'image/jpeg',
  GIF: 'image/gif',
  PNG: 'image/png',
  BMP: 'image/bmp',
  TIFF: 'image/tiff',
  TIF: 'image/tiff',
  WBMP: 'image/vnd.wap.wbmp',
  WEBP: 'image/webp',
  HEIC: 'image/heic',
};

/**
 * The media type of a TYPE token (`JPEG`, `jpg`, or already `image/jpeg`);
 * an unknown token `XYZ` becomes `image/xyz`.
 */
export function mediaTypeOfToken(token: string): string {
  const trimmed = token.trim();
  if (trimmed.includes('/')) return trimmed.toLowerCase();
  return TOKEN_TO_MEDIA[trimmed.toUpperCase()] ?? `image/${trimmed.toLowerCase()}`;
}

/** The TYPE token for a media type: `image/jpeg` -> `JPEG`. */
export function tokenOfMediaType(mediaType: string): string {
  const lower = mediaType.toLowerCase();
  if (lower === 'image/jpeg') return 'JPEG';
  const slash = lower.indexOf('/');
  return (slash < 0 ? lower : lower.slice(slash + 1)).toUpperCase();
}

/** The media type told by the first bytes of an image, when they are a known signature. */
export function sniffImageType(bytes: Uint8Array): string | undefined {
  const b = (i: number) => bytes[i] ?? -1;
  if (b(0) === 0xff && b(1) === 0xd8 && b(2) === 0xff) return 'image/jpeg';
  if (b(0) === 0x89 && b(1) === 0x50 && b(2) === 0x4e && b(3) === 0x47) return 'image/png';
  if (b(0) === 0x47 && b(1) === 0x49 && b(2) === 0x46 && b(3) === 0x38) return 'image/gif';
  if (b(0) === 0x42 && b(1) === 0x4d) return 'image/bmp';
  return undefined;
}
