import type { Store } from "../../store/store.js";
import type { SigningKeyRing } from "../../tokens/signing-key-ring.js";
import { hashClientToken, newClientToken } from "./client-token.js";

/** How long the app's server has to fetch a nonce's payload, or to use a handshake token. */
export const HANDSHAKE_PAYLOAD_LIFETIME_SECONDS = 120;

/** The query parameter a handshake redirect carries back to the app, by format. */
export type HandshakeFormat = "nonce" | "token";

/**
 * Packs a handshake's cookie directives for the trip back to the app, as the SDK asked:
 * - `nonce`: a random nonce in `__clerk_handshake_nonce`; the directives wait in the store under
 *   its digest until the app's server takes them once from the Backend API
 *   (`GET /v1/clients/handshake_payload`), within {@link HANDSHAKE_PAYLOAD_LIFETIME_SECONDS};
 * - `token`: `__clerk_handshake`, a JWT `{ handshake: directives }` signed with the instance's
 *   key, which the SDK checks against the JWKS.
 *
 * @returns the query parameter (name and value) to add to the redirect
 * @example
 * const [name, value] = await packHandshake({ store, signingKeys, now }, "nonce", directives);
 */
export async function packHandshake(
  services: {
    store: Pick<Store, "saveHandshakePayload" | "deleteExpiredHandshakePayloads">;
    signingKeys: SigningKeyRing;
    now: number;
  },
  format: HandshakeFormat,
  directives: readonly string[],
): Promise<readonly [string, string]> {
  if (format === "token") {
    const iat = Math.floor(services.now / 1000);
    const jwt = await services.signingKeys.sign(
      { handshake: directives, iat, exp: iat + HANDSHAKE_PAYLOAD_LIFETIME_SECONDS },
      HANDSHAKE_PAYLOAD_LIFETIME_SECONDS,
    );
    return ["__clerk_handshake", jwt];
  }
  const nonce = newClientToken();
  await services.store.deleteExpiredHandshakePayloads(services.now);
  await services.store.saveHandshakePayload({
    nonceHash: hashClientToken(nonce),
    directives,
    expireAt: services.now + HANDSHAKE_PAYLOAD_LIFETIME_SECONDS * 1000,
  });
  return ["__clerk_handshake_nonce", nonce];
}
