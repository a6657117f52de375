import type { SigningKeyRing } from "../keys/signing-key-ring.js";

/**
 * Mints a client token: an RS256 JWT `{ id: <client id>, iat }` signed with the instance's key, the
 * value of the Frontend API's `__client` cookie, checked by `POST /v1/clients/verify`.
 *
 * @example
 * const token = await mintClientToken(signingKeys, client.id, clock.now());
 */
export function mintClientToken(
  signingKeys: SigningKeyRing,
  clientId: string,
  now: number,
): Promise<string> {
  return signingKeys.sign({ id: clientId, iat: Math.floor(now / 1000) }, 0);
}

/**
 * Reads the client id from a client token whose signature is valid (any key the instance has
 * had, so rotation does not sign clients out).
 *
 * @returns the client id, or null for a malformed, foreign or tampered token
 * @example
 * const clientId = await verifyClientToken(signingKeys, token);
 */
export async function verifyClientToken(
  signingKeys: SigningKeyRing,
  token: string,
): Promise<string | null> {
  const claims = await signingKeys.verify(token);
  const id = claims?.id;
  return typeof id === "string" && id.startsWith("client_") ? id : null;
}
