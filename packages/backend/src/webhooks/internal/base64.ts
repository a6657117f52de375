/** Standard base64 (not base64url); padding optional, no whitespace. */
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Decodes standard base64, or returns `undefined` when the input is not base64. */
export function decodeBase64(input: string): Uint8Array<ArrayBuffer> | undefined {
  if (!BASE64.test(input) || input.length % 4 === 1) return undefined;
  let binary: string;
  try {
    binary = atob(input);
  } catch {
    return undefined;
  }
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Encodes bytes as standard, padded base64. */
export function encodeBase64(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}
