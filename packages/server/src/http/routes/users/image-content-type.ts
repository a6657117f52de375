/** Image formats accepted as profile images, recognised by their leading bytes. */
const SIGNATURES: Array<{ type: string; matches(bytes: Uint8Array): boolean }> = [
  {
    type: "image/png",
    matches: (b) => [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((v, i) => b[i] === v),
  },
  { type: "image/jpeg", matches: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  {
    type: "image/gif",
    matches: (b) => String.fromCharCode(...b.subarray(0, 6)).match(/^GIF8[79]a$/) !== null,
  },
  {
    type: "image/webp",
    matches: (b) =>
      String.fromCharCode(...b.subarray(0, 4)) === "RIFF" &&
      String.fromCharCode(...b.subarray(8, 12)) === "WEBP",
  },
];

/**
 * The content type of an uploaded image, from its bytes (never from what the client claims, so
 * nothing but PNG, JPEG, GIF or WebP is ever served back).
 *
 * @returns the MIME type, or null when the bytes are none of the accepted formats
 * @example
 * imageContentType(pngBytes); // "image/png"
 */
export function imageContentType(bytes: Uint8Array): string | null {
  return SIGNATURES.find((signature) => signature.matches(bytes))?.type ?? null;
}
