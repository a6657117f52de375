const encoder = new TextEncoder();

/**
 * HMAC-SHA256 of `${id}.${timestamp}.${payload}` under `key`.
 *
 * A byte payload is signed as-is, so bodies are verified exactly as they arrived.
 */
export async function computeSignature(
  key: CryptoKey,
  id: string,
  timestamp: string,
  payload: string | Uint8Array,
): Promise<Uint8Array> {
  const prefix = encoder.encode(`${id}.${timestamp}.`);
  const body = typeof payload === "string" ? encoder.encode(payload) : payload;
  const content = new Uint8Array(prefix.length + body.length);
  content.set(prefix, 0);
  content.set(body, prefix.length);
  const mac = await globalThis.crypto.subtle.sign("HMAC", key, content);
  return new Uint8Array(mac);
}
