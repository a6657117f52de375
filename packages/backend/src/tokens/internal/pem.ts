/**
 * Extracts the DER bytes of an SPKI public key from PEM text. Accepts the armour with or without
 * line breaks (env files often hold the key on one line, with `\n` escapes) and a bare base64 body.
 * Returns `undefined` when the text holds no such key.
 */
export function spkiFromPem(pem: string): Uint8Array | undefined {
  const text = pem.replace(/\\n/g, "\n").trim();
  if (text.includes("PRIVATE KEY")) return undefined;
  const body = text
    .replace(/-----BEGIN PUBLIC KEY-----/, "")
    .replace(/-----END PUBLIC KEY-----/, "")
    .replace(/\s+/g, "");
  if (body.length === 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(body)) return undefined;
  try {
    const binary = atob(body);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  } catch {
    return undefined;
  }
}
